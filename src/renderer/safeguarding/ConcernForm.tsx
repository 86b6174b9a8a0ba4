import { useRef } from 'react';
import { commandSchemas } from '../../shared/contract/index.js';
import { maxLengthOf } from '../../shared/validation.js';
import { CONCERN_SUBJECTS, CONCERN_SUBJECT_LABELS } from '../../shared/domain/concerns.js';
import { Alert } from '../components/Alert.js';
import { BigButton } from '../components/BigButton.js';
import { ChoiceCards } from '../components/ChoiceCards.js';
import { SelectField } from '../components/SelectField.js';
import { TextAreaField } from '../components/TextAreaField.js';
import { TextField } from '../components/TextField.js';
import { useFocusFirstError } from '../components/useFocusFirstError.js';
import { PageHeading } from '../components/PageHeading.js';
import { useConcernStore } from './concern-store.js';
import { useTodayStore } from '../console/today-store.js';
import { fullName } from '../../shared/domain/names.js';

const CONCERN = commandSchemas['concern.raise'].input.shape;

const SUBJECTS = CONCERN_SUBJECTS.map((value) => ({ value, label: CONCERN_SUBJECT_LABELS[value] }));

/** A concern or breach, written down while it is fresh, for the DSL to review. */
export function ConcernForm() {
  const form = useConcernStore((s) => s.form);
  const busy = useConcernStore((s) => s.busy);
  const error = useConcernStore((s) => s.formError);
  const fields = useConcernStore((s) => s.fieldErrors);
  const setField = useConcernStore((s) => s.setField);
  const submit = useConcernStore((s) => s.submit);
  const cancelRaise = useConcernStore((s) => s.cancelRaise);
  const onSite = useTodayStore((s) => s.onSite);
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstError(formRef, error);
  if (!form) return null;

  const visitOptions = onSite.map((v) => ({ value: String(v.visitId), label: `${fullName(v)}${v.organisation ? ` · ${v.organisation}` : ''}` }));
  return (
    <>
      <div className="console-heading"><PageHeading>Record a concern</PageHeading></div>
      <p className="section-lead">Write what you saw and heard, in your own words. The DSL reviews every concern.</p>
      {error ? <Alert>{error}</Alert> : null}
      <form
        ref={formRef}
        className="form card concern-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <ChoiceCards legend="Who is the concern about?" choices={SUBJECTS} value={form.aboutType}
          onChange={(v) => setField('aboutType', v)} error={fields.aboutType} />
        <div className="field-pair">
          <TextField label="Their name, or a description" value={form.aboutName} maxLength={maxLengthOf(CONCERN.aboutName)}
            onChange={(v) => setField('aboutName', v)} error={fields.aboutName} />
          <SelectField
            label="Linked visit (optional)"
            hint="If it is about someone signed in now."
            value={form.visitId === null ? '' : String(form.visitId)}
            options={visitOptions}
            placeholder="Not linked to a visit"
            onChange={(v) => {
              setField('visitId', v === '' ? null : Number(v));
              const visit = onSite.find((o) => String(o.visitId) === v);
              if (visit && form.aboutName.trim() === '') setField('aboutName', fullName(visit));
            }}
            error={fields.visitId}
          />
        </div>
        <TextField label="Where it happened" value={form.location} maxLength={maxLengthOf(CONCERN.location)}
          onChange={(v) => setField('location', v)} error={fields.location} />
        <TextAreaField label="What happened" rows={5} maxLength={maxLengthOf(CONCERN.whatHappened)} value={form.whatHappened}
          hint="What you saw or heard, when, and who else was there."
          onChange={(v) => setField('whatHappened', v)} error={fields.whatHappened} />
        <TextAreaField label="What was done" rows={3} maxLength={maxLengthOf(CONCERN.actionTaken)} value={form.actionTaken}
          hint='For example: "Asked them to put the phone away and told the DSL."'
          onChange={(v) => setField('actionTaken', v)} error={fields.actionTaken} />
        <div className="form-actions">
          <BigButton type="submit" disabled={busy}>{busy ? 'Recording…' : 'Record the concern'}</BigButton>
          <BigButton variant="quiet" onClick={cancelRaise}>Cancel</BigButton>
        </div>
      </form>
    </>
  );
}
