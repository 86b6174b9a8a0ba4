import type { ParsedInput } from '../../../shared/contract/index.js';
import type { ConcernView } from '../../../shared/domain/concerns.js';
import { concernRaisedBy, findConcern, insertConcern, listConcerns, recordConcernReview } from '../../db/repositories/concern-repo.js';
import { findVisit } from '../../db/repositories/visit-repo.js';
import { CommandError } from '../../core/command-error.js';
import { actingStaffId, audit, nowIso, type ServiceContext } from '../../core/context.js';

/** Concern details are for the DSL and administrators; other staff see only what they wrote themselves. */
export function seesAllConcerns(ctx: ServiceContext): boolean {
  return ctx.actor.roles.includes('dsl') || ctx.actor.roles.includes('admin');
}

/**
 * A concern as the acting person may see it. Staff who raised it see what they wrote and what the DSL made
 * of it, but not the LADO's or the police's part of an allegation (confidential to those handling it) nor
 * why the DSL decided the parents are not to be told: only that they are not, so nobody tells them by mistake.
 */
export function asSeenBy(ctx: ServiceContext, concern: ConcernView): ConcernView {
  if (seesAllConcerns(ctx)) return concern;
  return {
    ...concern,
    parentsInformed: concern.parentsInformed.map((p) => (p.informed ? p : { ...p, reason: null })),
    ladoReferral: null,
    policeContacts: [],
  };
}

/** The concern, if the acting person may see it; one they may not is "not found", as it is in their list. */
export async function visibleConcern(ctx: ServiceContext, concernId: number): Promise<ConcernView> {
  const concern = await findConcern(ctx.db, concernId);
  const mine = concern !== undefined && await concernRaisedBy(ctx.db, concernId) === ctx.actor.staffId;
  if (!concern || !(seesAllConcerns(ctx) || mine)) throw new CommandError('not_found', 'That concern could not be found.');
  return concern;
}

export function raiseConcern(ctx: ServiceContext, input: ParsedInput<'concern.raise'>): Promise<ConcernView> {
  const by = actingStaffId(ctx);
  return ctx.db.transaction(async () => {
    const visitId = input.visitId ?? null;
    if (visitId !== null && !await findVisit(ctx.db, visitId)) throw new CommandError('not_found', 'That visit could not be found.');
    const id = await insertConcern(ctx.db, { ...input, visitId, raisedAt: nowIso(ctx), raisedBy: by });
    // The audit says a concern was raised and by whom; its details stay in the concern, where access is limited.
    await audit(ctx, 'concern.raise', 'concern', id, { aboutType: input.aboutType, visitId });
    return asSeenBy(ctx, (await findConcern(ctx.db, id))!);
  });
}

export async function listVisibleConcerns(ctx: ServiceContext): Promise<{ concerns: ConcernView[] }> {
  return { concerns: (await listConcerns(ctx.db, seesAllConcerns(ctx) ? null : actingStaffId(ctx))).map((c) => asSeenBy(ctx, c)) };
}

export function reviewConcern(ctx: ServiceContext, input: ParsedInput<'concern.review'>): Promise<ConcernView> {
  const by = actingStaffId(ctx);
  return ctx.db.transaction(async () => {
    const concern = await findConcern(ctx.db, input.concernId);
    if (!concern) throw new CommandError('not_found', 'That concern could not be found.');
    const status = input.close ? 'closed' : 'reviewed';
    if (!await recordConcernReview(ctx.db, concern.concernId, { outcome: input.outcome, status, at: nowIso(ctx), by })) {
      throw new CommandError('conflict', 'That concern is already closed. Raise a new concern if something else has happened.');
    }
    await audit(ctx, 'concern.review', 'concern', concern.concernId, { status });
    return (await findConcern(ctx.db, concern.concernId))!;
  });
}
