import type { ComponentChildren, InputHTMLAttributes } from 'preact';
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

type InputProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'value' | 'onInput' | 'class' | 'label'>;

interface TextFieldProps extends InputProps {
  id: string;
  label: string;
  optional?: boolean;
  hint?: string;
  error: string | undefined;
  value: string;
  onValue: (value: string) => void;
  /** Reformats as the citizen types (e.g. ID-card grouping); written back even when state is unchanged. */
  format?: (value: string) => string;
}

export function TextField({ id, label, optional, hint, error, value, onValue, format, ...input }: TextFieldProps) {
  return (
    <Field id={id} label={label} optional={optional} hint={hint} error={error}>
      <input
        {...input}
        id={id}
        class={inputClass(error)}
        value={value}
        aria-invalid={Boolean(error)}
        aria-describedby={error ? `${id}-error` : undefined}
        onInput={(e) => {
          const typed = e.currentTarget.value;
          const next = format ? format(typed) : typed;
          if (next !== typed) e.currentTarget.value = next;
          onValue(next);
        }}
      />
    </Field>
  );
}

export const inputClass = (error: string | undefined) => (error ? `${s.input} ${s.invalid}` : s.input);
export { s as ui };
