import { ukDay, ukTime } from '../../shared/domain/time.js';
import { now } from './clock.js';

/** Today's date (YYYY-MM-DD) on the UK clock, whatever the PC's own time zone. */
export function todayUk(at: Date = now()): string {
  return ukDay(at.toISOString());
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

export function isDate(value: string): boolean {
  return DATE.test(value);
}

export function isTime(value: string): boolean {
  return TIME.test(value);
}

/**
 * The instant a UK wall-clock date and time stand for (ISO, UTC). The UK is on GMT or BST, so one of the
 * two offsets gives back the same date and time; neither does for a time the clocks skip in March.
 */
export function ukWallTimeToIso(date: string, time: string): string | null {
  const d = DATE.exec(date);
  const t = TIME.exec(time);
  if (!d || !t) return null;
  const asUtc = Date.UTC(Number(d[1]), Number(d[2]) - 1, Number(d[3]), Number(t[1]), Number(t[2]));
  for (const offsetMinutes of [0, 60]) {
    const instant = new Date(asUtc - offsetMinutes * 60_000).toISOString();
    if (ukDay(instant) === date && ukTime(instant) === time) return instant;
  }
  return null;
}

/** The calendar date `days` after (or before) this one. */
export function shiftDay(date: string, days: number): string {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** "Mon, 23 Nov 2026" for a calendar date typed in a form. */
export function dayLabel(date: string): string {
  return new Intl.DateTimeFormat('en-GB', { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' })
    .format(new Date(`${date}T12:00:00Z`));
}
