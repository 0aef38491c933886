import { formatThaiDateTime } from '@banmae/domain';
import s from './reports.module.css';
import { caseHref, followLink } from '../boot/router.ts';
import { fetchMessageQuota } from '../data/reports.ts';
import { useFreshData } from '../../shared/use-fresh-data.ts';

/** The function keeps LINE's answer a few minutes; the card asks again as often. */
const QUOTA_REFRESH_MS = 3 * 60 * 1000;

/**
 * This month's LINE messages: a meter, amber from 80 %, a red banner when none are left (every push
 * then fails silently for the citizen), the pushes split into receipts and status messages, and when
 * the allowance is gone the cases whose messages did not arrive, for staff to phone.
 */
export function QuotaMeter() {
  const quota = useFreshData(fetchMessageQuota, QUOTA_REFRESH_MS, []);
  const q = quota.data;
  if (!q) return quota.error ? <p class={s.quotaError}>ดึงข้อมูลโควตาข้อความ LINE ไม่สำเร็จ</p> : null;
  const share = q.limit ? Math.min(1, q.used / q.limit) : 0;
  const percent = Math.round(share * 100);
  return (
    <section class={`${s.quota} ${s[q.level]}`} data-testid="quota" data-level={q.level} aria-label="โควตาข้อความ LINE เดือนนี้">
      {q.level === 'exhausted' && (
        <p class={s.quotaBanner} role="alert" data-testid="quota-banner">
          ข้อความ LINE ของเดือนนี้หมดแล้ว ประชาชนจะไม่ได้รับข้อความแจ้งสถานะจนถึงเดือนหน้า กรุณาโทรแจ้งผู้แจ้งตามรายการด้านล่าง
        </p>
      )}
      {q.level === 'warning' && (
        <p class={s.quotaWarning} role="status" data-testid="quota-warning">
          ใช้ข้อความ LINE ไปแล้ว {percent}% ของเดือนนี้ ควรประหยัดการส่งข้อความ
        </p>
      )}
      <div class={s.quotaRow}>
        <span>ข้อความ LINE เดือนนี้</span>
        <meter min={0} max={q.limit ?? 1} low={(q.limit ?? 1) * 0.8} high={(q.limit ?? 1) * 0.99} optimum={0} value={q.limit ? q.used : 0} />
        <strong data-testid="quota-figures">
          {q.limit === null
            ? `${q.used.toLocaleString('th-TH')} (ไม่จำกัด)`
            : `${q.used.toLocaleString('th-TH')} / ${q.limit.toLocaleString('th-TH')} (${percent}%)`}
        </strong>
      </div>
      <p class={s.quotaSplit} data-testid="quota-split">
        ส่งแบบ push เดือนนี้: ใบรับเรื่อง {q.pushes.receipt.toLocaleString('th-TH')} · แจ้งสถานะ {q.pushes.status.toLocaleString('th-TH')} ข้อความ
        <span class={s.quotaAt}> · ข้อมูลเมื่อ {formatThaiDateTime(new Date(q.fetchedAtMs))}</span>
      </p>
      {q.undelivered && q.undelivered.length > 0 && (
        <details open class={s.undelivered}>
          <summary>เรื่องที่ส่งข้อความไม่สำเร็จเดือนนี้ ({q.undelivered.length}) — โทรแจ้งผู้แจ้ง</summary>
          <ul data-testid="undelivered">
            {q.undelivered.map((u) => (
              <li key={u.caseId}>
                <a href={caseHref(u.caseId)} onClick={followLink}>
                  {u.trackingNo ?? u.caseId}
                </a>{' '}
                {u.subject} · {formatThaiDateTime(new Date(u.atMs))}
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
