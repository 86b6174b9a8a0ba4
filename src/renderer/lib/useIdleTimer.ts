import { useCallback, useEffect, useRef, useState } from 'react';

/** Input that proves someone is at the screen. Pointer movement alone does not: a screen can be brushed. */
const ACTIVITY_EVENTS = ['pointerdown', 'keydown', 'touchstart', 'wheel'] as const;

interface IdleTimerOptions {
  enabled: boolean;
  idleSeconds: number;
  /** How long the warning counts down before `onExpire`; 0 expires straight away without a warning. */
  warningSeconds: number;
  onExpire: () => void;
}

interface IdleTimer {
  /** Seconds left on the warning, or null while no warning is showing. */
  secondsLeft: number | null;
  /** The person answered the warning: start counting from zero again. */
  stillHere: () => void;
}

/**
 * Counts time without input. Plain setTimeout/setInterval, so tests drive it with fake timers. While the
 * warning is up, stray input does not cancel it: only an answer to the warning does, so it is never
 * dismissed by accident and then missed.
 */
export function useIdleTimer({ enabled, idleSeconds, warningSeconds, onExpire }: IdleTimerOptions): IdleTimer {
  const [secondsLeft, setSecondsLeft] = useState<number | null>(null);
  const [round, setRound] = useState(0);
  const onExpireRef = useRef(onExpire);
  useEffect(() => {
    onExpireRef.current = onExpire;
  });

  useEffect(() => {
    if (!enabled) return;
    let idleTimer: ReturnType<typeof setTimeout> | undefined;
    let ticker: ReturnType<typeof setInterval> | undefined;
    let warning = false;

    const expire = () => {
      clearInterval(ticker);
      warning = false;
      setSecondsLeft(null);
      arm();
      onExpireRef.current();
    };
    const warn = () => {
      if (warningSeconds <= 0) return expire();
      warning = true;
      let left = warningSeconds;
      setSecondsLeft(left);
      ticker = setInterval(() => {
        left -= 1;
        if (left <= 0) expire();
        else setSecondsLeft(left);
      }, 1000);
    };
    const arm = () => {
      clearTimeout(idleTimer);
      idleTimer = setTimeout(warn, idleSeconds * 1000);
    };
    const onActivity = () => {
      if (!warning) arm();
    };

    for (const name of ACTIVITY_EVENTS) window.addEventListener(name, onActivity, { capture: true, passive: true });
    arm();
    return () => {
      clearTimeout(idleTimer);
      clearInterval(ticker);
      for (const name of ACTIVITY_EVENTS) window.removeEventListener(name, onActivity, { capture: true });
    };
  }, [enabled, idleSeconds, warningSeconds, round]);

  const stillHere = useCallback(() => {
    setSecondsLeft(null);
    setRound((n) => n + 1);
  }, []);

  return { secondsLeft: enabled ? secondsLeft : null, stillHere };
}
