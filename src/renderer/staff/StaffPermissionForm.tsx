import { useRef } from 'react';
import { commandSchemas } from '../../shared/contract/index.js';
import { DEVICE_KINDS, DEVICE_KIND_LABELS } from '../../shared/domain/devices.js';
import { STAFF_PERMISSION_PURPOSES, STAFF_PERMISSION_PURPOSE_LABELS } from '../../shared/domain/staff-permissions.js';
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
import { DeciderChoice } from '../learners/DeciderChoice.js';
import { todayUk } from '../lib/uk-clock.js';
import { useStaffPermissionsStore } from './staff-permissions-store.js';

const PERMISSION = commandSchemas['staffPermission.record'].input.shape;
const KIND_OPTIONS = DEVICE_KINDS.map((value) => ({ value, label: DEVICE_KIND_LABELS[value] }));
const PURPOSE_CHOICES = STAFF_PERMISSION_PURPOSES.map((value) => ({
  value,
  label: STAFF_PERMISSION_PURPOSE_LABELS[value],
  hint: value === 'remote_learning' ? 'Needs a risk assessment first' : value === 'lessons' ? 'For example in an emergency' : undefined,
}));

/**
 * The headteacher's written permission for a member of staff to use their own device, written down as the
 * printed permission will say it: who, which device, what for, where, on what conditions and for which days.
 * The headteacher or leader who approved chooses their name and types their own PIN, at whoever's console this is.
 */
export function StaffPermissionForm() {
  const form = useStaffPermissionsStore((s) => s.form);
  const heads = useStaffPermissionsStore((s) => s.heads);
  const staff = useStaffPermissionsStore((s) => s.staff);
  const busy = useStaffPermissionsStore((s) => s.busy);
  const error = useStaffPermissionsStore((s) => s.formError);
  const fields = useStaffPermissionsStore((s) => s.fieldErrors);
  const setField = useStaffPermissionsStore((s) => s.setField);
  const submit = useStaffPermissionsStore((s) => s.submit);
  const cancelForm = useStaffPermissionsStore((s) => s.cancelForm);
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstError(formRef, error);
  if (!form) return null;
  const remote = form.purpose === 'remote_learning';
  return (
    <>
      <div className="console-heading"><PageHeading>Record a device permission</PageHeading></div>
      <p className="section-lead">
        For a member of staff the headteacher has allowed to use their own phone or device at work, for example in lessons
        in an emergency, or for remote learning after a risk assessment. It is not in force until they have signed it.
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
        <SelectField label="Member of staff" value={form.staffId === null ? '' : String(form.staffId)} placeholder="Choose…"
          options={staff.map((p) => ({ value: String(p.staffId), label: p.displayName }))}
          onChange={(v) => setField('staffId', v === '' ? null : Number(v))} error={fields.staffId} />
        <div className="field-pair">
          <SelectField label="Kind of device" value={form.deviceKind} options={KIND_OPTIONS} placeholder="Choose…"
            onChange={(v) => setField('deviceKind', v)} error={fields.deviceKind} />
          <TextField label="Description" hint="Make and colour, so the office knows it." value={form.deviceDescription}
            maxLength={maxLengthOf(PERMISSION.deviceDescription)} onChange={(v) => setField('deviceDescription', v)} error={fields.deviceDescription} />
        </div>
        <ChoiceCards legend="What it is for" choices={PURPOSE_CHOICES} value={form.purpose} onChange={(v) => setField('purpose', v)} error={fields.purpose} />
        <TextField label={form.purpose === 'other' ? 'What it is for, in a few words' : 'More about what it is for (optional)'}
          hint='For example: "Calls from her son’s hospital" or "Year 5 live lessons while the class is at home".'
          value={form.purposeDetail} maxLength={maxLengthOf(PERMISSION.purposeDetail)} onChange={(v) => setField('purposeDetail', v)} error={fields.purposeDetail} />
        <TextAreaField label="What it may be used for" hint='For example: "Live lessons on the school Teams account only. No photos or calls."'
          value={form.permittedUse} maxLength={maxLengthOf(PERMISSION.permittedUse)} onChange={(v) => setField('permittedUse', v)} error={fields.permittedUse} />
        <TextField label="Where on site" hint='For example: "The Year 5 classroom and the staffroom".' value={form.permittedAreas}
          maxLength={maxLengthOf(PERMISSION.permittedAreas)} onChange={(v) => setField('permittedAreas', v)} error={fields.permittedAreas} />
        <TextAreaField label="Conditions (optional)" hint='For example: "Kept on silent; never used where children can see the screen".'
          value={form.conditions} maxLength={maxLengthOf(PERMISSION.conditions)} onChange={(v) => setField('conditions', v)} error={fields.conditions} />
        <DateTimeField label={remote ? 'Day of the risk assessment' : 'Day of the risk assessment (if one was done)'} type="date"
          hint={remote ? 'The policy asks for a formal risk assessment before remote learning on a personal device.' : undefined}
          value={form.riskAssessedOn} onChange={(v) => setField('riskAssessedOn', v)} error={fields.riskAssessedOn} className="field-narrow" />
        <div className="field-pair">
          <DateTimeField label="First day" type="date" value={form.validFrom} onChange={(v) => setField('validFrom', v)} error={fields.validFrom} />
          <DateTimeField label="Last day (optional)" type="date" hint="Leave empty if it runs until the headteacher ends it." value={form.validUntil}
            min={todayUk()} onChange={(v) => setField('validUntil', v)} error={fields.validUntil} />
        </div>
        <section className="approver" aria-labelledby="permission-approved-by-heading">
          <h2 id="permission-approved-by-heading">Approved by the headteacher</h2>
          <p className="field-hint">The headteacher or leader who approved chooses their name and types their own PIN. Nobody approves their own.</p>
          <DeciderChoice
            legend="Who approved"
            people={heads}
            nobody="Nobody has the Headteacher or leadership role yet. An administrator can give it under Admin, then Staff."
            value={form.approvedBy}
            onChange={(staffId) => setField('approvedBy', staffId)}
            error={fields.approvedBy}
            pin={form.pin}
            onPin={(v) => setField('pin', v)}
            pinError={fields.pin}
          />
        </section>
        <div className="form-actions">
          <BigButton type="submit" disabled={busy}>{busy ? 'Recording…' : 'Record the permission'}</BigButton>
          <BigButton variant="quiet" onClick={cancelForm}>Cancel</BigButton>
        </div>
      </form>
    </>
  );
}
