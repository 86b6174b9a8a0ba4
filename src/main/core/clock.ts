/** Time comes from here, never from Date.now() inside services, so tests can set it. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock for tests and benchmarks that only moves when told to. */
export function fixedClock(start: Date | string): Clock & { advance(ms: number): void; set(at: Date | string): void } {
  let current = new Date(start);
  return {
    now: () => new Date(current),
    advance(ms) {
      current = new Date(current.getTime() + ms);
    },
    set(at) {
      current = new Date(at);
    },
  };
}

/**
 * A clock that starts at a chosen instant and then runs at the machine's pace: the whole app, started by
 * an end-to-end test, lives through "a weekday at 08:05" or "29 February at 23:59" whatever the real date.
 * It counts elapsed time on the monotonic clock, so changing the PC's time does not move it.
 */
export function clockStartingAt(start: Date | string, elapsedMs: () => number = () => performance.now()): Clock {
  const startMs = new Date(start).getTime();
  const origin = elapsedMs();
  return { now: () => new Date(startMs + (elapsedMs() - origin)) };
}
