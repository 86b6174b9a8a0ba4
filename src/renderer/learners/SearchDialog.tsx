import { useState } from 'react';
import { commandSchemas, type CommandInput, type HeldPupilDevice } from '../../shared/contract/index.js';
import { DEVICE_KIND_LABELS } from '../../shared/domain/devices.js';
import {
  SEARCH_CONSENT_LABELS, SEARCH_CONTENT_LABELS, type SearchConsentFrom, type SearchContentAction,
} from '../../shared/domain/learner-searches.js';
import { ukTime } from '../../shared/domain/time.js';
import { maxLengthOf } from '../../shared/validation.js';
import { Alert } from '../components/Alert.js';
import { BigButton } from '../components/BigButton.js';
import { ChoiceCards } from '../components/ChoiceCards.js';
import { DateTimeField } from '../components/DateTimeField.js';
import { ModalDialog } from '../components/ModalDialog.js';
import { TextAreaField } from '../components/TextAreaField.js';
import { TextField } from '../components/TextField.js';
import { useDialogAction } from '../components/useDialogAction.js';
import { now } from '../lib/clock.js';
import { timeOrDateTime } from '../lib/format.js';
import { todayUk } from '../lib/uk-clock.js';
import { itemWords } from './arrival-model.js';
import { useSearchStore } from './search-store.js';

const SEARCH = commandSchemas['learner.recordSearch'].input.shape;

const CONSENT_CHOICES = (['learner', 'parent'] as const).map((value) => ({ value, label: SEARCH_CONSENT_LABELS[value] }));
const CONTENT_CHOICES = (['none', 'deleted', 'deletion_requested'] as const).map((value) => ({ value, label: SEARCH_CONTENT_LABELS[value] }));

/** A box's text as sent: trimmed, and null for an optional one left empty. */
function optional(value: string): string | null {
  return value.trim() === '' ? null : value.trim();
}

interface SearchDialogProps {
  held: HeldPupilDevice;
  onClose: () => void;
}

/**
 * A search of a confiscated device, recorded by the leader who did it (school policy: by a member of the
 * leadership team, with the consent of the pupil or a parent or carer). Consent is asked first: whose, their
 * name, and when (now, unless it was given earlier). Then what was looked at, what was found, and whether
 * content was deleted or its deletion requested. The search itself is recorded at the time it is saved.
 */
