import type { ParsedInput } from '../../../shared/contract/index.js';
import { CONCERN_SUBJECT_LABELS, type ConcernView } from '../../../shared/domain/concerns.js';
import { formatDay, ukDay, ukTime } from '../../../shared/domain/time.js';
import { findConcern } from '../../db/repositories/concern-repo.js';
import {
  findLadoReferral, insertDebrief, insertLadoReferral, insertParentsInformed, insertParentsNotInformed, insertPoliceContact,
  parentsNotToBeTold, recordLadoOutcome,
} from '../../db/repositories/concern-follow-up-repo.js';
import { CommandError } from '../../core/command-error.js';
import { actingStaffId, audit, nowIso, type ServiceContext } from '../../core/context.js';
import { asSeenBy, visibleConcern } from './concerns.js';

/**
 * What follows a concern, as both policies ask (nursery §7, school §8; allegations, §4 of both): telling the
 * parents or carers, the debrief once it is closed, and for an allegation against a member of staff the LADO
 * referral and any police contact. Each write is one transaction with its audit entry; the audit names only
 * what kind of record was added, as the details stay with the concern, where access is limited.
 *
 * Roles: recording that the parents were told is a fact, and often the person who rang them is the teacher
 * who raised the concern, so anyone who may see the concern may record it. Everything else is a decision the
 * DSL owns (the contract gives those commands the DSL role): whether telling the parents would put a child
 * at risk, what was learnt, and whether to involve the LADO or the police.
 */

function isDsl(ctx: ServiceContext): boolean {
  return ctx.actor.roles.includes('dsl');
}

function refuse(field: string, message: string): never {
  throw new CommandError('invalid_input', message, { [field]: message });
}

/** A day (and a time on it, if given) that has not come yet on the UK clock is refused: these record what happened. */
function refuseFuture(ctx: ServiceContext, day: { field: string; value: string; what: string }, time?: { field: string; value: string | null }): void {
  const now = nowIso(ctx);
  const today = ukDay(now);
  if (day.value > today) refuse(day.field, `${day.what} cannot be in the future.`);
  if (time?.value != null && day.value === today && time.value > ukTime(now)) refuse(time.field, `That time has not come yet today (it is ${ukTime(now)} now).`);
}

async function saved(ctx: ServiceContext, concernId: number): Promise<ConcernView> {
  return asSeenBy(ctx, (await findConcern(ctx.db, concernId))!);
}

export function recordParentsInformed(ctx: ServiceContext, input: ParsedInput<'concern.recordParentsInformed'>): Promise<ConcernView> {
  const by = actingStaffId(ctx);
  return ctx.db.transaction(async () => {
    const concern = await visibleConcern(ctx, input.concernId);
    // In an allegation against staff, what the parents are told is agreed with the LADO, so the DSL records it.
    if (concern.aboutType === 'staff' && !isDsl(ctx)) {
      throw new CommandError('forbidden', 'This concern is about a member of staff: what the parents or carers are told is agreed with the LADO, so the DSL records it.');
    }
    // A decision not to tell them protects a child; only the DSL can replace it.
    if (await parentsNotToBeTold(ctx.db, concern.concernId) && !isDsl(ctx)) {
      throw new CommandError('forbidden', 'The DSL has decided the parents or carers are not to be told for now. Speak to the DSL first.');
    }
    refuseFuture(ctx, { field: 'informedOn', value: input.informedOn, what: 'The day they were told' }, { field: 'informedTime', value: input.informedTime ?? null });
    await insertParentsInformed(ctx.db, {
      concernId: concern.concernId, informedOn: input.informedOn, informedTime: input.informedTime ?? null, informedBy: input.informedBy,
      whoWasTold: input.whoWasTold, at: nowIso(ctx), by,
    });
    await audit(ctx, 'concern.recordParentsInformed', 'concern', concern.concernId, { informed: true });
    return saved(ctx, concern.concernId);
  });
}

export function recordParentsNotInformed(ctx: ServiceContext, input: ParsedInput<'concern.recordParentsNotInformed'>): Promise<ConcernView> {
  const by = actingStaffId(ctx);
  return ctx.db.transaction(async () => {
    const concern = await visibleConcern(ctx, input.concernId);
    await insertParentsNotInformed(ctx.db, { concernId: concern.concernId, reason: input.reason, at: nowIso(ctx), by });
    await audit(ctx, 'concern.recordParentsNotInformed', 'concern', concern.concernId, { informed: false });
    return saved(ctx, concern.concernId);
  });
}

