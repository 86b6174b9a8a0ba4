import { commandSchemas, MAX_SUMMARY_LINES } from '../../shared/contract/index.js';
import { maxLengthOf } from '../../shared/validation.js';
import { TextAreaField } from '../components/TextAreaField.js';
import { TextField } from '../components/TextField.js';
import { usePolicyStore } from './policy-store.js';
import { DateTimeField } from '../components/DateTimeField.js';
import { SummaryLinesField } from './SummaryLinesField.js';
import { todayUk } from '../lib/uk-clock.js';
import { MARKUP_HINT, VersionEditor } from './VersionEditor.js';

const POLICY = commandSchemas['policy.publish'].input.shape;

/** Writing the next version of the expectations, with the kiosk's view of it alongside as it is typed. */
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
  if (!draft) return null;
  return (
    <VersionEditor
      heading="Edit the expectations"
      lead={`Publishing makes version ${next}. The kiosk shows it straight away, and returning visitors are asked to read it again. Earlier versions, and who acknowledged them, are kept.`}
      next={next}
      busy={busy}
      error={error}
      onPublish={() => void publish()}
      onCancel={cancelEdit}
      preview={{ id: 'policy-preview-heading', title: draft.title, summary: draft.summary, text: draft.fullText }}
    >
      <TextField label="Title" value={draft.title} maxLength={maxLengthOf(POLICY.title)} onChange={(v) => setField('title', v)} error={fields.title} />
      <SummaryLinesField lines={draft.summary} max={MAX_SUMMARY_LINES} fieldErrors={fields}
        onLine={setLine} onAdd={addLine} onRemove={removeLine} onClear={clearLines} />
      <TextAreaField label="Full text" rows={14} maxLength={maxLengthOf(POLICY.fullText)} value={draft.fullText} hint={MARKUP_HINT}
        onChange={(v) => setField('fullText', v)} error={fields.fullText} className="policy-full-text" />
      <DateTimeField label="Next review due (optional)" type="date" value={draft.reviewDue} min={todayUk()}
        hint="Leave empty for a year from today." onChange={(v) => setField('reviewDue', v)} error={fields.reviewDue}
        className="field-narrow" />
    </VersionEditor>
  );
}
