import { lazy, Suspense, useEffect, useState } from 'react';
import { SetupScreen } from './admin/SetupScreen.js';
import { BigButton } from './components/BigButton.js';
import { StatusScreen } from './components/StatusScreen.js';
import { KioskApp } from './visits/kiosk/KioskApp.js';
import { kioskPaused } from '../shared/domain/kiosk-pause.js';
import { onStorageProblem } from './api.js';
import { KioskPausedScreen } from './visits/kiosk/KioskPausedScreen.js';
import { routeFromHash, useRoute } from './routing.js';
import { useAppStore } from './app-store.js';
import { useKioskStore } from './visits/kiosk-store.js';

/**
 * The staff console is its own chunk in the built app, fetched the first time the console's address is
 * opened: the kiosk's welcome screen no longer waits for the browser to parse and run the console's code
 * (about 40% of the script) every time it starts. Under the dev server and the tests (not a production
 * build) it is loaded before this module finishes, as when it was imported directly, so a test never waits
 * on a module being compiled.
 */
const loadConsole = () => import('./console/ConsoleApp.js');
if (!import.meta.env.PROD) await loadConsole();
const ConsoleApp = lazy(() => loadConsole().then((m) => ({ default: m.ConsoleApp }), () => ({ default: ConsoleNotLoaded })));

/** The console's chunk could not be fetched (the host stopped, or was updated since this page opened). */
function ConsoleNotLoaded() {
  return (
    <StatusScreen title="The staff console cannot open" message="It could not be loaded from Safe Hands. Check that Safe Hands is running, then try again.">
      <BigButton onClick={() => window.location.reload()}>Try again</BigButton>
    </StatusScreen>
  );
}

/** How often the kiosk asks whether the database check (run in the background) or a refused write has paused it. */
const STATUS_RECHECK_SECONDS = 10;

/** What loadFirstScreen asked for, until the App that shows it has taken it over. */
let startedEarly: { kioskConfig: Promise<void> | null } | null = null;

/**
 * Asks the host for what the first screen needs before React has rendered anything (main.tsx calls it as the
 * page starts), and on the kiosk's address asks for the kiosk's configuration at the same time as the
 * status instead of after it: the welcome screen no longer waits for a render, an effect and two round trips
 * one after the other. Once the App mounts it does not ask again. A configuration that does not come back
 * (not set up yet, the service unreachable) leaves the kiosk's store as it was, so the kiosk asks for it
 * itself when it first shows, as it always has.
 */
export function loadFirstScreen(): void {
  const kioskConfig = routeFromHash(window.location.hash) === 'kiosk' ? prefetchKioskConfig() : null;
  startedEarly = { kioskConfig };
  void useAppStore.getState().loadStatus();
}

async function prefetchKioskConfig(): Promise<void> {
  await useKioskStore.getState().loadConfig();
  if (useKioskStore.getState().config === null) useKioskStore.setState({ configStatus: 'loading', configError: null });
}

export function App() {
  const status = useAppStore((s) => s.status);
  const loadError = useAppStore((s) => s.loadError);
  const loadStatus = useAppStore((s) => s.loadStatus);
  const recheckStatus = useAppStore((s) => s.recheckStatus);
  const route = useRoute();
  // The kiosk waits for a configuration asked for early, so it does not ask a second time meanwhile.
  const [configPending, setConfigPending] = useState(() => startedEarly?.kioskConfig != null);

  useEffect(() => {
    const early = startedEarly;
    startedEarly = null;
    if (!early) {
      void loadStatus();
      return;
    }
    if (early.kioskConfig) void early.kioskConfig.then(() => setConfigPending(false));
  }, [loadStatus]);

  const kioskRunning = route !== 'console' && status?.setUp === true && !kioskPaused(status);
  useEffect(() => {
    if (!kioskRunning) return;
    const timer = setInterval(() => void recheckStatus(), STATUS_RECHECK_SECONDS * 1000);
    // A sign-in the disk refused pauses the kiosk at once, not at the next look.
    const stopListening = onStorageProblem(() => void recheckStatus());
    return () => {
      clearInterval(timer);
      stopListening();
    };
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
  if (!status || (configPending && route !== 'console' && status.setUp && !kioskPaused(status))) {
    return <StatusScreen title="Safe Hands" message="Starting…" />;
  }
  // Until there is a setting and an administrator, every address shows the first-run setup.
  if (!status.setUp) return <SetupScreen />;
  // A damaged database or a disk that will not take writes pauses the kiosk; the console still opens, to
  // unlock and restore a backup, or look things up.
  if (kioskPaused(status) && route !== 'console') return <KioskPausedScreen status={status} />;
  if (route !== 'console') return <KioskApp />;
  return (
    <Suspense fallback={<StatusScreen title="Safe Hands" message="Starting…" />}>
      <ConsoleApp />
    </Suspense>
  );
}
