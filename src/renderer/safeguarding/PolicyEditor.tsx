import { useRef } from 'react';
import { commandSchemas, MAX_SUMMARY_LINES } from '../../shared/contract/index.js';
import { maxLengthOf } from '../../shared/validation.js';
import { Alert } from '../components/Alert.js';
import { BigButton } from '../components/BigButton.js';
import { PolicyText } from '../components/PolicyText.js';
import { TextAreaField } from '../components/TextAreaField.js';
import { TextField } from '../components/TextField.js';
import { useFocusFirstError } from '../components/useFocusFirstError.js';
import { PageHeading } from '../components/PageHeading.js';
import { usePolicyStore } from './policy-store.js';
import { DateTimeField } from '../components/DateTimeField.js';
import { SummaryLinesField } from './SummaryLinesField.js';
import { todayUk } from '../lib/uk-clock.js';

/** Writing the next version of the expectations, with the kiosk's view of it alongside as it is typed. */
const POLICY = commandSchemas['policy.publish'].input.shape;

export function PolicyEditor() {
  const draft = usePolicyStore((s) => s.draft);
  const next = usePolicyStore((s) => (s.detail?.current.version ?? 0) + 1);
  const busy = usePolicyStore((s) => s.busy);
  const error = usePolicyStore((s) => s.formError);
  const fields = usePolicyStore((s) => s.fieldErrors);
  const setField = usePolicyStore((s) => s.setField);
  const setLine = usePolicyStore((s) => s.setLine);
  const addLine = usePolicyStore((s) => s.addLine);
  const removeLine = usePolicyStore((s) => s.removeLine);
  const clearLines = usePolicyStore((s) => s.clearLines);
  const publish = usePolicyStore((s) => s.publish);
  const cancelEdit = usePolicyStore((s) => s.cancelEdit);
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstError(formRef, error);
  if (!draft) return null;
  return (
    <>
      <div className="console-heading"><PageHeading>Edit the expectations</PageHeading></div>
      <p className="section-lead">
        Publishing makes version {next}. The kiosk shows it straight away, and returning visitors are asked to read it again.
        Earlier versions, and who acknowledged them, are kept.
      </p>
      {error ? <Alert>{error}</Alert> : null}
      <form
        ref={formRef}
        className="form card policy-editor"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void publish();
        }}
      >
        <div className="policy-editor-grid">
          <div className="policy-editor-fields">
            <TextField label="Title" value={draft.title} maxLength={maxLengthOf(POLICY.title)} onChange={(v) => setField('title', v)} error={fields.title} />
            <SummaryLinesField lines={draft.summary} max={MAX_SUMMARY_LINES} fieldErrors={fields}
              onLine={setLine} onAdd={addLine} onRemove={removeLine} onClear={clearLines} />
            <TextAreaField label="Full text" rows={14} maxLength={maxLengthOf(POLICY.fullText)} value={draft.fullText}
              hint='Start a heading with "### " and a list item with "- ". Leave a blank line between paragraphs.'
              onChange={(v) => setField('fullText', v)} error={fields.fullText} className="policy-full-text" />
            <DateTimeField label="Next review due (optional)" type="date" value={draft.reviewDue} min={todayUk()}
              hint="Leave empty for a year from today." onChange={(v) => setField('reviewDue', v)} error={fields.reviewDue}
              className="field-narrow" />
          </div>
          <section className="policy-preview" aria-labelledby="policy-preview-heading">
            <h2 id="policy-preview-heading">Preview</h2>
            <p className="policy-preview-title">{draft.title || <span className="muted">No title yet</span>}</p>
            <ul className="policy-summary">
              {draft.summary.filter((l) => l.trim() !== '').map((line, i) => <li key={i}>{line}</li>)}
            </ul>
            <PolicyText text={draft.fullText} />
          </section>
        </div>
        <div className="form-actions">
          <BigButton type="submit" disabled={busy}>{busy ? 'Publishing…' : `Publish version ${next}`}</BigButton>
          <BigButton variant="quiet" onClick={cancelEdit}>Cancel</BigButton>
        </div>
      </form>
    </>
  );
}
