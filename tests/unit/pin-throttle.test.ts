import { describe, expect, it } from 'vitest';
import { carriesPin, PIN_THROTTLE_DEFAULTS, PinThrottle, type PinCaller, type PinThrottleOptions } from '../../src/main/server/pin-throttle.js';
import { MAX_PIN_FAILURES } from '../../src/main/services/staff/staff-auth.js';

function throttle(options: Omit<PinThrottleOptions, 'now'> = {}) {
  let now = 1_000_000;
  const t = new PinThrottle({ ...options, now: () => now });
  return { t, advance: (ms: number) => (now += ms), now: () => now };
}

const TAB = { clientId: 'tab-a', address: '127.0.0.1' };
const OTHER_TAB = { clientId: 'tab-b', address: '127.0.0.1' };
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/**
 * Someone typing a wrong PIN every `typingMs` whenever the screen lets them, for `days`: how many of their
 * PINs were checked in the busiest 24 hours. `newTabEachTime` is a guesser who reloads the page (a new client
 * id) whenever their tab is held back, so only the computer's own count slows them.
 */
function guessAllDay({ days, typingMs = 5_000, newTabEachTime = false }: { days: number; typingMs?: number; newTabEachTime?: boolean }): number {
  const { t, advance, now } = throttle();
  const start = now();
  const checked: number[] = [];
  let tab = 0;
  const caller = (): PinCaller => ({ clientId: `tab-${tab}`, address: '127.0.0.1' });
  while (now() - start < days * DAY) {
    let wait = t.retryAfterMs(caller());
    if (wait > 0 && newTabEachTime) {
      tab += 1;
      wait = t.retryAfterMs(caller());
    }
    if (wait > 0) {
      advance(wait);
      continue;
    }
    checked.push(now());
    t.recordFailure(caller());
    advance(typingMs);
  }
  let busiest = 0;
  for (let i = 0, j = 0; i < checked.length; i++) {
    while (j < checked.length && checked[j]! < checked[i]! + DAY) j++;
    busiest = Math.max(busiest, j - i);
  }
  return busiest;
}

describe('the PIN throttle', () => {
  it('lets a screen have 5 wrong PINs, then makes it wait 1 minute, doubling after each further one up to 30 minutes', () => {
    const { t, advance } = throttle();
    for (let i = 0; i < 4; i++) {
      t.recordFailure(TAB);
      expect(t.retryAfterMs(TAB)).toBe(0);
    }
    const waits = [];
    for (let i = 0; i < 8; i++) {
      t.recordFailure(TAB);
      const wait = t.retryAfterMs(TAB);
      waits.push(wait / MINUTE);
      advance(wait - 1);
      expect(t.retryAfterMs(TAB)).toBe(1);
      advance(1);
      expect(t.retryAfterMs(TAB)).toBe(0);
    }
    expect(waits).toEqual([1, 2, 4, 8, 16, 30, 30, 30]);
  });

  it('forgets wrong PINs after a day', () => {
    const { t, advance } = throttle();
    for (let i = 0; i < 5; i++) t.recordFailure(TAB);
    expect(t.retryAfterMs(TAB)).toBe(MINUTE);
    advance(DAY);
    t.recordFailure(TAB);
    expect(t.retryAfterMs(TAB)).toBe(0);
  });

  it('counts screens apart, so another tab can still unlock', () => {
    const { t } = throttle();
    for (let i = 0; i < 10; i++) t.recordFailure(TAB);
    expect(t.retryAfterMs(TAB)).toBeGreaterThan(0);
    expect(t.retryAfterMs(OTHER_TAB)).toBe(0);
  });

  it('counts the computer too: inventing new tab ids does not start afresh', () => {
    const { t } = throttle();
    for (let i = 0; i < PIN_THROTTLE_DEFAULTS.freePerAddress; i++) t.recordFailure({ clientId: `tab-${i}`, address: '127.0.0.1' });
    expect(t.retryAfterMs({ clientId: 'brand-new-tab', address: '127.0.0.1' })).toBe(MINUTE);
    expect(t.retryAfterMs({ clientId: 'brand-new-tab', address: '::ffff:127.0.0.1' })).toBe(MINUTE);
    expect(t.retryAfterMs({ clientId: 'brand-new-tab', address: '::1' })).toBe(0);
  });

  it('keeps its memory bounded without freeing an address that is over its limit', () => {
    const { t } = throttle({ maxTracked: 50, freePerAddress: 1_000 });
    for (let i = 0; i < 500; i++) t.recordFailure({ clientId: `tab-${i}`, address: '127.0.0.1' });
    expect((t as unknown as { counters: Map<string, unknown> }).counters.size).toBeLessThanOrEqual(51);
    const { t: strict } = throttle({ maxTracked: 5, freePerAddress: 20 });
    for (let i = 0; i < 20; i++) strict.recordFailure({ clientId: `tab-${i}`, address: '127.0.0.1' });
    for (let i = 0; i < 50; i++) strict.recordFailure({ clientId: `other-${i}`, address: `127.0.0.${(i % 200) + 2}` });
    expect(strict.retryAfterMs({ clientId: 'new', address: '127.0.0.1' })).toBeGreaterThan(0);
  });
});

