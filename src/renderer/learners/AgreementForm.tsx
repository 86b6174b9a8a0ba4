import { useRef } from 'react';
import { commandSchemas, pupilNameText } from '../../shared/contract/index.js';
import { DEVICE_KINDS, DEVICE_KIND_LABELS } from '../../shared/domain/devices.js';
import { MAX_PIN_DIGITS } from '../../shared/domain/pin-rules.js';
import { maxLengthOf } from '../../shared/validation.js';
import { Alert } from '../components/Alert.js';
import { BigButton } from '../components/BigButton.js';
import { ChoiceCards } from '../components/ChoiceCards.js';
import { DateTimeField } from '../components/DateTimeField.js';
import { PageHeading } from '../components/PageHeading.js';
import { SelectField } from '../components/SelectField.js';
import { TextAreaField } from '../components/TextAreaField.js';
import { TextField } from '../components/TextField.js';
import { useFocusFirstError } from '../components/useFocusFirstError.js';
import { todayUk } from '../lib/uk-clock.js';
import { useLearnersStore } from './learners-store.js';

const AGREEMENT = commandSchemas['learner.recordAgreement'].input.shape;

const KIND_OPTIONS = DEVICE_KINDS.map((value) => ({ value, label: DEVICE_KIND_LABELS[value] }));

/**
 * The headteacher's prior agreement, written down: which pupil, which device and why, for which days, on
 * what conditions. The head who agreed chooses their name and types their own PIN, as a DSL does to approve.
 */
export function AgreementForm() {
  const form = useLearnersStore((s) => s.form);
  const heads = useLearnersStore((s) => s.heads);
  const busy = useLearnersStore((s) => s.busy);
  const error = useLearnersStore((s) => s.formError);
  const fields = useLearnersStore((s) => s.fieldErrors);
  const setField = useLearnersStore((s) => s.setField);
  const submit = useLearnersStore((s) => s.submit);
  const cancelForm = useLearnersStore((s) => s.cancelForm);
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstError(formRef, error);
  if (!form) return null;
  return (
    <>
      <div className="console-heading"><PageHeading>Record an agreement</PageHeading></div>
      <p className="section-lead">
        A pupil may bring a device into school only once the headteacher has agreed. The device is handed in at the
        office on arrival and given back at the end of the day.
      </p>
      {error ? <Alert>{error}</Alert> : null}
      <form
        ref={formRef}
        className="form card agreement-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <div className="field-pair">
          <TextField label="Pupil's name" hint="As the school writes it, in full." value={form.pupilName} maxLength={maxLengthOf(pupilNameText)}
            onChange={(v) => setField('pupilName', v)} error={fields.pupilName} autoCapitalize="words" />
          <TextField label="Class or year group" hint="For example 6B or Year 6." value={form.classGroup} maxLength={maxLengthOf(AGREEMENT.classGroup)}
            onChange={(v) => setField('classGroup', v)} error={fields.classGroup} />
        </div>
        <div className="field-pair">
          <SelectField label="Kind of device" value={form.deviceKind} options={KIND_OPTIONS} placeholder="Choose…"
            onChange={(v) => setField('deviceKind', v)} error={fields.deviceKind} />
          <TextField label="Description" hint="Make and colour, so the office knows it." value={form.deviceDescription}
            maxLength={maxLengthOf(AGREEMENT.deviceDescription)} onChange={(v) => setField('deviceDescription', v)} error={fields.deviceDescription} />
        </div>
        <TextField label="Why the pupil needs it" hint='For example: "Walks home alone on Tuesdays."' value={form.reason}
          maxLength={maxLengthOf(AGREEMENT.reason)} onChange={(v) => setField('reason', v)} error={fields.reason} />
        <TextAreaField label="Conditions (optional)" hint='For example: "Switched off, handed in at the office on arrival."' value={form.conditions}
          maxLength={maxLengthOf(AGREEMENT.conditions)} onChange={(v) => setField('conditions', v)} error={fields.conditions} />
        <div className="field-pair">
          <DateTimeField label="First day" type="date" value={form.validFrom} onChange={(v) => setField('validFrom', v)} error={fields.validFrom} />
          <DateTimeField label="Last day" type="date" hint="Often the last day of the school year." value={form.validUntil} min={todayUk()}
            onChange={(v) => setField('validUntil', v)} error={fields.validUntil} />
        </div>
        <section className="approver" aria-labelledby="agreed-by-heading">
          <h2 id="agreed-by-heading">Agreed by the headteacher</h2>
          <p className="field-hint">The headteacher or leader who agreed chooses their name and types their own PIN.</p>
          {heads.length === 0 ? (
            <p className="empty">
              Nobody has the Headteacher or leadership role yet. An administrator can give it under Admin, then Staff.
            </p>
          ) : (
            <ChoiceCards
              legend="Who agreed"
              choices={heads.map((h) => ({ value: String(h.staffId), label: h.displayName }))}
              value={form.agreedBy === null ? null : String(form.agreedBy)}
              onChange={(v) => setField('agreedBy', Number(v))}
              error={fields.agreedBy}
            />
          )}
          <TextField label="Their PIN" type="password" inputMode="numeric" maxLength={MAX_PIN_DIGITS} value={form.pin}
            onChange={(v) => setField('pin', v)} error={fields.pin} className="field-narrow" />
        </section>
        <div className="form-actions">
          <BigButton type="submit" disabled={busy}>{busy ? 'Recording…' : 'Record the agreement'}</BigButton>
          <BigButton variant="quiet" onClick={cancelForm}>Cancel</BigButton>
        </div>
      </form>
    </>
  );
}
