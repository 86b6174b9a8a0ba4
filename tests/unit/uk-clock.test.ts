import { afterEach, describe, expect, it } from 'vitest';
import { clockStartingAt } from '../../src/main/core/clock.js';
import { followHostClock, now, stopClockForTests } from '../../src/renderer/lib/clock.js';
import { dayLabel, shiftDay, todayUk, ukWallTimeToIso } from '../../src/renderer/lib/uk-clock.js';
import { AWKWARD_INSTANTS } from '../helpers/test-clock.js';

afterEach(() => stopClockForTests(null));

describe('the UK calendar at awkward instants', () => {
  // Written out by hand: what a person at a desk in England would say the date is, and tomorrow's.
  const expected: Record<string, [today: string, tomorrow: string]> = {
    'just after midnight in summer': ['Wed, 16 Jun 2027', 'Thu, 17 Jun 2027'],
    'the last second of 29 February': ['Tue, 29 Feb 2028', 'Wed, 1 Mar 2028'],
    'the last second of next year': ['Fri, 31 Dec 2027', 'Sat, 1 Jan 2028'],
    'the night the clocks go forward': ['Sun, 28 Mar 2027', 'Mon, 29 Mar 2027'],
    'the night the clocks go back': ['Sun, 31 Oct 2027', 'Mon, 1 Nov 2027'],
  };

  it.each(Object.entries(AWKWARD_INSTANTS))('knows today and tomorrow at %s', (when, instant) => {
    const today = todayUk(new Date(instant));
    expect([dayLabel(today), dayLabel(shiftDay(today, 1))]).toEqual(expected[when]);
  });

  it('turns a UK wall-clock time into the right instant on both sides of the clock changes', () => {
    expect(ukWallTimeToIso('2027-03-28', '00:30')).toBe('2027-03-28T00:30:00.000Z');
    expect(ukWallTimeToIso('2027-03-28', '01:30')).toBeNull(); // skipped: the clocks jump from 01:00 to 02:00
    expect(ukWallTimeToIso('2027-03-28', '02:30')).toBe('2027-03-28T01:30:00.000Z');
    expect(ukWallTimeToIso('2027-10-31', '02:30')).toBe('2027-10-31T02:30:00.000Z');
    expect(ukWallTimeToIso('2028-02-29', '23:59')).toBe('2028-02-29T23:59:00.000Z');
    expect(ukWallTimeToIso('2027-02-29', '09:00')).toBeNull();
  });
});

describe("the screens' clock", () => {
  it("follows the host's clock, taking the middle of the round trip", () => {
    const local = Date.now();
    // The host said 08:05:00 somewhere between sending (local - 200 ms) and the answer (local): it is 100 ms later now.
    followHostClock('2027-01-12T08:05:00.000Z', local - 200, local);
    const drift = now().getTime() - Date.parse('2027-01-12T08:05:00.100Z');
    expect(drift).toBeGreaterThanOrEqual(0);
    expect(drift).toBeLessThan(1000);
    expect(todayUk()).toBe('2027-01-12');
  });

  it('ignores an answer that is not a time, and stands still where a test stops it', () => {
    followHostClock('2027-01-12T08:05:00.000Z', Date.now(), Date.now());
    followHostClock('not a time', 0, 0);
    expect(todayUk()).toBe('2027-01-12');
    stopClockForTests('2028-02-29T23:59:59.000Z');
    expect(now().toISOString()).toBe('2028-02-29T23:59:59.000Z');
    expect(todayUk()).toBe('2028-02-29');
  });
});

describe("the host's test clock", () => {
  it('starts at the instant given and runs at the pace of the monotonic clock it is given', () => {
    let elapsed = 5_000;
    const clock = clockStartingAt('2027-01-12T08:05:00.000Z', () => elapsed);
    expect(clock.now().toISOString()).toBe('2027-01-12T08:05:00.000Z');
    elapsed += 90_000;
    expect(clock.now().toISOString()).toBe('2027-01-12T08:06:30.000Z');
  });
});
