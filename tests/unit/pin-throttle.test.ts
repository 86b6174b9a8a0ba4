import { describe, expect, it } from 'vitest';
import { carriesPin, PIN_THROTTLE_DEFAULTS, PinThrottle } from '../../src/main/server/pin-throttle.js';

function throttle(options: { maxPerClient?: number; maxPerAddress?: number; windowMs?: number; maxTracked?: number } = {}) {
  let now = 1_000_000;
  const t = new PinThrottle({ ...options, now: () => now });
  return { t, advance: (ms: number) => (now += ms) };
}

const TAB = { clientId: 'tab-a', address: '127.0.0.1' };
const OTHER_TAB = { clientId: 'tab-b', address: '127.0.0.1' };
const FIVE_MINUTES = 5 * 60_000;

describe('the PIN throttle', () => {
  it('defaults to 10 failures per tab and 20 per address within 5 minutes', () => {
    expect(PIN_THROTTLE_DEFAULTS).toMatchObject({ maxPerClient: 10, maxPerAddress: 20, windowMs: FIVE_MINUTES });
  });

  it('lets a tab try until its tenth failure, then refuses it for the whole window', () => {
    const { t, advance } = throttle();
    for (let i = 0; i < 9; i++) {
      t.recordFailure(TAB);
      expect(t.retryAfterMs(TAB)).toBe(0);
      advance(1_000);
    }
    t.recordFailure(TAB);
    expect(t.retryAfterMs(TAB)).toBe(FIVE_MINUTES);
    advance(FIVE_MINUTES - 1);
    expect(t.retryAfterMs(TAB)).toBe(1);
    advance(1);
    expect(t.retryAfterMs(TAB)).toBe(0);
  });

  it('starts counting again once the window has passed', () => {
    const { t, advance } = throttle();
    for (let i = 0; i < 10; i++) t.recordFailure(TAB);
    advance(FIVE_MINUTES);
    for (let i = 0; i < 9; i++) t.recordFailure(TAB);
    expect(t.retryAfterMs(TAB)).toBe(0);
    t.recordFailure(TAB);
    expect(t.retryAfterMs(TAB)).toBeGreaterThan(0);
  });

  it('forgets failures older than the window', () => {
    const { t, advance } = throttle();
    for (let i = 0; i < 9; i++) t.recordFailure(TAB);
    advance(FIVE_MINUTES);
    t.recordFailure(TAB);
    expect(t.retryAfterMs(TAB)).toBe(0);
  });

  it('counts tabs apart, so another tab can still unlock', () => {
    const { t } = throttle();
    for (let i = 0; i < 10; i++) t.recordFailure(TAB);
    expect(t.retryAfterMs(TAB)).toBeGreaterThan(0);
    expect(t.retryAfterMs(OTHER_TAB)).toBe(0);
  });

  it('counts the address too: inventing new tab ids does not start afresh', () => {
    const { t } = throttle();
    for (let i = 0; i < 20; i++) t.recordFailure({ clientId: `tab-${i}`, address: '127.0.0.1' });
    expect(t.retryAfterMs({ clientId: 'brand-new-tab', address: '127.0.0.1' })).toBe(FIVE_MINUTES);
    expect(t.retryAfterMs({ clientId: 'brand-new-tab', address: '::ffff:127.0.0.1' })).toBe(FIVE_MINUTES);
    expect(t.retryAfterMs({ clientId: 'brand-new-tab', address: '::1' })).toBe(0);
  });

  it('keeps its memory bounded without freeing an address that is over its limit', () => {
    const { t } = throttle({ maxTracked: 50, maxPerAddress: 1_000 });
    for (let i = 0; i < 500; i++) t.recordFailure({ clientId: `tab-${i}`, address: '127.0.0.1' });
    expect((t as unknown as { counters: Map<string, unknown> }).counters.size).toBeLessThanOrEqual(51);
    const { t: strict } = throttle({ maxTracked: 5 });
    for (let i = 0; i < 20; i++) strict.recordFailure({ clientId: `tab-${i}`, address: '127.0.0.1' });
    for (let i = 0; i < 50; i++) strict.recordFailure({ clientId: `other-${i}`, address: `127.0.0.${(i % 200) + 2}` });
    expect(strict.retryAfterMs({ clientId: 'new', address: '127.0.0.1' })).toBeGreaterThan(0);
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
