import { useRef } from 'react';
import { VISITOR_TYPES, VISITOR_TYPE_LABELS } from '../../shared/domain/visitors.js';
import { BigButton } from '../components/BigButton.js';
import { ChoiceCards } from '../components/ChoiceCards.js';
import { TextField } from '../components/TextField.js';
import { useFocusFirstError } from '../components/useFocusFirstError.js';
import { useKioskStore } from '../stores/kiosk-store.js';
import { StepFrame } from './StepFrame.js';

const VISITOR_CHOICES = VISITOR_TYPES.map((value) => ({ value, label: VISITOR_TYPE_LABELS[value] }));
const FORM_ID = 'visitor-details';

export function DetailsStep() {
  const details = useKioskStore((s) => s.details);
  const fieldErrors = useKioskStore((s) => s.fieldErrors);
  const error = useKioskStore((s) => s.error);
  const setDetail = useKioskStore((s) => s.setDetail);
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
          <TextField label="First name" value={details.firstName} onChange={(v) => setDetail('firstName', v)}
            error={fieldErrors.firstName} autoCapitalize="words" maxLength={80} />
          <TextField label="Surname" value={details.lastName} onChange={(v) => setDetail('lastName', v)}
            error={fieldErrors.lastName} autoCapitalize="words" maxLength={80} />
        </div>
        <TextField label="Organisation (optional)" hint="The company or service you are here for, if any."
          value={details.organisation} onChange={(v) => setDetail('organisation', v)}
          error={fieldErrors.organisation} autoCapitalize="words" maxLength={120} />
        <ChoiceCards legend="Which of these describes you?" choices={VISITOR_CHOICES} value={details.visitorType}
          onChange={(v) => setDetail('visitorType', v)} error={fieldErrors.visitorType} />
        <TextField label="Who are you visiting, or why are you here?" value={details.visiting}
          onChange={(v) => setDetail('visiting', v)} error={fieldErrors.visiting} autoCapitalize="sentences" maxLength={200} />
      </form>
    </StepFrame>
  );
}
