import { COMPLAINT_KINDS, KIND_LABELS_TH, LIMITS, textLength } from '@banmae/domain';
import s from './form.module.css';
import { Field, inputClass, TextField, ui } from '../ui/Field.tsx';
import { config } from '../env.ts';
import { LocationField } from './LocationField.tsx';
import type { FieldsProps } from './form-state.ts';

/** รายละเอียดเรื่อง: the manual's step 3 (kind, category, subject, details, location if any). */
export function MatterSection({ form, set, errorOf, touch }: FieldsProps) {
  return (
    <fieldset class={s.section}>
      <legend class={s.legend}>รายละเอียดเรื่อง</legend>
      <div class={ui.field} role="radiogroup" aria-label="ประเภทเรื่อง">
        <span class={ui.label}>ประเภทเรื่อง</span>
        <div class={s.kinds}>
          {COMPLAINT_KINDS.map((k) => (
            <label class={s.kind} key={k}>
              <input id={`kind-${k}`} type="radio" name="kind" value={k} checked={form.kind === k} onChange={() => set('kind', k)} />
              <span>{KIND_LABELS_TH[k]}</span>
            </label>
          ))}
        </div>
      </div>
      <Field id="category" label="หมวดหมู่" error={errorOf('category')}>
        <select
          id="category"
          class={inputClass(errorOf('category'))}
          value={form.category}
          onChange={(e) => set('category', e.currentTarget.value)}
          onBlur={touch('category')}
        >
          <option value="">— เลือกหมวดหมู่ —</option>
          {config.categories.map((c) => (
            <option key={c.id} value={c.id}>
              {c.labelTh}
            </option>
          ))}
        </select>
      </Field>
      <TextField
        id="subject"
        label="หัวข้อเรื่อง"
        error={errorOf('subject')}
        maxLength={LIMITS.subject.max}
        value={form.subject}
        onValue={(v) => set('subject', v)}
        onBlur={touch('subject')}
      />
      <Field id="details" label="รายละเอียด / เหตุการณ์" error={errorOf('details')}>
        <textarea
          id="details"
          class={inputClass(errorOf('details'))}
          rows={5}
          value={form.details}
          maxLength={LIMITS.details.max}
          onInput={(e) => set('details', e.currentTarget.value)}
          onBlur={touch('details')}
        />
        <p class={s.counter}>
          {textLength(form.details).toLocaleString('th-TH')} / {LIMITS.details.max.toLocaleString('th-TH')}
        </p>
      </Field>
      <LocationField value={form.location} error={errorOf('location')} onChange={(v) => set('location', v)} />
    </fieldset>
  );
}
