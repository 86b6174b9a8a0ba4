import { useEffect } from 'react';
import { ROLE_LABELS } from '../../shared/domain/roles.js';
import { formatTime } from '../../shared/domain/time.js';
import { Alert } from '../components/Alert.js';
import { BigButton } from '../components/BigButton.js';
import { useIdleTimer } from '../kiosk/useIdleTimer.js';
import { IDLE_LOCK_MESSAGE, useConsoleStore } from '../stores/console-store.js';
import { OnSiteTable } from './OnSiteTable.js';
import { PendingTable } from './PendingTable.js';

export const REFRESH_SECONDS = 15;

function people(n: number): string {
  return n === 1 ? '1 person' : `${n} people`;
}

export function Dashboard() {
  const session = useConsoleStore((s) => s.session);
  const settingName = useConsoleStore((s) => s.settingName);
  const lockSeconds = useConsoleStore((s) => s.lockSeconds);
  const onSite = useConsoleStore((s) => s.onSite);
  const pending = useConsoleStore((s) => s.pending);
  const lastUpdated = useConsoleStore((s) => s.lastUpdated);
  const refreshing = useConsoleStore((s) => s.refreshing);
  const error = useConsoleStore((s) => s.error);
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
      <main className="console-main">
        <div className="console-heading">
          <h1>Staff console</h1>
          <div className="console-refresh">
            <p className="muted" role="status">
              {refreshing ? 'Updating…' : lastUpdated ? `Updated at ${formatTime(lastUpdated)}` : ''}
            </p>
            <BigButton variant="secondary" onClick={() => void refresh()} disabled={refreshing}>Refresh</BigButton>
          </div>
        </div>
        {error ? <Alert>{error}</Alert> : null}

        <section className="card console-section" aria-labelledby="pending-heading">
          <h2 id="pending-heading">Waiting to be logged into the safe</h2>
          <p className="section-count">{pending.length === 1 ? '1 visitor waiting' : `${pending.length} visitors waiting`}</p>
          <PendingTable handovers={pending} labelledBy="pending-heading" />
        </section>

        <section className="card console-section" aria-labelledby="onsite-heading">
          <h2 id="onsite-heading">On site now</h2>
          <p className="section-count">{people(onSite.length)} on site</p>
          <OnSiteTable visits={onSite} labelledBy="onsite-heading" />
        </section>
      </main>
    </div>
  );
}
