import { useState } from 'react';
import { commandSchemas, type EarlyReleaseAgreer, type HeldPupilDevice } from '../../shared/contract/index.js';
import {
  IDENTITY_CHECK_LABELS, IDENTITY_CHECKS, RELATIONSHIP_LABELS, RELATIONSHIPS, type IdentityCheck, type Relationship,
} from '../../shared/domain/confiscation.js';
import { maxLengthOf } from '../../shared/validation.js';
import { Alert } from '../components/Alert.js';
import { BigButton } from '../components/BigButton.js';
import { ChoiceCards } from '../components/ChoiceCards.js';
import { ModalDialog } from '../components/ModalDialog.js';
import { TextAreaField } from '../components/TextAreaField.js';
import { TextField } from '../components/TextField.js';
import { useDialogAction } from '../components/useDialogAction.js';
import { now } from '../lib/clock.js';
import { pupilWords } from './arrival-model.js';
import { DeciderChoice } from './DeciderChoice.js';
import { ItemChecks } from './ItemChecks.js';
import { newReleaseDraft, releaseIsEarly, type ReleaseDraft } from './confiscation-model.js';
import { useConfiscationStore } from './confiscation-store.js';

const RELEASE = commandSchemas['learner.releaseConfiscated'].input.shape;
const EARLY = RELEASE.early.unwrap().unwrap().shape;

const RELATIONSHIP_CHOICES = RELATIONSHIPS.map((value) => ({ value, label: RELATIONSHIP_LABELS[value] }));
const IDENTITY_CHOICES = IDENTITY_CHECKS.map((value) => ({ value, label: IDENTITY_CHECK_LABELS[value] }));

interface ReleaseDialogProps {
  held: HeldPupilDevice;
  /** The setting's end of the school day (HH:MM). */
  endOfDay: string | null;
  /** The DSL and the heads, who may agree to an earlier release. */
  agreers: readonly EarlyReleaseAgreer[];
  onClose: () => void;
}

/**
 * A confiscated device goes to a named parent or carer, never to the pupil: who they are, how they are
 * related and how the office checked. Before the end of the day the DSL or the headteacher must agree, with
 * their own PIN and a reason, as the school policy says.
 */
export function ReleaseDialog({ held, endOfDay, agreers, onClose }: ReleaseDialogProps) {
  const release = useConfiscationStore((s) => s.release);
  const [draft, setDraft] = useState<ReleaseDraft>(() => newReleaseDraft(held));
  // Main may judge it early when the screen did not (the list was read before a change of day or time).
  const [mainSaysEarly, setMainSaysEarly] = useState(false);
  const { busy, error, fields, run, clearField } = useDialogAction(onClose);
  const early = mainSaysEarly || releaseIsEarly(held, draft.itemIds, endOfDay, now());

  const set = <K extends keyof ReleaseDraft>(key: K, path: string) => (value: ReleaseDraft[K]) => {
    setDraft((d) => ({ ...d, [key]: value }));
    clearField(path);
  };

  const confirm = () => void run(async () => {
    const result = await release(held, draft, early);
    if (!result.ok) {
      if ('early' in result.fields) setMainSaysEarly(true);
      // A PIN that was wrong, or typed for the wrong person, is typed again.
      if (Object.keys(result.fields).some((f) => f.startsWith('early.') && f !== 'early.reason')) setDraft((d) => ({ ...d, earlyPin: '' }));
    }
    return result;
  });

  const body = (
    <form
      id="release-form"
      className="form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        confirm();
      }}
    >
      {error ? <Alert>{error}</Alert> : null}
      <ItemChecks items={held.items} chosen={draft.itemIds} onChange={set('itemIds', 'itemIds')} error={fields.itemIds} />
      <TextField label="Parent or carer's full name" value={draft.parentName} maxLength={maxLengthOf(RELEASE.parentName)}
        onChange={set('parentName', 'parentName')} error={fields.parentName} autoCapitalize="words" />
      <ChoiceCards<Relationship> legend="Their relationship to the pupil" choices={RELATIONSHIP_CHOICES} value={draft.relationship}
        onChange={set('relationship', 'relationship')} error={fields.relationship} />
      {draft.relationship === 'other' ? (
        <TextField label="Who they are to the pupil" hint="For example: aunt, or older brother." value={draft.relationshipOther}
          maxLength={maxLengthOf(RELEASE.relationshipOther)} onChange={set('relationshipOther', 'relationshipOther')} error={fields.relationshipOther} />
      ) : null}
      <ChoiceCards<IdentityCheck> legend="How you checked who they are" choices={IDENTITY_CHOICES} value={draft.identityCheck}
        onChange={set('identityCheck', 'identityCheck')} error={fields.identityCheck} />
      {draft.identityCheck === 'other' ? (
        <TextField label="How you checked" hint='For example: "Mum phoned the office to say her sister was coming."' value={draft.identityNote}
          maxLength={maxLengthOf(RELEASE.identityNote)} onChange={set('identityNote', 'identityNote')} error={fields.identityNote} />
      ) : null}
      <TextAreaField label="Note (optional)" value={draft.note} rows={2} maxLength={maxLengthOf(RELEASE.note)}
        onChange={set('note', 'note')} error={fields.note} />
      {early ? (
        <section className="approver" aria-labelledby="early-heading">
          <h3 id="early-heading">Before the end of the day</h3>
          <p className="field-hint">
            The school day ends at {endOfDay ?? 'the time set in Settings'}. To release it now, the DSL or the headteacher must
            agree: they choose their name, type their own PIN and say why.
          </p>
          {fields.early ? <Alert>{fields.early}</Alert> : null}
          <DeciderChoice legend="Who agrees" people={agreers} nobody="Nobody is the DSL or the headteacher yet. Release it at the end of the day instead."
            value={draft.earlyBy} onChange={set('earlyBy', 'early.staffId')} error={fields['early.staffId']}
            pin={draft.earlyPin} onPin={set('earlyPin', 'early.pin')} pinError={fields['early.pin']} />
          <TextField label="Why it cannot wait" hint='For example: "Hospital appointment at 2pm."' value={draft.earlyReason}
            maxLength={maxLengthOf(EARLY.reason)} onChange={set('earlyReason', 'early.reason')} error={fields['early.reason']} />
        </section>
      ) : null}
    </form>
  );

  return (
    <ModalDialog
      variant="form"
      title={`Release to a parent or carer: ${pupilWords(held)}`}
      onEscape={onClose}
      description={
        <p>
          A confiscated device goes to a named parent or carer, not to the pupil. Check who they are before you hand it over. This is
          recorded and cannot be undone.
          {early ? ' It is before the end of the school day, so the DSL or the headteacher must also agree (at the end of this form).' : ''}
        </p>
      }
      body={body}
    >
      <BigButton type="submit" form="release-form" disabled={busy}>{busy ? 'Releasing…' : 'Release'}</BigButton>
      <BigButton variant="secondary" onClick={onClose}>Cancel</BigButton>
    </ModalDialog>
  );
}
