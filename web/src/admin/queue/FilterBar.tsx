import { COMPLAINT_KINDS, KIND_LABELS_TH, STATUS_LABELS_TH, STATUSES, isStatus, type ComplaintKind } from '@banmae/domain';
import s from './queue.module.css';
import { config } from '../env.ts';
import { ConfigOptions, Field, inputClass, ui } from '../ui/Field.tsx';
import { NO_FILTERS, type QueueFilters } from './queue-filters.ts';

const NARROW = '(max-width: 900px)';

/** Every filter is a labelled native control: keyboard and screen-reader friendly on any PC or phone. */
export function FilterBar({ filters, onChange }: { filters: QueueFilters; onChange: (f: QueueFilters) => void }) {
  const set = (patch: Partial<QueueFilters>) => onChange({ ...filters, ...patch });
  const orNull = (v: string) => (v === '' ? null : v);
  const active = Object.values(filters).filter((v) => v !== null && v !== false).length;
  return (
    // Open on a PC; folded on a phone so the cases come first.
    <details class={s.filterBox} open={!matchMedia(NARROW).matches}>
      <summary class={s.filterSummary}>ตัวกรอง{active > 0 && ` (ใช้อยู่ ${active.toLocaleString('th-TH')})`}</summary>
      <section class={s.filters} aria-label="ตัวกรอง">
        <Field id="f-status" label="สถานะ">
          <select
            id="f-status"
            class={inputClass()}
            value={filters.status ?? ''}
            onChange={(e) => set({ status: isStatus(e.currentTarget.value) ? e.currentTarget.value : null })}
          >
            <option value="">ทุกสถานะ</option>
            {STATUSES.map((st) => (
              <option key={st} value={st}>
                {STATUS_LABELS_TH[st]}
              </option>
            ))}
          </select>
        </Field>
        <Field id="f-category" label="หมวดเรื่อง">
          <select id="f-category" class={inputClass()} value={filters.category ?? ''} onChange={(e) => set({ category: orNull(e.currentTarget.value) })}>
            <option value="">ทุกหมวด</option>
            <ConfigOptions items={config.categories} />
          </select>
        </Field>
        <Field id="f-department" label="หน่วยงานที่รับผิดชอบ">
          <select id="f-department" class={inputClass()} value={filters.department ?? ''} onChange={(e) => set({ department: orNull(e.currentTarget.value) })}>
            <option value="">ทุกหน่วยงาน</option>
            <ConfigOptions items={config.departments} />
          </select>
        </Field>
        <Field id="f-kind" label="ประเภท">
          <select
            id="f-kind"
            class={inputClass()}
            value={filters.kind ?? ''}
            onChange={(e) => set({ kind: orNull(e.currentTarget.value) as ComplaintKind | null })}
          >
            <option value="">ทุกประเภท</option>
            {COMPLAINT_KINDS.map((k) => (
              <option key={k} value={k}>
                {KIND_LABELS_TH[k]}
              </option>
            ))}
          </select>
        </Field>
        <Field id="f-assignee" label="ผู้รับผิดชอบ">
          <select id="f-assignee" class={inputClass()} value={filters.mine ? 'me' : ''} onChange={(e) => set({ mine: e.currentTarget.value === 'me' })}>
            <option value="">ทุกคน</option>
            <option value="me">เฉพาะเรื่องของฉัน</option>
          </select>
        </Field>
        <Field id="f-from" label="แจ้งตั้งแต่วันที่">
          <input
            id="f-from"
            type="date"
            class={inputClass()}
            value={filters.from ?? ''}
            max={filters.to ?? undefined}
            onChange={(e) => set({ from: orNull(e.currentTarget.value) })}
          />
        </Field>
        <Field id="f-to" label="ถึงวันที่">
          <input
            id="f-to"
            type="date"
            class={inputClass()}
            value={filters.to ?? ''}
            min={filters.from ?? undefined}
            onChange={(e) => set({ to: orNull(e.currentTarget.value) })}
          />
        </Field>
        <div class={s.clear}>
          <button type="button" class={ui.quiet} onClick={() => onChange(NO_FILTERS)}>
            ล้างตัวกรอง
          </button>
        </div>
      </section>
    </details>
  );
}
