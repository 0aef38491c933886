import { ADDITION_LABELS_TH, formatThaiDateTime, NEEDS_ATTENTION_STATUSES, STATUS_LABELS_TH } from '@banmae/domain';
import s from './case.module.css';
import { ui } from '../ui/Field.tsx';
import type { DeskCase } from '../data/desk-case.ts';
import type { CitizenAddition } from '../data/citizen-additions.ts';
import type { ShownPhoto } from '../../shared/photos/photo-docs.ts';
import { AdditionPhotos } from '../../shared/photos/PhotoGrid.tsx';

/**
 * What the citizen said about their case after filing it (decision 018): a reopen that needs attention,
 * their cancel reason, their answer and rating, and the information they added with its photos. Nothing
 * when there is none.
 */
export function CitizenInput({ c, additions, photos }: { c: DeskCase; additions: CitizenAddition[]; photos: readonly ShownPhoto[] | null }) {
  const attention = c.status !== null && NEEDS_ATTENTION_STATUSES.includes(c.status);
  if (!attention && !c.cancelReason && !c.feedbackSummary && additions.length === 0) return null;
  return (
    <section class={ui.card} aria-labelledby="citizen-input-title" data-testid="citizen-input">
      <h2 id="citizen-input-title">จากผู้แจ้ง</h2>
      {attention && (
        <p class={`${ui.banner} ${ui.bannerError}`} role="status">
          {STATUS_LABELS_TH.reopened} — ต้องตรวจสอบอีกครั้ง
        </p>
      )}
      {c.cancelReason && (
        <p>
          <strong>เหตุผลที่ยกเลิก:</strong> {c.cancelReason}
        </p>
      )}
      {c.feedbackSummary && <p data-testid="desk-feedback">{c.feedbackSummary}</p>}
      {additions.length > 0 && (
        <ol class={s.timeline} data-testid="additions">
          {additions.map((a) => (
            <li key={a.id} class={s.step} data-testid="addition">
              <div class={s.stepHead}>
                <strong>{ADDITION_LABELS_TH[a.via]}</strong>
                <span class={s.stepTime}>{formatThaiDateTime(a.at)}</span>
              </div>
              <p class={s.stepNote}>{a.text}</p>
              <AdditionPhotos photos={photos} additionId={a.id} />
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
