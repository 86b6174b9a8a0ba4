import type { ParsedInput } from '../../../shared/contract.js';
import type { ExceptionView } from '../../../shared/domain/exceptions.js';
import { inTransaction } from '../../db/connection.js';
import { findBookingBy } from '../../db/repositories/booking-repo.js';
import { exceptionsFor, findException, insertException, revokeException } from '../../db/repositories/exception-repo.js';
import { findStaff } from '../../db/repositories/staff-repo.js';
import { findVisit } from '../../db/repositories/visit-repo.js';
import { CommandError } from '../command-error.js';
import { actingStaffId, audit, nowIso, type ServiceContext } from '../context.js';
import { verifyStaffPin } from '../staff-auth.js';
import { toExceptionView } from './exception-state.js';

function checkTarget(ctx: ServiceContext, target: ParsedInput<'exception.approve'>['target']): void {
  if (target.type === 'visit') {
    const visit = findVisit(ctx.db, target.visitId);
    if (!visit) throw new CommandError('not_found', 'That visit could not be found. Refresh the console.');
    if (visit.signed_out_at !== null) throw new CommandError('conflict', 'That visitor has already signed out.');
    return;
  }
  const booking = findBookingBy(ctx.db, 'id', target.bookingId);
  if (!booking) throw new CommandError('not_found', 'That booking could not be found.');
  if (booking.status === 'cancelled') throw new CommandError('conflict', 'That booking was cancelled.');
  if (booking.status === 'arrived') throw new CommandError('conflict', 'That visitor has arrived: approve the exception for their visit instead.');
}

/**
 * A DSL approves a visitor keeping a device. The approver proves who they are with their PIN at this
 * moment, even at a console someone else unlocked; the approval and its risk assessment are then fixed.
 */
export function approveException(ctx: ServiceContext, input: ParsedInput<'exception.approve'>): ExceptionView {
  const sessionOf = actingStaffId(ctx);
  const approver = findStaff(ctx.db, input.approver.staffId);
  if (!approver || !approver.active) throw new CommandError('not_found', 'That approver could not be found.');
  if (!approver.roles.includes('dsl')) {
    throw new CommandError('forbidden', `${approver.displayName} is not a Designated Safeguarding Lead. Only a DSL can approve device use.`, { 'approver.staffId': 'Only a DSL can approve.' });
  }
  verifyStaffPin(ctx, approver, input.approver.pin);
  const approverCtx = { ...ctx, actor: { staffId: approver.id, label: approver.displayName, roles: approver.roles } };
  return inTransaction(ctx.db, () => {
    checkTarget(ctx, input.target);
    const at = nowIso(ctx);
    const validFrom = input.validFrom ? new Date(input.validFrom).toISOString() : at;
    const validUntil = input.validUntil ? new Date(input.validUntil).toISOString() : null;
    if (validUntil !== null && validUntil <= at) {
      throw new CommandError('invalid_input', 'The end of the approval is already in the past.', { validUntil: 'The end is already in the past.' });
    }
    const id = insertException(ctx.db, {
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
    });
    audit(approverCtx, 'exception.approve', 'device_exception', id, { target: input.target, purpose: input.purpose, validUntil, atConsoleOf: sessionOf });
    return toExceptionView(findException(ctx.db, id)!, at);
  });
}

export function revokeExceptionById(ctx: ServiceContext, input: ParsedInput<'exception.revoke'>): ExceptionView {
  const by = actingStaffId(ctx);
  return inTransaction(ctx.db, () => {
    const row = findException(ctx.db, input.exceptionId);
    if (!row) throw new CommandError('not_found', 'That exception could not be found.');
    const at = nowIso(ctx);
    if (!revokeException(ctx.db, row.id, { at, by, reason: input.reason })) {
      throw new CommandError('conflict', `That approval was already revoked by ${row.revoked_by_name}.`);
    }
    audit(ctx, 'exception.revoke', 'device_exception', row.id, {});
    return toExceptionView(findException(ctx.db, row.id)!, at);
  });
}

export function listExceptions(ctx: ServiceContext, input: ParsedInput<'exception.list'>): { exceptions: ExceptionView[] } {
  const now = nowIso(ctx);
  return { exceptions: exceptionsFor(ctx.db, input).map((r) => toExceptionView(r, now)) };
}
