import { listOf, type Storage } from '../storage.js';

const REMOVED = 'Removed';

/** What one run changed, by what the retention run reports. */
export interface DetailsCleared {
  visitorsRemoved: number;
  visitsCleared: number;
  custodyCleared: number;
  bookingsCleared: number;
  exceptionsCleared: number;
}

/**
 * Replaces the personal details past the period (`cutoff`) with "Removed", marking the visitors removed
 * at `at`: see services/admin/retention.ts purgeExpired for who is left alone and why. Call inside the
 * run's transaction.
 */
export async function clearExpiredDetails(db: Storage, cutoff: string, at: string): Promise<DetailsCleared> {
  // A table of this connection's own (TEMP), on both engines, emptied in case an earlier run left rows.
  await db.run('CREATE TEMP TABLE IF NOT EXISTS purge_visitors (id INTEGER PRIMARY KEY)');
  await db.run('DELETE FROM purge_visitors');
  await db.run(`INSERT INTO purge_visitors (id)
     SELECT v.id FROM visitors v
     WHERE v.anonymised_at IS NULL AND coalesce(v.last_signed_in_at, v.created_at) < @cutoff
       AND NOT EXISTS (SELECT 1 FROM visits vi WHERE vi.visitor_id = v.id AND vi.signed_out_at IS NULL)
       AND NOT EXISTS (SELECT 1 FROM visits vi JOIN receipts r ON r.visit_id = vi.id JOIN custody_items i ON i.receipt_id = r.id
                       WHERE vi.visitor_id = v.id AND i.state = 'in_safe')
       AND NOT EXISTS (SELECT 1 FROM visits vi JOIN concerns c ON c.visit_id = vi.id WHERE vi.visitor_id = v.id AND c.status <> 'closed')`, { cutoff });
  const visitorsRemoved = (await db.run(`UPDATE visitors SET first_name = '${REMOVED}', last_name = 'visitor', family_name_first = 0, identity_key = 'removed:' || id,
         organisation = NULL, anonymised_at = @at WHERE id IN (SELECT id FROM purge_visitors)`, { at })).changes;
  // The words a visitor was found by are their name too: the kiosk and the office must not find them by it.
  await db.run('DELETE FROM visitor_name_words WHERE visitor_id IN (SELECT id FROM purge_visitors)');
  const visitsCleared = (await db.run(`UPDATE visits SET visiting = '${REMOVED}', sign_out_override_reason = NULL WHERE visitor_id IN (SELECT id FROM purge_visitors)`)).changes;
  await db.run(`UPDATE handovers SET note = NULL WHERE visit_id IN (SELECT id FROM visits WHERE visitor_id IN (SELECT id FROM purge_visitors))`);
  const custodyCleared = (await db.run(`UPDATE custody_items SET closed_to = '${REMOVED}', closed_note = CASE WHEN state = 'handed_on' THEN '${REMOVED}' ELSE NULL END,
         description = NULL, marks = NULL, confiscation_reason = CASE WHEN reason = 'confiscated' THEN '${REMOVED}' ELSE NULL END
       WHERE state <> 'in_safe' AND closed_to <> '${REMOVED}' AND (
         receipt_id IN (SELECT r.id FROM receipts r JOIN visits vi ON vi.id = r.visit_id WHERE vi.visitor_id IN (SELECT id FROM purge_visitors))
         OR receipt_id IN (SELECT id FROM receipts WHERE owner_type = 'learner' AND created_at < @cutoff))`, { cutoff })).changes;
  await db.run(`UPDATE receipts SET learner_name = '${REMOVED}', learner_group = NULL
     WHERE owner_type = 'learner' AND learner_name <> '${REMOVED}' AND created_at < @cutoff
       AND NOT EXISTS (SELECT 1 FROM custody_items i WHERE i.receipt_id = receipts.id AND i.state = 'in_safe')`, { cutoff });
  // What a correction says of an item goes with the item's own description and marks: the console shows
  // the latest correction in their place. Matched as the items are (a visitor's details removed, now or
  // in an earlier run; a pupil's receipt past the period), never while the item is in the safe.
  await db.run(`UPDATE custody_corrections SET description = NULL, marks = NULL, reason = '${REMOVED}'
     WHERE reason <> '${REMOVED}' AND EXISTS (
       SELECT 1 FROM custody_items i JOIN receipts r ON r.id = i.receipt_id
       LEFT JOIN visits vi ON vi.id = r.visit_id LEFT JOIN visitors v ON v.id = vi.visitor_id
       WHERE i.id = custody_corrections.item_id AND i.state <> 'in_safe'
         AND (v.anonymised_at IS NOT NULL OR (r.owner_type = 'learner' AND r.created_at < @cutoff)))`, { cutoff });
  // A booking is for one day: once that day is past the period its names go, whether the visitor came,
  // was cancelled or never arrived (a booking still "expected" long after its day is a no-show nobody marked).
  const bookingsCleared = (await db.run(`UPDATE bookings SET first_name = '${REMOVED}', last_name = 'visitor', family_name_first = 0, organisation = NULL, host = '${REMOVED}', cancel_reason = NULL
       WHERE expected_date < substr(@cutoff, 1, 10) AND first_name <> '${REMOVED}'`, { cutoff })).changes;
  // A device exception's free text (use, areas, conditions, risk notes, why it was revoked) is typed by
  // staff and can name the visitor: it goes with the visitor's details (now or in an earlier run), or,
  // for a booked visitor who never came, with the booking. The row keeps who approved what, for which
  // visit, which devices, the checklist as ticked and every date (migration 0014 allows only this change).
  // `AS one`: PostgreSQL before 16 refuses a subquery in FROM without a name.
  const exceptionsCleared = (await db.run(`UPDATE device_exceptions SET purpose_detail = CASE WHEN purpose_detail IS NULL THEN NULL ELSE '${REMOVED}' END,
         permitted_use = '${REMOVED}', permitted_areas = '${REMOVED}', conditions = NULL, risk_notes = NULL,
         revoke_reason = CASE WHEN revoke_reason IS NULL THEN NULL ELSE '${REMOVED}' END
       WHERE permitted_use <> '${REMOVED}' AND EXISTS (
         SELECT 1 FROM (SELECT 1) AS one LEFT JOIN bookings b ON b.id = device_exceptions.booking_id
         LEFT JOIN visits vi ON vi.id = coalesce(device_exceptions.visit_id, b.visit_id) LEFT JOIN visitors v ON v.id = vi.visitor_id
         WHERE v.anonymised_at IS NOT NULL OR (vi.id IS NULL AND b.expected_date < substr(@cutoff, 1, 10)))`, { cutoff })).changes;
  await db.run(`UPDATE roll_calls SET people_json = '[]', note = NULL WHERE taken_at < @cutoff AND people_json <> '[]'`, { cutoff });
  return { visitorsRemoved, visitsCleared, custodyCleared, bookingsCleared, exceptionsCleared };
}

