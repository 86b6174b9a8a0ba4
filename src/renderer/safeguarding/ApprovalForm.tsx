import { useEffect, useRef } from 'react';
import { commandSchemas } from '../../shared/contract/index.js';
import { maxLengthOf } from '../../shared/validation.js';
import { DEFAULT_RISK_CHECKLIST, EXCEPTION_PURPOSES, EXCEPTION_PURPOSE_LABELS } from '../../shared/domain/exceptions.js';
import { Alert } from '../components/Alert.js';
import { BigButton } from '../components/BigButton.js';
import { ChoiceCards } from '../components/ChoiceCards.js';
import { TextAreaField } from '../components/TextAreaField.js';
import { TextField } from '../components/TextField.js';
import { useFocusFirstError } from '../components/useFocusFirstError.js';
import { PageHeading } from '../components/PageHeading.js';
import { useSessionStore } from '../staff/session-store.js';
import { useExceptionStore } from './exception-store.js';
import { ApproverFields } from './ApproverFields.js';
import { DeviceCountsField } from './DeviceCountsField.js';
import { RiskChecklistField } from './RiskChecklistField.js';
import { dayLabel, todayUk } from '../lib/uk-clock.js';
import { ValidityField } from './ValidityField.js';
import { RequestLine } from './RequestLine.js';

const APPROVAL = commandSchemas['exception.approve'].input.shape;

const PURPOSES = EXCEPTION_PURPOSES.map((value) => ({ value, label: EXCEPTION_PURPOSE_LABELS[value] }));

/** The DSL's written decision that a visitor may keep a device: what for, which, where, the risks, until when. */
export function ApprovalForm() {
  const target = useExceptionStore((s) => s.target);
  const draft = useExceptionStore((s) => s.draft);
  const busy = useExceptionStore((s) => s.busy);
  const error = useExceptionStore((s) => s.error);
  const fields = useExceptionStore((s) => s.fieldErrors);
  const setField = useExceptionStore((s) => s.setField);
  const setDevice = useExceptionStore((s) => s.setDevice);
  const setCheck = useExceptionStore((s) => s.setCheck);
  const submit = useExceptionStore((s) => s.submit);
  const cancel = useExceptionStore((s) => s.cancel);
  const staff = useSessionStore((s) => s.staff);
  const formRef = useRef<HTMLFormElement>(null);
  const pinRef = useRef<HTMLInputElement>(null);
  useFocusFirstError(formRef, error);

  // After a wrong PIN the box is empty again: put the cursor back in it for the next try.
  useEffect(() => {
    if (error && fields.pin) pinRef.current?.focus();
  }, [error, fields.pin]);

  if (!target) return null;
  const day = target.date === todayUk() ? 'today' : `on ${dayLabel(target.date)}`;
  return (
    <>
      <div className="console-heading">
        <PageHeading>Approve device use for {target.name}</PageHeading>
      </div>
      <p className="approval-for">
        {target.detail}
        {target.type === 'booking' ? ` · Approved in advance, for when they arrive ${day}.` : null}
      </p>
      {target.type === 'visit' && target.request ? <RequestLine request={target.request} /> : null}
      {error ? <Alert>{error}</Alert> : null}
      <form
        ref={formRef}
        className="form card approval-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <div className="approval-grid">
          <div className="approval-column">
            <ChoiceCards legend="Purpose" choices={PURPOSES} value={draft.purpose} onChange={(v) => setField('purpose', v)}
              error={fields.purpose} />
            {draft.purpose === 'other' ? (
              <TextField label="What is the purpose?" value={draft.purposeDetail} maxLength={maxLengthOf(APPROVAL.purposeDetail)}
                onChange={(v) => setField('purposeDetail', v)} error={fields.purposeDetail} />
            ) : null}
            <DeviceCountsField counts={draft.devices} onChange={setDevice} error={fields.devices} />
            <TextAreaField label="Permitted use" maxLength={maxLengthOf(APPROVAL.permittedUse)} value={draft.permittedUse}
              hint='For example: "Note-taking and photos of documents only. No photos of children."'
              onChange={(v) => setField('permittedUse', v)} error={fields.permittedUse} />
            <TextAreaField label="Permitted areas" maxLength={maxLengthOf(APPROVAL.permittedAreas)} value={draft.permittedAreas}
              hint='For example: "The office and the meeting room."'
              onChange={(v) => setField('permittedAreas', v)} error={fields.permittedAreas} />
            <TextAreaField label="Conditions (optional)" maxLength={maxLengthOf(APPROVAL.conditions)} value={draft.conditions}
              hint="For example: on silent; kept out of sight when children are near."
              onChange={(v) => setField('conditions', v)} error={fields.conditions} />
          </div>
          <div className="approval-column">
            <RiskChecklistField items={DEFAULT_RISK_CHECKLIST} checked={draft.checklist} onChange={setCheck}
              error={fields.riskChecklist} />
            <TextAreaField label="Risk assessment notes" maxLength={maxLengthOf(APPROVAL.riskNotes)} rows={3} value={draft.riskNotes}
              hint="Needed if any check is left unticked."
              onChange={(v) => setField('riskNotes', v)} error={fields.riskNotes} />
            <ValidityField until={draft.until} time={draft.untilTime} dayLabel={day}
              onUntil={(v) => setField('until', v)} onTime={(v) => setField('untilTime', v)} error={fields.untilTime} />
          </div>
        </div>
        <ApproverFields
          staff={staff}
          approverId={draft.approverId}
          pin={draft.pin}
          onApprover={(id) => setField('approverId', id)}
          onPin={(v) => setField('pin', v)}
          approverError={fields.approverId}
          pinError={fields.pin}
          pinRef={pinRef}
        />
        <div className="form-actions">
          <BigButton type="submit" disabled={busy}>{busy ? 'Checking…' : 'Approve as DSL'}</BigButton>
          <BigButton variant="quiet" onClick={cancel}>Cancel</BigButton>
        </div>
      </form>
    </>
  );
}
