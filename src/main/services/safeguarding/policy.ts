import type { ParsedInput, PolicyDetail, Reminder, ReviewStatus } from '../../../shared/contract/index.js';
import { formatDate } from '../../../shared/domain/time.js';
import { currentPolicy, insertPolicyVersion, insertReview, latestReview, listPolicyVersions } from '../../db/repositories/policy-repo.js';
import { CommandError } from '../../core/command-error.js';
import { actingStaffId, audit, nowIso, type ServiceContext } from '../../core/context.js';
import { oneYearOn } from '../admin/setup.js';

/** How far ahead the console starts reminding that a review is coming. */
const DUE_SOON_DAYS = 30;

function endOfDayUtc(date: string): string {
  return `${date}T23:59:59.000Z`;
}

async function reviewDueOf(ctx: ServiceContext, policyId: number, versionReviewDue: string): Promise<string> {
  return (await latestReview(ctx.db, policyId))?.next_review_due ?? versionReviewDue;
}

export function reviewStatus(dueAt: string, now: Date): ReviewStatus {
  const due = new Date(dueAt).getTime();
  if (due < now.getTime()) return 'overdue';
  return due - now.getTime() <= DUE_SOON_DAYS * 86_400_000 ? 'due_soon' : 'ok';
}

async function requireCurrent(ctx: ServiceContext) {
  const policy = await currentPolicy(ctx.db);
  if (!policy) throw new CommandError('not_set_up', 'No expectations text has been set up yet.');
  return policy;
}

export async function policyDetail(ctx: ServiceContext): Promise<PolicyDetail> {
  const policy = await requireCurrent(ctx);
  const versions = await listPolicyVersions(ctx.db);
  const review = await latestReview(ctx.db, policy.id);
  const dueAt = await reviewDueOf(ctx, policy.id, policy.reviewDue);
  return {
    current: {
      versionId: policy.id,
      version: policy.version,
      title: policy.title,
      summary: policy.summary,
      fullText: policy.fullText,
      createdAt: policy.createdAt,
      createdBy: versions.find((v) => v.id === policy.id)?.created_by_name ?? null,
    },
    reviewDue: dueAt,
    reviewStatus: reviewStatus(dueAt, ctx.clock.now()),
    lastReview: review ? { reviewedAt: review.reviewed_at, reviewedBy: review.reviewed_by_name, note: review.note } : null,
    versions: versions.map((v) => ({
      versionId: v.id, version: v.version, title: v.title, createdAt: v.created_at, createdBy: v.created_by_name, acknowledgements: v.acknowledgements,
    })),
  };
}

/**
 * Saving the expectations makes a new version; every earlier acknowledgement keeps pointing at the
 * version that visitor was shown, and returning visitors are asked to read the new one.
 */
export function publishPolicy(ctx: ServiceContext, input: ParsedInput<'policy.publish'>): Promise<PolicyDetail> {
  const by = actingStaffId(ctx);
  return ctx.db.transaction(async () => {
    const at = nowIso(ctx);
    const reviewDue = input.reviewDue ? endOfDayUtc(input.reviewDue) : oneYearOn(at);
    if (reviewDue <= at) throw new CommandError('invalid_input', 'The review date must be in the future.', { reviewDue: 'The review date must be in the future.' });
    const created = await insertPolicyVersion(ctx.db, { title: input.title, summary: input.summary, fullText: input.fullText, reviewDue, createdAt: at, createdBy: by });
    await audit(ctx, 'policy.publish', 'policy_version', created.id, { version: created.version, reviewDue });
    return policyDetail(ctx);
  });
}

/** A review that found nothing to change: recorded, and the next one scheduled. */
export function recordPolicyReview(ctx: ServiceContext, input: ParsedInput<'policy.recordReview'>): Promise<PolicyDetail> {
  const by = actingStaffId(ctx);
  return ctx.db.transaction(async () => {
    const policy = await requireCurrent(ctx);
    const at = nowIso(ctx);
    const nextReviewDue = input.nextReviewDue ? endOfDayUtc(input.nextReviewDue) : oneYearOn(at);
    if (nextReviewDue <= at) {
      throw new CommandError('invalid_input', 'The next review date must be in the future.', { nextReviewDue: 'The next review date must be in the future.' });
    }
    const reviewId = await insertReview(ctx.db, { policyVersionId: policy.id, reviewedAt: at, reviewedBy: by, note: input.note, nextReviewDue });
    await audit(ctx, 'policy.review', 'policy_version', policy.id, { reviewId, nextReviewDue });
    return policyDetail(ctx);
  });
}

/** What the console should remind this staff member about: the annual review is for the DSL and admin. */
export async function reminders(ctx: ServiceContext): Promise<{ reminders: Reminder[] }> {
  if (!ctx.actor.roles.some((r) => r === 'dsl' || r === 'admin')) return { reminders: [] };
  const policy = await currentPolicy(ctx.db);
  if (!policy) return { reminders: [] };
  const dueAt = await reviewDueOf(ctx, policy.id, policy.reviewDue);
  const status = reviewStatus(dueAt, ctx.clock.now());
  if (status === 'ok') return { reminders: [] };
  const message = status === 'overdue'
    ? `The visitor expectations were due for their annual review on ${formatDate(dueAt)}. Review them now.`
    : `The visitor expectations are due for their annual review by ${formatDate(dueAt)}.`;
  return { reminders: [{ kind: 'policy_review', message, status, dueAt }] };
}
