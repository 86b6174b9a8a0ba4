import { useEffect } from 'react';
import { BigButton } from '../components/BigButton.js';
import { StatusScreen } from '../components/StatusScreen.js';
import { useConsoleStore } from './console-store.js';
import { ConsoleShell } from './ConsoleShell.js';
import { LockScreen } from '../staff/LockScreen.js';
import { PinChangeScreen } from '../staff/PinChangeScreen.js';

export function ConsoleApp() {
  const phase = useConsoleStore((s) => s.phase);
  const pinChangeDue = useConsoleStore((s) => s.session?.pinChangeDue ?? false);
  const loadError = useConsoleStore((s) => s.loadError);
  const load = useConsoleStore((s) => s.load);

  useEffect(() => {
    void load();
    // Leaving for the kiosk screen must not leave a staff session open behind a public screen.
    return () => {
      if (useConsoleStore.getState().phase === 'unlocked') void useConsoleStore.getState().lock();
    };
  }, [load]);

  return (
    <div className="console">
      {loadError ? (
        <StatusScreen title="Staff console" message={loadError}>
          <BigButton onClick={() => void load()}>Try again</BigButton>
          <p className="lock-back"><a href="#/">Back to the kiosk</a></p>
        </StatusScreen>
      ) : phase === 'loading' ? (
        <StatusScreen title="Staff console" message="Loading…" />
      ) : phase === 'locked' ? (
        <LockScreen />
      ) : pinChangeDue ? (
        <PinChangeScreen />
      ) : (
        <ConsoleShell />
      )}
    </div>
  );
}
