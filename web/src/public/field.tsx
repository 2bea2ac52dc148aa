import type { InputHTMLAttributes } from 'react';

/** A labelled input with its error tied by aria-describedby. */
export function Field({ label, name, error, required, ...input }: { label: string; name: string; error?: string } & InputHTMLAttributes<HTMLInputElement>) {
  const errorId = `${name}-error`;
  return (
    <label>
      {label} {required ? <span className="required">*</span> : null}
      <input name={name} id={`f-${name}`} required={required} aria-invalid={Boolean(error)} aria-describedby={error ? errorId : undefined} {...input} />
      {error ? (
        <span id={errorId} className="field-error">
          {error}
        </span>
      ) : null}
    </label>
  );
}
