import { STATUS_COLOURS, STATUS_LABELS_TH, STATUSES, type Status } from '@banmae/domain';
import s from './queue.module.css';

/** Counts per status (aggregation queries); a tap filters the queue by that status. */
export function StatusCounts({
  counts,
  active,
  onPick,
}: {
  counts: Record<Status, number> | undefined;
  active: Status | null;
  onPick: (s: Status | null) => void;
}) {
  const total = counts ? STATUSES.reduce((n, st) => n + counts[st], 0) : undefined;
  const shown = (n: number | undefined) => (n === undefined ? '…' : n.toLocaleString('th-TH'));
  return (
    <div class={s.counts} role="group" aria-label="จำนวนเรื่องแยกตามสถานะ" data-testid="status-counts">
      <button type="button" class={s.count} aria-pressed={active === null} onClick={() => onPick(null)}>
        <span class={s.countLabel}>ทั้งหมด</span>
        <span class={s.countNo}>{shown(total)}</span>
      </button>
      {STATUSES.map((st) => (
        <button type="button" key={st} class={s.count} aria-pressed={active === st} onClick={() => onPick(active === st ? null : st)} data-status={st}>
          <span class={s.countLabel}>
            <span class={s.dot} style={{ background: STATUS_COLOURS[st] }} aria-hidden="true" />
            {STATUS_LABELS_TH[st]}
          </span>
          <span class={s.countNo}>{shown(counts?.[st])}</span>
        </button>
      ))}
    </div>
  );
}
