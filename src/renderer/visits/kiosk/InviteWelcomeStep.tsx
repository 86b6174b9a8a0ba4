import { BigButton } from '../../components/BigButton.js';
import { useKioskStore } from '../kiosk-store.js';
import { StepFrame } from './StepFrame.js';

/** The invitation was recognised: greet the visitor by first name and surname initial only (the screen is public). */
export function InviteWelcomeStep() {
  const invite = useKioskStore((s) => s.invite);
  const continueInvite = useKioskStore((s) => s.continueInvite);
  const back = useKioskStore((s) => s.back);
  if (!invite) return null;
  return (
    <StepFrame
      title={<>Welcome, <span className="title-name">{invite.displayName}</span></>}
      lead="We are expecting you today."
      onBack={back}
      actions={<BigButton onClick={continueInvite}>Continue</BigButton>}
    >
      <p className="step-note">
        {invite.needsAcknowledgement
          ? 'Next, please read our expectations for phones and smart devices.'
          : 'Next, tell us which devices you have with you.'}
      </p>
      <p className="privacy-note">Not you? Tap Back, and please ask at the office.</p>
    </StepFrame>
  );
}
