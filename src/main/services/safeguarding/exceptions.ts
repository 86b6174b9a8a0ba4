import type { ParsedInput } from '../../../shared/contract/index.js';
import type { ExceptionView } from '../../../shared/domain/exceptions.js';
import { findBookingBy } from '../../db/repositories/booking-repo.js';
import { exceptionsFor, findException, findExceptionByRecordToken, insertException, revokeException } from '../../db/repositories/exception-repo.js';
import { buildExceptionRecordPdf } from '../../documents/exception-record.js';
import type { PrintStatus } from '../../../shared/contract/index.js';
import { keepAndPrint, type OutputContext } from '../../documents/document-output.js';
import { withNameWarning } from '../../documents/name-warning.js';
import { readSetting } from '../admin/settings-store.js';
import { findVisit } from '../../db/repositories/visit-repo.js';
import { CommandError } from '../../core/command-error.js';
import { actingStaffId, audit, nowIso, type ServiceContext } from '../../core/context.js';
import { asDecider, type DeciderRule } from '../staff/decider-pin.js';
import type { PinContext } from '../staff/pin-pepper.js';
import type { UsableStaff } from '../staff/staff-auth.js';
import { newReceiptToken } from '../custody/receipt-token.js';
import { toExceptionView } from './exception-state.js';
import { closeRequestByApproval } from './exception-requests.js';

async function checkTarget(ctx: ServiceContext, target: ParsedInput<'exception.approve'>['target']): Promise<void> {
  if (target.type === 'visit') {
    const visit = await findVisit(ctx.db, target.visitId);
    if (!visit) throw new CommandError('not_found', 'That visit could not be found. Refresh the console.');
    if (visit.signed_out_at !== null) throw new CommandError('conflict', 'That visitor has already signed out.');
    return;
  }
  const booking = await findBookingBy(ctx.db, 'id', target.bookingId);
  if (!booking) throw new CommandError('not_found', 'That booking could not be found.');
  if (booking.status === 'cancelled') throw new CommandError('conflict', 'That booking was cancelled.');
  if (booking.status === 'arrived') throw new CommandError('conflict', 'That visitor has arrived: approve the exception for their visit instead.');
}

/** Who may approve: an active DSL (checked before the PIN, and again when the approval is written). */
const approverOnly: UsableStaff = (approver) => {
  if (!approver || !approver.active) throw new CommandError('not_found', 'That approver could not be found.');
  if (!approver.roles.includes('dsl')) {
    throw new CommandError('forbidden', `${approver.displayName} is not a Designated Safeguarding Lead. Only a DSL can approve device use.`, { 'approver.staffId': 'Only a DSL can approve.' });
  }
  return approver;
};

/** A wrong PIN is counted as one at the lock screen (the approval form shows it under the PIN box itself). */
const APPROVING_DSL: DeciderRule = { usable: approverOnly, field: 'approver.pin' };

/**
 * A DSL approves a visitor keeping a device. The approver proves who they are with their PIN at this
 * moment, even at a console someone else unlocked; the approval and its risk assessment are then fixed.
 */
