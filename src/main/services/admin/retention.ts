import type { PersonMatch, PersonRecords, RetentionRun } from '../../../shared/contract/index.js';
import { typedNameKeys } from '../../../shared/domain/names.js';
import { ukDay } from '../../../shared/domain/time.js';
import { inTransaction } from '../../db/connection.js';
import { CommandError } from '../../core/command-error.js';
import { audit, nowIso, type ServiceContext } from '../../core/context.js';
import { readSetting, saveSetting } from './settings-store.js';
import { removeExpiredCopies } from './retention-copies.js';
import { removeExpiredDocuments } from './retention-files.js';

const REMOVED = 'Removed';

function cutoffFor(ctx: ServiceContext): string {
  const now = ctx.clock.now();
  const cutoff = new Date(now);
  cutoff.setUTCFullYear(cutoff.getUTCFullYear() - readSetting(ctx.db, 'retention.years'));
  return cutoff.toISOString();
}

/**
 * Removes visitors' personal details once their last visit is older than the retention period. The rows
 * stay (so counts, custody chains and the audit trail keep their shape); names, organisations, purposes and
 * the names of whoever collected their devices are replaced. Someone still on site, with anything still
 * in the safe, or with a safeguarding concern still open is left alone. secure_delete (set on every
 * connection) overwrites the old values on disk. The documents in the data folder that show what was
 * removed (receipts, badges, invitations, exception records, roll calls, exports) go in the same run, as
 * do backups and before-restore copies of the whole database taken before the cut-off.
 *
 * Concerns are left as they are, closed or not, names and all. They are safeguarding records: both
 * settings' policies deal with concerns and breaches under their child protection policy, whose records
 * follow their own, much longer schedule (commonly until the child is an adult), not this period. The
 * visitor's own row still goes once the concern is closed; the concern keeps the name it was raised about.
 */
