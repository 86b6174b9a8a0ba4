import type { ConcernSubject, ConcernView } from '../../../shared/domain/concerns.js';
import type { Storage } from '../storage.js';
import { followUpsOf } from './concern-follow-up-repo.js';

const SELECT = `
  SELECT c.id AS "concernId", c.about_type AS "aboutType", c.about_name AS "aboutName", c.visit_id AS "visitId", c.location,
         c.what_happened AS "whatHappened", c.action_taken AS "actionTaken", c.raised_at AS "raisedAt", rb.display_name AS "raisedBy",
         c.status, c.outcome, c.reviewed_at AS "reviewedAt", vb.display_name AS "reviewedBy"
  FROM concerns c
  JOIN staff rb ON rb.id = c.raised_by
  LEFT JOIN staff vb ON vb.id = c.reviewed_by`;

type ConcernRow = Omit<ConcernView, 'parentsInformed' | 'debrief' | 'ladoReferral' | 'policeContacts'>;

/** The concerns with what followed each (parents told, debrief, LADO, police), in the same order. */
async function withFollowUps(db: Storage, rows: ConcernRow[]): Promise<ConcernView[]> {
  const followUps = await followUpsOf(db, rows.map((r) => r.concernId));
  return rows.map((r) => ({ ...r, ...followUps.get(r.concernId)! }));
}

export async function insertConcern(
  db: Storage,
  c: { aboutType: ConcernSubject; aboutName: string; visitId: number | null; location: string; whatHappened: string; actionTaken: string; raisedAt: string; raisedBy: number },
): Promise<number> {
  // RETURNING rather than lastInsertRowid: the same text gives the new id on SQLite and PostgreSQL.
  const row = (await db.get(`INSERT INTO concerns (about_type, about_name, visit_id, location, what_happened, action_taken, raised_at, raised_by)
       VALUES (@aboutType, @aboutName, @visitId, @location, @whatHappened, @actionTaken, @raisedAt, @raisedBy) RETURNING id`, c)) as { id: number };
  return row.id;
}

export async function findConcern(db: Storage, id: number): Promise<ConcernView | undefined> {
  const row = (await db.get(`${SELECT} WHERE c.id = ?`, [id])) as ConcernRow | undefined;
  return row ? (await withFollowUps(db, [row]))[0] : undefined;
}

/** The staff member who raised the concern (undefined for none). */
export async function concernRaisedBy(db: Storage, id: number): Promise<number | undefined> {
  return ((await db.get('SELECT raised_by AS "raisedBy" FROM concerns WHERE id = ?', [id])) as { raisedBy: number } | undefined)?.raisedBy;
}

/**
 * Open concerns first (newest first), then closed ones; `raisedBy` limits to one author's. Here and below,
 * CAST on the "no filter" test gives PostgreSQL the parameter's type, which `@x IS NULL` alone leaves unknown.
 */
export async function listConcerns(db: Storage, raisedBy: number | null, limit = 200): Promise<ConcernView[]> {
  const rows = (await db.all(`${SELECT} WHERE (CAST(@raisedBy AS BIGINT) IS NULL OR c.raised_by = @raisedBy)
       ORDER BY c.status = 'closed', c.raised_at DESC, c.id DESC LIMIT @limit`, { raisedBy, limit })) as ConcernRow[];
  return withFollowUps(db, rows);
}

/** A concern nobody has reviewed yet, with only what the DSL's inbox says of it. */
export interface NewConcernRow {
  concernId: number;
  aboutType: ConcernSubject;
  aboutName: string;
  location: string;
  raisedAt: string;
  raisedBy: string;
}

/**
 * Concerns still 'new' (raised, not yet reviewed); `@raisedBy` limits to one author's. The redundant
 * `status <> 'closed'` lets it seek the concerns_open index, so the closed concerns that pile up over the
 * years are never read (a test reads its plan).
 */
export const NEW_CONCERNS_SQL = `
  SELECT c.id AS "concernId", c.about_type AS "aboutType", c.about_name AS "aboutName", c.location, c.raised_at AS "raisedAt",
         rb.display_name AS "raisedBy"
  FROM concerns c JOIN staff rb ON rb.id = c.raised_by
  WHERE c.status <> 'closed' AND c.status = 'new' AND (CAST(@raisedBy AS BIGINT) IS NULL OR c.raised_by = @raisedBy)
  ORDER BY c.raised_at, c.id`;

export async function listNewConcerns(db: Storage, raisedBy: number | null): Promise<NewConcernRow[]> {
  return (await db.all(NEW_CONCERNS_SQL, { raisedBy })) as NewConcernRow[];
}

export async function recordConcernReview(db: Storage, id: number, r: { outcome: string; status: 'reviewed' | 'closed'; at: string; by: number }): Promise<boolean> {
  return (
    (await db.run(`UPDATE concerns SET outcome = @outcome, status = @status, reviewed_at = @at, reviewed_by = @by WHERE id = @id AND status <> 'closed'`, { ...r, id })).changes === 1
  );
}
