import { useId } from 'react';
import { FieldError } from './TextField.js';

export interface SelectOption<T extends string> {
  value: T;
  label: string;
}

interface SelectFieldProps<T extends string> {
  label: string;
  value: T | '';
  options: readonly SelectOption<T>[];
  onChange: (value: T | '') => void;
  /** The first, empty choice ("Choose a visitor"); without it the list has no empty choice. */
  placeholder?: string;
  error?: string | undefined;
  hint?: string | undefined;
  className?: string;
}

/** A labelled drop-down list with its hint and error underneath, wired up like TextField. */
export function SelectField<T extends string>({ label, value, options, onChange, placeholder, error, hint, className }: SelectFieldProps<T>) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : '', error ? errorId : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className={['field', error ? 'field-invalid' : '', className ?? ''].filter(Boolean).join(' ')}>
      <label className="field-label" htmlFor={id}>{label}</label>
      {hint ? <p className="field-hint" id={hintId}>{hint}</p> : null}
      <select
        id={id}
        className="field-input field-select"
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        onChange={(e) => onChange(e.target.value as T | '')}
      >
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
      </select>
      {error ? <FieldError id={errorId} message={error} /> : null}
    </div>
  );
}
