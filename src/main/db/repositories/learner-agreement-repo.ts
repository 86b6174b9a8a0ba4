import type { DeviceKind } from '../../../shared/domain/devices.js';
import type { Storage } from '../storage.js';
import { endPupilDays, FINISHED_BEFORE_CUTOFF, firstOverlapping, pupilDaysOrder, type PupilDaysQuery } from './pupil-days-repo.js';

/** A pupil's device agreement as stored, with the names of the staff it mentions. */
export interface AgreementRow {
  id: number;
  pupil_name: string;
  class_group: string;
  device_kind: DeviceKind;
  device_description: string;
  reason: string;
  conditions: string | null;
  valid_from: string;
  valid_until: string;
  agreed_by_name: string;
  recorded_at: string;
  recorded_by_name: string;
  ended_at: string | null;
  ended_by_name: string | null;
  end_reason: string | null;
}

const SELECT = `
  SELECT a.id, a.pupil_name, a.class_group, a.device_kind, a.device_description, a.reason, a.conditions, a.valid_from,
         a.valid_until, ab.display_name AS agreed_by_name, a.recorded_at, rb.display_name AS recorded_by_name, a.ended_at,
         eb.display_name AS ended_by_name, a.end_reason
  FROM learner_agreements a
  JOIN staff ab ON ab.id = a.agreed_by
  JOIN staff rb ON rb.id = a.recorded_by
  LEFT JOIN staff eb ON eb.id = a.ended_by`;

/** Current agreements first, the soonest to end first (pupilDaysOrder). */
const ORDER = pupilDaysOrder('a');

export interface NewAgreement {
  pupilName: string;
  pupilKey: string;
  classGroup: string;
  deviceKind: DeviceKind;
  deviceDescription: string;
  reason: string;
  conditions: string | null;
  validFrom: string;
  validUntil: string;
  agreedBy: number;
  recordedAt: string;
  recordedBy: number;
}

export async function insertAgreement(db: Storage, a: NewAgreement): Promise<number> {
  return (
    (await db.get(`INSERT INTO learner_agreements (pupil_name, pupil_key, class_group, device_kind, device_description, reason, conditions,
         valid_from, valid_until, agreed_by, recorded_at, recorded_by)
       VALUES (@pupilName, @pupilKey, @classGroup, @deviceKind, @deviceDescription, @reason, @conditions,
         @validFrom, @validUntil, @agreedBy, @recordedAt, @recordedBy)
       RETURNING id`, a)) as { id: number }
  ).id;
}

export async function findAgreement(db: Storage, id: number): Promise<AgreementRow | undefined> {
  return (await db.get(`${SELECT} WHERE a.id = ?`, [id])) as AgreementRow | undefined;
}

/** Every agreement (the most a school would keep within its retention period is a few hundred). */
export async function listAgreements(db: Storage, today: string, limit = 1000): Promise<AgreementRow[]> {
  return (await db.all(`${SELECT} ${ORDER} LIMIT @limit`, { today, limit })) as AgreementRow[];
}

/** Asked as the office types a name at hand-in: it seeks learner_agreements_by_pupil (a test reads its plan). */
export const AGREEMENTS_FOR_PUPIL_SQL = `${SELECT} WHERE a.pupil_key = @pupilKey ${ORDER} LIMIT 50`;

/** The agreements of the pupil whose name folds to this key (pupilKey), current first. */
export async function agreementsForPupil(db: Storage, pupilKey: string, today: string): Promise<AgreementRow[]> {
  return (await db.all(AGREEMENTS_FOR_PUPIL_SQL, { pupilKey, today })) as AgreementRow[];
}

/**
 * An agreement for the same pupil and kind of device, not ended, whose days overlap these: recording it
 * again would be a duplicate (a replacement ends the old one first). Classes are compared as `sameClass` says.
 */
export async function overlappingAgreement(db: Storage, a: PupilDaysQuery, sameClass: (classGroup: string) => boolean): Promise<AgreementRow | undefined> {
  return firstOverlapping<AgreementRow>(db, SELECT, 'a', a, sameClass);
}

/** Ends an agreement early; false when it had already been ended. */
export async function endAgreement(db: Storage, id: number, e: { at: string; by: number; reason: string }): Promise<boolean> {
  return endPupilDays(db, 'learner_agreements', id, e);
}

/**
 * Retention: the words that name the pupil, once the agreement finished (ended early, or its last day
 * passed) before the cut-off, as a pupil's receipt loses the pupil's name. Kept: the kind of device, the
 * days, who agreed and who recorded and ended it (migration 0018 allows only this change). Call inside
 * the retention run's transaction; answers how many agreements it cleared.
 */
export async function clearExpiredAgreements(db: Storage, cutoff: string): Promise<number> {
  return (await db.run(`UPDATE learner_agreements SET pupil_name = 'Removed', pupil_key = 'removed:' || id, class_group = 'Removed',
       device_description = 'Removed', reason = 'Removed', conditions = NULL,
       end_reason = CASE WHEN end_reason IS NULL THEN NULL ELSE 'Removed' END
     WHERE ${FINISHED_BEFORE_CUTOFF}`, { cutoff })).changes;
}
