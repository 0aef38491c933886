import { useEffect, useRef } from 'preact/hooks';
import { formatNationalId, LIMITS, maskNationalId, maskThaiPhone, normalizeNationalId, normalizeThaiPhone } from '@banmae/domain';
import s from './form.module.css';
import { Field, TextField } from '../ui/Field.tsx';
import type { FieldsProps } from './form-state.ts';

export type MaskedField = 'nationalId' | 'phone';

interface MaskedProps {
  id: MaskedField;
  label: string;
  shown: string;
  onEdit: () => void;
}

/** A prefilled personal number, masked as on the case page until the citizen taps to edit it. */
function MaskedValue({ id, label, shown, onEdit }: MaskedProps) {
  return (
    <Field id={id} label={label}>
      <div class={s.masked}>
        <span data-testid={`${id}-masked`}>{shown}</span>
        <button type="button" id={id} class={s.maskedEdit} onClick={onEdit} aria-label={`แก้ไข${label}`}>
          แก้ไข
        </button>
      </div>
    </Field>
  );
}

/** ข้อมูลผู้แจ้ง: the manual's step 2 (name, national ID, phone, email if any). */
export function ReporterSection({
  form,
  set,
  errorOf,
  touch,
  masked,
  onUnmask,
  prefilled,
}: FieldsProps & { masked: ReadonlySet<MaskedField>; onUnmask: (f: MaskedField) => void; prefilled: boolean }) {
  // Focus the field the citizen just asked to edit, once it replaces the masked value.
  const editing = useRef<MaskedField | null>(null);
  useEffect(() => {
    if (editing.current && !masked.has(editing.current)) document.getElementById(editing.current)?.focus();
    editing.current = null;
  }, [masked]);
  const edit = (field: MaskedField) => () => {
    editing.current = field;
    onUnmask(field);
  };
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
      {masked.has('nationalId') ? (
        <MaskedValue
          id="nationalId"
          label="หมายเลขบัตรประจำตัวประชาชน"
          shown={maskNationalId(normalizeNationalId(form.nationalId))}
          onEdit={edit('nationalId')}
        />
      ) : (
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
      )}
      {masked.has('phone') ? (
        <MaskedValue id="phone" label="เบอร์โทรศัพท์" shown={maskThaiPhone(normalizeThaiPhone(form.phone))} onEdit={edit('phone')} />
      ) : (
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
      )}
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
      {/* Below the fields, so that its arrival moves nothing the citizen may be typing in above. */}
      {prefilled && (
        <p class={s.prefill} role="status">
          ใช้ข้อมูลผู้แจ้งจากเรื่องล่าสุดของท่าน ตรวจสอบและแก้ไขได้ก่อนส่ง
        </p>
      )}
    </fieldset>
  );
}
