import type { DeviceKind } from '../../../shared/domain/devices.js';
import type { Storage } from '../storage.js';
import { endPupilDays, FINISHED_BEFORE_CUTOFF, firstOverlapping, pupilDaysOrder, type PupilDaysQuery } from './pupil-days-repo.js';

/** A pupil's device exception as stored, with the names of the staff it mentions. */
export interface LearnerExceptionRow {
  id: number;
  pupil_name: string;
  pupil_key: string;
  class_group: string;
  device_kind: DeviceKind;
  device_description: string;
  reason: string;
  permitted_use: string;
  expectations: string;
  sanctions: string;
  valid_from: string;
  valid_until: string;
  approved_by_name: string;
  recorded_at: string;
  recorded_by_name: string;
  signed_on: string | null;
  signed_by_learner: string | null;
  signed_by_parent: string | null;
  parent_relationship: string | null;
  signatures_recorded_at: string | null;
  signatures_recorded_by_name: string | null;
  ended_at: string | null;
  ended_by_name: string | null;
  end_reason: string | null;
}

const SELECT = `
  SELECT e.id, e.pupil_name, e.pupil_key, e.class_group, e.device_kind, e.device_description, e.reason, e.permitted_use, e.expectations,
         e.sanctions, e.valid_from, e.valid_until, ab.display_name AS approved_by_name, e.recorded_at,
         rb.display_name AS recorded_by_name, e.signed_on, e.signed_by_learner, e.signed_by_parent, e.parent_relationship,
         e.signatures_recorded_at, sb.display_name AS signatures_recorded_by_name, e.ended_at, eb.display_name AS ended_by_name,
         e.end_reason
  FROM learner_exceptions e
  JOIN staff ab ON ab.id = e.approved_by
  JOIN staff rb ON rb.id = e.recorded_by
  LEFT JOIN staff sb ON sb.id = e.signatures_recorded_by
  LEFT JOIN staff eb ON eb.id = e.ended_by`;

/** As agreements are listed (pupilDaysOrder): current ones first, signed or not, the soonest to end first. */
const ORDER = pupilDaysOrder('e');

export interface NewLearnerException {
  pupilName: string;
  pupilKey: string;
  classGroup: string;
  deviceKind: DeviceKind;
  deviceDescription: string;
  reason: string;
  permittedUse: string;
  expectations: string;
  sanctions: string;
  validFrom: string;
  validUntil: string;
  approvedBy: number;
  recordedAt: string;
  recordedBy: number;
}

export async function insertLearnerException(db: Storage, e: NewLearnerException): Promise<number> {
  return (
    (await db.get(`INSERT INTO learner_exceptions (pupil_name, pupil_key, class_group, device_kind, device_description, reason, permitted_use,
         expectations, sanctions, valid_from, valid_until, approved_by, recorded_at, recorded_by)
       VALUES (@pupilName, @pupilKey, @classGroup, @deviceKind, @deviceDescription, @reason, @permittedUse,
         @expectations, @sanctions, @validFrom, @validUntil, @approvedBy, @recordedAt, @recordedBy)
       RETURNING id`, e)) as { id: number }
  ).id;
}

export async function findLearnerException(db: Storage, id: number): Promise<LearnerExceptionRow | undefined> {
  return (await db.get(`${SELECT} WHERE e.id = ?`, [id])) as LearnerExceptionRow | undefined;
}

/** Every exception (a school has a handful a year; the limit only guards the screen). */
export async function listLearnerExceptions(db: Storage, today: string, limit = 1000): Promise<LearnerExceptionRow[]> {
  return (await db.all(`${SELECT} ${ORDER} LIMIT @limit`, { today, limit })) as LearnerExceptionRow[];
}

/**
 * Exceptions approved but not yet signed, and so not yet in force (learnerExceptionState's
 * 'awaiting_signatures': not ended, last day not past, no signatures), oldest first, for the DSL's inbox.
 */
export async function listLearnerExceptionsAwaitingSignatures(db: Storage, today: string): Promise<LearnerExceptionRow[]> {
  return (await db.all(`${SELECT} WHERE e.signed_on IS NULL AND e.ended_at IS NULL AND e.valid_until >= @today ORDER BY e.recorded_at, e.id`, { today })) as LearnerExceptionRow[];
}

/** Asked as the office types a name at hand-in: it seeks learner_exceptions_by_pupil (a test reads its plan). */
export const EXCEPTIONS_FOR_PUPIL_SQL = `${SELECT} WHERE e.pupil_key = @pupilKey ${ORDER} LIMIT 50`;

/** The exceptions of the pupil whose name folds to this key (pupilKey), current first. */
export async function learnerExceptionsForPupil(db: Storage, pupilKey: string, today: string): Promise<LearnerExceptionRow[]> {
  return (await db.all(EXCEPTIONS_FOR_PUPIL_SQL, { pupilKey, today })) as LearnerExceptionRow[];
}

/**
 * An exception for the same pupil and kind of device, not ended, whose days overlap these: recording it
 * again would be a duplicate (a replacement ends the old one first). Classes are compared as `sameClass` says.
 */
export async function overlappingLearnerException(db: Storage, e: PupilDaysQuery, sameClass: (classGroup: string) => boolean): Promise<LearnerExceptionRow | undefined> {
  return firstOverlapping<LearnerExceptionRow>(db, SELECT, 'e', e, sameClass);
}

/** Records the signed agreement; false when its signatures were already recorded. */
export async function recordSignatures(
  db: Storage,
  id: number,
  s: { signedOn: string; learnerName: string; parentName: string; parentRelationship: string; at: string; by: number },
): Promise<boolean> {
  return (await db.run(`UPDATE learner_exceptions SET signed_on = @signedOn, signed_by_learner = @learnerName, signed_by_parent = @parentName,
       parent_relationship = @parentRelationship, signatures_recorded_at = @at, signatures_recorded_by = @by
     WHERE id = @id AND signed_on IS NULL`, { ...s, id })).changes === 1;
}

/** Ends an exception; false when it had already been ended. */
export async function endLearnerException(db: Storage, id: number, e: { at: string; by: number; reason: string }): Promise<boolean> {
  return endPupilDays(db, 'learner_exceptions', id, e);
}

/**
 * Retention, on the agreements' schedule: the words that name the pupil (and the names the pupil and their
 * parent signed with) once the exception finished (ended, or its last day passed) before the cut-off. Kept:
 * the kind of device, the days, who approved, the day it was signed and the relationship, and who recorded,
 * signed for and ended it (migration 0021 allows only this change). Call inside the retention run's
 * transaction; answers how many exceptions it cleared.
 */
export async function clearExpiredLearnerExceptions(db: Storage, cutoff: string): Promise<number> {
  return (await db.run(`UPDATE learner_exceptions SET pupil_name = 'Removed', pupil_key = 'removed:' || id, class_group = 'Removed',
       device_description = 'Removed', reason = 'Removed', permitted_use = 'Removed', expectations = 'Removed', sanctions = 'Removed',
       signed_by_learner = CASE WHEN signed_by_learner IS NULL THEN NULL ELSE 'Removed' END,
       signed_by_parent = CASE WHEN signed_by_parent IS NULL THEN NULL ELSE 'Removed' END,
       end_reason = CASE WHEN end_reason IS NULL THEN NULL ELSE 'Removed' END
     WHERE ${FINISHED_BEFORE_CUTOFF}`, { cutoff })).changes;
}
