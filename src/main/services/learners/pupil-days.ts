import { DEVICE_KIND_LABELS, type DeviceKind } from '../../../shared/domain/devices.js';
import { pupilKey } from '../../../shared/domain/learners.js';
import { searchKey } from '../../../shared/domain/names.js';
import { formatDay, ukDay } from '../../../shared/domain/time.js';
import type { Storage } from '../../db/storage.js';
import type { PupilDaysQuery, PupilDaysRow } from '../../db/repositories/pupil-days-repo.js';
import { CommandError } from '../../core/command-error.js';
import { nowIso, type ServiceContext } from '../../core/context.js';

/** Today at reception: a pupil's agreements and exceptions run for whole UK calendar days. */
export function today(ctx: Pick<ServiceContext, 'clock'>): string {
  return ukDay(nowIso(ctx));
}

/** What is being recorded for a pupil's device, over which days. */
export interface PupilDaysInput {
  pupilName: string;
  classGroup: string;
  deviceKind: DeviceKind;
  validFrom: string;
  validUntil: string;
}

/**
 * The checks before a pupil's agreement or exception is written (inside its transaction): its last day has
 * not passed, and the same pupil (in the same class) has no other one for that kind of device on any of its
 * days, which would be a duplicate; a replacement ends the old one first. Answers today and the pupil's key.
 */
export async function checkPupilDays(
  ctx: ServiceContext,
  input: PupilDaysInput,
  what: 'agreement' | 'exception',
  overlapping: (db: Storage, query: PupilDaysQuery, sameClass: (classGroup: string) => boolean) => Promise<PupilDaysRow | undefined>,
): Promise<{ day: string; key: string }> {
  const day = today(ctx);
  if (input.validUntil < day) {
    throw new CommandError('invalid_input', `The last day has already passed, so this ${what} would never be in force.`, {
      validUntil: 'The last day has already passed.',
    });
  }
  const key = pupilKey(input.pupilName);
  const classKey = searchKey(input.classGroup);
  const same = await overlapping(
    ctx.db,
    { pupilKey: key, deviceKind: input.deviceKind, validFrom: input.validFrom, validUntil: input.validUntil },
    (group) => searchKey(group) === classKey,
  );
  if (same) {
    throw new CommandError(
      'conflict',
      `${same.pupil_name} (${same.class_group}) already has an ${what} for a ${DEVICE_KIND_LABELS[same.device_kind].toLowerCase()} `
        + `from ${formatDay(same.valid_from)} to ${formatDay(same.valid_until)}. If this one replaces it, end that one first.`,
    );
  }
  return { day, key };
}
