/**
 * The renderer's "now". What the screens call today (the bookings shown, the earliest date a form offers,
 * how long an item has been held) must agree with the host that records and judges it, so the renderer
 * keeps in step with the host's clock: every app.status answer carries the host's time and the renderer
 * keeps the difference. Component tests stop the clock at an instant of their choosing instead.
 */
let offsetMs = 0;
let stoppedAt: number | null = null;

export function now(): Date {
  return new Date(stoppedAt ?? Date.now() + offsetMs);
}

/**
 * Takes the host's time from an answer: `sentAtMs` and `receivedAtMs` are this machine's Date.now() when the
 * request left and the answer came back; the host read its clock somewhere in between, taken as the middle.
 */
export function followHostClock(hostIso: string, sentAtMs: number, receivedAtMs: number): void {
  const host = Date.parse(hostIso);
  if (Number.isNaN(host)) return;
  offsetMs = host - (sentAtMs + receivedAtMs) / 2;
}

/** Component tests: the clock stands still at this instant (null: follow the host again). */
export function stopClockForTests(at: Date | string | null): void {
  stoppedAt = at === null ? null : new Date(at).getTime();
  if (at === null) offsetMs = 0;
}
