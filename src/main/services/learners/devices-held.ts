import type { HeldPupilDevice, LearnersOutputs } from '../../../shared/contract/learners.js';
import { ukDay } from '../../../shared/domain/time.js';
import { receiptsInSafe } from '../../db/repositories/custody-repo.js';
import { nowIso, type ServiceContext } from '../../core/context.js';
import { readSetting } from '../admin/settings-store.js';
import { heldPastEndOfDay } from '../custody/safe-views.js';
import { earlyReleaseAgreers } from './confiscation.js';
import { toReceiptViews } from '../custody/receipt-view.js';

const byName = new Intl.Collator('en-GB', { sensitivity: 'base', numeric: true });

/**
 * Pupils' devices in the safe now, one entry per receipt (the morning queue makes one receipt per pupil).
 * A device held for the day and still here on a later UK day is flagged "not collected"; whether it is past
 * the end of the day is the end-of-day report's rule, so the two screens never disagree.
 */
export async function devicesHeld(ctx: ServiceContext): Promise<LearnersOutputs['learner.devicesHeld']> {
  const now = nowIso(ctx);
  const today = ukDay(now);
  const endOfDay = await readSetting(ctx.db, 'day.endTime');
  const rows = (await receiptsInSafe(ctx.db)).filter((r) => r.owner_type === 'learner');
  const held: HeldPupilDevice[] = (await toReceiptViews(ctx.db, rows)).map((receipt, index) => {
    const row = rows[index]!;
    const items = receipt.items.filter((i) => i.state === 'in_safe');
    const handedInAt = items.reduce((first, i) => (i.loggedAt < first ? i.loggedAt : first), items[0]?.loggedAt ?? receipt.createdAt);
    const handedInDay = ukDay(handedInAt);
    return {
      receiptId: receipt.receiptId,
      receiptNumber: receipt.receiptNumber,
      pupilName: receipt.ownerName,
      classGroup: row.learner_group,
      reason: items.some((i) => i.reason === 'confiscated') ? 'confiscated' : 'learner_day',
      items,
      handedInAt,
      notCollectedSince: handedInDay < today ? handedInDay : null,
      pastEndOfDay: items.some((i) => heldPastEndOfDay(i.loggedAt, now, endOfDay)),
    };
  });
  const forTheDay = held
    .filter((h) => h.reason === 'learner_day')
    .sort((a, b) =>
      Number(b.notCollectedSince !== null) - Number(a.notCollectedSince !== null)
      || (a.notCollectedSince !== null ? a.handedInAt.localeCompare(b.handedInAt) : 0)
      || byName.compare(a.pupilName, b.pupilName)
      || byName.compare(a.classGroup ?? '', b.classGroup ?? '')
      || a.receiptId - b.receiptId);
  const confiscated = held.filter((h) => h.reason === 'confiscated').sort((a, b) => a.handedInAt.localeCompare(b.handedInAt) || a.receiptId - b.receiptId);
  return { forTheDay, confiscated, endOfDay, earlyAgreers: await earlyReleaseAgreers(ctx) };
}
