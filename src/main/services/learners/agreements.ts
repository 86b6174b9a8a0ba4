import type { AgreeingHead, ParsedInput } from '../../../shared/contract/index.js';
import { DEVICE_KIND_LABELS } from '../../../shared/domain/devices.js';
import { agreementState, pupilKey, type AgreementView } from '../../../shared/domain/learners.js';
import { searchKey } from '../../../shared/domain/names.js';
import { formatDate, ukDay } from '../../../shared/domain/time.js';
import { inTransaction } from '../../db/connection.js';
import {
  agreementsForPupil, endAgreement, findAgreement, insertAgreement, listAgreements, overlappingAgreement, type AgreementRow,
} from '../../db/repositories/learner-agreement-repo.js';
import { listActiveStaff } from '../../db/repositories/staff-repo.js';
import { CommandError } from '../../core/command-error.js';
import { actingStaffId, audit, nowIso, type ServiceContext } from '../../core/context.js';
import type { PinContext } from '../staff/pin-pepper.js';
import {
  confirmStaff, keepUpgradedPin, refuseShortPin, upgradedPinHash, withStaffPin, type PinEntry, type UsableStaff,
} from '../staff/staff-auth.js';

/** Today at reception: agreements run for whole UK calendar days. */
function today(ctx: Pick<ServiceContext, 'clock'>): string {
  return ukDay(nowIso(ctx));
}

/** "Fri, 23 Jul 2027" for a calendar day (noon UTC falls on the same day in the UK, summer or winter). */
function dayWords(day: string): string {
  return formatDate(`${day}T12:00:00Z`);
}

export function toAgreementView(row: AgreementRow, day: string): AgreementView {
  const ended = row.ended_at !== null ? { at: row.ended_at, by: row.ended_by_name ?? '', reason: row.end_reason ?? '' } : null;
  const dates = { validFrom: row.valid_from, validUntil: row.valid_until };
  return {
    agreementId: row.id,
    pupilName: row.pupil_name,
    classGroup: row.class_group,
    deviceKind: row.device_kind,
    deviceDescription: row.device_description,
    reason: row.reason,
    conditions: row.conditions,
    ...dates,
    agreedBy: row.agreed_by_name,
    recordedAt: row.recorded_at,
    recordedBy: row.recorded_by_name,
    ended,
    state: agreementState({ ...dates, ended }, day),
  };
}

/** Who may agree: an active account with the headteacher or leadership role (checked before the PIN, and again when writing). */
const agreeingHeadOnly: UsableStaff = (staff) => {
  if (!staff || !staff.active) {
    throw new CommandError('not_found', 'That person could not be found. Choose who agreed from the list.', { 'agreedBy.staffId': 'Choose who agreed.' });
  }
  if (!staff.roles.includes('head')) {
    throw new CommandError(
      'forbidden',
      `${staff.displayName} does not have the Headteacher or leadership role. Only the headteacher or a leader can agree to a pupil's device.`,
      { 'agreedBy.staffId': 'Only the headteacher or a leader can agree.' },
    );
  }
  return staff;
};

/** A wrong PIN is shown under the agreeing head's PIN box and counted against their account like any other. */
const AGREEMENT_PIN: PinEntry = { field: 'agreedBy.pin', failedAction: 'learner.agreement_pin_failed' };

/**
 * Records the headteacher's prior agreement for a pupil's device. Whoever unlocked the console, the head
 * who agreed types their own PIN now, as a DSL does to approve a visitor's device: the record says who
 * decided, not only who typed it in. The agreement is then fixed; it can only be ended.
 */
