import type { InputHTMLAttributes, ReactNode } from 'react';

type Props = { id: string; label: string; hint?: string; error?: string; children: ReactNode };

/** Label, control, hint and error, wired for screen readers (the control carries `id`). */
export function Field({ id, label, hint, error, children }: Props) {
  return (
    <div className={error ? 'field field-invalid' : 'field'}>
      <label htmlFor={id}>{label}</label>
      {children}
      {hint && (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p className="field-error" id={`${id}-error`} role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

/** aria-describedby for a control inside <Field>. */
export const describedBy = (id: string, hint?: string, error?: string): string | undefined =>
  [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;

type TextFieldProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'value' | 'onChange' | 'aria-describedby'> & {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  value: string;
  onChange: (value: string) => void;
};

/** An input inside <Field>, described by its hint and error. */
export function TextField({ id, label, hint, error, value, onChange, ...input }: TextFieldProps) {
  return (
    <Field id={id} label={label} hint={hint} error={error}>
      <input id={id} value={value} onChange={(e) => onChange(e.target.value)} aria-describedby={describedBy(id, hint, error)} {...input} />
    </Field>
  );
}
