import { useState } from 'react';
import { commandSchemas, type HeldPupilDevice } from '../../shared/contract/index.js';
import { maxLengthOf } from '../../shared/validation.js';
import { Alert } from '../components/Alert.js';
import { BigButton } from '../components/BigButton.js';
import { ModalDialog } from '../components/ModalDialog.js';
import { TextAreaField } from '../components/TextAreaField.js';
import { TextField } from '../components/TextField.js';
import { useDialogAction } from '../components/useDialogAction.js';
import { pupilWords } from './arrival-model.js';
import { ItemChecks } from './ItemChecks.js';
import { newPoliceDraft, type PoliceDraft } from './confiscation-model.js';
import { useConfiscationStore } from './confiscation-store.js';

const POLICE = commandSchemas['learner.handToPolice'].input.shape;

/** A confiscated device handed to the police by the DSL or headteacher: the officer, force and reference; the time is now. */
export function PoliceDialog({ held, onClose }: { held: HeldPupilDevice; onClose: () => void }) {
  const handToPolice = useConfiscationStore((s) => s.handToPolice);
  const [draft, setDraft] = useState<PoliceDraft>(() => newPoliceDraft(held));
  const { busy, error, fields, run, clearField } = useDialogAction(onClose);

  const set = <K extends keyof PoliceDraft>(key: K) => (value: PoliceDraft[K]) => {
    setDraft((d) => ({ ...d, [key]: value }));
    clearField(key);
  };

  const body = (
    <form
      id="police-form"
      className="form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void run(() => handToPolice(held, draft));
      }}
    >
      {error ? <Alert>{error}</Alert> : null}
      <ItemChecks items={held.items} chosen={draft.itemIds} onChange={set('itemIds')} error={fields.itemIds} />
      <div className="field-pair">
        <TextField label="Officer's name" hint="For example: PC Amir Khan." value={draft.officerName} maxLength={maxLengthOf(POLICE.officerName)}
          onChange={set('officerName')} error={fields.officerName} autoCapitalize="words" />
        <TextField label="Shoulder or collar number (optional)" value={draft.officerNumber} maxLength={maxLengthOf(POLICE.officerNumber)}
          onChange={set('officerNumber')} error={fields.officerNumber} />
      </div>
      <div className="field-pair">
        <TextField label="Police force" hint="For example: Kent Police." value={draft.policeForce} maxLength={maxLengthOf(POLICE.policeForce)}
          onChange={set('policeForce')} error={fields.policeForce} />
        <TextField label="Police reference number" hint="The crime or incident number the officer gives you." value={draft.policeReference}
          maxLength={maxLengthOf(POLICE.policeReference)} onChange={set('policeReference')} error={fields.policeReference} />
      </div>
      <TextAreaField label="Note (optional)" value={draft.note} rows={2} maxLength={maxLengthOf(POLICE.note)} onChange={set('note')} error={fields.note} />
    </form>
  );

  return (
    <ModalDialog
      variant="form"
      title={`Hand to the police: ${pupilWords(held)}`}
      onEscape={onClose}
      description={<p>Record the officer who takes the device and the reference they give you. The time is recorded as now. This cannot be undone.</p>}
      body={body}
    >
      <BigButton type="submit" form="police-form" disabled={busy}>{busy ? 'Saving…' : 'Hand to the police'}</BigButton>
      <BigButton variant="secondary" onClick={onClose}>Cancel</BigButton>
    </ModalDialog>
  );
}
