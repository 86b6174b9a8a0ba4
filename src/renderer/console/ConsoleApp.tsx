import { useEffect } from 'react';
import { BigButton } from '../components/BigButton.js';
import { StatusScreen } from '../components/StatusScreen.js';
import { useSessionStore } from '../staff/session-store.js';
import { ConsoleShell } from './ConsoleShell.js';
import { LockScreen } from '../staff/LockScreen.js';
import { PinChangeScreen } from '../staff/PinChangeScreen.js';

export function ConsoleApp() {
  const phase = useSessionStore((s) => s.phase);
  const pinChangeDue = useSessionStore((s) => s.session?.pinChangeDue ?? false);
  const changingPin = useSessionStore((s) => s.changingPin);
  const loadError = useSessionStore((s) => s.loadError);
  const load = useSessionStore((s) => s.load);

  useEffect(() => {
    void load();
    // Leaving for the kiosk screen must not leave a staff session open behind a public screen.
    return () => {
      if (useSessionStore.getState().phase === 'unlocked') void useSessionStore.getState().lock();
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
      ) : pinChangeDue || changingPin ? (
        <PinChangeScreen />
      ) : (
        <ConsoleShell />
      )}
    </div>
  );
}
