import { incidentYearsBE, THAI_MONTHS, type IncidentParts } from '@banmae/domain';
import s from './form.module.css';
import { describedBy, inputClass, ui } from '../ui/Field.tsx';

interface Props {
  value: IncidentParts;
  error: string | undefined;
  onChange: (value: IncidentParts) => void;
  onBlur: () => void;
}

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);
const two = (n: number) => String(n).padStart(2, '0');

/**
 * วันและเวลาที่เกิดเหตุ (optional): day, Thai month, Buddhist-era year, hour and minute as selects.
 * LINE's in-app browser shows a native date input in the Christian era and differently on each OS;
 * selects read the same everywhere. Validation is the domain's (parseIncident).
 */
export function IncidentField({ value, error, onChange, onBlur }: Props) {
  const set = (key: keyof IncidentParts) => (e: Event) => onChange({ ...value, [key]: (e.currentTarget as HTMLSelectElement).value });
  const aria = describedBy('incident', { hint: 'yes', error }); // the hint is always shown
  const select = (key: keyof IncidentParts, id: string, label: string, options: [string, string][]) => (
    <select id={id} class={`${inputClass(error)} ${s.incidentPart}`} value={value[key]} onChange={set(key)} onBlur={onBlur} aria-label={label} {...aria}>
      <option value="">{label}</option>
      {options.map(([v, text]) => (
        <option key={v} value={v}>
          {text}
        </option>
      ))}
    </select>
  );
  return (
    <fieldset class={`${ui.field} ${s.incident}`}>
      <legend class={ui.label}>
        วันและเวลาที่เกิดเหตุ <span class={ui.optional}>(ถ้ามี)</span>
      </legend>
      <div class={s.incidentDate}>
        {select(
          'day',
          'incident-day',
          'วันที่',
          range(1, 31).map((d) => [String(d), String(d)]),
        )}
        {select(
          'month',
          'incident-month',
          'เดือน',
          THAI_MONTHS.map((m, i) => [String(i + 1), m]),
        )}
        {select(
          'yearBE',
          'incident-year',
          'ปี พ.ศ.',
          incidentYearsBE(new Date()).map((y) => [String(y), `พ.ศ. ${y}`]),
        )}
      </div>
      <div class={s.incidentTime}>
        {select(
          'hour',
          'incident-hour',
          'ชั่วโมง',
          range(0, 23).map((h) => [String(h), `${two(h)} น.`]),
        )}
        <span aria-hidden="true">:</span>
        {select(
          'minute',
          'incident-minute',
          'นาที',
          range(0, 11).map((m) => [String(m * 5), `${two(m * 5)} นาที`]),
        )}
      </div>
      <p class={ui.hint} id="incident-hint">
        ถ้าจำเวลาแน่นอนไม่ได้ เลือกเวลาโดยประมาณ
      </p>
      {error && (
        <p class={ui.error} id="incident-error">
          {error}
        </p>
      )}
    </fieldset>
  );
}
