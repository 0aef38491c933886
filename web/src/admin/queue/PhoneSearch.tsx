import { useState } from 'preact/hooks';
import { DESK_MESSAGES, formatThaiDate, isStatus, isValidThaiPhone, normalizeThaiPhone, type FindCasesByPhoneResponse } from '@banmae/domain';
import { caseHref, followLink } from '../boot/router.ts';
import { callableMessage, findCasesByPhone } from '../data/staff-callables.ts';
import { Field, inputClass, ui } from '../ui/Field.tsx';
import { ReasonDialog } from '../ui/ReasonDialog.tsx';
import { StatusBadge } from '../ui/StatusBadge.tsx';
import s from './queue.module.css';

/**
 * Cases filed with a phone number. The number is personal data and the cases' private documents are
 * not readable by staff: the search runs in findCasesByPhone, which records who searched and why.
 */
export function PhoneSearch() {
  const [asking, setAsking] = useState(false);
  const [phone, setPhone] = useState('');
  const [result, setResult] = useState<{ phone: string; found: FindCasesByPhoneResponse } | null>(null);

  const search = async (reason: Parameters<typeof findCasesByPhone>[0]['reason']): Promise<string | null> => {
    if (!isValidThaiPhone(phone)) return DESK_MESSAGES.badPhone;
    const normalized = normalizeThaiPhone(phone);
    try {
      setResult({ phone: normalized, found: await findCasesByPhone({ phone: normalized, reason }) });
      return null;
    } catch (err) {
      return callableMessage(err);
    }
  };

  return (
    <div class={s.phone}>
      <button type="button" class={ui.secondary} onClick={() => setAsking(true)}>
        ค้นหาด้วยเบอร์โทรศัพท์
      </button>
      {asking && (
        <ReasonDialog title="ค้นหาเรื่องด้วยเบอร์โทรศัพท์ผู้แจ้ง" confirmLabel="ค้นหา" onConfirm={search} onClose={() => setAsking(false)}>
          <Field id="find-phone" label="เบอร์โทรศัพท์">
            <input
              id="find-phone"
              type="tel"
              inputMode="tel"
              class={inputClass()}
              value={phone}
              onInput={(e) => setPhone(e.currentTarget.value)}
              autoComplete="off"
            />
          </Field>
        </ReasonDialog>
      )}
      {result && (
        <div class={s.phoneResult} data-testid="phone-result">
          <p class={ui.hint}>ระบบบันทึกการค้นหานี้แล้ว</p>
          {result.found.cases.length === 0 ? (
            <p>ไม่พบเรื่องที่แจ้งด้วยเบอร์นี้</p>
          ) : (
            <ul class={s.phoneList}>
              {result.found.cases.map((c) => (
                <li key={c.id}>
                  <a href={caseHref(c.id)} onClick={followLink}>
                    <strong>{c.trackingNo ?? 'กำลังออกเลขที่'}</strong> {c.subject}
                  </a>{' '}
                  <StatusBadge status={isStatus(c.status) ? c.status : null} raw={c.status} />{' '}
                  <span class={ui.muted}>{formatThaiDate(new Date(c.createdAtMs))}</span>
                </li>
              ))}
            </ul>
          )}
          <button type="button" class={ui.quiet} onClick={() => setResult(null)}>
            ปิดผลการค้นหา
          </button>
        </div>
      )}
    </div>
  );
}