export async function recordAgreement(ctx: PinContext, input: ParsedInput<'learner.recordAgreement'>): Promise<AgreementView> {
  const recordedBy = actingStaffId(ctx);
  const pin = input.agreedBy.pin;
  return withStaffPin(ctx, input.agreedBy.staffId, pin, agreeingHeadOnly, async (checked) => {
    refuseShortPin(checked, pin, 'agreedBy.pin');
    const upgraded = await upgradedPinHash(ctx, checked, pin);
    return inTransaction(ctx.db, () => {
      const head = confirmStaff(ctx, checked, agreeingHeadOnly, 'agreedBy.pin');
      refuseShortPin(head, pin, 'agreedBy.pin');
      const day = today(ctx);
      if (input.validUntil < day) {
        throw new CommandError('invalid_input', 'The last day has already passed, so this agreement would never be in force.', {
          validUntil: 'The last day has already passed.',
        });
      }
      const key = pupilKey(input.pupilName);
      const classKey = searchKey(input.classGroup);
      const same = overlappingAgreement(
        ctx.db,
        { pupilKey: key, deviceKind: input.deviceKind, validFrom: input.validFrom, validUntil: input.validUntil },
        (group) => searchKey(group) === classKey,
      );
      if (same) {
        throw new CommandError(
          'conflict',
          `${same.pupil_name} (${same.class_group}) already has an agreement for a ${DEVICE_KIND_LABELS[same.device_kind].toLowerCase()} `
            + `from ${dayWords(same.valid_from)} to ${dayWords(same.valid_until)}. If this one replaces it, end that one first.`,
        );
      }
      const id = insertAgreement(ctx.db, {
        pupilName: input.pupilName,
        pupilKey: key,
        classGroup: input.classGroup,
        deviceKind: input.deviceKind,
        deviceDescription: input.deviceDescription,
        reason: input.reason,
        conditions: input.conditions,
        validFrom: input.validFrom,
        validUntil: input.validUntil,
        agreedBy: head.id,
        recordedAt: nowIso(ctx),
        recordedBy,
      });
      const headCtx = { ...ctx, actor: { staffId: head.id, label: head.displayName, roles: head.roles } };
      // No name in the entry: the trail is kept for good, and retention removes the pupil's name from the record.
      audit(headCtx, 'learner.record_agreement', 'learner_agreement', id, {
        deviceKind: input.deviceKind, validFrom: input.validFrom, validUntil: input.validUntil, atConsoleOf: recordedBy,
      });
      keepUpgradedPin(headCtx, head, upgraded);
      return toAgreementView(findAgreement(ctx.db, id)!, day);
    });
  }, AGREEMENT_PIN);
}

/** Ends an agreement before its last day (the pupil changed school, the device was misused), with the reason. */
export function endAgreementEarly(ctx: ServiceContext, input: ParsedInput<'learner.endAgreement'>): AgreementView {
  const by = actingStaffId(ctx);
  return inTransaction(ctx.db, () => {
    const row = findAgreement(ctx.db, input.agreementId);
    if (!row) throw new CommandError('not_found', 'That agreement could not be found. Refresh the list.');
    const day = today(ctx);
    if (row.ended_at !== null) {
      throw new CommandError('conflict', `That agreement was already ended by ${row.ended_by_name ?? 'someone'} on ${dayWords(ukDay(row.ended_at))}.`);
    }
    if (row.valid_until < day) throw new CommandError('conflict', `That agreement already ran out on ${dayWords(row.valid_until)}.`);
    if (!endAgreement(ctx.db, row.id, { at: nowIso(ctx), by, reason: input.reason })) {
      throw new CommandError('conflict', 'That agreement was ended a moment ago. Refresh the list.');
    }
    audit(ctx, 'learner.end_agreement', 'learner_agreement', row.id, {});
    return toAgreementView(findAgreement(ctx.db, row.id)!, day);
  });
}

export function listAllAgreements(ctx: ServiceContext): { agreements: AgreementView[]; heads: AgreeingHead[] } {
  const day = today(ctx);
  const heads = listActiveStaff(ctx.db)
    .filter((s) => s.roles.includes('head'))
    .map((s) => ({ staffId: s.id, displayName: s.displayName }));
  return { agreements: listAgreements(ctx.db, day).map((r) => toAgreementView(r, day)), heads };
}

/** What the Log items page shows as a pupil's name is typed: their agreements, matched by the whole name. */
export function agreementsFor(ctx: ServiceContext, input: ParsedInput<'learner.agreementsFor'>): { agreements: AgreementView[] } {
  const day = today(ctx);
  return { agreements: agreementsForPupil(ctx.db, pupilKey(input.pupilName), day).map((r) => toAgreementView(r, day)) };
}
