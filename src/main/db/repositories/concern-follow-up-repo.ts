import type {
  ConcernDebrief, LadoOutcome, LadoReferral, ParentsInformedEntry, PoliceContact,
} from '../../../shared/domain/concerns.js';
import { listOf, type Storage } from '../storage.js';

/**
 * What follows a concern (migration 0017): parents or carers told or not, the debrief, the LADO referral and
 * police contacts. Each is written once; only a LADO referral's outcome is added later.
 */

export interface ConcernFollowUps {
  parentsInformed: ParentsInformedEntry[];
  debrief: ConcernDebrief | null;
  ladoReferral: LadoReferral | null;
  policeContacts: PoliceContact[];
}

interface ParentsInformedRow {
  concernId: number;
  informed: 0 | 1;
  informedOn: string | null;
  informedTime: string | null;
  informedBy: string | null;
  whoWasTold: string | null;
  reason: string | null;
  recordedAt: string;
  recordedBy: string;
}

/** `IN` the concerns whose ids are @ids. */
function byConcern(db: Storage): string {
  return `IN (SELECT value FROM ${listOf(db.engine, '@ids', 'bigint', 'ids')})`;
}

/** The follow-ups of these concerns, keyed by concern id (every id present, with nothing recorded if need be). */
export async function followUpsOf(db: Storage, concernIds: readonly number[]): Promise<Map<number, ConcernFollowUps>> {
  const result = new Map<number, ConcernFollowUps>(
    concernIds.map((id) => [id, { parentsInformed: [], debrief: null, ladoReferral: null, policeContacts: [] }]),
  );
  if (concernIds.length === 0) return result;
  const ids = concernIds;
  const parents = (await db.all(`SELECT p.concern_id AS "concernId", p.informed, p.informed_on AS "informedOn", p.informed_time AS "informedTime", p.informed_by AS "informedBy",
            p.who_was_told AS "whoWasTold", p.reason, p.recorded_at AS "recordedAt", s.display_name AS "recordedBy"
     FROM concern_parents_informed p JOIN staff s ON s.id = p.recorded_by
     WHERE p.concern_id ${byConcern(db)} ORDER BY p.id`, { ids })) as ParentsInformedRow[];
  for (const row of parents) result.get(row.concernId)!.parentsInformed.push(parentsEntry(row));

  const debriefs = (await db.all(`SELECT d.concern_id AS "concernId", d.lessons_learnt AS "lessonsLearnt", d.practice_change AS "practiceChange",
            d.recorded_at AS "recordedAt", s.display_name AS "recordedBy"
     FROM concern_debriefs d JOIN staff s ON s.id = d.recorded_by WHERE d.concern_id ${byConcern(db)}`, { ids })) as (ConcernDebrief & { concernId: number })[];
  for (const { concernId, ...debrief } of debriefs) result.get(concernId)!.debrief = debrief;

  const referrals = (await db.all(`SELECT l.concern_id AS "concernId", l.referred_on AS "referredOn", l.lado_reference AS "ladoReference", l.recorded_at AS "recordedAt",
            s.display_name AS "recordedBy", l.outcome, l.outcome_on AS "outcomeOn", l.outcome_note AS "outcomeNote",
            l.outcome_recorded_at AS "outcomeRecordedAt", o.display_name AS "outcomeRecordedBy"
     FROM concern_lado_referrals l JOIN staff s ON s.id = l.recorded_by LEFT JOIN staff o ON o.id = l.outcome_recorded_by
     WHERE l.concern_id ${byConcern(db)}`, { ids })) as (LadoReferral & { concernId: number })[];
  for (const { concernId, ...referral } of referrals) result.get(concernId)!.ladoReferral = referral;

  const police = (await db.all(`SELECT c.concern_id AS "concernId", c.contacted_on AS "contactedOn", c.police_force AS "policeForce", c.officer, c.reference,
            c.recorded_at AS "recordedAt", s.display_name AS "recordedBy"
     FROM concern_police_contacts c JOIN staff s ON s.id = c.recorded_by WHERE c.concern_id ${byConcern(db)} ORDER BY c.id`, { ids })) as (PoliceContact & { concernId: number })[];
  for (const { concernId, ...contact } of police) result.get(concernId)!.policeContacts.push(contact);
  return result;
}

function parentsEntry(row: ParentsInformedRow): ParentsInformedEntry {
  const recorded = { recordedAt: row.recordedAt, recordedBy: row.recordedBy };
  return row.informed === 1
    ? { informed: true, informedOn: row.informedOn!, informedTime: row.informedTime, informedBy: row.informedBy!, whoWasTold: row.whoWasTold, ...recorded }
    : { informed: false, reason: row.reason, ...recorded };
}

/** Whether the newest record about telling the parents is the DSL's decision not to tell them. */
export async function parentsNotToBeTold(db: Storage, concernId: number): Promise<boolean> {
  const newest = (await db.get('SELECT informed FROM concern_parents_informed WHERE concern_id = ? ORDER BY id DESC LIMIT 1', [concernId])) as
    | { informed: 0 | 1 }
    | undefined;
  return newest?.informed === 0;
}

