import { useId } from 'react';
import { FieldError } from './TextField.js';

export interface Choice<T extends string> {
  value: T;
  label: string;
  hint?: string;
}

interface ChoiceCardsProps<T extends string> {
  legend: string;
  choices: readonly Choice<T>[];
  value: T | null;
  onChange: (value: T) => void;
  error?: string | undefined;
  hint?: string;
  /** Narrow cards for long lists (visitor types, staff names); wide ones for a two-way choice. */
  layout?: 'grid' | 'pair';
}

/**
 * Real radio buttons drawn as big cards: arrow keys and screen readers work as for any radio group, and
 * the whole card is the touch target.
 */
export function ChoiceCards<T extends string>({ legend, choices, value, onChange, error, hint, layout = 'grid' }: ChoiceCardsProps<T>) {
  const name = useId();
  const hintId = `${name}-hint`;
  const errorId = `${name}-error`;
  const describedBy = [hint ? hintId : '', error ? errorId : ''].filter(Boolean).join(' ') || undefined;
  return (
    <fieldset className={['choices', error ? 'field-invalid' : ''].filter(Boolean).join(' ')} aria-describedby={describedBy}>
      <legend className="field-label">{legend}</legend>
      {hint ? <p className="field-hint" id={hintId}>{hint}</p> : null}
      <div className={`choice-list choice-list-${layout}`}>
        {choices.map((choice) => (
          <label key={choice.value} className="choice-card">
            <input
              type="radio"
              name={name}
              value={choice.value}
              checked={value === choice.value}
              onChange={() => onChange(choice.value)}
            />
            <span className="choice-mark" aria-hidden="true" />
            <span className="choice-text">
              <span className="choice-label">{choice.label}</span>
              {choice.hint ? <span className="choice-hint">{choice.hint}</span> : null}
            </span>
          </label>
        ))}
      </div>
      {error ? <FieldError id={errorId} message={error} /> : null}
    </fieldset>
  );
}
