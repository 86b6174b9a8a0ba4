import { useState } from 'react';
import { commandSchemas } from '../../shared/contract/index.js';
import { maxLengthOf } from '../../shared/validation.js';
import { Alert } from '../components/Alert.js';
import { BigButton } from '../components/BigButton.js';
import { ModalDialog } from '../components/ModalDialog.js';
import { TextAreaField } from '../components/TextAreaField.js';
import { useDialogAction } from '../components/useDialogAction.js';
import type { ActionResult } from '../lib/action-result.js';
import { DateTimeField } from '../components/DateTimeField.js';
import { todayUk } from '../lib/uk-clock.js';

interface RecordReviewDialogProps {
  onConfirm: (note: string, nextReviewDue: string) => Promise<ActionResult>;
  onClose: () => void;
}

/** The annual review found nothing to change: it is recorded, and the next one is set. */
export function RecordReviewDialog({ onConfirm, onClose }: RecordReviewDialogProps) {
  const [note, setNote] = useState('');
  const [next, setNext] = useState('');
  const { busy, error, fields, run, clearField } = useDialogAction(onClose);
  return (
    <ModalDialog
      variant="form"
      title="Record a review with no changes"
      onEscape={onClose}
      description={<p>The current version stays as it is. The review is kept in the record with your name.</p>}
      body={
        <>
          {error ? <Alert>{error}</Alert> : null}
          <TextAreaField
            label="Note on the review"
            hint='For example: "Read through with the head; no changes needed."'
            value={note}
            maxLength={maxLengthOf(commandSchemas['policy.recordReview'].input.shape.note)}
            onChange={(v) => {
              setNote(v);
              clearField('note');
            }}
            error={fields.note}
          />
          <DateTimeField label="Next review due (optional)" type="date" value={next} min={todayUk()}
            hint="Leave empty for a year from today." onChange={(v) => {
              setNext(v);
              clearField('nextReviewDue');
            }} error={fields.nextReviewDue} className="field-narrow" />
        </>
      }
    >
      <BigButton onClick={() => void run(() => onConfirm(note, next))} disabled={busy}>
        {busy ? 'Saving…' : 'Record the review'}
      </BigButton>
      <BigButton variant="secondary" onClick={onClose}>Cancel</BigButton>
    </ModalDialog>
  );
}
