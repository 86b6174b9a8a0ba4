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
import { useExceptionsStore } from './exceptions-store.js';
import { PupilDaysFields, PupilDeviceFields } from './PupilDeviceFields.js';

const EXCEPTION = commandSchemas['learner.recordException'].input.shape;

/**
 * A pupil's device in exceptional circumstances, written down as the agreement will say it: which pupil,
 * which device and why, what it may be used for, what is expected and what happens if it is misused. The
 * DSL or headteacher who approved chooses their name and types their own PIN, at whoever's console this is.
 */
export function ExceptionForm() {
  const form = useExceptionsStore((s) => s.form);
  const approvers = useExceptionsStore((s) => s.approvers);
  const busy = useExceptionsStore((s) => s.busy);
  const error = useExceptionsStore((s) => s.formError);
  const fields = useExceptionsStore((s) => s.fieldErrors);
  const setField = useExceptionsStore((s) => s.setField);
  const submit = useExceptionsStore((s) => s.submit);
  const cancelForm = useExceptionsStore((s) => s.cancelForm);
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstError(formRef, error);
  if (!form) return null;
  return (
    <>
      <div className="console-heading"><PageHeading>Record an exception</PageHeading></div>
      <p className="section-lead">
        For a pupil who needs a device with them in school, for example a phone that reads a medical monitor. It is not
        in force until the pupil and a parent or carer have signed the written agreement.
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
        <PupilDeviceFields form={form} fields={fields} setField={setField} shape={EXCEPTION}
          classHint="For example 4R or Year 4." descriptionHint="Make and colour, so staff know it." />
        <TextField label="Why the pupil needs it" hint='For example: "Medical monitoring: the phone reads her glucose monitor."' value={form.reason}
          maxLength={maxLengthOf(EXCEPTION.reason)} onChange={(v) => setField('reason', v)} error={fields.reason} />
        <TextAreaField label="What it may be used for" hint='For example: "Checking glucose readings and alarms only. No calls, messages or photos."'
          value={form.permittedUse} maxLength={maxLengthOf(EXCEPTION.permittedUse)} onChange={(v) => setField('permittedUse', v)} error={fields.permittedUse} />
        <TextAreaField label="What is expected of the pupil" hint='For example: "Kept on silent in her tray; she tells the adult in the room when she checks it."'
          value={form.expectations} maxLength={maxLengthOf(EXCEPTION.expectations)} onChange={(v) => setField('expectations', v)} error={fields.expectations} />
        <TextAreaField label="Sanctions for misuse" hint="A suggested wording: change it as the school sees fit." rows={4}
          value={form.sanctions} maxLength={maxLengthOf(EXCEPTION.sanctions)} onChange={(v) => setField('sanctions', v)} error={fields.sanctions} />
        <PupilDaysFields form={form} fields={fields} setField={setField} />
        <section className="approver" aria-labelledby="approved-by-heading">
          <h2 id="approved-by-heading">Approved by the headteacher or the DSL</h2>
          <p className="field-hint">The headteacher or Designated Safeguarding Lead who approved chooses their name and types their own PIN.</p>
          <DeciderChoice
            legend="Who approved"
            people={approvers}
            nobody="Nobody has the Designated Safeguarding Lead or Headteacher role yet. An administrator can give it under Admin, then Staff."
            value={form.approvedBy}
            onChange={(staffId) => setField('approvedBy', staffId)}
            error={fields.approvedBy}
            pin={form.pin}
            onPin={(v) => setField('pin', v)}
            pinError={fields.pin}
          />
        </section>
        <div className="form-actions">
          <BigButton type="submit" disabled={busy}>{busy ? 'Recording…' : 'Record the exception'}</BigButton>
          <BigButton variant="quiet" onClick={cancelForm}>Cancel</BigButton>
        </div>
      </form>
    </>
  );
}
