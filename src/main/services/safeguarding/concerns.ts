import type { ParsedInput } from '../../../shared/contract/index.js';
import type { ConcernView } from '../../../shared/domain/concerns.js';
import { inTransaction } from '../../db/connection.js';
import { findConcern, insertConcern, listConcerns, recordConcernReview } from '../../db/repositories/concern-repo.js';
import { findVisit } from '../../db/repositories/visit-repo.js';
import { CommandError } from '../../core/command-error.js';
import { actingStaffId, audit, nowIso, type ServiceContext } from '../../core/context.js';

/** Concern details are for the DSL and administrators; other staff see only what they wrote themselves. */
function seesAllConcerns(ctx: ServiceContext): boolean {
  return ctx.actor.roles.includes('dsl') || ctx.actor.roles.includes('admin');
}

export function raiseConcern(ctx: ServiceContext, input: ParsedInput<'concern.raise'>): ConcernView {
  const by = actingStaffId(ctx);
  return inTransaction(ctx.db, () => {
    const visitId = input.visitId ?? null;
    if (visitId !== null && !findVisit(ctx.db, visitId)) throw new CommandError('not_found', 'That visit could not be found.');
    const id = insertConcern(ctx.db, { ...input, visitId, raisedAt: nowIso(ctx), raisedBy: by });
    // The audit says a concern was raised and by whom; its details stay in the concern, where access is limited.
    audit(ctx, 'concern.raise', 'concern', id, { aboutType: input.aboutType, visitId });
    return findConcern(ctx.db, id)!;
  });
}

export function listVisibleConcerns(ctx: ServiceContext): { concerns: ConcernView[] } {
  return { concerns: listConcerns(ctx.db, seesAllConcerns(ctx) ? null : actingStaffId(ctx)) };
}

export function reviewConcern(ctx: ServiceContext, input: ParsedInput<'concern.review'>): ConcernView {
  const by = actingStaffId(ctx);
  return inTransaction(ctx.db, () => {
    const concern = findConcern(ctx.db, input.concernId);
    if (!concern) throw new CommandError('not_found', 'That concern could not be found.');
    const status = input.close ? 'closed' : 'reviewed';
    if (!recordConcernReview(ctx.db, concern.concernId, { outcome: input.outcome, status, at: nowIso(ctx), by })) {
      throw new CommandError('conflict', 'That concern is already closed. Raise a new concern if something else has happened.');
    }
    audit(ctx, 'concern.review', 'concern', concern.concernId, { status });
    return findConcern(ctx.db, concern.concernId)!;
  });
}
