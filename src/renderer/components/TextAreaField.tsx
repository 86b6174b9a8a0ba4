import { useId, type Ref } from 'react';
import { FieldError } from './TextField.js';

interface TextAreaFieldProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
  hint?: string | undefined;
  maxLength?: number;
  rows?: number;
  inputRef?: Ref<HTMLTextAreaElement>;
  className?: string;
}

/** A labelled box for a sentence or two (a reason, a note), wired up like TextField. */
export function TextAreaField({ label, value, onChange, error, hint, maxLength, rows = 3, inputRef, className }: TextAreaFieldProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : '', error ? errorId : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className={['field', error ? 'field-invalid' : '', className ?? ''].filter(Boolean).join(' ')}>
      <label className="field-label" htmlFor={id}>{label}</label>
      {hint ? <p className="field-hint" id={hintId}>{hint}</p> : null}
      <textarea
        id={id}
        ref={inputRef}
        className="field-input field-textarea"
        rows={rows}
        maxLength={maxLength}
        spellCheck
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        onChange={(e) => onChange(e.target.value)}
      />
      {error ? <FieldError id={errorId} message={error} /> : null}
    </div>
  );
}
