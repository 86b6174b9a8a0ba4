import { formatDateTime, formatTime, ukDay } from '../../shared/domain/time.js';
import { now } from './clock.js';

export { OWNER_TYPE_LABELS } from '../../shared/domain/custody.js';

export function countItems(n: number): string {
  return n === 1 ? '1 item' : `${n} items`;
}

/** "14:05" for today, "21 Nov 2026, 14:05" for any other day: a time alone would mislead the morning after. */
export function timeOrDateTime(iso: string, at: Date = now()): string {
  return ukDay(iso) === ukDay(at.toISOString()) ? formatTime(iso) : formatDateTime(iso);
}

/** "2h 5m", "25m", "1 day 3h", "under a minute": how long something has been held, for a quick read down a list. */
export function heldFor(sinceIso: string, at: Date = now()): string {
  const minutes = Math.max(0, Math.floor((at.getTime() - new Date(sinceIso).getTime()) / 60_000));
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const mins = minutes % 60;
  if (days > 0) return `${days} ${days === 1 ? 'day' : 'days'} ${hours}h`;
  if (hours > 0) return `${hours}h ${mins}m`;
  return mins === 0 ? 'under a minute' : `${mins}m`;
}
