import type { PersonMatch, PersonRecords } from '../../../shared/contract/index.js';
import { listOf, MAX_CHAR, type Storage } from '../storage.js';
import { fullName } from '../../../shared/domain/names.js';
import { nameOf } from './visitor-repo.js';

// camelCase aliases are double-quoted: PostgreSQL folds unquoted names to lower case (visitorid), SQLite keeps them.
// Every order ends on an id, so rows made at the same instant come out the same way on both engines.

/** Visitors (details not removed) with a surname word starting with any of `keys`, most recent first. */
export async function findPeopleByNameKeys(db: Storage, keys: readonly string[]): Promise<PersonMatch[]> {
  // The range on word_prefix (the key's first three letters, or fewer) lets each key seek the words index.
  const rows = (await db.all(`SELECT v.id AS "visitorId", v.first_name, v.last_name, v.family_name_first, v.organisation,
              (SELECT count(*) FROM visits WHERE visitor_id = v.id) AS visits, v.last_signed_in_at AS "lastVisitAt"
       FROM visitors v
       WHERE v.anonymised_at IS NULL AND v.id IN (
         SELECT w.visitor_id FROM ${listOf(db.engine, '@keys', 'text', 'k')} JOIN visitor_name_words w
           ON w.word_prefix >= substr(k.value, 1, 3) AND w.word_prefix < substr(k.value, 1, 3) || ${MAX_CHAR}
          AND w.word >= k.value AND w.word < k.value || ${MAX_CHAR})
       ORDER BY v.last_signed_in_at DESC NULLS LAST, v.id DESC LIMIT 50`, { keys })) as (Omit<PersonMatch, 'name'> & { first_name: string; last_name: string; family_name_first: number })[];
  return rows.map((r) => ({ visitorId: r.visitorId, name: fullName(nameOf(r)), organisation: r.organisation, visits: r.visits, lastVisitAt: r.lastVisitAt }));
}

/** Every record held about one visitor; undefined when there is no such visitor or their details are removed. */
export async function readPersonRecords(db: Storage, visitorId: number): Promise<PersonRecords | undefined> {
  const visitor = (await db.get(`SELECT id AS "visitorId", first_name AS "firstName", last_name AS "lastName", CAST((family_name_first = 1) AS INTEGER) AS "familyNameFirst",
              organisation, created_at AS "firstSeenAt"
       FROM visitors WHERE id = ? AND anonymised_at IS NULL`, [visitorId])) as (Omit<PersonRecords['visitor'], 'familyNameFirst'> & { familyNameFirst: number }) | undefined;
  if (!visitor) return undefined;
  const person: PersonRecords['visitor'] = { ...visitor, familyNameFirst: visitor.familyNameFirst === 1 };
  const visitRows = (await db.all(`SELECT vi.id AS "visitId", vi.signed_in_at AS "signedInAt", vi.signed_out_at AS "signedOutAt", vi.visitor_type AS "visitorType", vi.visiting,
              p.version AS "policyVersion", s.strokes, s.signed_at AS "signedAt"
       FROM visits vi JOIN acknowledgements a ON a.id = vi.acknowledgement_id JOIN policy_versions p ON p.id = a.policy_version_id
       LEFT JOIN acknowledgement_signatures s ON s.id = a.id
       WHERE vi.visitor_id = ? ORDER BY vi.signed_in_at, vi.id`, [visitorId])) as (Omit<PersonRecords['visits'][number], 'signature'> & { strokes: string | null; signedAt: string | null })[];
  // The signature drawn for the acknowledgement covering each visit, if the setting asked for one then.
  const visits: PersonRecords['visits'] = visitRows.map(({ strokes, signedAt, ...visit }) => ({
    ...visit, signature: strokes !== null && signedAt !== null ? { strokes, signedAt } : null,
  }));
  const devicesLogged = (await db.all(`SELECT r.number AS "receiptNumber", i.kind, i.bag_slot AS "bagSlot", i.state, i.logged_at AS "loggedAt", i.closed_at AS "closedAt"
       FROM custody_items i JOIN receipts r ON r.id = i.receipt_id JOIN visits vi ON vi.id = r.visit_id
       WHERE vi.visitor_id = ? ORDER BY i.logged_at, i.id`, [visitorId])) as PersonRecords['devicesLogged'];
  const deviceExceptions = (await db.all(`SELECT e.id AS "exceptionId", e.approved_at AS "approvedAt", e.permitted_use AS "permittedUse", e.revoked_at AS "revokedAt"
       FROM device_exceptions e LEFT JOIN bookings b ON b.id = e.booking_id
       JOIN visits vi ON vi.id = coalesce(e.visit_id, b.visit_id) WHERE vi.visitor_id = ? ORDER BY e.approved_at, e.id`, [visitorId])) as PersonRecords['deviceExceptions'];
  const { concernsAboutVisits } = (await db.get('SELECT count(*) AS "concernsAboutVisits" FROM concerns c JOIN visits vi ON vi.id = c.visit_id WHERE vi.visitor_id = ?', [visitorId])) as { concernsAboutVisits: number };
  return { visitor: person, visits, devicesLogged, deviceExceptions, concernsAboutVisits };
}
