import { useEffect } from 'react';
import { SetupScreen } from './admin/SetupScreen.js';
import { BigButton } from './components/BigButton.js';
import { StatusScreen } from './components/StatusScreen.js';
import { KioskApp } from './kiosk/KioskApp.js';
import { ConsoleApp } from './office/ConsoleApp.js';
import { DatabaseProblemScreen } from './operations/DatabaseProblemScreen.js';
import { useRoute } from './routing.js';
import { useAppStore } from './stores/app-store.js';

/** How often the kiosk asks whether the database check (run in the background) has found a problem. */
const STATUS_RECHECK_SECONDS = 10;

export function App() {
  const status = useAppStore((s) => s.status);
  const loadError = useAppStore((s) => s.loadError);
  const loadStatus = useAppStore((s) => s.loadStatus);
  const recheckStatus = useAppStore((s) => s.recheckStatus);
  const route = useRoute();

  useEffect(() => {
    void loadStatus();
  }, [loadStatus]);

  const kioskRunning = route !== 'console' && status?.setUp === true && !status.databaseProblem;
  useEffect(() => {
    if (!kioskRunning) return;
    const timer = setInterval(() => void recheckStatus(), STATUS_RECHECK_SECONDS * 1000);
    return () => clearInterval(timer);
  }, [kioskRunning, recheckStatus]);

  const settingName = status?.settingName;
  useEffect(() => {
    const place = settingName ? ` · ${settingName}` : '';
    document.title = route === 'console' ? `Staff console${place}` : `Safe Hands${place}`;
  }, [route, settingName]);

  if (loadError) {
    return (
      <StatusScreen title="Safe Hands cannot start" message={loadError}>
        <BigButton onClick={() => void loadStatus()}>Try again</BigButton>
      </StatusScreen>
    );
  }
  if (!status) return <StatusScreen title="Safe Hands" message="Starting…" />;
  // Until there is a setting and an administrator, every address shows the first-run setup.
  if (!status.setUp) return <SetupScreen />;
  // A damaged database pauses the kiosk; the console still opens, to unlock and restore a backup.
  if (status.databaseProblem && route !== 'console') return <DatabaseProblemScreen problem={status.databaseProblem} />;
  return route === 'console' ? <ConsoleApp /> : <KioskApp />;
}
