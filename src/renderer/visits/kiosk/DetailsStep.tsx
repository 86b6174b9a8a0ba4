import { useRef } from 'react';
import { visitorDetails } from '../../../shared/contract/index.js';
import { fullName, nameBoxes } from '../../../shared/domain/names.js';
import { VISITOR_TYPES, VISITOR_TYPE_LABELS } from '../../../shared/domain/visitors.js';
import { maxLengthOf } from '../../../shared/validation.js';
import { BigButton } from '../../components/BigButton.js';
import { CheckField } from '../../components/CheckField.js';
import { ChoiceCards } from '../../components/ChoiceCards.js';
import { TextField } from '../../components/TextField.js';
import { useFocusFirstError } from '../../components/useFocusFirstError.js';
import { useKioskStore } from '../kiosk-store.js';
import { StepFrame } from './StepFrame.js';

const VISITOR_CHOICES = VISITOR_TYPES.map((value) => ({ value, label: VISITOR_TYPE_LABELS[value] }));
const FORM_ID = 'visitor-details';

export function DetailsStep() {
  const details = useKioskStore((s) => s.details);
  const fieldErrors = useKioskStore((s) => s.fieldErrors);
  const error = useKioskStore((s) => s.error);
  const setDetail = useKioskStore((s) => s.setDetail);
  const setFamilyNameFirst = useKioskStore((s) => s.setFamilyNameFirst);
  const setOneName = useKioskStore((s) => s.setOneName);
  const submitDetails = useKioskStore((s) => s.submitDetails);
  const back = useKioskStore((s) => s.back);
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstError(formRef, error);

  return (
    <StepFrame
      title="About you"
      lead="Other visitors never see your full name."
      error={error}
      onBack={back}
      actions={<BigButton type="submit" form={FORM_ID}>Next</BigButton>}
    >
      <form
        ref={formRef}
        id={FORM_ID}
        className="form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          submitDetails();
        }}
      >
        <div className="field-pair">
          {nameBoxes(details).map(({ field, label }) => (
            <TextField key={field} label={label} value={details[field]} onChange={(v) => setDetail(field, v)}
              error={fieldErrors[field]} autoCapitalize="words" maxLength={maxLengthOf(visitorDetails.shape[field])} />
          ))}
        </div>
        {/* Below the boxes, where a visitor whose name does not fit them looks next; ticking keeps what is typed. */}
        <div className="name-choices">
          <CheckField compact label="I have only one name" checked={details.oneName} onChange={setOneName} />
          {details.oneName ? null : (
            <CheckField compact label="My family name comes first" hint="For example 王芳 or Nagy Ferenc"
              checked={details.familyNameFirst} onChange={setFamilyNameFirst} />
          )}
        </div>
        {!details.oneName && details.familyNameFirst && details.firstName.trim() && details.lastName.trim() ? (
          <p className="name-preview" role="status">
            Your name will be shown as <strong>{fullName(details)}</strong>
          </p>
        ) : null}
        <TextField label="Organisation (optional)" hint="The company or service you are here for, if any."
          value={details.organisation} onChange={(v) => setDetail('organisation', v)}
          error={fieldErrors.organisation} autoCapitalize="words" maxLength={maxLengthOf(visitorDetails.shape.organisation)} />
        <ChoiceCards legend="Which of these describes you?" choices={VISITOR_CHOICES} value={details.visitorType}
          onChange={(v) => setDetail('visitorType', v)} error={fieldErrors.visitorType} />
        <TextField label="Who are you visiting, or why are you here?" value={details.visiting}
          onChange={(v) => setDetail('visiting', v)} error={fieldErrors.visiting} autoCapitalize="sentences" maxLength={maxLengthOf(visitorDetails.shape.visiting)} />
      </form>
    </StepFrame>
  );
}
