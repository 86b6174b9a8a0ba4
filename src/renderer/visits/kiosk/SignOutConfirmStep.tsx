import { BigButton } from '../../components/BigButton.js';
import { useKioskStore } from '../kiosk-store.js';
import { IsThisYouTitle, StepFrame } from './StepFrame.js';

export function SignOutConfirmStep() {
  const chosen = useKioskStore((s) => s.chosen);
  const error = useKioskStore((s) => s.error);
  const busy = useKioskStore((s) => s.busy);
  const confirmSignOut = useKioskStore((s) => s.confirmSignOut);
  const back = useKioskStore((s) => s.back);
  if (!chosen) return null;

  return (
    <StepFrame
      title={<IsThisYouTitle name={chosen.displayName} />}
      lead={chosen.organisation ?? undefined}
      error={error}
      onBack={back}
      actions={
        <BigButton onClick={() => void confirmSignOut()} disabled={busy}>
          {busy ? 'Signing you out…' : 'Yes, sign me out'}
        </BigButton>
      }
    />
  );
}
