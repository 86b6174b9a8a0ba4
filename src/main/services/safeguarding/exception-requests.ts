import type { ParsedInput } from '../../../shared/contract/index.js';
import { REQUEST_AT_SIGN_IN_MINUTES, type ExceptionRequestView } from '../../../shared/domain/exception-requests.js';
import { fullName } from '../../../shared/domain/names.js';
import { VISITOR_TYPE_LABELS } from '../../../shared/domain/visitors.js';
import {
  decideExceptionRequest, findExceptionRequest, insertExceptionRequest, openExceptionRequestOf, openExceptionRequests, type OpenRequestRow,
} from '../../db/repositories/exception-request-repo.js';
import { findVisit } from '../../db/repositories/visit-repo.js';
import { CommandError } from '../../core/command-error.js';
import { actingStaffId, audit, nowIso, type ServiceContext } from '../../core/context.js';

/** What the kiosk says when it may not ask for this visit: the same words whatever the reason, so it learns nothing. */
const ASK_AT_THE_OFFICE = 'Please ask at the office if you need to keep a device.';

/**
 * The visitor who has just signed in asks to keep a device for their work. Only for a visit still on site
 * that signed in within the last few minutes (the public kiosk must not ask on behalf of everyone signed in
 * since the morning), and one request waiting per visit. The purpose stays out of the audit entry: it is the
 * visitor's words, which retention removes from the request itself.
 */
export function requestException(ctx: ServiceContext, input: ParsedInput<'exceptionRequest.request'>): Promise<{ requested: true }> {
  return ctx.db.transaction(async () => {
    const visit = await findVisit(ctx.db, input.visitId);
    const signedIn = visit ? Date.parse(visit.signed_in_at) : Number.NaN;
    if (!visit || visit.signed_out_at !== null || !(ctx.clock.now().getTime() - signedIn <= REQUEST_AT_SIGN_IN_MINUTES * 60_000)) {
      throw new CommandError('conflict', ASK_AT_THE_OFFICE);
    }
    if (await openExceptionRequestOf(ctx.db, visit.id)) {
      throw new CommandError('conflict', 'You have already asked to keep a device. The Designated Safeguarding Lead will decide; please ask at the office if you need anything else.');
    }
    const id = await insertExceptionRequest(ctx.db, { visitId: visit.id, deviceKind: input.deviceKind, purpose: input.purpose, requestedAt: nowIso(ctx) });
    await audit(ctx, 'exceptionRequest.request', 'exception_request', id, { visitId: visit.id, deviceKind: input.deviceKind });
    return { requested: true };
  });
}

/** "Inspector · Ofsted · visiting Mrs Patel": who asked, as the on-site list describes a visitor. */
function visitorDetail(r: OpenRequestRow): string {
  return [VISITOR_TYPE_LABELS[r.visitor_type], r.organisation, `visiting ${r.visiting}`].filter(Boolean).join(' · ');
}

export async function listOpenExceptionRequests(ctx: ServiceContext): Promise<{ requests: ExceptionRequestView[] }> {
  return {
    requests: (await openExceptionRequests(ctx.db)).map((r) => ({
      requestId: r.id,
      visitId: r.visit_id,
      visitorName: fullName({ firstName: r.first_name, lastName: r.last_name, familyNameFirst: r.family_name_first === 1 }),
      visitorDetail: visitorDetail(r),
      deviceKind: r.device_kind,
      purpose: r.purpose,
      requestedAt: r.requested_at,
    })),
  };
}

/**
 * A waiting request, for a decision now: refused once decided, or once the visitor has gone (the request
 * lapsed with the visit). Call inside the transaction that decides it.
 */
export async function requestToDecide(ctx: ServiceContext, requestId: number): Promise<{ id: number; visitId: number }> {
  const request = await findExceptionRequest(ctx.db, requestId);
  if (!request) throw new CommandError('not_found', 'That request could not be found. Refresh the inbox.');
  if (request.decision !== null) {
    throw new CommandError('conflict', `That request has already been ${request.decision}. Refresh the inbox.`);
  }
  if ((await findVisit(ctx.db, request.visit_id))?.signed_out_at !== null) {
    throw new CommandError('conflict', 'That visitor has already signed out, so there is nothing left to decide.');
  }
  return { id: request.id, visitId: request.visit_id };
}

/** The DSL says no, with a reason: the device stays in the safe until the visitor leaves. */
export function declineExceptionRequest(ctx: ServiceContext, input: ParsedInput<'exceptionRequest.decline'>): Promise<{ declined: true }> {
  const by = actingStaffId(ctx);
  return ctx.db.transaction(async () => {
    const request = await requestToDecide(ctx, input.requestId);
    await decideExceptionRequest(ctx.db, request.id, { decision: 'declined', reason: input.reason, by, at: nowIso(ctx) });
    await audit(ctx, 'exceptionRequest.decline', 'exception_request', request.id, { visitId: request.visitId });
    return { declined: true };
  });
}

/**
 * Closes the request an approval answers, in the approval's own transaction: it must be this visit's, and
 * still waiting. `by` is the DSL who approved.
 */
export async function closeRequestByApproval(ctx: ServiceContext, requestId: number, visitId: number, approval: { exceptionId: number; by: number; at: string }): Promise<void> {
  const request = await requestToDecide(ctx, requestId);
  if (request.visitId !== visitId) {
    throw new CommandError('invalid_input', 'That request was made by another visitor. Open the approval from the inbox again.', { requestId: 'That request is for another visit.' });
  }
  await decideExceptionRequest(ctx.db, request.id, { decision: 'approved', exceptionId: approval.exceptionId, by: approval.by, at: approval.at });
}
