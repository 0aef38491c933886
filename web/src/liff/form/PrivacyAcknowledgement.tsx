import s from './form.module.css';
import { describedBy, RequiredMark, ui } from '../ui/Field.tsx';

interface Props {
  acknowledged: boolean;
  error: string | undefined;
  onChange: (value: boolean) => void;
}

/** "I have read the notice", next to the submit button; the notice itself is above the first personal field. */
export function PrivacyAcknowledgement({ acknowledged, error, onChange }: Props) {
  return (
    <div class={ui.field}>
      <label class={s.ack}>
        <input
          id="privacyAcknowledged"
          type="checkbox"
          checked={acknowledged}
          onChange={(e) => onChange(e.currentTarget.checked)}
          aria-required="true"
          {...describedBy('privacyAcknowledged', { error })}
        />
        <span>
          ข้าพเจ้าได้อ่านและรับทราบประกาศความเป็นส่วนตัวข้างต้นแล้ว
          <RequiredMark />
        </span>
      </label>
      {error && (
        <p class={ui.error} id="privacyAcknowledged-error">
          {error}
        </p>
      )}
    </div>
  );
}
