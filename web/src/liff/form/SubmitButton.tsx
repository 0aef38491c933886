import type { Ref } from 'preact';
import { ui } from '../ui/Field.tsx';

/** Sign-in runs in the background while the citizen types (boot/session.ts); only this button waits for it. */
export type Readiness = 'preparing' | 'ready' | 'failed';

interface Props {
  buttonRef: Ref<HTMLButtonElement>;
  readiness: Readiness;
  submitting: boolean;
}

/**
 * "กำลังเตรียม…" until sign-in is done. The button stays focusable and pressable meanwhile: a press
 * checks the form at once and sends as soon as sign-in finishes.
 */
export function SubmitButton({ buttonRef, readiness, submitting }: Props) {
  const label = submitting ? 'กำลังส่งข้อมูล…' : readiness === 'preparing' ? 'กำลังเตรียม…' : 'ส่งข้อมูลผู้ร้องเรียน';
  return (
    <button
      ref={buttonRef}
      type="submit"
      class={ui.primary}
      disabled={submitting}
      aria-busy={submitting || readiness === 'preparing'}
      data-ready={readiness === 'ready' ? 'true' : 'false'}
      data-testid="submit"
    >
      {label}
    </button>
  );
}
