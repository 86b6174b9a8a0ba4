import { useState } from 'react';
import { commandSchemas } from '../../shared/contract/index.js';
import { maxLengthOf } from '../../shared/validation.js';
import { Alert } from '../components/Alert.js';
import { BigButton } from '../components/BigButton.js';
import { ModalDialog } from '../components/ModalDialog.js';
import { TextAreaField } from '../components/TextAreaField.js';
import { useDialogAction } from '../components/useDialogAction.js';
import type { ActionResult } from '../lib/action-result.js';
import { CheckField } from '../components/CheckField.js';

interface ReviewConcernDialogProps {
  about: string;
  onConfirm: (outcome: string, close: boolean) => Promise<ActionResult>;
  onClose: () => void;
}

/** The DSL's review of a concern: what was decided, and whether nothing more is to be done. */
export function ReviewConcernDialog({ about, onConfirm, onClose }: ReviewConcernDialogProps) {
  const [outcome, setOutcome] = useState('');
  const [close, setClose] = useState(false);
  const { busy, error, fields, run, clearField } = useDialogAction(onClose);
  return (
    <ModalDialog
      variant="form"
      title={`Review the concern about ${about}`}
      onEscape={onClose}
      description={<p>Record what you found and what happens next. A closed concern cannot be reviewed again; once it is closed, write its debrief.</p>}
      body={
        <>
          {error ? <Alert>{error}</Alert> : null}
          <TextAreaField
            label="Outcome"
            rows={4}
            maxLength={maxLengthOf(commandSchemas['concern.review'].input.shape.outcome)}
            hint='For example: "Spoke to the visitor; photos deleted in front of me. Told the agency."'
            value={outcome}
            onChange={(v) => {
              setOutcome(v);
              clearField('outcome');
            }}
            error={fields.outcome}
          />
          <CheckField label="Close the concern" hint="Nothing more is to be done." checked={close} onChange={setClose} />
        </>
      }
    >
      <BigButton onClick={() => void run(() => onConfirm(outcome, close))} disabled={busy}>
        {busy ? 'Saving…' : close ? 'Save and close' : 'Save the review'}
      </BigButton>
      <BigButton variant="secondary" onClick={onClose}>Cancel</BigButton>
    </ModalDialog>
  );
}