/** The table keeps the counts it was made with; the run's entry in the audit trail carries every count. */
export async function insertRetentionRun(
  db: Storage,
  r: { at: string; cutoff: string; visitorsRemoved: number; visitsCleared: number; bookingsCleared: number; custodyCleared: number },
): Promise<void> {
  await db.run(`INSERT INTO retention_runs (run_at, cutoff, visitors_removed, visits_cleared, bookings_cleared, custody_cleared) VALUES (?, ?, ?, ?, ?, ?)`, [r.at, r.cutoff, r.visitorsRemoved, r.visitsCleared, r.bookingsCleared, r.custodyCleared]);
}

/**
 * For the documents in the data folder (services/admin/retention-files.ts): whether the record each key
 * names is past the period. A key left out of the answer has no record. Each `past` is a condition wrapped
 * in CAST(... AS INTEGER): PostgreSQL would return it as true/false, SQLite as 1/0; so both give 1/0.
 */
export type PastPeriod = (db: Storage, keys: string[], cutoff: string) => Promise<Map<string, boolean>>;

/** `sql` is given the keys as a table to read them from (listOf). */
function byRecord(sql: (keys: string) => string, type: 'bigint' | 'text'): PastPeriod {
  return async (db: Storage, keys: string[], cutoff: string): Promise<Map<string, boolean>> => {
    const list = listOf(db.engine, '@keys', type, 'k');
    const rows = (await db.all(sql(list), { keys: type === 'bigint' ? keys.map(Number) : keys, cutoff })) as { key: string | number; past: number }[];
    return new Map(rows.map((r) => [String(r.key), r.past === 1]));
  };
}