export function SearchDialog({ held, onClose }: SearchDialogProps) {
  const items = held.items.filter((i) => i.reason === 'confiscated');
  const [itemId, setItemId] = useState<number | null>(items.length === 1 ? items[0]!.itemId : null);
  const [consentFrom, setConsentFrom] = useState<SearchConsentFrom | null>(null);
  const [consentName, setConsentName] = useState('');
  const [relationship, setRelationship] = useState('');
  // Consent is usually given there and then: the boxes start at now on the UK clock.
  const [consentOn, setConsentOn] = useState(() => todayUk());
  const [consentTime, setConsentTime] = useState(() => ukTime(now().toISOString()));
  const [lookedAt, setLookedAt] = useState('');
  const [found, setFound] = useState('');
  const [content, setContent] = useState<SearchContentAction | null>(null);
  const [contentDetail, setContentDetail] = useState('');
  const [witness, setWitness] = useState('');
  const record = useSearchStore((s) => s.record);
  const { busy, error, fields, run, clearField } = useDialogAction(onClose);
  const change = <T,>(key: string, set: (v: T) => void) => (v: T) => {
    set(v);
    clearField(key);
  };

  // The pupil's own consent is usually in their own name: it is filled in, and can be changed.
  const chooseConsent = (from: SearchConsentFrom) => {
    setConsentFrom(from);
    clearField('consentFrom');
    if (from === 'learner' && consentName.trim() === '') setConsentName(held.pupilName);
    if (from === 'parent' && consentName === held.pupilName) setConsentName('');
  };

  const device = items.length === 1 ? DEVICE_KIND_LABELS[items[0]!.kind].toLowerCase() : 'device';
  const save = () => {
    // Choices not made yet go as missing, so the contract names them in its own words.
    const input = {
      itemId: itemId ?? undefined,
      consentFrom: consentFrom ?? undefined,
      consentName: consentName.trim(),
      consentRelationship: consentFrom === 'parent' ? optional(relationship) : null,
      consentOn,
      consentTime,
      lookedAt: lookedAt.trim(),
      found: found.trim(),
      content: content ?? undefined,
      contentDetail: content === 'none' ? null : optional(contentDetail),
      witness: optional(witness),
    } as CommandInput<'learner.recordSearch'>;
    return record(input, held.pupilName);
  };

  return (
    <ModalDialog
      variant="form"
      title={`Record a search of ${held.pupilName}'s ${device}`}
      onEscape={onClose}
      description={
        <p>
          A member of the leadership team may search a confiscated device with the consent of the pupil or of a parent or
          carer. Record it as you do it: you are recorded as the person who searched, at the time you save.
        </p>
      }
      body={
        <>
          {error ? <Alert>{error}</Alert> : null}
          {items.length > 1 ? (
            <ChoiceCards
              legend="Which device was searched"
              choices={items.map((i) => ({ value: String(i.itemId), label: itemWords(i), hint: `Bag ${i.bagSlot}` }))}
              value={itemId === null ? null : String(itemId)}
              onChange={(v) => change('itemId', setItemId)(Number(v))}
              error={fields.itemId}
            />
          ) : (
            <p className="search-device">
              {items[0] ? `${itemWords(items[0])} · bag ${items[0].bagSlot}` : ''} · receipt {held.receiptNumber} · confiscated at{' '}
              {items[0] ? timeOrDateTime(items[0].loggedAt) : ''}
            </p>
          )}
          <ChoiceCards<SearchConsentFrom> legend="Who gave consent" layout="pair" choices={CONSENT_CHOICES} value={consentFrom}
            onChange={chooseConsent} error={fields.consentFrom} />
          <div className="field-pair">
            <TextField label={consentFrom === 'parent' ? 'Name of the parent or carer' : 'Name of who gave consent'} value={consentName}
              maxLength={maxLengthOf(SEARCH.consentName)} onChange={change('consentName', setConsentName)} error={fields.consentName} />
            {consentFrom === 'parent' ? (
              <TextField label="Relationship to the pupil" hint="For example: mother, father, foster carer." value={relationship}
                maxLength={maxLengthOf(SEARCH.consentRelationship)} onChange={change('consentRelationship', setRelationship)}
                error={fields.consentRelationship} />
            ) : null}
          </div>
          <div className="field-pair">
            <DateTimeField label="Day consent was given" type="date" value={consentOn} onChange={change('consentOn', setConsentOn)}
              error={fields.consentOn} />
            <DateTimeField label="Time consent was given" type="time" value={consentTime} onChange={change('consentTime', setConsentTime)}
              error={fields.consentTime} hint="Now, unless it was given earlier." />
          </div>
          <TextAreaField label="What was looked at" hint="For example: photos and messages from today." value={lookedAt}
            maxLength={maxLengthOf(SEARCH.lookedAt)} onChange={change('lookedAt', setLookedAt)} error={fields.lookedAt} />
          <TextAreaField label="What was found" hint='If nothing was found, write "nothing".' value={found}
            maxLength={maxLengthOf(SEARCH.found)} onChange={change('found', setFound)} error={fields.found} />
          <ChoiceCards<SearchContentAction> legend="Content" choices={CONTENT_CHOICES} value={content}
            onChange={change('content', setContent)} error={fields.content}
            hint="Content that breaks the school's policies may be deleted, or the pupil asked to delete it." />
          {content === 'deleted' || content === 'deletion_requested' ? (
            <TextAreaField label={content === 'deleted' ? 'What was deleted' : 'What they were asked to delete'} value={contentDetail}
              maxLength={maxLengthOf(SEARCH.contentDetail)} onChange={change('contentDetail', setContentDetail)} error={fields.contentDetail} />
          ) : null}
          <TextField label="Who else was present (optional)" hint="Good practice: another member of staff, for example Mr Evans, deputy head."
            value={witness} maxLength={maxLengthOf(SEARCH.witness)} onChange={change('witness', setWitness)} error={fields.witness} />
        </>
      }
    >
      <BigButton onClick={() => void run(save)} disabled={busy}>{busy ? 'Saving…' : 'Record the search'}</BigButton>
      <BigButton variant="secondary" onClick={onClose}>Cancel</BigButton>
    </ModalDialog>
  );
}
