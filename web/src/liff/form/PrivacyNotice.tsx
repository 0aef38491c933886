import s from './form.module.css';
import { config } from '../env.ts';

/**
 * The short notice PDPA s.23 asks for before collection (purpose, legal basis, retention, recipients),
 * above the first personal field, with the full notice one tap away. Wording and version come from
 * the config; the version is stored with the case. The acknowledgement sits by the submit button
 * (PrivacyAcknowledgement).
 */
export function PrivacyNotice() {
  const notice = config.privacyNotice;
  return (
    <section class={s.notice} aria-labelledby="privacy-title" data-testid="privacy-notice">
      <h2 id="privacy-title">{notice.titleTh}</h2>
      <p>{notice.summaryTh}</p>
      <details class={s.privacy} id="privacy-full">
        <summary>อ่านประกาศฉบับเต็ม</summary>
        {notice.sections.map((section) => (
          <div key={section.headingTh}>
            <h3>{section.headingTh}</h3>
            <p>{section.bodyTh}</p>
          </div>
        ))}
      </details>
    </section>
  );
}
