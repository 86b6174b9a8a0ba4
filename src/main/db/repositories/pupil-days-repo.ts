import type { DeviceKind } from '../../../shared/domain/devices.js';
import type { Storage } from '../storage.js';

/**
 * SQL shared by a pupil's device agreements (learner_agreements) and exceptions (learner_exceptions): both run
 * for whole days, are listed, matched and ended by the same rules, and lose the pupil's name on one schedule.
 */
export type PupilDaysTable = 'learner_agreements' | 'learner_exceptions';

/** What an overlapping agreement or exception is sought by. */
export interface PupilDaysQuery {
  pupilKey: string;
  deviceKind: DeviceKind;
  validFrom: string;
  validUntil: string;
}

/** The columns every row of either table has, as the services' checks read them. */
export interface PupilDaysRow {
  pupil_name: string;
  class_group: string;
  device_kind: DeviceKind;
  valid_from: string;
  valid_until: string;
}

/**
 * The order every list shows, for the table under `alias`: those not ended and not past their last day first,
 * the soonest to end first; then the rest, the most recently finished first. `@today` is a UK calendar day.
 * The same on both engines: the first key is true/false (1/0) either way, and the CASE is NULL only for rows
 * the first key has already put after every current one, so where each engine sorts NULLs never shows.
 */
export function pupilDaysOrder(alias: 'a' | 'e'): string {
  return `
  ORDER BY (${alias}.ended_at IS NULL AND ${alias}.valid_until >= @today) DESC,
           CASE WHEN ${alias}.ended_at IS NULL AND ${alias}.valid_until >= @today THEN ${alias}.valid_until END,
           coalesce(substr(${alias}.ended_at, 1, 10), ${alias}.valid_until) DESC, ${alias}.id DESC`;
}

/**
 * The first row (by `select`, whose table is under `alias`) for the same pupil and kind of device, not ended,
 * whose days overlap these: recording another would be a duplicate. Classes are compared as `sameClass` says.
 */
export async function firstOverlapping<R extends { class_group: string }>(
  db: Storage,
  select: string,
  alias: 'a' | 'e',
  query: PupilDaysQuery,
  sameClass: (classGroup: string) => boolean,
): Promise<R | undefined> {
  const rows = (await db.all(`${select} WHERE ${alias}.pupil_key = @pupilKey AND ${alias}.device_kind = @deviceKind AND ${alias}.ended_at IS NULL
       AND ${alias}.valid_from <= @validUntil AND ${alias}.valid_until >= @validFrom ORDER BY ${alias}.id`, query)) as R[];
  return rows.find((r) => sameClass(r.class_group));
}

/** Ends an agreement or exception with the reason; false when it had already been ended. */
export async function endPupilDays(db: Storage, table: PupilDaysTable, id: number, e: { at: string; by: number; reason: string }): Promise<boolean> {
  return (await db.run(`UPDATE ${table} SET ended_at = @at, ended_by = @by, end_reason = @reason WHERE id = @id AND ended_at IS NULL`, { ...e, id })).changes === 1;
}

/** Retention's test, inside an UPDATE of either table: finished (ended, or past its last day) before @cutoff, names not yet removed. */
export const FINISHED_BEFORE_CUTOFF = `pupil_key IS DISTINCT FROM ('removed:' || id) AND (ended_at < @cutoff OR valid_until < substr(@cutoff, 1, 10))`;
