import { useEffect } from 'react';
import { onStorageProblem } from '../api.js';
import { ROLE_LABELS } from '../../shared/domain/roles.js';
import { BigButton } from '../components/BigButton.js';
import { useIdleTimer } from '../lib/useIdleTimer.js';
import { IDLE_LOCK_MESSAGE, useSessionStore } from '../staff/session-store.js';
import { type ConsoleView, useNavigationStore } from './navigation-store.js';
import { useTodayStore } from './today-store.js';
import { CheckApprovalPage } from '../safeguarding/CheckApprovalPage.js';
import { CollectPage } from '../custody/CollectPage.js';
import { ConsoleNav } from './ConsoleNav.js';
import { Dashboard } from './Dashboard.js';
import { InSafePage } from '../custody/InSafePage.js';
import { LogItemsPage } from '../custody/LogItemsPage.js';
import { OperationsPage } from '../operations/OperationsPage.js';
import { AgreementsPage } from '../learners/AgreementsPage.js';
import { ConfiscatedPage } from '../learners/ConfiscatedPage.js';
import { HandInAndHomeTimePage } from '../learners/HandInAndHomeTimePage.js';
import { PupilExceptionsPage } from '../learners/PupilExceptionsPage.js';
import { REFRESH_SECONDS } from '../lib/refresh.js';
import { RemindersBanner } from './RemindersBanner.js';
import { SafeguardingPage } from '../safeguarding/SafeguardingPage.js';
import { StaffOnSitePage } from '../staff/StaffOnSitePage.js';
import { StaffPermissionsPage } from '../staff/StaffPermissionsPage.js';
import { useReminderStore } from './reminder-store.js';
import { useInboxStore } from '../safeguarding/inbox-store.js';

function ViewPage({ view }: { view: ConsoleView }) {
  switch (view) {
    case 'today': return <Dashboard />;
    case 'collect': return <CollectPage />;
    case 'safe': return <InSafePage />;
    case 'check': return <CheckApprovalPage />;
    case 'log': return <LogItemsPage />;
    case 'staffOnSite': return <StaffOnSitePage />;
    case 'pupils': return <HandInAndHomeTimePage />;
    case 'agreements': return <AgreementsPage />;
    case 'pupilExceptions': return <PupilExceptionsPage />;
    case 'confiscated': return <ConfiscatedPage />;
    case 'staffPermissions': return <StaffPermissionsPage />;
  }
}

/** The unlocked console: who is signed in, the sections, and the page of the one that is open. */
export function ConsoleShell() {
  const session = useSessionStore((s) => s.session);
  const settingName = useSessionStore((s) => s.settingName);
  const lockSeconds = useSessionStore((s) => s.lockSeconds);
  const view = useNavigationStore((s) => s.view);
  const section = useNavigationStore((s) => s.section);
  const safeguarding = useNavigationStore((s) => s.safeguarding);
  const refresh = useTodayStore((s) => s.refresh);
  const lock = useSessionStore((s) => s.lock);
  const choosePinChange = useSessionStore((s) => s.choosePinChange);
  const loadReminders = useReminderStore((s) => s.load);
  const loadInbox = useInboxStore((s) => s.load);

  // Today's lists are read on unlocking and then every so often, so a second desk's changes show here.
  useEffect(() => {
    void refresh();
    const timer = setInterval(() => void refresh(), REFRESH_SECONDS * 1000);
    return () => clearInterval(timer);
  }, [refresh]);

  // The reminders are read on unlocking and with every refresh, so the banner follows main; and at once when
  // a change is refused by the disk, so the banner says why and what to do beside the form's own message.
  useEffect(() => {
    void loadReminders();
    void loadInbox();
    const timer = setInterval(() => {
      void loadReminders();
      void loadInbox();
    }, REFRESH_SECONDS * 1000);
    const stopListening = onStorageProblem(() => void loadReminders());
    return () => {
      clearInterval(timer);
      stopListening();
    };
  }, [loadReminders, loadInbox]);

  // Reception is a public place: an unattended console locks itself, and says so on the lock screen.
  useIdleTimer({ enabled: true, idleSeconds: lockSeconds, warningSeconds: 0, onExpire: () => void lock(IDLE_LOCK_MESSAGE) });

  if (!session) return null;
  return (
    <div className="console-page">
      <header className="console-bar">
        <span className="console-brand">{settingName || 'Safe Hands'}</span>
        <div className="console-user">
          <span className="console-user-name">{session.displayName}</span>
          <span className="console-user-roles">{session.roles.map((r) => ROLE_LABELS[r]).join(', ')}</span>
          <BigButton variant="quiet" onClick={() => choosePinChange(true)}>Change my PIN</BigButton>
          <BigButton variant="secondary" onClick={() => void lock()}>Lock</BigButton>
        </div>
      </header>
      <ConsoleNav />
      <main className="console-main">
        <RemindersBanner />
        {safeguarding ? <SafeguardingPage /> : section ? <OperationsPage key={section} section={section} /> : <ViewPage key={view} view={view} />}
      </main>
    </div>
  );
}