export function purgeExpired(ctx: ServiceContext & { dataDir: string }): RetentionRun {
  const cutoff = cutoffFor(ctx);
  return inTransaction(ctx.db, () => {
    const db = ctx.db;
    db.exec(`CREATE TEMP TABLE IF NOT EXISTS purge_visitors (id INTEGER PRIMARY KEY); DELETE FROM purge_visitors;`);
    db.prepare(
      `INSERT INTO purge_visitors (id)
       SELECT v.id FROM visitors v
       WHERE v.anonymised_at IS NULL AND coalesce(v.last_signed_in_at, v.created_at) < @cutoff
         AND NOT EXISTS (SELECT 1 FROM visits vi WHERE vi.visitor_id = v.id AND vi.signed_out_at IS NULL)
         AND NOT EXISTS (SELECT 1 FROM visits vi JOIN receipts r ON r.visit_id = vi.id JOIN custody_items i ON i.receipt_id = r.id
                         WHERE vi.visitor_id = v.id AND i.state = 'in_safe')
         AND NOT EXISTS (SELECT 1 FROM visits vi JOIN concerns c ON c.visit_id = vi.id WHERE vi.visitor_id = v.id AND c.status <> 'closed')`,
    ).run({ cutoff });
    const at = nowIso(ctx);
    const visitorsRemoved = db
      .prepare(
        `UPDATE visitors SET first_name = '${REMOVED}', last_name = 'visitor', family_name_first = 0, identity_key = 'removed:' || id,
           organisation = NULL, anonymised_at = @at WHERE id IN (SELECT id FROM purge_visitors)`,
      )
      .run({ at }).changes;
    // The words a visitor was found by are their name too: the kiosk and the office must not find them by it.
    db.prepare('DELETE FROM visitor_name_words WHERE visitor_id IN (SELECT id FROM purge_visitors)').run();
    const visitsCleared = db
      .prepare(`UPDATE visits SET visiting = '${REMOVED}', sign_out_override_reason = NULL WHERE visitor_id IN (SELECT id FROM purge_visitors)`)
      .run().changes;
    db.prepare(
      `UPDATE handovers SET note = NULL WHERE visit_id IN (SELECT id FROM visits WHERE visitor_id IN (SELECT id FROM purge_visitors))`,
    ).run();
    const custodyCleared = db
      .prepare(
        `UPDATE custody_items SET closed_to = '${REMOVED}', closed_note = NULL, description = NULL, marks = NULL, confiscation_reason = NULL
         WHERE state <> 'in_safe' AND closed_to <> '${REMOVED}' AND (
           receipt_id IN (SELECT r.id FROM receipts r JOIN visits vi ON vi.id = r.visit_id WHERE vi.visitor_id IN (SELECT id FROM purge_visitors))
           OR receipt_id IN (SELECT id FROM receipts WHERE owner_type = 'learner' AND created_at < @cutoff))`,
      )
      .run({ cutoff }).changes;
    db.prepare(
      `UPDATE receipts SET learner_name = '${REMOVED}', learner_group = NULL
       WHERE owner_type = 'learner' AND learner_name <> '${REMOVED}' AND created_at < @cutoff
         AND NOT EXISTS (SELECT 1 FROM custody_items i WHERE i.receipt_id = receipts.id AND i.state = 'in_safe')`,
    ).run({ cutoff });
    // What a correction says of an item goes with the item's own description and marks: the console shows
    // the latest correction in their place. Matched as the items are (a visitor's details removed, now or
    // in an earlier run; a pupil's receipt past the period), never while the item is in the safe.
    db.prepare(
      `UPDATE custody_corrections SET description = NULL, marks = NULL, reason = '${REMOVED}'
       WHERE reason <> '${REMOVED}' AND EXISTS (
         SELECT 1 FROM custody_items i JOIN receipts r ON r.id = i.receipt_id
         LEFT JOIN visits vi ON vi.id = r.visit_id LEFT JOIN visitors v ON v.id = vi.visitor_id
         WHERE i.id = custody_corrections.item_id AND i.state <> 'in_safe'
           AND (v.anonymised_at IS NOT NULL OR (r.owner_type = 'learner' AND r.created_at < @cutoff)))`,
    ).run({ cutoff });
    // A booking is for one day: once that day is past the period its names go, whether the visitor came,
    // was cancelled or never arrived (a booking still "expected" long after its day is a no-show nobody marked).
    const bookingsCleared = db
      .prepare(
        `UPDATE bookings SET first_name = '${REMOVED}', last_name = 'visitor', family_name_first = 0, organisation = NULL, host = '${REMOVED}', cancel_reason = NULL
         WHERE expected_date < substr(@cutoff, 1, 10) AND first_name <> '${REMOVED}'`,
      )
      .run({ cutoff }).changes;
    // A device exception's free text (use, areas, conditions, risk notes, why it was revoked) is typed by
    // staff and can name the visitor: it goes with the visitor's details (now or in an earlier run), or,
    // for a booked visitor who never came, with the booking. The row keeps who approved what, for which
    // visit, which devices, the checklist as ticked and every date (migration 0014 allows only this change).
    const exceptionsCleared = db
      .prepare(
        `UPDATE device_exceptions SET purpose_detail = CASE WHEN purpose_detail IS NULL THEN NULL ELSE '${REMOVED}' END,
           permitted_use = '${REMOVED}', permitted_areas = '${REMOVED}', conditions = NULL, risk_notes = NULL,
           revoke_reason = CASE WHEN revoke_reason IS NULL THEN NULL ELSE '${REMOVED}' END
         WHERE permitted_use <> '${REMOVED}' AND EXISTS (
           SELECT 1 FROM (SELECT 1) LEFT JOIN bookings b ON b.id = device_exceptions.booking_id
           LEFT JOIN visits vi ON vi.id = coalesce(device_exceptions.visit_id, b.visit_id) LEFT JOIN visitors v ON v.id = vi.visitor_id
           WHERE v.anonymised_at IS NOT NULL OR (vi.id IS NULL AND b.expected_date < substr(@cutoff, 1, 10)))`,
      )
      .run({ cutoff }).changes;
    db.prepare(`UPDATE roll_calls SET people_json = '[]', note = NULL WHERE taken_at < @cutoff AND people_json <> '[]'`).run({ cutoff });
    // Decided from the rows as just changed, and done before the run is audited so its entry carries the
    // counts. Should the commit still fail, the files gone were past the period all the same, and the next
    // run removes the names they showed from the database.
    const documents = removeExpiredDocuments(db, ctx.dataDir, cutoff);
    const copies = removeExpiredCopies(db, ctx.dataDir, cutoff);
    // The table keeps the counts it was made with; this run's entry in the audit trail carries every count.
    db.prepare(
      `INSERT INTO retention_runs (run_at, cutoff, visitors_removed, visits_cleared, bookings_cleared, custody_cleared) VALUES (?, ?, ?, ?, ?, ?)`,
    ).run(at, cutoff, visitorsRemoved, visitsCleared, bookingsCleared, custodyCleared);
    const run = {
      cutoff, visitorsRemoved, visitsCleared, bookingsCleared, custodyCleared, exceptionsCleared,
      filesRemoved: documents.removed + copies.removed, filesNotRemoved: documents.notRemoved.length + copies.notRemoved.length,
    };
    audit(ctx, 'retention.purge', 'retention', null, run);
    saveSetting(db, 'retention.lastRunDay', ukDay(at), at);
    return run;
  });
}

