import { useState } from 'react';
import { commandSchemas } from '../../shared/contract/index.js';
import { LADO_OUTCOME_HINTS, LADO_OUTCOME_LABELS, LADO_OUTCOMES, type ConcernView, type LadoOutcome } from '../../shared/domain/concerns.js';
import { maxLengthOf } from '../../shared/validation.js';
import { Alert } from '../components/Alert.js';
import { BigButton } from '../components/BigButton.js';
import { ChoiceCards } from '../components/ChoiceCards.js';
import { DateTimeField } from '../components/DateTimeField.js';
import { ModalDialog } from '../components/ModalDialog.js';
import { TextAreaField } from '../components/TextAreaField.js';
import { useDialogAction } from '../components/useDialogAction.js';
import { todayUk } from '../lib/uk-clock.js';
import { optional, recordFollowUp } from './concern-follow-up.js';

const OUTCOME = commandSchemas['concern.recordLadoOutcome'].input.shape;
const CHOICES = LADO_OUTCOMES.map((value) => ({ value, label: LADO_OUTCOME_LABELS[value], hint: LADO_OUTCOME_HINTS[value] }));

/** What the LADO decided about the allegation: recorded once. */
export function LadoOutcomeDialog({ concern, onClose }: { concern: ConcernView; onClose: () => void }) {
  const [outcome, setOutcome] = useState<LadoOutcome | null>(null);
  const [outcomeOn, setOutcomeOn] = useState(() => todayUk());
  const [note, setNote] = useState('');
  const { busy, error, fields, run, clearField } = useDialogAction(onClose);
  return (
    <ModalDialog
      variant="form"
      title="The LADO's outcome"
      onEscape={onClose}
      description={<p>Record what the LADO decided about the allegation against {concern.aboutName}. It cannot be changed once saved.</p>}
      body={
        <>
          {error ? <Alert>{error}</Alert> : null}
          <ChoiceCards<LadoOutcome> legend="Outcome" choices={CHOICES} value={outcome} error={fields.outcome}
            onChange={(v) => {
              setOutcome(v);
              clearField('outcome');
            }} />
          <DateTimeField label="Day of the outcome" type="date" value={outcomeOn} error={fields.outcomeOn} className="field-narrow"
            onChange={(v) => {
              setOutcomeOn(v);
              clearField('outcomeOn');
            }} />
          <TextAreaField label="Notes (optional)" rows={3} value={note} maxLength={maxLengthOf(OUTCOME.note)} error={fields.note}
            hint="For example: what the LADO advised the setting to do next."
            onChange={(v) => {
              setNote(v);
              clearField('note');
            }} />
        </>
      }
    >
      <BigButton
        onClick={() => void run(() => recordFollowUp('concern.recordLadoOutcome', {
          // Sent as chosen: nothing chosen yet is for the contract to name, in its own words.
          concernId: concern.concernId, outcome: outcome as LadoOutcome, outcomeOn, note: optional(note),
        }, "The LADO's outcome is recorded."))}
        disabled={busy}
      >
        {busy ? 'Saving…' : 'Save the outcome'}
      </BigButton>
      <BigButton variant="secondary" onClick={onClose}>Cancel</BigButton>
    </ModalDialog>
  );
}
