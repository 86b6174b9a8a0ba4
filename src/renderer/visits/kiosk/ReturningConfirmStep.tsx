import { commandSchemas } from '../../../shared/contract/index.js';
import { maxLengthOf } from '../../../shared/validation.js';
import { BigButton } from '../../components/BigButton.js';
import { TextField } from '../../components/TextField.js';
import { useKioskStore } from '../kiosk-store.js';
import { IsThisYouTitle, StepFrame } from './StepFrame.js';

export function ReturningConfirmStep() {
  const chosen = useKioskStore((s) => s.chosen);
  const visiting = useKioskStore((s) => s.returningVisiting);
  const fieldErrors = useKioskStore((s) => s.fieldErrors);
  const error = useKioskStore((s) => s.error);
  const busy = useKioskStore((s) => s.busy);
  const setReturningVisiting = useKioskStore((s) => s.setReturningVisiting);
  const confirmReturning = useKioskStore((s) => s.confirmReturning);
  const back = useKioskStore((s) => s.back);
  if (!chosen) return null;

  return (
    <StepFrame
      title={<IsThisYouTitle name={chosen.displayName} />}
      lead={chosen.organisation ?? undefined}
      error={error}
      onBack={back}
      actions={
        <BigButton onClick={() => void confirmReturning()} disabled={busy}>
          {busy ? 'Just a moment…' : "Yes, that's me"}
        </BigButton>
      }
    >
      <TextField
        label="Visiting someone different today? Tell us who (optional)"
        value={visiting}
        onChange={setReturningVisiting}
        error={fieldErrors.visiting}
        autoCapitalize="sentences"
        maxLength={maxLengthOf(commandSchemas['visit.signInReturning'].input.shape.visiting)}
      />
    </StepFrame>
  );
}
