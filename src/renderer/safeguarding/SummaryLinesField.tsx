import { useId } from 'react';
import { commandSchemas } from '../../shared/contract/index.js';
import { maxLengthOf } from '../../shared/validation.js';
import { BigButton } from '../components/BigButton.js';
import { FieldError, TextField } from '../components/TextField.js';

interface SummaryLinesFieldProps {
  lines: readonly string[];
  max: number;
  fieldErrors: Record<string, string>;
  onLine: (index: number, value: string) => void;
  onAdd: () => void;
  onRemove: (index: number) => void;
  /** Empties every line at once: replacing the default lines should not take one tap per line. */
  onClear: () => void;
}

/** The short summary visitors read first: one box per line, up to the kiosk's limit. */
const LINE_MAX = maxLengthOf(commandSchemas['policy.publish'].input.shape.summary.element);

export function SummaryLinesField({ lines, max, fieldErrors, onLine, onAdd, onRemove, onClear }: SummaryLinesFieldProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const error = fieldErrors.summary;
  return (
    <fieldset className={['choices', 'summary-lines', error ? 'field-invalid' : ''].filter(Boolean).join(' ')}
      aria-describedby={[hintId, error ? errorId : ''].filter(Boolean).join(' ')}>
      <legend className="field-label">Summary</legend>
      <p className="field-hint" id={hintId}>Visitors read these lines first. Keep each one short: at most {max} lines.</p>
      <ol className="summary-line-list">
        {lines.map((line, i) => (
          <li key={i} className="summary-line">
            <TextField label={`Line ${i + 1}`} value={line} maxLength={LINE_MAX} onChange={(v) => onLine(i, v)}
              error={fieldErrors[`summary.${i}`]} />
            <BigButton variant="quiet" className="btn-small" onClick={() => onRemove(i)} disabled={lines.length <= 1}>
              Remove{' '}<span className="visually-hidden">line {i + 1}</span>
            </BigButton>
          </li>
        ))}
      </ol>
      <div className="panel-actions">
        <BigButton variant="secondary" className="btn-small" onClick={onAdd} disabled={lines.length >= max}>Add a line</BigButton>
        <BigButton variant="quiet" className="btn-small" onClick={onClear} disabled={lines.every((l) => l === '')}>
          Clear all lines
        </BigButton>
        <span className="muted">{lines.length} of {max} lines</span>
      </div>
      {error ? <FieldError id={errorId} message={error} /> : null}
    </fieldset>
  );
}
