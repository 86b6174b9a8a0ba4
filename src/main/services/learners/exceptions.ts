import type { ExceptionApprover, ParsedInput, PrintStatus } from '../../../shared/contract/index.js';
import { learnerExceptionState, pupilKey, type LearnerExceptionView } from '../../../shared/domain/learners.js';
import { formatDate, formatDay, ukDay } from '../../../shared/domain/time.js';
import {
  endLearnerException, findLearnerException, insertLearnerException, learnerExceptionsForPupil, listLearnerExceptions, listLearnerExceptionsAwaitingSignatures,
  overlappingLearnerException, recordSignatures, type LearnerExceptionRow,
} from '../../db/repositories/learner-exception-repo.js';
import { listActiveStaff } from '../../db/repositories/staff-repo.js';
import { buildExceptionAgreementPdf } from '../../documents/learner-exception-agreement.js';
import { keepAndPrint, type OutputContext } from '../../documents/document-output.js';
import { withNameWarning } from '../../documents/name-warning.js';
import { CommandError } from '../../core/command-error.js';
import { actingStaffId, audit, nowIso, type ServiceContext } from '../../core/context.js';
import { readSetting } from '../admin/settings-store.js';
import { asDecider, deciderRule } from '../staff/decider-pin.js';
import type { PinContext } from '../staff/pin-pepper.js';
import { refuseSigning } from '../staff/signing-checks.js';
import { checkPupilDays, today } from './pupil-days.js';

/** Where printed agreements are kept: retention-files.ts removes them once the exception's names are removed. */
export const EXCEPTION_AGREEMENT_FOLDER = 'learner-exceptions';

export function toLearnerExceptionView(row: LearnerExceptionRow, day: string): LearnerExceptionView {
  const signed = row.signed_on !== null
    ? {
      on: row.signed_on, learnerName: row.signed_by_learner ?? '', parentName: row.signed_by_parent ?? '',
      parentRelationship: row.parent_relationship ?? '', recordedAt: row.signatures_recorded_at ?? '', recordedBy: row.signatures_recorded_by_name ?? '',
    }
    : null;
  const ended = row.ended_at !== null ? { at: row.ended_at, by: row.ended_by_name ?? '', reason: row.end_reason ?? '' } : null;
  const dates = { validFrom: row.valid_from, validUntil: row.valid_until };
  return {
    exceptionId: row.id,
    pupilName: row.pupil_name,
    classGroup: row.class_group,
    deviceKind: row.device_kind,
    deviceDescription: row.device_description,
    reason: row.reason,
    permittedUse: row.permitted_use,
    expectations: row.expectations,
    sanctions: row.sanctions,
    ...dates,
    approvedBy: row.approved_by_name,
    recordedAt: row.recorded_at,
    recordedBy: row.recorded_by_name,
    signed,
    ended,
    state: learnerExceptionState({ ...dates, signed, ended }, day),
  };
}

/**
 * Who may approve: the DSL or the headteacher, typing their own PIN. The school policy names the headteacher;
 * a decision about a child's safety is equally the DSL's, as for a visitor's device.
 */
const APPROVER = deciderRule({
  form: 'approvedBy',
  roles: ['dsl', 'head'],
  decided: 'approved',
  refusal: (name) => `${name} is neither a Designated Safeguarding Lead nor the headteacher or a leader. Only they can approve a pupil's device exception.`,
  hint: 'Only the DSL or the headteacher can approve.',
  failedAction: 'learner.exception_pin_failed',
});

async function mustFind(ctx: ServiceContext, exceptionId: number): Promise<LearnerExceptionRow> {
  const row = await findLearnerException(ctx.db, exceptionId);
  if (!row) throw new CommandError('not_found', 'That exception could not be found. Refresh the list.');
  return row;
}

/**
 * Records a pupil's device exception. Whoever unlocked the console (usually the office), the headteacher or
 * DSL who approved types their own PIN now, as for a visitor's device: the record says who decided. It is
 * not in force until the written agreement is signed (recordExceptionSigned); what it says is then fixed.
 */
export async function recordException(ctx: PinContext, input: ParsedInput<'learner.recordException'>): Promise<LearnerExceptionView> {
  const recordedBy = actingStaffId(ctx);
  return asDecider(ctx, input.approvedBy, APPROVER, async (approver, approverCtx) => {
    const { day, key } = await checkPupilDays(ctx, input, 'exception', overlappingLearnerException);
    const id = await insertLearnerException(ctx.db, {
      pupilName: input.pupilName,
      pupilKey: key,
      classGroup: input.classGroup,
      deviceKind: input.deviceKind,
      deviceDescription: input.deviceDescription,
      reason: input.reason,
      permittedUse: input.permittedUse,
      expectations: input.expectations,
      sanctions: input.sanctions,
      validFrom: input.validFrom,
      validUntil: input.validUntil,
      approvedBy: approver.id,
      recordedAt: nowIso(ctx),
      recordedBy,
    });
    // No name in the entry: the trail is kept for good, and retention removes the pupil's name from the record.
    await audit(approverCtx, 'learner.record_exception', 'learner_exception', id, {
      deviceKind: input.deviceKind, validFrom: input.validFrom, validUntil: input.validUntil, atConsoleOf: recordedBy,
    });
    return toLearnerExceptionView((await findLearnerException(ctx.db, id))!, day);
  });
}

