import { ukDay } from '../../shared/domain/time.js';
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

/** Moved to the shared clock words, so main reads a typed date and time as the form does. */
export { ukWallTimeToIso } from '../../shared/domain/time.js';

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
