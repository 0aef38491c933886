import { STATUS_COLOURS, STATUS_LABELS_TH, type Status } from '@banmae/domain';
import s from './ui.module.css';

/** The colour always comes with the Thai label: never colour alone. */
export function StatusBadge({ status, raw }: { status: Status | null; raw?: string }) {
  const label = status ? STATUS_LABELS_TH[status] : `สถานะไม่ถูกต้อง (${raw ?? '?'})`;
  return (
    <span class={s.badge} style={{ background: status ? STATUS_COLOURS[status] : '#5c5c5c' }} data-testid="status">
      {label}
    </span>
  );
}

export function OverdueBadge({ days }: { days: number | null }) {
  if (days === null) return null;
  return (
    <span class={s.overdue} data-testid="overdue">
      เกินกำหนด {days.toLocaleString('th-TH')} วันทำการ
    </span>
  );
}
