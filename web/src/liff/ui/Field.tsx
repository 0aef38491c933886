import type { ComponentChildren } from 'preact';
import s from './ui.module.css';

interface FieldProps {
  id: string;
  label: string;
  optional?: boolean;
  error?: string | undefined;
  hint?: string;
  children: ComponentChildren;
}

/** A labelled form field with its Thai error right below it, announced to screen readers. */
export function Field({ id, label, optional, error, hint, children }: FieldProps) {
  return (
    <div class={s.field}>
      <label class={s.label} for={id}>
        {label} {optional && <span class={s.optional}>(ถ้ามี)</span>}
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

export const inputClass = (error: string | undefined) => (error ? `${s.input} ${s.invalid}` : s.input);
export { s as ui };
