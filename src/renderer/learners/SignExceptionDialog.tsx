import { useState } from 'react';
import { commandSchemas } from '../../shared/contract/index.js';
import type { LearnerExceptionView } from '../../shared/domain/learners.js';
import { ukDay } from '../../shared/domain/time.js';
import { maxLengthOf } from '../../shared/validation.js';
import { Alert } from '../components/Alert.js';
import { BigButton } from '../components/BigButton.js';
import { DateTimeField } from '../components/DateTimeField.js';
import { ModalDialog } from '../components/ModalDialog.js';
import { TextField } from '../components/TextField.js';
import { useDialogAction } from '../components/useDialogAction.js';
import type { ActionResult } from '../lib/action-result.js';
import { todayUk } from '../lib/uk-clock.js';
import type { SignedValues } from './exceptions-store.js';

const SIGNED = commandSchemas['learner.recordExceptionSigned'].input.shape;
const FORM_ID = 'exception-signed-form';

interface SignExceptionDialogProps {
  exception: LearnerExceptionView;
  onConfirm: (values: SignedValues) => Promise<ActionResult>;
  onClose: () => void;
}

/**
 * The signed agreement has come back: the office copies from the paper who signed (the pupil, and which
 * parent or carer) and the day they dated it. Recorded once; from then on the exception is in force.
 */
export function SignExceptionDialog({ exception, onConfirm, onClose }: SignExceptionDialogProps) {
  const [values, setValues] = useState<SignedValues>(() => ({
    learnerName: exception.pupilName, parentName: '', parentRelationship: '', signedOn: todayUk(),
  }));
  const { busy, error, fields, run, clearField } = useDialogAction(onClose);
  const change = (key: keyof SignedValues) => (value: string) => {
    setValues((old) => ({ ...old, [key]: value }));
    clearField(key);
  };
  return (
    <ModalDialog
      variant="form"
      title={`Record the signed agreement for ${exception.pupilName}`}
      onEscape={onClose}
      description={<p>Copy the names from the signed paper. Once recorded, the exception is in force for its days.</p>}
      body={
        <form
          id={FORM_ID}
          className="form"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void run(() => onConfirm(values));
          }}
        >
          {error ? <Alert>{error}</Alert> : null}
          <TextField label="The pupil's name, as signed" value={values.learnerName} maxLength={maxLengthOf(SIGNED.learnerName)}
            onChange={change('learnerName')} error={fields.learnerName} autoCapitalize="words" />
          <div className="field-pair">
            <TextField label="Parent or carer who signed" value={values.parentName} maxLength={maxLengthOf(SIGNED.parentName)}
              onChange={change('parentName')} error={fields.parentName} autoCapitalize="words" />
            <TextField label="Relationship to the pupil" hint="For example mother, father or foster carer." value={values.parentRelationship}
              maxLength={maxLengthOf(SIGNED.parentRelationship)} onChange={change('parentRelationship')} error={fields.parentRelationship} />
          </div>
          <DateTimeField label="Day it was signed" type="date" value={values.signedOn} min={ukDay(exception.recordedAt)}
            onChange={change('signedOn')} error={fields.signedOn} className="field-narrow" />
        </form>
      }
    >
      <BigButton type="submit" form={FORM_ID} disabled={busy}>{busy ? 'Recording…' : 'Record the signatures'}</BigButton>
      <BigButton variant="secondary" onClick={onClose}>Cancel</BigButton>
    </ModalDialog>
  );
}
