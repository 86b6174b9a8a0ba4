import { useEffect } from 'react';
import { BigButton } from '../../components/BigButton.js';
import { StatusScreen } from '../../components/StatusScreen.js';
import { useKioskStore, type KioskStep } from '../kiosk-store.js';
import { DetailsStep } from './DetailsStep.js';
import { DevicesStep } from './DevicesStep.js';
import { DoneStep } from './DoneStep.js';
import { ExpectationsStep } from './ExpectationsStep.js';
import { GoodbyeStep } from './GoodbyeStep.js';
import { IdleWarning } from './IdleWarning.js';
import { InviteScanStep } from './InviteScanStep.js';
import { InviteWelcomeStep } from './InviteWelcomeStep.js';
import { KeepDeviceStep } from './KeepDeviceStep.js';
import { ReturningConfirmStep } from './ReturningConfirmStep.js';
import { SearchStep } from './SearchStep.js';
import { SignOutConfirmStep } from './SignOutConfirmStep.js';
import { useIdleTimer } from '../../lib/useIdleTimer.js';
import { WelcomeStep } from './WelcomeStep.js';
import { KioskStaffPath } from '../../staff/KioskStaffPath.js';
import { useKioskStaffStore } from '../../staff/kiosk-staff-store.js';
import './kiosk-logo.css';

function StepView({ step }: { step: KioskStep }) {
  switch (step) {
    case 'welcome': return <WelcomeStep />;
    case 'details': return <DetailsStep />;
    case 'expectations': return <ExpectationsStep />;
    case 'devices': return <DevicesStep />;
    case 'done': return <DoneStep />;
    case 'returningSearch': return <SearchStep mode="returning" />;
    case 'returningConfirm': return <ReturningConfirmStep />;
    case 'signOutSearch': return <SearchStep mode="signOut" />;
    case 'signOutConfirm': return <SignOutConfirmStep />;
    case 'goodbye': return <GoodbyeStep />;
    case 'inviteScan': return <InviteScanStep />;
    case 'inviteWelcome': return <InviteWelcomeStep />;
    case 'keepDevice': return <KeepDeviceStep />;
    case 'staff': return <KioskStaffPath />;
  }
}

// The finished screens have their own "Finish"; offering "Start again" there too would only confuse.
const FINISHED: readonly KioskStep[] = ['welcome', 'done', 'goodbye'];

export function KioskApp() {
  const config = useKioskStore((s) => s.config);
  const configError = useKioskStore((s) => s.configError);
  const step = useKioskStore((s) => s.step);
  const loadConfig = useKioskStore((s) => s.loadConfig);
  const reset = useKioskStore((s) => s.reset);
  // The staff path is one kiosk step with steps of its own: its done screen is a finished screen too.
  const staffDone = useKioskStaffStore((s) => s.step === 'done');

  useEffect(() => {
    if (!useKioskStore.getState().config) void loadConfig();
  }, [loadConfig]);

  const idle = useIdleTimer({
    enabled: config !== null && step !== 'welcome',
    idleSeconds: config?.idleSeconds ?? 90,
    warningSeconds: config?.idleWarningSeconds ?? 30,
    onExpire: reset,
  });

  if (!config) {
    if (configError) {
      return (
        <StatusScreen title="The kiosk is not ready" message={configError}>
          <BigButton onClick={() => void loadConfig()}>Try again</BigButton>
        </StatusScreen>
      );
    }
    return <StatusScreen title="Safe Hands" message="Getting ready…" />;
  }

  const warning = idle.secondsLeft !== null;
  return (
    <div className="kiosk">
      <div className="kiosk-page" inert={warning}>
        <header className="kiosk-bar">
          <span className="kiosk-setting">
            {/* Decorative: the setting's name beside it says the same. */}
            {config.logoDataUrl ? <img className="kiosk-logo" src={config.logoDataUrl} alt="" /> : null}
            {config.settingName}
          </span>
          {FINISHED.includes(step) || (step === 'staff' && staffDone) ? null : (
            <button type="button" className="btn btn-quiet" onClick={reset}>Start again</button>
          )}
        </header>
        <main className="kiosk-main">
          <StepView key={step} step={step} />
        </main>
      </div>
      {warning ? <IdleWarning secondsLeft={idle.secondsLeft ?? 0} onStillHere={idle.stillHere} /> : null}
    </div>
  );
}