export async function insertParentsInformed(
  db: Storage,
  r: { concernId: number; informedOn: string; informedTime: string | null; informedBy: string; whoWasTold: string | null; at: string; by: number },
): Promise<number> {
  // RETURNING rather than lastInsertRowid here and below: the same text gives the new id on SQLite and PostgreSQL.
  const row = (await db.get(`INSERT INTO concern_parents_informed (concern_id, informed, informed_on, informed_time, informed_by, who_was_told, recorded_at, recorded_by)
       VALUES (@concernId, 1, @informedOn, @informedTime, @informedBy, @whoWasTold, @at, @by) RETURNING id`, r)) as { id: number };
  return row.id;
}

export async function insertParentsNotInformed(db: Storage, r: { concernId: number; reason: string; at: string; by: number }): Promise<number> {
  const row = (await db.get(`INSERT INTO concern_parents_informed (concern_id, informed, reason, recorded_at, recorded_by) VALUES (@concernId, 0, @reason, @at, @by) RETURNING id`, r)) as { id: number };
  return row.id;
}

/** Null when the concern already has its debrief (one per concern): DO NOTHING returns no row then. */
export async function insertDebrief(db: Storage, r: { concernId: number; lessonsLearnt: string; practiceChange: string | null; at: string; by: number }): Promise<number | null> {
  const row = (await db.get(`INSERT INTO concern_debriefs (concern_id, lessons_learnt, practice_change, recorded_at, recorded_by)
       VALUES (@concernId, @lessonsLearnt, @practiceChange, @at, @by) ON CONFLICT (concern_id) DO NOTHING RETURNING id`, r)) as { id: number } | undefined;
  return row?.id ?? null;
}

/** Null when the concern has already been referred (one referral per concern): DO NOTHING returns no row then. */
export async function insertLadoReferral(db: Storage, r: { concernId: number; referredOn: string; ladoReference: string; at: string; by: number }): Promise<number | null> {
  const row = (await db.get(`INSERT INTO concern_lado_referrals (concern_id, referred_on, lado_reference, recorded_at, recorded_by)
       VALUES (@concernId, @referredOn, @ladoReference, @at, @by) ON CONFLICT (concern_id) DO NOTHING RETURNING id`, r)) as { id: number } | undefined;
  return row?.id ?? null;
}

/** A LADO referral still waiting for its outcome, with the name of whom the concern is about. */
export interface LadoAwaitingOutcomeRow {
  concernId: number;
  aboutName: string;
  referredOn: string;
  ladoReference: string;
  recordedAt: string;
}

/**
 * Every referral without an outcome, whatever its concern's status (a closed concern can still wait for the
 * LADO). Referrals are only for allegations against staff, so the table stays small.
 */
export async function listLadoAwaitingOutcome(db: Storage): Promise<LadoAwaitingOutcomeRow[]> {
  return (await db.all(`SELECT l.concern_id AS "concernId", c.about_name AS "aboutName", l.referred_on AS "referredOn", l.lado_reference AS "ladoReference",
            l.recorded_at AS "recordedAt"
     FROM concern_lado_referrals l JOIN concerns c ON c.id = l.concern_id
     WHERE l.outcome IS NULL ORDER BY l.recorded_at, l.concern_id`)) as LadoAwaitingOutcomeRow[];
}

/** The concern's referral as stored, for the rules an outcome must keep. */
export async function findLadoReferral(db: Storage, concernId: number): Promise<{ id: number; referredOn: string; outcome: LadoOutcome | null } | undefined> {
  return (await db.get('SELECT id, referred_on AS "referredOn", outcome FROM concern_lado_referrals WHERE concern_id = ?', [concernId])) as
    | { id: number; referredOn: string; outcome: LadoOutcome | null }
    | undefined;
}

/** False when the referral already has its outcome. */
export async function recordLadoOutcome(
  db: Storage,
  referralId: number,
  r: { outcome: LadoOutcome; outcomeOn: string; note: string | null; at: string; by: number },
): Promise<boolean> {
  return (
    (await db.run(`UPDATE concern_lado_referrals SET outcome = @outcome, outcome_on = @outcomeOn, outcome_note = @note, outcome_recorded_at = @at,
           outcome_recorded_by = @by WHERE id = @referralId AND outcome IS NULL`, { ...r, referralId })).changes === 1
  );
}

export async function insertPoliceContact(
  db: Storage,
  r: { concernId: number; contactedOn: string; policeForce: string; officer: string; reference: string; at: string; by: number },
): Promise<number> {
  const row = (await db.get(`INSERT INTO concern_police_contacts (concern_id, contacted_on, police_force, officer, reference, recorded_at, recorded_by)
       VALUES (@concernId, @contactedOn, @policeForce, @officer, @reference, @at, @by) RETURNING id`, r)) as { id: number };
  return row.id;
}
