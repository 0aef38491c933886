import s from './form.module.css';
import { ui } from '../ui/Field.tsx';
import { config } from '../env.ts';

interface Props {
  acknowledged: boolean;
  error: string | undefined;
  onChange: (value: boolean) => void;
}

/**
 * The notice PDPA s.23 requires before collection: purpose, legal basis, retention, recipients,
 * rights, contact. Its text and version come from the config; the version is stored with the case.
 */
export function PrivacyNotice({ acknowledged, error, onChange }: Props) {
  const notice = config.privacyNotice;
  return (
    <div class={ui.field}>
      <details class={s.privacy} open>
        <summary>{notice.titleTh}</summary>
        {notice.sections.map((section) => (
          <div key={section.headingTh}>
            <h3>{section.headingTh}</h3>
            <p>{section.bodyTh}</p>
          </div>
        ))}
      </details>
      <label class={s.ack}>
        <input
          id="privacyAcknowledged"
          type="checkbox"
          checked={acknowledged}
          onChange={(e) => onChange(e.currentTarget.checked)}
          aria-invalid={Boolean(error)}
        />
        <span>ข้าพเจ้าได้อ่านและรับทราบประกาศความเป็นส่วนตัวข้างต้นแล้ว</span>
      </label>
      {error && (
        <p class={ui.error} role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
