import { useId } from 'react';
import { FieldError } from './TextField.js';

interface DateTimeFieldProps {
  label: string;
  type: 'date' | 'time';
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
  hint?: string | undefined;
  min?: string;
  className?: string;
}

/** A labelled date or time box (the browser's own picker), wired up like TextField. */
export function DateTimeField({ label, type, value, onChange, error, hint, min, className }: DateTimeFieldProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : '', error ? errorId : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className={['field', 'field-when', error ? 'field-invalid' : '', className ?? ''].filter(Boolean).join(' ')}>
      <label className="field-label" htmlFor={id}>{label}</label>
      {hint ? <p className="field-hint" id={hintId}>{hint}</p> : null}
      <input
        id={id}
        className="field-input"
        type={type}
        min={min}
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        onChange={(e) => onChange(e.target.value)}
      />
      {error ? <FieldError id={errorId} message={error} /> : null}
    </div>
  );
}
