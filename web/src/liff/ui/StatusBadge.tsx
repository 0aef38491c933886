import { STATUS_COLOURS, STATUS_LABELS_TH, type Status } from '@banmae/domain';
import s from './ui.module.css';

export function StatusBadge({ status, large }: { status: Status | null; large?: boolean }) {
  const label = status ? STATUS_LABELS_TH[status] : 'กำลังตรวจสอบ';
  const colour = status ? STATUS_COLOURS[status] : '#5c5c5c';
  return (
    <span class={large ? `${s.badge} ${s.badgeLarge}` : s.badge} style={{ background: colour }} data-testid="status">
      {label}
    </span>
  );
}
