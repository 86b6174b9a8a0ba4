import { useEffect } from 'react';
import { ROLE_LABELS } from '../../shared/domain/roles.js';
import { BigButton } from '../components/BigButton.js';
import { useIdleTimer } from '../kiosk/useIdleTimer.js';
import { IDLE_LOCK_MESSAGE, useConsoleStore, type ConsoleView } from '../stores/console-store.js';
import { CollectPage } from './CollectPage.js';
import { ConsoleNav } from './ConsoleNav.js';
import { Dashboard } from './Dashboard.js';
import { InSafePage } from './InSafePage.js';
import { LogItemsPage } from './LogItemsPage.js';
import { REFRESH_SECONDS } from './refresh.js';

function ViewPage({ view }: { view: ConsoleView }) {
  switch (view) {
    case 'today': return <Dashboard />;
    case 'collect': return <CollectPage />;
    case 'safe': return <InSafePage />;
    case 'log': return <LogItemsPage />;
  }
}

/** The unlocked console: who is signed in, the sections, and the page of the one that is open. */
export function ConsoleShell() {
  const session = useConsoleStore((s) => s.session);
  const settingName = useConsoleStore((s) => s.settingName);
  const lockSeconds = useConsoleStore((s) => s.lockSeconds);
  const view = useConsoleStore((s) => s.view);
  const show = useConsoleStore((s) => s.show);
  const refresh = useConsoleStore((s) => s.refresh);
  const lock = useConsoleStore((s) => s.lock);

  useEffect(() => {
    const timer = setInterval(() => void refresh(), REFRESH_SECONDS * 1000);
    return () => clearInterval(timer);
  }, [refresh]);

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
          <BigButton variant="secondary" onClick={() => void lock()}>Lock</BigButton>
        </div>
      </header>
      <ConsoleNav current={view} onShow={show} />
      <main className="console-main">
        <ViewPage key={view} view={view} />
      </main>
    </div>
  );
}
