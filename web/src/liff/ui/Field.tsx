import type { ComponentChildren, InputHTMLAttributes } from 'preact';
import s from './ui.module.css';

/**
 * The ARIA that ties a control to its hint and its error: every control with an error says so
 * (`aria-invalid`) and names the error's text (`aria-describedby`), and its hint stays next to it.
 */
export function describedBy(id: string, { hint, error }: { hint?: string | undefined; error?: string | undefined }) {
  const ids = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return { 'aria-invalid': error ? ('true' as const) : undefined, 'aria-describedby': ids || undefined };
}

interface FieldProps {
  id: string;
  label: string;
  optional?: boolean;
  /** Marked for sight (a red star) and for screen readers (the control's `aria-required`, set by the caller or TextField). */
  required?: boolean;
  error?: string | undefined;
  hint?: string | undefined;
  children: ComponentChildren;
}

/**
 * A labelled form field with its hint and Thai error below it. Errors are not live regions: the form
 * shows "required" only after a submit attempt and moves focus to the first, which reads its error
 * once, instead of every field announcing itself at once.
 */
export function Field({ id, label, optional, required, error, hint, children }: FieldProps) {
  return (
    <div class={s.field}>
      <label class={s.label} for={id}>
        {label} {optional && <span class={s.optional}>(ถ้ามี)</span>}
        {required && <RequiredMark />}
      </label>
      {children}
      {hint && (
        <p class={s.hint} id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p class={s.error} id={`${id}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}

/** The visible star; screen readers hear "required" from the control itself. */
export function RequiredMark() {
  return (
    <span class={s.required} aria-hidden="true">
      {' '}
      *
    </span>
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
    <Field id={id} label={label} optional={optional} required={!optional} hint={hint} error={error}>
      <input
        {...input}
        id={id}
        class={inputClass(error)}
        value={value}
        aria-required={optional ? undefined : 'true'}
        {...describedBy(id, { hint, error })}
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
