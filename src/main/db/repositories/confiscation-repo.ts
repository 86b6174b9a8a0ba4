import {
  IDENTITY_CHECK_LABELS, relationshipWords, type ConfiscationOutcome, type IdentityCheck, type Relationship,
} from '../../../shared/domain/confiscation.js';
import type { Storage } from '../storage.js';

/** One item released to a parent or carer (migration 0019). */
export async function insertRelease(
  db: Storage,
  r: {
    itemId: number; at: string; by: number; parentName: string; relationship: Relationship; relationshipOther: string | null;
    identityCheck: IdentityCheck; identityNote: string | null; earlyAgreedBy: number | null; earlyReason: string | null; note: string | null;
  },
): Promise<number> {
  const result = (await db.get(`INSERT INTO confiscation_releases (item_id, released_at, released_by, parent_name, relationship, relationship_other,
       identity_check, identity_note, early_agreed_by, early_reason, note)
     VALUES (@itemId, @at, @by, @parentName, @relationship, @relationshipOther, @identityCheck, @identityNote, @earlyAgreedBy, @earlyReason, @note)
     RETURNING id`, r)) as { id: number };
  return result.id;
}

/** One item handed to the police (migration 0019). */
export async function insertPoliceHandover(
  db: Storage,
  h: {
    itemId: number; at: string; by: number; officerName: string; officerNumber: string | null; policeForce: string;
    policeReference: string; note: string | null;
  },
): Promise<number> {
  const result = (await db.get(`INSERT INTO police_handovers (item_id, handed_at, handed_by, officer_name, officer_number, police_force, police_reference, note)
     VALUES (@itemId, @at, @by, @officerName, @officerNumber, @policeForce, @policeReference, @note)
     RETURNING id`, h)) as { id: number };
  return result.id;
}

/**
 * The columns custody-repo's item query adds (LEFT JOIN confiscation_releases cr, police_handovers ph, and
 * staff eb for who agreed early), for confiscationOutcome below.
 */
export const OUTCOME_COLUMNS = `
  cr.id AS cr_id, cr.relationship AS cr_relationship, cr.relationship_other AS cr_relationship_other,
  cr.identity_check AS cr_identity_check, cr.identity_note AS cr_identity_note, eb.display_name AS cr_early_by, cr.early_reason AS cr_early_reason,
  ph.id AS ph_id, ph.officer_name AS ph_officer_name, ph.officer_number AS ph_officer_number, ph.police_force AS ph_force,
  ph.police_reference AS ph_reference`;

export const OUTCOME_JOINS = `
  LEFT JOIN confiscation_releases cr ON cr.item_id = i.id
  LEFT JOIN staff eb ON eb.id = cr.early_agreed_by
  LEFT JOIN police_handovers ph ON ph.item_id = i.id`;

export interface OutcomeColumns {
  cr_id: number | null;
  cr_relationship: Relationship | null;
  cr_relationship_other: string | null;
  cr_identity_check: IdentityCheck | null;
  cr_identity_note: string | null;
  cr_early_by: string | null;
  cr_early_reason: string | null;
  ph_id: number | null;
  ph_officer_name: string | null;
  ph_officer_number: string | null;
  ph_force: string | null;
  ph_reference: string | null;
}

export function confiscationOutcome(r: OutcomeColumns): ConfiscationOutcome | null {
  if (r.cr_id !== null) {
    const check = IDENTITY_CHECK_LABELS[r.cr_identity_check!];
    return {
      way: 'parent',
      relationship: relationshipWords(r.cr_relationship!, r.cr_relationship_other),
      identityCheck: r.cr_identity_check === 'other' ? r.cr_identity_note ?? '' : r.cr_identity_note ? `${check}: ${r.cr_identity_note}` : check,
      early: r.cr_early_reason === null ? null : { agreedBy: r.cr_early_by ?? '', reason: r.cr_early_reason },
    };
  }
  if (r.ph_id !== null) {
    return {
      way: 'police',
      officer: `${r.ph_officer_name}${r.ph_officer_number ? ` ${r.ph_officer_number}` : ''}`,
      force: r.ph_force ?? '',
      reference: r.ph_reference ?? '',
    };
  }
  return null;
}

/**
 * Retention: the names go from these records when they go from the custody item itself (its "returned to"
 * replaced, see retention-repo.ts clearExpiredDetails), so the two never disagree. Call after that, in the
 * same run. Returns how many records lost their names.
 */
export async function clearExpiredConfiscations(db: Storage): Promise<number> {
  const released = (await db.run(`UPDATE confiscation_releases SET parent_name = 'Removed',
       relationship_other = CASE WHEN relationship_other IS NULL THEN NULL ELSE 'Removed' END,
       identity_note = CASE WHEN identity_note IS NULL THEN NULL ELSE 'Removed' END,
       early_reason = CASE WHEN early_reason IS NULL THEN NULL ELSE 'Removed' END, note = NULL
     WHERE parent_name <> 'Removed' AND item_id IN (SELECT id FROM custody_items WHERE closed_to = 'Removed')`)).changes;
  const police = (await db.run(`UPDATE police_handovers SET officer_name = 'Removed', officer_number = NULL, note = NULL
     WHERE officer_name <> 'Removed' AND item_id IN (SELECT id FROM custody_items WHERE closed_to = 'Removed')`)).changes;
  return released + police;
}
