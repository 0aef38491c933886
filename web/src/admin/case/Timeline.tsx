import { useState } from 'preact/hooks';
import { formatThaiDateTime } from '@banmae/domain';
import s from './case.module.css';
import type { TimelineStep } from '../data/case-detail.ts';
import { callableMessage, resendMessage } from '../data/staff-callables.ts';
import { ui } from '../ui/Field.tsx';
import { StatusBadge } from '../ui/StatusBadge.tsx';
import { deliveryLabel } from './delivery-labels.ts';

const BY_TH: Record<NonNullable<TimelineStep['by']>, string> = {
  system: 'ระบบ',
  staff: 'เจ้าหน้าที่ (ระบบเจ้าหน้าที่)',
  console: 'แก้ไขผ่านคอนโซล',
  citizen: 'ผู้แจ้ง',
};

/** Every step the citizen sees, with the state of the LINE message it caused. */
export function Timeline({ caseId, steps, onResent }: { caseId: string; steps: TimelineStep[]; onResent: () => Promise<void> }) {
  return (
    <section class={ui.card} aria-labelledby="timeline-title">
      <h2 id="timeline-title">ขั้นตอนการดำเนินการ (ผู้แจ้งเห็น)</h2>
      <ol class={s.timeline} data-testid="timeline">
        {steps.map((step) => (
          <Step key={step.id} caseId={caseId} step={step} onResent={onResent} />
        ))}
      </ol>
    </section>
  );
}

function Step({ caseId, step, onResent }: { caseId: string; step: TimelineStep; onResent: () => Promise<void> }) {
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const label = deliveryLabel(step.delivery);

  const resend = async () => {
    setBusy(true);
    setProblem(null);
    try {
      const r = await resendMessage({ caseId, entryId: step.id });
      if (r.state === 'failed') setProblem(`ส่งไม่สำเร็จอีกครั้ง: ${r.lastError ?? 'ไม่ทราบสาเหตุ'}`);
      await onResent();
    } catch (err) {
      setProblem(callableMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <li class={s.step} data-step-id={step.id}>
      <div class={s.stepHead}>
        <StatusBadge status={step.status} />
        <span class={s.stepTime}>{formatThaiDateTime(step.at)}</span>
        {step.by && <span class={ui.muted}>· {BY_TH[step.by]}</span>}
      </div>
      {step.note && <p class={s.stepNote}>{step.note}</p>}
      <p class={`${s.delivery} ${s[label.tone]}`} data-testid="delivery">
        ข้อความ LINE: <strong>{label.text}</strong>
        {label.detail && <span> ({label.detail})</span>}
        {step.settledAt && label.tone !== 'pending' && <span class={ui.muted}> · {formatThaiDateTime(step.settledAt)}</span>}
        {step.delivery && step.delivery.attempts > 1 && <span class={ui.muted}> · พยายามส่ง {step.delivery.attempts} ครั้ง</span>}
      </p>
      {label.resendable && (
        <button type="button" class={ui.secondary} disabled={busy} onClick={() => void resend()}>
          {busy ? 'กำลังส่ง…' : 'ส่งอีกครั้ง'}
        </button>
      )}
      {problem && (
        <p class={ui.error} role="alert">
          {problem}
        </p>
      )}
    </li>
  );
}