describe('PINs still being checked (hashing takes a while)', () => {
  it('hold their places: five let through at once hold back a sixth, as five wrong PINs would', () => {
    const { t } = throttle();
    const checking = Array.from({ length: 5 }, () => t.reserve(TAB));
    expect(t.retryAfterMs(TAB)).toBe(MINUTE);
    // Another screen on the computer is not held back by them.
    expect(t.retryAfterMs(OTHER_TAB)).toBe(0);
    // Answered wrong, they are counted as wrong PINs: the same wait.
    for (const attempt of checking) attempt.settle(true);
    expect(t.retryAfterMs(TAB)).toBe(MINUTE);
  });

  it('give their places back when they turn out right, and are counted once however often settled', () => {
    const { t } = throttle();
    const checking = Array.from({ length: 5 }, () => t.reserve(TAB));
    checking[0]!.settle(false);
    checking[0]!.settle(true);
    expect(t.retryAfterMs(TAB)).toBe(0);
    for (const attempt of checking.slice(1)) attempt.settle(true);
    // Four wrong PINs: one more is free.
    expect(t.retryAfterMs(TAB)).toBe(0);
    t.recordFailure(TAB);
    expect(t.retryAfterMs(TAB)).toBe(MINUTE);
  });
});

describe('the guess budget the README states', () => {
  it('one screen, typing every 5 seconds for three days: at most 56 PINs checked in any 24 hours', () => {
    expect(guessAllDay({ days: 3 })).toBe(56);
  });

  it('one computer, reloading for a new tab whenever held back: at most 111 in any 24 hours', () => {
    expect(guessAllDay({ days: 3, newTabEachTime: true })).toBe(111);
  });

  it('is below what locks an account, so a stranger at the kiosk cannot lock anyone out', () => {
    expect(guessAllDay({ days: 3, newTabEachTime: true })).toBeLessThan(MAX_PIN_FAILURES);
    // ...and one screen alone never reaches the computer's free allowance, so it never holds back the others.
    expect(guessAllDay({ days: 3 })).toBeLessThan(PIN_THROTTLE_DEFAULTS.freePerAddress);
  });

  it('is the same for a fast typist: the waits, not the typing, set the pace', () => {
    expect(guessAllDay({ days: 2, typingMs: 1_000, newTabEachTime: true })).toBe(111);
  });
});

describe('which requests carry a PIN', () => {
  it.each([
    [{ staffId: 1, pin: '1234' }, true],
    [{ approver: { staffId: 1, pin: '1234' }, purpose: 'medical' }, true],
    [{ currentPin: '1234', newPin: { pin: '5678', pinAgain: '5678' } }, true],
    [[{ pin: 1 }], true],
    [{ staffId: 1 }, false],
    [{ pinned: true, PIN: '1' }, false],
    [null, false],
    ['pin', false],
    [{}, false],
  ])('%j: %s', (input, expected) => {
    expect(carriesPin(input)).toBe(expected);
  });

  it('stops looking after a few levels and a few hundred objects (no command accepts such input)', () => {
    let deep: unknown = { pin: '1234' };
    for (let i = 0; i < 10_000; i++) deep = { a: deep };
    expect(carriesPin(deep)).toBe(false);
    expect(carriesPin({ junk: Array.from({ length: 10_000 }, () => ({})), x: { y: { pin: '1' } } })).toBe(false);
  });
});
