import type { AgreeingHead, ParsedInput } from '../../../shared/contract/index.js';
import { agreementState, pupilKey, type AgreementView } from '../../../shared/domain/learners.js';
import { formatDay, ukDay } from '../../../shared/domain/time.js';
import {
  agreementsForPupil, endAgreement, findAgreement, insertAgreement, listAgreements, overlappingAgreement, type AgreementRow,
} from '../../db/repositories/learner-agreement-repo.js';
import { listActiveStaff } from '../../db/repositories/staff-repo.js';
import { CommandError } from '../../core/command-error.js';
import { actingStaffId, audit, nowIso, type ServiceContext } from '../../core/context.js';
import { asDecider, deciderRule } from '../staff/decider-pin.js';
import type { PinContext } from '../staff/pin-pepper.js';
import { checkPupilDays, today } from './pupil-days.js';

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

/** Who may agree: the headteacher or a leader, typing their own PIN. */
const AGREEING_HEAD = deciderRule({
  form: 'agreedBy',
  roles: ['head'],
  decided: 'agreed',
  refusal: (name) => `${name} does not have the Headteacher or leadership role. Only the headteacher or a leader can agree to a pupil's device.`,
  hint: 'Only the headteacher or a leader can agree.',
  failedAction: 'learner.agreement_pin_failed',
});

/**
 * Records the headteacher's prior agreement for a pupil's device. Whoever unlocked the console, the head
 * who agreed types their own PIN now, as a DSL does to approve a visitor's device: the record says who
 * decided, not only who typed it in. The agreement is then fixed; it can only be ended.
 */
export async function recordAgreement(ctx: PinContext, input: ParsedInput<'learner.recordAgreement'>): Promise<AgreementView> {
  const recordedBy = actingStaffId(ctx);
  return asDecider(ctx, input.agreedBy, AGREEING_HEAD, async (head, headCtx) => {
    const { day, key } = await checkPupilDays(ctx, input, 'agreement', overlappingAgreement);
    const id = await insertAgreement(ctx.db, {
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
    // No name in the entry: the trail is kept for good, and retention removes the pupil's name from the record.
    await audit(headCtx, 'learner.record_agreement', 'learner_agreement', id, {
      deviceKind: input.deviceKind, validFrom: input.validFrom, validUntil: input.validUntil, atConsoleOf: recordedBy,
    });
    return toAgreementView((await findAgreement(ctx.db, id))!, day);
  });
}

/** Ends an agreement before its last day (the pupil changed school, the device was misused), with the reason. */
export function endAgreementEarly(ctx: ServiceContext, input: ParsedInput<'learner.endAgreement'>): Promise<AgreementView> {
  const by = actingStaffId(ctx);
  return ctx.db.transaction(async () => {
    const row = await findAgreement(ctx.db, input.agreementId);
    if (!row) throw new CommandError('not_found', 'That agreement could not be found. Refresh the list.');
    const day = today(ctx);
    if (row.ended_at !== null) {
      throw new CommandError('conflict', `That agreement was already ended by ${row.ended_by_name ?? 'someone'} on ${formatDay(ukDay(row.ended_at))}.`);
    }
    if (row.valid_until < day) throw new CommandError('conflict', `That agreement already ran out on ${formatDay(row.valid_until)}.`);
    if (!await endAgreement(ctx.db, row.id, { at: nowIso(ctx), by, reason: input.reason })) {
      throw new CommandError('conflict', 'That agreement was ended a moment ago. Refresh the list.');
    }
    await audit(ctx, 'learner.end_agreement', 'learner_agreement', row.id, {});
    return toAgreementView((await findAgreement(ctx.db, row.id))!, day);
  });
}

export async function listAllAgreements(ctx: ServiceContext): Promise<{ agreements: AgreementView[]; heads: AgreeingHead[] }> {
  const day = today(ctx);
  const heads = (await listActiveStaff(ctx.db))
    .filter((s) => s.roles.includes('head'))
    .map((s) => ({ staffId: s.id, displayName: s.displayName }));
  return { agreements: (await listAgreements(ctx.db, day)).map((r) => toAgreementView(r, day)), heads };
}

/** What the Log items page shows as a pupil's name is typed: their agreements, matched by the whole name. */
export async function agreementsFor(ctx: ServiceContext, input: ParsedInput<'learner.agreementsFor'>): Promise<{ agreements: AgreementView[] }> {
  const day = today(ctx);
  return { agreements: (await agreementsForPupil(ctx.db, pupilKey(input.pupilName), day)).map((r) => toAgreementView(r, day)) };
}
