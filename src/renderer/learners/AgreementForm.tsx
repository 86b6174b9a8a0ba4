import { useRef } from 'react';
import { commandSchemas } from '../../shared/contract/index.js';
import { maxLengthOf } from '../../shared/validation.js';
import { Alert } from '../components/Alert.js';
import { BigButton } from '../components/BigButton.js';
import { PageHeading } from '../components/PageHeading.js';
import { TextAreaField } from '../components/TextAreaField.js';
import { TextField } from '../components/TextField.js';
import { useFocusFirstError } from '../components/useFocusFirstError.js';
import { DeciderChoice } from './DeciderChoice.js';
import { useLearnersStore } from './learners-store.js';
import { PupilDaysFields, PupilDeviceFields } from './PupilDeviceFields.js';

const AGREEMENT = commandSchemas['learner.recordAgreement'].input.shape;

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
        <PupilDeviceFields form={form} fields={fields} setField={setField} shape={AGREEMENT}
          classHint="For example 6B or Year 6." descriptionHint="Make and colour, so the office knows it." />
        <TextField label="Why the pupil needs it" hint='For example: "Walks home alone on Tuesdays."' value={form.reason}
          maxLength={maxLengthOf(AGREEMENT.reason)} onChange={(v) => setField('reason', v)} error={fields.reason} />
        <TextAreaField label="Conditions (optional)" hint='For example: "Switched off, handed in at the office on arrival."' value={form.conditions}
          maxLength={maxLengthOf(AGREEMENT.conditions)} onChange={(v) => setField('conditions', v)} error={fields.conditions} />
        <PupilDaysFields form={form} fields={fields} setField={setField} />
        <section className="approver" aria-labelledby="agreed-by-heading">
          <h2 id="agreed-by-heading">Agreed by the headteacher</h2>
          <p className="field-hint">The headteacher or leader who agreed chooses their name and types their own PIN.</p>
          <DeciderChoice
            legend="Who agreed"
            people={heads}
            nobody="Nobody has the Headteacher or leadership role yet. An administrator can give it under Admin, then Staff."
            value={form.agreedBy}
            onChange={(staffId) => setField('agreedBy', staffId)}
            error={fields.agreedBy}
            pin={form.pin}
            onPin={(v) => setField('pin', v)}
            pinError={fields.pin}
          />
        </section>
        <div className="form-actions">
          <BigButton type="submit" disabled={busy}>{busy ? 'Recording…' : 'Record the agreement'}</BigButton>
          <BigButton variant="quiet" onClick={cancelForm}>Cancel</BigButton>
        </div>
      </form>
    </>
  );
}
