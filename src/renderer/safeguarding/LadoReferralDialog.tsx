import { useState } from 'react';
import { commandSchemas } from '../../shared/contract/index.js';
import type { ConcernView } from '../../shared/domain/concerns.js';
import { maxLengthOf } from '../../shared/validation.js';
import { Alert } from '../components/Alert.js';
import { BigButton } from '../components/BigButton.js';
import { DateTimeField } from '../components/DateTimeField.js';
import { ModalDialog } from '../components/ModalDialog.js';
import { TextField } from '../components/TextField.js';
import { useDialogAction } from '../components/useDialogAction.js';
import { todayUk } from '../lib/uk-clock.js';
import { recordFollowUp } from './concern-follow-up.js';

const REFERRAL = commandSchemas['concern.recordLadoReferral'].input.shape;

/** The referral of an allegation against a member of staff to the LADO: the day, and the LADO's reference. */
export function LadoReferralDialog({ concern, onClose }: { concern: ConcernView; onClose: () => void }) {
  const [referredOn, setReferredOn] = useState(() => todayUk());
  const [ladoReference, setLadoReference] = useState('');
  const { busy, error, fields, run, clearField } = useDialogAction(onClose);
  return (
    <ModalDialog
      variant="form"
      title="Referral to the LADO"
      onEscape={onClose}
      description={
        <p>
          The Local Authority Designated Officer (LADO) deals with allegations against anyone who works with
          children. Record the day you referred the concern about {concern.aboutName} and the reference the LADO gave.
          Add the outcome when it comes.
        </p>
      }
      body={
        <>
          {error ? <Alert>{error}</Alert> : null}
          <DateTimeField label="Day of the referral" type="date" value={referredOn} error={fields.referredOn} className="field-narrow"
            onChange={(v) => {
              setReferredOn(v);
              clearField('referredOn');
            }} />
          <TextField label="The LADO's reference" value={ladoReference} maxLength={maxLengthOf(REFERRAL.ladoReference)} error={fields.ladoReference}
            className="field-narrow"
            onChange={(v) => {
              setLadoReference(v);
              clearField('ladoReference');
            }} />
        </>
      }
    >
      <BigButton
        onClick={() => void run(() => recordFollowUp('concern.recordLadoReferral', {
          concernId: concern.concernId, referredOn, ladoReference: ladoReference.trim(),
        }, 'The LADO referral is recorded.'))}
        disabled={busy}
      >
        {busy ? 'Saving…' : 'Save the referral'}
      </BigButton>
      <BigButton variant="secondary" onClick={onClose}>Cancel</BigButton>
    </ModalDialog>
  );
}