export async function approveException(ctx: PinContext, input: ParsedInput<'exception.approve'>): Promise<ExceptionView> {
  const sessionOf = actingStaffId(ctx);
  return asDecider(ctx, input.approver, APPROVING_DSL, async (approver, approverCtx) => {
    await checkTarget(ctx, input.target);
    if (input.requestId !== undefined && input.target.type !== 'visit') {
      throw new CommandError('invalid_input', "A visitor's request is answered with an approval for their visit.", { requestId: 'That request is for a visit, not a booking.' });
    }
    const at = nowIso(ctx);
    const validFrom = input.validFrom ? new Date(input.validFrom).toISOString() : at;
    const validUntil = input.validUntil ? new Date(input.validUntil).toISOString() : null;
    if (validUntil !== null && validUntil <= at) {
      throw new CommandError('invalid_input', 'The end of the approval is already in the past.', { validUntil: 'The end is already in the past.' });
    }
    const id = await insertException(ctx.db, {
      visitId: input.target.type === 'visit' ? input.target.visitId : null,
      bookingId: input.target.type === 'booking' ? input.target.bookingId : null,
      purpose: input.purpose,
      purposeDetail: input.purposeDetail,
      devicesJson: JSON.stringify(input.devices),
      permittedUse: input.permittedUse,
      permittedAreas: input.permittedAreas,
      conditions: input.conditions,
      riskChecklistJson: JSON.stringify(input.riskChecklist),
      riskNotes: input.riskNotes,
      validFrom,
      validUntil,
      approvedBy: approver.id,
      approvedAt: at,
      recordToken: newReceiptToken(),
    });
    // The visitor's request this answers is closed with it, or neither is recorded.
    if (input.requestId !== undefined && input.target.type === 'visit') {
      await closeRequestByApproval(ctx, input.requestId, input.target.visitId, { exceptionId: id, by: approver.id, at });
    }
    await audit(approverCtx, 'exception.approve', 'device_exception', id, {
      target: input.target, purpose: input.purpose, validUntil, atConsoleOf: sessionOf, ...(input.requestId !== undefined ? { requestId: input.requestId } : {}),
    });
    return toExceptionView((await findException(ctx.db, id))!, at);
  });
}

export function revokeExceptionById(ctx: ServiceContext, input: ParsedInput<'exception.revoke'>): Promise<ExceptionView> {
  const by = actingStaffId(ctx);
  return ctx.db.transaction(async () => {
    const row = await findException(ctx.db, input.exceptionId);
    if (!row) throw new CommandError('not_found', 'That exception could not be found.');
    const at = nowIso(ctx);
    if (!await revokeException(ctx.db, row.id, { at, by, reason: input.reason })) {
      throw new CommandError('conflict', `That approval was already revoked by ${row.revoked_by_name}.`);
    }
    await audit(ctx, 'exception.revoke', 'device_exception', row.id, {});
    return toExceptionView((await findException(ctx.db, row.id))!, at);
  });
}

/** The approval on A4, kept and printed, for the visitor to carry and the safeguarding file. */
export async function exceptionRecord(ctx: OutputContext, exceptionId: number): Promise<{ print: PrintStatus }> {
  const row = await findException(ctx.db, exceptionId);
  if (!row || !row.record_token) throw new CommandError('not_found', 'That exception could not be found.');
  const pdf = await buildExceptionRecordPdf({
    settingName: await readSetting(ctx.db, 'setting.name') ?? 'Safe Hands',
    visitorName: row.visitor_name ?? 'Visitor',
    exception: toExceptionView(row, nowIso(ctx)),
    recordToken: row.record_token,
  });
  const print = await keepAndPrint(ctx, pdf, { folder: 'exceptions', fileName: `exception-${row.id}.pdf` }, { name: await readSetting(ctx.db, 'printing.a4Printer'), purpose: 'A4 documents' });
  return { print: withNameWarning(print, [row.visitor_name ?? ''], 'record') };
}

/** A member of staff scans a visitor's exception record: is it genuine, and is it in force now? */
export async function lookupException(ctx: ServiceContext, code: string): Promise<ExceptionView & { visitorName: string | null }> {
  const row = await findExceptionByRecordToken(ctx.db, code);
  if (!row) throw new CommandError('not_found', 'This is not an approval Safe Hands knows. Treat the device as not approved and ask the DSL.');
  return { ...toExceptionView(row, nowIso(ctx)), visitorName: row.visitor_name };
}

export async function listExceptions(ctx: ServiceContext, input: ParsedInput<'exception.list'>): Promise<{ exceptions: ExceptionView[] }> {
  const now = nowIso(ctx);
  return { exceptions: (await exceptionsFor(ctx.db, input)).map((r) => toExceptionView(r, now)) };
}
