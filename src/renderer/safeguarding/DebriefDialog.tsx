import { useState } from 'react';
import { commandSchemas } from '../../shared/contract/index.js';
import type { ConcernView } from '../../shared/domain/concerns.js';
import { maxLengthOf } from '../../shared/validation.js';
import { Alert } from '../components/Alert.js';
import { BigButton } from '../components/BigButton.js';
import { ModalDialog } from '../components/ModalDialog.js';
import { TextAreaField } from '../components/TextAreaField.js';
import { useDialogAction } from '../components/useDialogAction.js';
import { optional, recordFollowUp } from './concern-follow-up.js';

const DEBRIEF = commandSchemas['concern.recordDebrief'].input.shape;

/** The DSL's look back at a closed concern: what was learnt, and what will change. Written once. */
export function DebriefDialog({ concern, onClose }: { concern: ConcernView; onClose: () => void }) {
  const [lessonsLearnt, setLessonsLearnt] = useState('');
  const [practiceChange, setPracticeChange] = useState('');
  const { busy, error, fields, run, clearField } = useDialogAction(onClose);
  return (
    <ModalDialog
      variant="form"
      title={`Debrief: the concern about ${concern.aboutName}`}
      onEscape={onClose}
      description={
        <p>
          Now the concern is closed, look back on it with the leadership team: what worked, what did not, and what
          will change. The staff member who raised it can read this. It cannot be changed once saved.
        </p>
      }
      body={
        <>
          {error ? <Alert>{error}</Alert> : null}
          <TextAreaField label="What was learnt" rows={4} value={lessonsLearnt} maxLength={maxLengthOf(DEBRIEF.lessonsLearnt)}
            onChange={(v) => {
              setLessonsLearnt(v);
              clearField('lessonsLearnt');
            }}
            error={fields.lessonsLearnt} />
          <TextAreaField label="Changes to practice or to the policy (optional)" rows={3} value={practiceChange}
            maxLength={maxLengthOf(DEBRIEF.practiceChange)} hint='For example: "Phones are now handed in at the gate."'
            onChange={(v) => {
              setPracticeChange(v);
              clearField('practiceChange');
            }}
            error={fields.practiceChange} />
        </>
      }
    >
      <BigButton
        onClick={() => void run(() => recordFollowUp('concern.recordDebrief', {
          concernId: concern.concernId, lessonsLearnt: lessonsLearnt.trim(), practiceChange: optional(practiceChange),
        }, 'The debrief is recorded.'))}
        disabled={busy}
      >
        {busy ? 'Saving…' : 'Save the debrief'}
      </BigButton>
      <BigButton variant="secondary" onClick={onClose}>Cancel</BigButton>
    </ModalDialog>
  );
}