/**
 * Records the written agreement as signed by the pupil and a parent or carer, from the paper: from then on
 * the exception is in force for its days. Once only; never for a day still to come or before it was recorded.
 */
export function recordExceptionSigned(ctx: ServiceContext, input: ParsedInput<'learner.recordExceptionSigned'>): Promise<LearnerExceptionView> {
  const by = actingStaffId(ctx);
  return ctx.db.transaction(async () => {
    const row = await mustFind(ctx, input.exceptionId);
    const day = today(ctx);
    refuseSigning({
      paper: 'agreement', record: 'exception', signedOn: row.signed_on, signatureRecordedBy: row.signatures_recorded_by_name,
      endedAt: row.ended_at, validUntil: row.valid_until, recordedAt: row.recorded_at,
    }, input.signedOn, day);
    if (!await recordSignatures(ctx.db, row.id, {
      signedOn: input.signedOn, learnerName: input.learnerName, parentName: input.parentName, parentRelationship: input.parentRelationship,
      at: nowIso(ctx), by,
    })) {
      throw new CommandError('conflict', 'That agreement was recorded as signed a moment ago. Refresh the list.');
    }
    await audit(ctx, 'learner.record_exception_signed', 'learner_exception', row.id, { signedOn: input.signedOn });
    return toLearnerExceptionView((await findLearnerException(ctx.db, row.id))!, day);
  });
}

/** Ends an exception (the need has passed, the device was misused), with the reason: the DSL or headteacher's call. */
export function endException(ctx: ServiceContext, input: ParsedInput<'learner.endException'>): Promise<LearnerExceptionView> {
  const by = actingStaffId(ctx);
  return ctx.db.transaction(async () => {
    const row = await mustFind(ctx, input.exceptionId);
    const day = today(ctx);
    if (row.ended_at !== null) {
      throw new CommandError('conflict', `That exception was already ended by ${row.ended_by_name ?? 'someone'} on ${formatDate(row.ended_at)}.`);
    }
    if (row.valid_until < day) throw new CommandError('conflict', `That exception already ran out on ${formatDay(row.valid_until)}.`);
    if (!await endLearnerException(ctx.db, row.id, { at: nowIso(ctx), by, reason: input.reason })) {
      throw new CommandError('conflict', 'That exception was ended a moment ago. Refresh the list.');
    }
    await audit(ctx, 'learner.end_exception', 'learner_exception', row.id, {});
    return toLearnerExceptionView((await findLearnerException(ctx.db, row.id))!, day);
  });
}

/** Every exception, and who may approve one: the active DSLs and heads. */
export async function listAllExceptions(ctx: ServiceContext): Promise<{ exceptions: LearnerExceptionView[]; approvers: ExceptionApprover[] }> {
  const day = today(ctx);
  const approvers = (await listActiveStaff(ctx.db))
    .filter((s) => s.roles.includes('dsl') || s.roles.includes('head'))
    .map((s) => ({ staffId: s.id, displayName: s.displayName }));
  return { exceptions: (await listLearnerExceptions(ctx.db, day)).map((r) => toLearnerExceptionView(r, day)), approvers };
}

/** Exceptions approved but not yet signed, so not yet in force: what the DSL's inbox lists. */
export async function exceptionsAwaitingSignatures(ctx: ServiceContext): Promise<LearnerExceptionView[]> {
  const day = today(ctx);
  return (await listLearnerExceptionsAwaitingSignatures(ctx.db, day)).map((r) => toLearnerExceptionView(r, day));
}

/** The exceptions of the pupil with this name, for the Log items page (beside their agreements). */
export async function exceptionsForPupil(ctx: ServiceContext, pupilName: string): Promise<LearnerExceptionView[]> {
  const day = today(ctx);
  return (await learnerExceptionsForPupil(ctx.db, pupilKey(pupilName), day)).map((r) => toLearnerExceptionView(r, day));
}

/** The written agreement on A4, kept and printed: for the pupil and a parent or carer to sign, or a signed copy. */
export async function printExceptionAgreement(ctx: OutputContext, exceptionId: number): Promise<{ print: PrintStatus }> {
  const row = await mustFind(ctx, exceptionId);
  if (row.pupil_key === `removed:${row.id}`) {
    throw new CommandError('conflict', "This exception is past the retention period: the pupil's details were removed, so there is nothing to print.");
  }
  const at = nowIso(ctx);
  const exception = toLearnerExceptionView(row, ukDay(at));
  const pdf = await buildExceptionAgreementPdf({ settingName: await readSetting(ctx.db, 'setting.name') ?? 'Safe Hands', exception, printedAt: at });
  const print = await keepAndPrint(
    ctx,
    pdf,
    { folder: EXCEPTION_AGREEMENT_FOLDER, fileName: `learner-exception-${row.id}.pdf` },
    { name: await readSetting(ctx.db, 'printing.a4Printer'), purpose: 'A4 documents' },
  );
  return { print: withNameWarning(print, [row.pupil_name, row.signed_by_learner ?? '', row.signed_by_parent ?? ''], 'agreement') };
}
