import { BigButton } from '../../components/BigButton.js';
import { ReturningIcon, SignInIcon, SignOutIcon } from '../../components/Icons.js';
import { useKioskStore } from '../kiosk-store.js';
import { StepFrame } from './StepFrame.js';

export function WelcomeStep() {
  const settingName = useKioskStore((s) => s.config?.settingName ?? '');
  const startNew = useKioskStore((s) => s.startNew);
  const startReturning = useKioskStore((s) => s.startReturning);
  const startSignOut = useKioskStore((s) => s.startSignOut);
  const startInvite = useKioskStore((s) => s.startInvite);
  const startStaff = useKioskStore((s) => s.startStaff);
  return (
    <StepFrame
      className="welcome"
      title={<>Welcome to <span className="welcome-name">{settingName}</span></>}
      lead="Please sign in when you arrive, and sign out when you leave."
    >
      <div className="welcome-choices">
        <BigButton size="hero" icon={<SignInIcon />} hint="First time here" onClick={startNew}>
          Sign in
        </BigButton>
        <BigButton size="hero" variant="secondary" icon={<ReturningIcon />} hint="Find your name and sign in" onClick={startReturning}>
          I've been here before
        </BigButton>
        <BigButton size="hero" variant="secondary" icon={<SignOutIcon />} hint="When you leave" onClick={startSignOut}>
          Sign out
        </BigButton>
      </div>
      <div className="welcome-more">
        <BigButton variant="secondary" className="welcome-invite" onClick={startInvite}>I have an invitation</BigButton>
        <BigButton variant="secondary" className="welcome-invite" onClick={startStaff}>Staff: sign in or out</BigButton>
      </div>
      <a className="staff-link" href="#/console">Staff</a>
    </StepFrame>
  );
}
