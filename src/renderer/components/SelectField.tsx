import { FieldFrame } from './FieldFrame.js';

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
  return (
    <FieldFrame label={label} hint={hint} error={error} className={className}>
      {(control) => (
        <select {...control} className="field-input field-select" value={value} onChange={(e) => onChange(e.target.value as T | '')}>
          {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
          {options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
        </select>
      )}
    </FieldFrame>
  );
}
