import { COMPLAINT_KINDS, graphemeCount, KIND_LABELS_TH, LIMITS, textLength } from '@banmae/domain';
import s from './form.module.css';
import { describedBy, Field, inputClass, TextField, ui } from '../ui/Field.tsx';
import { config } from '../env.ts';
import { IncidentField } from './IncidentField.tsx';
import { LocationField } from './LocationField.tsx';
import type { FieldsProps } from './form-state.ts';

/** The stored limit is in code points (the rules' size()); the counter speaks the reader's characters and warns near the limit. */
function DetailsCounter({ text }: { text: string }) {
  const nearLimit = textLength(text) > LIMITS.details.max * 0.9;
  return (
    <p class={s.counter} id="details-counter">
      {graphemeCount(text).toLocaleString('th-TH')} ตัวอักษร
      {nearLimit && ' · ใกล้ถึงความยาวสูงสุดแล้ว'}
    </p>
  );
}

/** รายละเอียดเรื่อง: the manual's step 3 (kind, category, subject, details, when it happened, location if any). */
export function MatterSection({ form, set, errorOf, touch }: FieldsProps) {
  const detailsAria = describedBy('details', { error: errorOf('details') });
  return (
    <fieldset class={s.section}>
      <legend class={s.legend}>รายละเอียดเรื่อง</legend>
      <div class={ui.field} role="radiogroup" aria-labelledby="kind-label">
        <span class={ui.label} id="kind-label">
          ประเภทเรื่อง
        </span>
        <div class={s.kinds}>
          {COMPLAINT_KINDS.map((k) => (
            <label class={s.kind} key={k}>
              <input id={`kind-${k}`} type="radio" name="kind" value={k} checked={form.kind === k} onChange={() => set('kind', k)} />
              <span>{KIND_LABELS_TH[k]}</span>
            </label>
          ))}
        </div>
      </div>
      <Field id="category" label="หมวดหมู่" required error={errorOf('category')}>
        <select
          id="category"
          class={inputClass(errorOf('category'))}
          value={form.category}
          onChange={(e) => set('category', e.currentTarget.value)}
          onBlur={touch('category')}
          aria-required="true"
          {...describedBy('category', { error: errorOf('category') })}
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
      <Field id="details" label="รายละเอียด / เหตุการณ์" required error={errorOf('details')}>
        <textarea
          id="details"
          class={inputClass(errorOf('details'))}
          rows={5}
          value={form.details}
          maxLength={LIMITS.details.max}
          onInput={(e) => set('details', e.currentTarget.value)}
          onBlur={touch('details')}
          aria-required="true"
          {...detailsAria}
          aria-describedby={[detailsAria['aria-describedby'], 'details-counter'].filter(Boolean).join(' ')}
        />
        <DetailsCounter text={form.details} />
      </Field>
      <IncidentField value={form.incident} error={errorOf('incidentAt')} onChange={(v) => set('incident', v)} onBlur={touch('incidentAt')} />
      <LocationField value={form.location} error={errorOf('location')} onChange={(v) => set('location', v)} />
    </fieldset>
  );
}