/**
 * SQL: whether the visit's visitor has had their details removed by retention (false for no such visit). A
 * condition, not 0/1, so PostgreSQL can combine it with the others (it refuses coalesce of a boolean and 0).
 */
function visitorRemoved(visitId: string): string {
  return `coalesce((SELECT v.anonymised_at IS NOT NULL FROM visits vi JOIN visitors v ON v.id = vi.visitor_id WHERE vi.id = ${visitId}), FALSE)`;
}

/**
 * Receipts by number. Never while anything on it is still in the safe: it is what the owner collects with
 * (and the start-up rebuild would only make it again). A visitor's goes with the visitor's details, so the
 * same people are left alone as in the database (on site, an open concern). A pupil's goes by the rule
 * that removes the pupil's name from the receipt; a member of staff's by the same date, as the slip has
 * done its job and the custody record keeps everything on it.
 */
export const receiptsPastPeriod = byRecord(
  (keys) => `SELECT r.number AS key,
          CAST((NOT EXISTS (SELECT 1 FROM custody_items i WHERE i.receipt_id = r.id AND i.state = 'in_safe')
                AND CASE r.owner_type WHEN 'visitor' THEN ${visitorRemoved('r.visit_id')}
                                      ELSE r.created_at < @cutoff END) AS INTEGER) AS past
   FROM receipts r WHERE r.number IN (SELECT value FROM ${keys})`,
  'text',
);

/** Visits by id, for their badges: they go with the visitor's details. */
export const visitsPastPeriod = byRecord(
  (keys) => `SELECT vi.id AS key, CAST((v.anonymised_at IS NOT NULL) AS INTEGER) AS past
   FROM visits vi JOIN visitors v ON v.id = vi.visitor_id WHERE vi.id IN (SELECT value FROM ${keys})`,
  'bigint',
);

/**
 * Device exceptions by id: with the visitor's details, or, for a booked visitor who never came, once the
 * booked day is past the period.
 */
export const exceptionsPastPeriod = byRecord(
  (keys) => `SELECT e.id AS key,
          CAST((CASE WHEN coalesce(e.visit_id, b.visit_id) IS NOT NULL
                     THEN ${visitorRemoved('coalesce(e.visit_id, b.visit_id)')}
                     ELSE b.expected_date < substr(@cutoff, 1, 10) END) AS INTEGER) AS past
   FROM device_exceptions e LEFT JOIN bookings b ON b.id = e.booking_id WHERE e.id IN (SELECT value FROM ${keys})`,
  'bigint',
);

/**
 * Pupils' device exceptions by id, for their printed agreements: they go with the pupil's name on the
 * exception (learner-exception-repo.ts clearExpiredLearnerExceptions, run just before).
 */
export const learnerExceptionsPastPeriod = byRecord(
  (keys) => `SELECT id AS key, CAST((pupil_key = 'removed:' || id) AS INTEGER) AS past FROM learner_exceptions WHERE id IN (SELECT value FROM ${keys})`,
  'bigint',
);

/**
 * Staff members' device permissions by id, for their printed permissions: they go once retention has replaced
 * the words on the permission itself (staff-permission-repo.ts clearExpiredStaffPermissions, run just before).
 */
export const staffPermissionsPastPeriod = byRecord(
  (keys) => `SELECT id AS key, CAST((details_removed_at IS NOT NULL) AS INTEGER) AS past FROM staff_device_permissions WHERE id IN (SELECT value FROM ${keys})`,
  'bigint',
);

/** Bookings by id, for their invitations: a booking is for one day, past the period once that day is. */
export const bookingsPastPeriod = byRecord(
  (keys) => `SELECT id AS key, CAST((expected_date < substr(@cutoff, 1, 10)) AS INTEGER) AS past FROM bookings WHERE id IN (SELECT value FROM ${keys})`,
  'bigint',
);
