import { describeDevices, totalDevices } from '../../../shared/domain/devices.js';
import { BigButton } from '../../components/BigButton.js';
import { declaredDevices, useKioskStore } from '../kiosk-store.js';
import { InviteDoneNote, useInviteApproved } from './InviteNotes.js';
import { LeafletOffer } from './LeafletOffer.js';
import { KeepRequestNote } from './KeepRequestNote.js';
import { StepFrame } from './StepFrame.js';
import { useAutoFinish } from './useAutoFinish.js';

export function DoneStep() {
  const result = useKioskStore((s) => s.signedIn);
  const devices = useKioskStore((s) => s.devices);
  const reset = useKioskStore((s) => s.reset);
  const approved = useInviteApproved();
  const badge = useKioskStore((s) => s.badge);
  const leafletAvailable = useKioskStore((s) => s.config?.leafletAvailable ?? false);
  useAutoFinish(reset);
  if (!result) return null;
  const declared = declaredDevices(devices);

  return (
    <StepFrame title={`You're signed in, ${result.firstName}.`} actions={<BigButton onClick={reset}>Finish</BigButton>}>
      {approved ? <InviteDoneNote /> : result.devicesToHandIn > 0 ? (
        <div className="callout callout-action">
          <h2 className="callout-title">Next: go to the office</h2>
          <p>
            Please hand your {describeDevices(declared, { owned: true })} to the office now. They will
            lock {totalDevices(declared) === 1 ? 'it' : 'them'} in the safe and give you a receipt.
          </p>
        </div>
      ) : (
        <div className="callout">
          <p>Please keep to our expectations for phones and smart devices during your visit.</p>
        </div>
      )}
      <KeepRequestNote />
      {badge === 'printing' ? <p className="callout" role="status">Your visitor badge is printing…</p> : null}
      {badge === 'printed' ? <p className="callout" role="status">Please take your visitor badge from the printer and wear it while you are here.</p> : null}
      {badge === 'failed' ? <p className="callout" role="status">Your badge could not be printed. Please ask at the office for one.</p> : null}
      {leafletAvailable ? <LeafletOffer /> : null}
      <p className="step-note">Remember to sign out here when you leave. This screen will go back to the start by itself.</p>
    </StepFrame>
  );
}
