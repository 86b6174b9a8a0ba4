import { useState } from 'react';
import { commandSchemas } from '../../shared/contract/index.js';
import type { ConcernView } from '../../shared/domain/concerns.js';
import { maxLengthOf } from '../../shared/validation.js';
import { Alert } from '../components/Alert.js';
import { BigButton } from '../components/BigButton.js';
import { ChoiceCards } from '../components/ChoiceCards.js';
import { DateTimeField } from '../components/DateTimeField.js';
import { ModalDialog } from '../components/ModalDialog.js';
import { TextAreaField } from '../components/TextAreaField.js';
import { TextField } from '../components/TextField.js';
import { useDialogAction } from '../components/useDialogAction.js';
import { todayUk } from '../lib/uk-clock.js';
import { optional, recordFollowUp } from './concern-follow-up.js';

const TOLD = commandSchemas['concern.recordParentsInformed'].input.shape;
const NOT_TOLD = commandSchemas['concern.recordParentsNotInformed'].input.shape;

type Decision = 'told' | 'not_told';

interface ParentsInformedDialogProps {
  concern: ConcernView;
  /** Only the DSL may decide the parents are not to be told. */
  isDsl: boolean;
  onClose: () => void;
}

/** When the parents or carers were told and by whom; or, for the DSL, that they are not to be told and why. */
export function ParentsInformedDialog({ concern, isDsl, onClose }: ParentsInformedDialogProps) {
  const [decision, setDecision] = useState<Decision>('told');
  const [informedOn, setInformedOn] = useState(() => todayUk());
  const [informedTime, setInformedTime] = useState('');
  const [informedBy, setInformedBy] = useState('');
  const [whoWasTold, setWhoWasTold] = useState('');
  const [reason, setReason] = useState('');
  const { busy, error, fields, run, clearField } = useDialogAction(onClose);
  const change = (key: string, set: (v: string) => void) => (v: string) => {
    set(v);
    clearField(key);
  };

  const save = () =>
    decision === 'told'
      ? recordFollowUp('concern.recordParentsInformed', {
        concernId: concern.concernId, informedOn, informedTime: optional(informedTime), informedBy: informedBy.trim(), whoWasTold: optional(whoWasTold),
      }, 'Recorded: the parents or carers were told.')
      : recordFollowUp('concern.recordParentsNotInformed', { concernId: concern.concernId, reason: reason.trim() },
        'Recorded: the parents or carers are not to be told for now.');

  return (
    <ModalDialog
      variant="form"
      title="Parents or carers informed"
      onEscape={onClose}
      description={
        isDsl ? (
          <p>
            Telling the parents or carers is usual, but sometimes it could put a child at more risk, for example when
            someone at home may be causing the harm. You decide as the DSL. If they are not to be told, say why.
          </p>
        ) : (
          <p>
            Record when the parents or carers of {concern.aboutName} were told, and who told them. If you think telling
            them could put a child at risk, speak to the DSL first: it is the DSL&apos;s decision.
          </p>
        )
      }
      body={
        <>
          {error ? <Alert>{error}</Alert> : null}
          {isDsl ? (
            <ChoiceCards<Decision>
              legend="Were they told?"
              layout="pair"
              choices={[
                { value: 'told', label: 'Yes, they were told' },
                { value: 'not_told', label: 'No, they are not to be told', hint: 'The DSL’s decision' },
              ]}
              value={decision}
              onChange={setDecision}
            />
          ) : null}
          {decision === 'told' ? (
            <>
              <div className="field-pair">
                <DateTimeField label="Day they were told" type="date" value={informedOn} onChange={change('informedOn', setInformedOn)}
                  error={fields.informedOn} />
                <DateTimeField label="Time (optional)" type="time" value={informedTime} onChange={change('informedTime', setInformedTime)}
                  error={fields.informedTime} />
              </div>
              <TextField label="Who told them" hint="Their name and role, for example: Mrs Okafor, class teacher." value={informedBy}
                maxLength={maxLengthOf(TOLD.informedBy)} onChange={change('informedBy', setInformedBy)} error={fields.informedBy} />
              <TextField label="Who was told (optional)" hint="For example: his mother, or both parents." value={whoWasTold}
                maxLength={maxLengthOf(TOLD.whoWasTold)} onChange={change('whoWasTold', setWhoWasTold)} error={fields.whoWasTold} />
            </>
          ) : (
            <TextAreaField label="Why they are not being told" rows={4} value={reason} maxLength={maxLengthOf(NOT_TOLD.reason)}
              hint="Staff who raised the concern see that they are not to be told, but not why."
              onChange={change('reason', setReason)} error={fields.reason} />
          )}
        </>
      }
    >
      <BigButton onClick={() => void run(save)} disabled={busy}>{busy ? 'Saving…' : 'Save'}</BigButton>
      <BigButton variant="secondary" onClick={onClose}>Cancel</BigButton>
    </ModalDialog>
  );
}
