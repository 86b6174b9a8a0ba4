import { BigButton } from '../../components/BigButton.js';
import { useKioskStore } from '../kiosk-store.js';
import { StepFrame } from './StepFrame.js';

export function SignOutConfirmStep() {
  const chosen = useKioskStore((s) => s.chosen);
  const error = useKioskStore((s) => s.error);
  const busy = useKioskStore((s) => s.busy);
  const confirmSignOut = useKioskStore((s) => s.confirmSignOut);
  const back = useKioskStore((s) => s.back);
  if (!chosen) return null;

  return (
    <StepFrame
      // The name stands on its own line, as when signing in: a short name can end with its initial's full
      // stop ("D'Arcy Ó."), and no sentence punctuation may follow it.
      title={<>Is this you? <span className="title-name">{chosen.displayName}</span></>}
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
