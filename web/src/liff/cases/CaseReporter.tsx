import { useState } from 'preact/hooks';
import { formatNationalId, formatThaiPhone, maskNationalId, maskPersonName, maskThaiPhone } from '@banmae/domain';
import s from './cases.module.css';
import type { MyReporter } from '../data/cases.ts';

/** Personal data stays masked until its owner taps to show it (PDPA: masked by default, even to the owner). */
export function CaseReporter({ r }: { r: MyReporter }) {
  const [shown, setShown] = useState(false);
  return (
    <section class={s.block}>
      <h3>ข้อมูลผู้แจ้ง</h3>
      <div class={s.row}>
        <span>ชื่อ-นามสกุล</span>
        <span data-testid="name">{shown ? r.name : maskPersonName(r.name)}</span>
      </div>
      <div class={s.row}>
        <span>เลขบัตรประชาชน</span>
        <span data-testid="national-id">{shown ? formatNationalId(r.nationalId) : maskNationalId(r.nationalId)}</span>
      </div>
      <div class={s.row}>
        <span>เบอร์โทรศัพท์</span>
        <span data-testid="phone">{shown ? formatThaiPhone(r.phone) : maskThaiPhone(r.phone)}</span>
      </div>
      {r.email && (
        <div class={s.row}>
          <span>อีเมล</span>
          <span>{shown ? r.email : r.email.replace(/^(.).*(@.*)$/, '$1•••$2')}</span>
        </div>
      )}
      {r.locationAccuracyM !== null && (
        <div class={s.row}>
          <span>พิกัด</span>
          <span>ระบุแล้ว (±{r.locationAccuracyM.toLocaleString('th-TH')} ม.)</span>
        </div>
      )}
      {/* One label whose state is read out (aria-pressed), rather than a label that changes under the finger. */}
      <button type="button" class={s.reveal} aria-pressed={shown} onClick={() => setShown(!shown)} data-testid="reveal">
        แสดงข้อมูลส่วนตัว
      </button>
    </section>
  );
}
