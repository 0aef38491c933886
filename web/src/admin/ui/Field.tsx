import type { ComponentChildren } from 'preact';
import s from './ui.module.css';

interface FieldProps {
  id: string;
  label: string;
  error?: string | null | undefined;
  hint?: string | undefined;
  children: ComponentChildren;
}

/** A labelled control with its Thai error right below it, announced to screen readers. */
export function Field({ id, label, error, hint, children }: FieldProps) {
  return (
    <div class={s.field}>
      <label class={s.label} for={id}>
        {label}
      </label>
      {children}
      {hint && !error && <p class={s.hint}>{hint}</p>}
      {error && (
        <p class={s.error} id={`${id}-error`} role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

export const inputClass = (error?: string | null) => (error ? `${s.input} ${s.invalid}` : s.input);

export function Banner({ kind, children }: { kind: 'error' | 'info' | 'ok'; children: ComponentChildren }) {
  const tone = kind === 'error' ? s.bannerError : kind === 'ok' ? s.bannerOk : s.bannerInfo;
  return (
    <p class={`${s.banner} ${tone}`} role={kind === 'error' ? 'alert' : 'status'}>
      {children}
    </p>
  );
}

export { s as ui };

/** The `<option>`s of a list from the configuration (categories, departments), after the caller's own "all/none" option. */
export function ConfigOptions({ items }: { items: readonly { id: string; labelTh: string }[] }) {
  return (
    <>
      {items.map((item) => (
        <option key={item.id} value={item.id}>
          {item.labelTh}
        </option>
      ))}
    </>
  );
}
