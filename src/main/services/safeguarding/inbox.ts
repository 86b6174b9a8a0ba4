import { CONCERN_SUBJECT_LABELS } from '../../../shared/domain/concerns.js';
import { DEVICE_KIND_LABELS } from '../../../shared/domain/devices.js';
import { INBOX_KINDS, type InboxItem } from '../../../shared/domain/inbox.js';
import { formatDateTime, formatDay } from '../../../shared/domain/time.js';
import { actingStaffId, type ServiceContext } from '../../core/context.js';
import { inSafe } from '../custody/safe-views.js';
import { listLadoAwaitingOutcome } from '../../db/repositories/concern-follow-up-repo.js';
import { listNewConcerns } from '../../db/repositories/concern-repo.js';
import { exceptionsAwaitingSignatures } from '../learners/exceptions.js';
import { seesAllConcerns } from './concerns.js';
import { reminders } from './policy.js';
import { aDevice } from '../../../shared/domain/exception-requests.js';
import { listOpenExceptionRequests } from './exception-requests.js';

/** "3 items", "Phone": what a held group is, in words. */
function heldWords(kinds: readonly string[]): string {
  if (kinds.length === 1) return DEVICE_KIND_LABELS[kinds[0] as keyof typeof DEVICE_KIND_LABELS] ?? 'An item';
  return `${kinds.length} items`;
}

/**
 * What waits for the DSL, gathered from the records themselves (nothing is stored for the inbox, so it can
 * never disagree with them): concerns not yet reviewed, visitors' requests to keep a device, LADO referrals without an outcome, pupils'
 * exceptions approved but not yet signed (so not in force), items still held
 * after the end of the day, and the expectations review when it is due soon or overdue. Grouped by kind in
 * INBOX_KINDS order; oldest first within a kind.
 */
export async function inboxItems(ctx: ServiceContext): Promise<{ items: InboxItem[] }> {
  const items: InboxItem[] = [];
  // Only what waits is read: new concerns and referrals without an outcome, never the closed concerns. As on
  // the concerns list, someone who does not see every concern sees only their own and no LADO referrals.
  const all = seesAllConcerns(ctx);
  for (const c of await listNewConcerns(ctx.db, all ? null : actingStaffId(ctx))) {
    items.push({
      kind: 'concern',
      key: `concern:${c.concernId}`,
      title: `${CONCERN_SUBJECT_LABELS[c.aboutType]}: ${c.aboutName}`,
      detail: `Raised by ${c.raisedBy} on ${formatDateTime(c.raisedAt)}${c.location ? ` · ${c.location}` : ''}`,
      since: c.raisedAt,
      opens: 'concerns',
    });
  }
  for (const referral of all ? await listLadoAwaitingOutcome(ctx.db) : []) {
    items.push({
      kind: 'lado_outcome',
      key: `lado:${referral.concernId}`,
      title: `${referral.aboutName}: referred to the LADO on ${formatDay(referral.referredOn)}`,
      detail: `LADO reference ${referral.ladoReference}. Record the outcome when it comes.`,
      since: referral.recordedAt,
      opens: 'concerns',
    });
  }
  // A visitor waits at reception, their device in the safe, until the DSL decides.
  for (const r of (await listOpenExceptionRequests(ctx)).requests) {
    items.push({
      kind: 'exception_request',
      key: `exception_request:${r.requestId}`,
      title: `${r.visitorName} asks to keep ${aDevice(r.deviceKind)}: ${r.purpose}`,
      detail: `${r.visitorDetail} · Asked at the kiosk on ${formatDateTime(r.requestedAt)}. The device goes in the safe until you decide.`,
      since: r.requestedAt,
      opens: 'approval',
      exceptionRequest: r,
    });
  }
  for (const e of await exceptionsAwaitingSignatures(ctx)) {
    items.push({
      kind: 'pupil_exception_unsigned',
      key: `pupil_exception:${e.exceptionId}`,
      title: `${e.pupilName} (${e.classGroup}): ${DEVICE_KIND_LABELS[e.deviceKind].toLowerCase()}, ${e.reason}`,
      detail: `Approved by ${e.approvedBy}. Not in force until the pupil and a parent or carer have signed the agreement.`,
      since: e.recordedAt,
      opens: 'pupilExceptions',
    });
  }
  for (const group of (await inSafe(ctx)).owners) {
    if (!group.pastEndOfDay) continue;
    const held = group.items.filter((i) => i.state === 'in_safe');
    items.push({
      kind: 'held_past_end_of_day',
      key: `held:${group.receipts.map((r) => r.receiptId).join('-')}`,
      title: `${heldWords(held.map((i) => i.kind))}: ${group.ownerName}`,
      detail: `${group.ownerDetail ? `${group.ownerDetail} · ` : ''}In the safe since ${formatDateTime(group.oldestLoggedAt)}`,
      since: group.oldestLoggedAt,
      // A confiscated device is released from its own page, not given back from the safe's.
      opens: held.some((i) => i.reason === 'confiscated') ? 'confiscated' : 'safe',
    });
  }
  for (const r of (await reminders(ctx)).reminders) {
    if (r.kind !== 'policy_review') continue;
    items.push({ kind: 'policy_review', key: 'policy_review', title: r.message, detail: null, since: r.dueAt, opens: 'expectations' });
  }
  const order = (k: InboxItem['kind']) => INBOX_KINDS.indexOf(k);
  return { items: items.sort((a, b) => order(a.kind) - order(b.kind) || a.since.localeCompare(b.since) || a.key.localeCompare(b.key)) };
}