/** The daily run; cheap when nothing has passed the cutoff since yesterday. */
export function purgeIfDue(ctx: ServiceContext & { dataDir: string }): RetentionRun | null {
  if (readSetting(ctx.db, 'retention.lastRunDay') === ukDay(nowIso(ctx))) return null;
  return purgeExpired(ctx);
}

/** People whose surname has a word starting with any word typed (typedNameKeys), most recent first. */
export function searchPeople(ctx: ServiceContext, name: string): { people: PersonMatch[] } {
  const keys = typedNameKeys(name);
  if (keys.length === 0) return { people: [] };
  // The range on word_prefix (the key's first three letters, or fewer) lets each key seek the words index.
  const rows = ctx.db
    .prepare(
      `SELECT v.id AS visitorId, person_name(v.first_name, v.last_name, v.family_name_first) AS name, v.organisation,
              (SELECT count(*) FROM visits WHERE visitor_id = v.id) AS visits, v.last_signed_in_at AS lastVisitAt
       FROM visitors v
       WHERE v.anonymised_at IS NULL AND v.id IN (
         SELECT w.visitor_id FROM json_each(@keys) k JOIN visitor_name_words w
           ON w.word_prefix >= substr(k.value, 1, 3) AND w.word_prefix < substr(k.value, 1, 3) || char(1114111)
          AND w.word >= k.value AND w.word < k.value || char(1114111))
       ORDER BY v.last_signed_in_at DESC LIMIT 50`,
    )
    .all({ keys: JSON.stringify(keys) }) as PersonMatch[];
  return { people: rows };
}

/** A subject access request: every record the setting holds about one visitor, in one answer. */
export function exportPerson(ctx: ServiceContext, visitorId: number): PersonRecords {
  const db = ctx.db;
  const visitor = db
    .prepare(
      `SELECT id AS visitorId, first_name AS firstName, last_name AS lastName, family_name_first = 1 AS familyNameFirst, organisation,
              created_at AS firstSeenAt
       FROM visitors WHERE id = ? AND anonymised_at IS NULL`,
    )
    .get(visitorId) as (Omit<PersonRecords['visitor'], 'familyNameFirst'> & { familyNameFirst: number }) | undefined;
  if (!visitor) throw new CommandError('not_found', 'That person could not be found (their details may already have been removed).');
  const person: PersonRecords['visitor'] = { ...visitor, familyNameFirst: visitor.familyNameFirst === 1 };
  const visits = db
    .prepare(
      `SELECT vi.id AS visitId, vi.signed_in_at AS signedInAt, vi.signed_out_at AS signedOutAt, vi.visitor_type AS visitorType, vi.visiting,
              p.version AS policyVersion
       FROM visits vi JOIN acknowledgements a ON a.id = vi.acknowledgement_id JOIN policy_versions p ON p.id = a.policy_version_id
       WHERE vi.visitor_id = ? ORDER BY vi.signed_in_at`,
    )
    .all(visitorId) as PersonRecords['visits'];
  const devicesLogged = db
    .prepare(
      `SELECT r.number AS receiptNumber, i.kind, i.bag_slot AS bagSlot, i.state, i.logged_at AS loggedAt, i.closed_at AS closedAt
       FROM custody_items i JOIN receipts r ON r.id = i.receipt_id JOIN visits vi ON vi.id = r.visit_id
       WHERE vi.visitor_id = ? ORDER BY i.logged_at`,
    )
    .all(visitorId) as PersonRecords['devicesLogged'];
  const deviceExceptions = db
    .prepare(
      `SELECT e.id AS exceptionId, e.approved_at AS approvedAt, e.permitted_use AS permittedUse, e.revoked_at AS revokedAt
       FROM device_exceptions e LEFT JOIN bookings b ON b.id = e.booking_id
       JOIN visits vi ON vi.id = coalesce(e.visit_id, b.visit_id) WHERE vi.visitor_id = ? ORDER BY e.approved_at`,
    )
    .all(visitorId) as PersonRecords['deviceExceptions'];
  const concernsAboutVisits = db
    .prepare('SELECT count(*) FROM concerns c JOIN visits vi ON vi.id = c.visit_id WHERE vi.visitor_id = ?')
    .pluck()
    .get(visitorId) as number;
  inTransaction(db, () => audit(ctx, 'person.export', 'visitor', visitorId, {}));
  return { visitor: person, visits, devicesLogged, deviceExceptions, concernsAboutVisits };
}
