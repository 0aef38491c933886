import { formatNationalId, LIMITS } from '@banmae/domain';
import s from './form.module.css';
import { TextField } from '../ui/Field.tsx';
import type { FieldsProps } from './form-state.ts';

/** ข้อมูลผู้แจ้ง: the manual's step 2 (name, national ID, phone, email if any). */
export function ReporterSection({ form, set, errorOf, touch }: FieldsProps) {
  return (
    <fieldset class={s.section}>
      <legend class={s.legend}>ข้อมูลผู้แจ้ง</legend>
      <TextField
        id="name"
        label="ชื่อ-นามสกุล"
        error={errorOf('reporter.name')}
        autocomplete="name"
        maxLength={LIMITS.reporterName.max}
        value={form.name}
        onValue={(v) => set('name', v)}
        onBlur={touch('reporter.name')}
      />
      <TextField
        id="nationalId"
        label="หมายเลขบัตรประจำตัวประชาชน"
        hint="13 หลัก ใช้ยืนยันตัวผู้แจ้งเท่านั้น"
        error={errorOf('reporter.nationalId')}
        inputMode="numeric"
        autocomplete="off"
        placeholder="x-xxxx-xxxxx-xx-x"
        value={form.nationalId}
        format={formatNationalId}
        onValue={(v) => {
          set('nationalId', v);
          if (v.length === 17) touch('reporter.nationalId')(); // all 13 digits typed: check at once
        }}
        onBlur={touch('reporter.nationalId')}
      />
      <TextField
        id="phone"
        label="เบอร์โทรศัพท์"
        error={errorOf('reporter.phone')}
        type="tel"
        inputMode="tel"
        autocomplete="tel"
        placeholder="08x-xxx-xxxx"
        value={form.phone}
        onValue={(v) => set('phone', v)}
        onBlur={touch('reporter.phone')}
      />
      <TextField
        id="email"
        label="อีเมล"
        optional
        error={errorOf('reporter.email')}
        type="email"
        inputMode="email"
        autocomplete="email"
        value={form.email}
        onValue={(v) => set('email', v)}
        onBlur={touch('reporter.email')}
      />
    </fieldset>
  );
}
