import type { Ref } from 'preact';
import s from './form.module.css';
import { ui } from '../ui/Field.tsx';

/** Sign-in runs in the background while the citizen types (boot/session.ts); only this button waits for it. */
export type Readiness = 'preparing' | 'ready' | 'failed';

interface Props {
  buttonRef: Ref<HTMLButtonElement>;
  readiness: Readiness;
  submitting: boolean;
}

/**
 * "กำลังเตรียม…" under the button until sign-in is done. The button keeps its name and stays
 * pressable meanwhile: a press checks the form at once and sends as soon as sign-in finishes.
 */
export function SubmitButton({ buttonRef, readiness, submitting }: Props) {
  const preparing = readiness === 'preparing' && !submitting;
  return (
    <>
      <button
        ref={buttonRef}
        type="submit"
        class={ui.primary}
        disabled={submitting}
        aria-busy={submitting || preparing}
        aria-describedby={preparing ? 'submit-preparing' : undefined}
        data-ready={readiness === 'ready' ? 'true' : 'false'}
        data-testid="submit"
      >
        {submitting ? 'กำลังส่งข้อมูล…' : 'ส่งข้อมูลผู้ร้องเรียน'}
      </button>
      <p class={s.preparing} id="submit-preparing" role="status">
        {preparing ? 'กำลังเตรียม… กรอกข้อมูลต่อได้เลย' : ''}
      </p>
    </>
  );
}
