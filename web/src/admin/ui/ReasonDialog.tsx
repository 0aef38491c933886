import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { DESK_MESSAGES, isRevealReason, REVEAL_REASON_LABELS_TH, REVEAL_REASONS, type RevealReason } from '@banmae/domain';
import s from './dialog.module.css';
import { Field, inputClass, ui } from './Field.tsx';

interface ReasonDialogProps {
  title: string;
  confirmLabel: string;
  /** Extra fields above the reason (the phone number for a phone search). */
  children?: ComponentChildren;
  /** Resolves with a Thai error to show, or null when done (the dialog then closes). */
  onConfirm: (reason: RevealReason) => Promise<string | null>;
  onClose: () => void;
}

/**
 * Asks why before personal data is read (PDPA: purpose limitation). The reason goes into the audit
 * entry the function writes before it answers; there is no default, the clerk must pick one.
 */
export function ReasonDialog({ title, confirmLabel, children, onConfirm, onClose }: ReasonDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    ref.current?.showModal();
  }, []);

  const submit = async (e: Event) => {
    e.preventDefault();
    if (!isRevealReason(reason)) return setError(DESK_MESSAGES.badReason);
    setBusy(true);
    setError(null);
    const problem = await onConfirm(reason);
    setBusy(false);
    if (problem) setError(problem);
    else onClose();
  };

  return (
    <dialog ref={ref} class={s.dialog} aria-labelledby="reason-title" onClose={onClose}>
      <form onSubmit={(e) => void submit(e)}>
        <h2 id="reason-title" class={s.title}>
          {title}
        </h2>
        {children}
        <Field id="reveal-reason" label="เหตุผลในการเปิดดูข้อมูล" error={error === DESK_MESSAGES.badReason ? error : null}>
          <select id="reveal-reason" class={inputClass()} value={reason} onChange={(e) => setReason(e.currentTarget.value)}>
            <option value="">— เลือกเหตุผล —</option>
            {REVEAL_REASONS.map((r) => (
              <option key={r} value={r}>
                {REVEAL_REASON_LABELS_TH[r]}
              </option>
            ))}
          </select>
        </Field>
        <p class={ui.hint}>ระบบจะบันทึกชื่อผู้เปิดดู เวลา เรื่อง ข้อมูลที่ดู และเหตุผล ตาม พ.ร.บ.คุ้มครองข้อมูลส่วนบุคคล พ.ศ. 2562</p>
        {error && error !== DESK_MESSAGES.badReason && (
          <p class={ui.error} role="alert">
            {error}
          </p>
        )}
        <div class={s.actions}>
          <button type="button" class={ui.secondary} onClick={() => ref.current?.close()}>
            ยกเลิก
          </button>
          <button type="submit" class={ui.primary} disabled={busy}>
            {busy ? 'กำลังดำเนินการ…' : confirmLabel}
          </button>
        </div>
      </form>
    </dialog>
  );
}
