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

const POLICE = commandSchemas['concern.recordPoliceContact'].input.shape;

type Box = 'policeForce' | 'officer' | 'reference';

const BOXES: { key: Box; label: string; hint?: string }[] = [
  { key: 'policeForce', label: 'Police force' },
  { key: 'officer', label: 'Officer', hint: 'Name, rank or collar number.' },
  { key: 'reference', label: 'Police reference', hint: 'The crime or incident number they gave.' },
];

/** A contact with the police about the concern: when, which force, which officer, and their reference. */
export function PoliceContactDialog({ concern, onClose }: { concern: ConcernView; onClose: () => void }) {
  const [contactedOn, setContactedOn] = useState(() => todayUk());
  const [boxes, setBoxes] = useState<Record<Box, string>>({ policeForce: '', officer: '', reference: '' });
  const { busy, error, fields, run, clearField } = useDialogAction(onClose);
  return (
    <ModalDialog
      variant="form"
      title="Police contact"
      onEscape={onClose}
      description={
        <p>
          Where illegal content or a crime is suspected, the police are told. Record who you spoke to about the concern
          about {concern.aboutName}, and the reference they gave.
        </p>
      }
      body={
        <>
          {error ? <Alert>{error}</Alert> : null}
          <DateTimeField label="Day the police were contacted" type="date" value={contactedOn} error={fields.contactedOn} className="field-narrow"
            onChange={(v) => {
              setContactedOn(v);
              clearField('contactedOn');
            }} />
          {BOXES.map(({ key, label, hint }) => (
            <TextField key={key} label={label} hint={hint} value={boxes[key]} maxLength={maxLengthOf(POLICE[key])} error={fields[key]}
              onChange={(v) => {
                setBoxes((b) => ({ ...b, [key]: v }));
                clearField(key);
              }} />
          ))}
        </>
      }
    >
      <BigButton
        onClick={() => void run(() => recordFollowUp('concern.recordPoliceContact', {
          concernId: concern.concernId, contactedOn, policeForce: boxes.policeForce.trim(), officer: boxes.officer.trim(), reference: boxes.reference.trim(),
        }, 'The police contact is recorded.'))}
        disabled={busy}
      >
        {busy ? 'Saving…' : 'Save'}
      </BigButton>
      <BigButton variant="secondary" onClick={onClose}>Cancel</BigButton>
    </ModalDialog>
  );
}
