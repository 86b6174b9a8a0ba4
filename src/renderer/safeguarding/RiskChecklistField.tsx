import { useId } from 'react';
import { FieldError } from '../components/TextField.js';
import { CheckField } from '../components/CheckField.js';

interface RiskChecklistFieldProps {
  items: readonly string[];
  checked: readonly boolean[];
  onChange: (index: number, checked: boolean) => void;
  error?: string | undefined;
}

/** The risk assessment's questions: each is ticked, or consciously left, and the answers are kept with the approval. */
export function RiskChecklistField({ items, checked, onChange, error }: RiskChecklistFieldProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const ticked = checked.filter(Boolean).length;
  return (
    <fieldset className={['choices', 'risk-checklist', error ? 'field-invalid' : ''].filter(Boolean).join(' ')}
      aria-describedby={[hintId, error ? errorId : ''].filter(Boolean).join(' ')}>
      <legend className="field-label">Risk assessment</legend>
      <p className="field-hint" id={hintId}>
        Tick each one that is true. If you leave one unticked, say why in the notes below.
      </p>
      <div className="check-list">
        {items.map((item, i) => (
          <CheckField key={item} label={item} checked={checked[i] ?? false} onChange={(on) => onChange(i, on)} />
        ))}
      </div>
      <p className="check-count" role="status">{ticked} of {items.length} ticked</p>
      {error ? <FieldError id={errorId} message={error} /> : null}
    </fieldset>
  );
}
