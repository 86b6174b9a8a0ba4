/** Dates and times as UK reception staff read them, whatever the PC's own locale. */
const TIME_ZONE = 'Europe/London';

const timeFormat = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', timeZone: TIME_ZONE });
const dateFormat = new Intl.DateTimeFormat('en-GB', {
  weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', timeZone: TIME_ZONE,
});
const dateTimeFormat = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: TIME_ZONE,
});

export function formatTime(iso: string): string {
  return timeFormat.format(new Date(iso));
}

export function formatDate(iso: string): string {
  return dateFormat.format(new Date(iso));
}

/** "Mon, 23 Nov 2026" for a UK calendar day (YYYY-MM-DD): noon UTC falls on the same day in the UK, summer or winter. */
export function formatDay(day: string): string {
  return formatDate(`${day}T12:00:00Z`);
}

export function formatDateTime(iso: string): string {
  return dateTimeFormat.format(new Date(iso));
}

/** The calendar day (YYYY-MM-DD) in the UK for an instant: "today" at reception. */
export function ukDay(iso: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' })
    .format(new Date(iso));
  return parts;
}

const hourMinute = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: TIME_ZONE });

/** "HH:MM" on the UK clock for an instant, for comparing with times of day such as the end of the day. */
export function ukTime(iso: string): string {
  return hourMinute.format(new Date(iso));
}

/**
 * The instant a UK wall-clock date (YYYY-MM-DD) and time (HH:MM) stand for (ISO, UTC), or null. The UK is on
 * GMT or BST, so one of the two offsets gives back the same date and time; neither does for a time the clocks
 * skip in March. Shared so a form and main turn what was typed into the same instant.
 */
export function ukWallTimeToIso(date: string, time: string): string | null {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const t = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(time);
  if (!d || !t) return null;
  const asUtc = Date.UTC(Number(d[1]), Number(d[2]) - 1, Number(d[3]), Number(t[1]), Number(t[2]));
  for (const offsetMinutes of [0, 60]) {
    const instant = new Date(asUtc - offsetMinutes * 60_000).toISOString();
    if (ukDay(instant) === date && ukTime(instant) === time) return instant;
  }
  return null;
}