export function recordDebrief(ctx: ServiceContext, input: ParsedInput<'concern.recordDebrief'>): Promise<ConcernView> {
  const by = actingStaffId(ctx);
  return ctx.db.transaction(async () => {
    const concern = await visibleConcern(ctx, input.concernId);
    // The policies debrief "after any investigations are completed": the concern's closing says they are.
    if (concern.status !== 'closed') throw new CommandError('conflict', 'Close the concern first: the debrief is written once nothing more is to be done.');
    const id = await insertDebrief(ctx.db, { concernId: concern.concernId, lessonsLearnt: input.lessonsLearnt, practiceChange: input.practiceChange, at: nowIso(ctx), by });
    if (id === null) throw new CommandError('conflict', 'This concern already has its debrief.');
    await audit(ctx, 'concern.recordDebrief', 'concern', concern.concernId, {});
    return saved(ctx, concern.concernId);
  });
}

export function recordLadoReferral(ctx: ServiceContext, input: ParsedInput<'concern.recordLadoReferral'>): Promise<ConcernView> {
  const by = actingStaffId(ctx);
  return ctx.db.transaction(async () => {
    const concern = await visibleConcern(ctx, input.concernId);
    if (concern.aboutType !== 'staff') {
      throw new CommandError(
        'conflict',
        `A LADO referral is for a concern about a member of staff. This one is about ${CONCERN_SUBJECT_LABELS[concern.aboutType].toLowerCase()}.`,
      );
    }
    refuseFuture(ctx, { field: 'referredOn', value: input.referredOn, what: 'The day of the referral' });
    const id = await insertLadoReferral(ctx.db, { concernId: concern.concernId, referredOn: input.referredOn, ladoReference: input.ladoReference, at: nowIso(ctx), by });
    if (id === null) throw new CommandError('conflict', 'This concern has already been referred to the LADO. Record the outcome when it comes.');
    await audit(ctx, 'concern.recordLadoReferral', 'concern', concern.concernId, {});
    return saved(ctx, concern.concernId);
  });
}

export function recordLadoOutcomeFor(ctx: ServiceContext, input: ParsedInput<'concern.recordLadoOutcome'>): Promise<ConcernView> {
  const by = actingStaffId(ctx);
  return ctx.db.transaction(async () => {
    const concern = await visibleConcern(ctx, input.concernId);
    const referral = await findLadoReferral(ctx.db, concern.concernId);
    if (!referral) throw new CommandError('conflict', 'Record the LADO referral first.');
    if (referral.outcome !== null) throw new CommandError('conflict', 'The LADO outcome for this concern is already recorded.');
    refuseFuture(ctx, { field: 'outcomeOn', value: input.outcomeOn, what: 'The day of the outcome' });
    if (input.outcomeOn < referral.referredOn) refuse('outcomeOn', `The outcome cannot be before the referral (${formatDay(referral.referredOn)}).`);
    await recordLadoOutcome(ctx.db, referral.id, { outcome: input.outcome, outcomeOn: input.outcomeOn, note: input.note, at: nowIso(ctx), by });
    await audit(ctx, 'concern.recordLadoOutcome', 'concern', concern.concernId, {});
    return saved(ctx, concern.concernId);
  });
}

export function recordPoliceContact(ctx: ServiceContext, input: ParsedInput<'concern.recordPoliceContact'>): Promise<ConcernView> {
  const by = actingStaffId(ctx);
  return ctx.db.transaction(async () => {
    const concern = await visibleConcern(ctx, input.concernId);
    refuseFuture(ctx, { field: 'contactedOn', value: input.contactedOn, what: 'The day the police were contacted' });
    await insertPoliceContact(ctx.db, {
      concernId: concern.concernId, contactedOn: input.contactedOn, policeForce: input.policeForce, officer: input.officer,
      reference: input.reference, at: nowIso(ctx), by,
    });
    await audit(ctx, 'concern.recordPoliceContact', 'concern', concern.concernId, {});
    return saved(ctx, concern.concernId);
  });
}
