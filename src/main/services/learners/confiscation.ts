import type { ParsedInput, ReceiptView } from '../../../shared/contract/index.js';
import type { EarlyReleaseAgreer } from '../../../shared/contract/learners.js';
import { policeLine, releasedToLine } from '../../../shared/domain/confiscation.js';
import type { CustodyItemView } from '../../../shared/domain/custody.js';
import { insertPoliceHandover, insertRelease } from '../../db/repositories/confiscation-repo.js';
import { closeItem, findReceiptBy, itemsOfReceipts, type ReceiptRow } from '../../db/repositories/custody-repo.js';
import { listActiveStaff, type Staff } from '../../db/repositories/staff-repo.js';
import { CommandError } from '../../core/command-error.js';
import { actingStaffId, audit, nowIso, type ServiceContext } from '../../core/context.js';
import { readSetting } from '../admin/settings-store.js';
import { alreadyLeft, itemWords } from '../custody/release.js';
import { heldPastEndOfDay } from '../custody/safe-views.js';
import { toReceiptView } from '../custody/receipt-view.js';
import { asDecider, deciderRule } from '../staff/decider-pin.js';
import type { PinContext } from '../staff/pin-pepper.js';

/**
 * The receipt and the chosen items, each on it, confiscated and still in the safe. An item another desk
 * released a moment ago is refused with who it went to (alreadyLeft), and nothing is written.
 */
async function confiscatedInSafe(ctx: ServiceContext, receiptId: number, itemIds: readonly number[]): Promise<{ receipt: ReceiptRow; items: CustodyItemView[] }> {
  const receipt = await findReceiptBy(ctx.db, 'id', receiptId);
  if (!receipt) throw new CommandError('not_found', 'That receipt could not be found. Refresh the list.');
  const onReceipt = new Map(((await itemsOfReceipts(ctx.db, [receipt.id])).get(receipt.id) ?? []).map((i) => [i.itemId, i]));
  const items = await Promise.all(itemIds.map(async (itemId) => {
    const item = onReceipt.get(itemId);
    if (!item) throw new CommandError('invalid_input', 'One of those devices is not on this receipt. Refresh the list.', { itemIds: 'Choose devices on this receipt.' });
    if (item.reason !== 'confiscated') {
      throw new CommandError('invalid_input', `${itemWords(item)} was not confiscated: it goes back to its owner from Collect.`, {
        itemIds: 'Choose only confiscated devices.',
      });
    }
    if (item.state !== 'in_safe') throw await alreadyLeft(ctx, item.itemId);
    return item;
  }));
  return { receipt, items };
}

/** Who may agree to an early release: the DSL or the headteacher, typing their own PIN. */
const EARLY_AGREER = deciderRule({
  form: 'early',
  roles: ['dsl', 'head'],
  decided: 'agrees',
  refusal: (name) => `${name} is not the DSL or a headteacher or leader. Only they can agree to release a confiscated device before the end of the day.`,
  hint: 'Only the DSL or the headteacher can agree.',
  failedAction: 'learner.early_release_pin_failed',
});

/** Whether any of these items is still within the school day it was confiscated on (the end-of-day report's own rule). */
async function beforeEndOfDay(ctx: ServiceContext, items: readonly CustodyItemView[]): Promise<string | null> {
  const endOfDay = await readSetting(ctx.db, 'day.endTime');
  const now = nowIso(ctx);
  return items.some((i) => !heldPastEndOfDay(i.loggedAt, now, endOfDay)) ? endOfDay : null;
}

function earlyNeeded(endOfDay: string): CommandError {
  return new CommandError(
    'conflict',
    `A confiscated device goes home at the end of the school day (${endOfDay}). To release it now, the DSL or the headteacher `
      + 'must agree: choose who, have them type their own PIN, and say why.',
    { early: 'Before the end of the day, the DSL or the headteacher must agree.' },
  );
}

/**
 * Releases confiscated devices to a named parent or carer. After the end of the school day on which they
 * were confiscated (or any time on a later day) the office does it alone; before it, only with the DSL or
 * headteacher agreeing, who types their own PIN there and then, and a reason. An `early` part sent when
 * the day is already over (the dialog opened a minute before) is not needed: it is left out, PIN unchecked.
 */
export async function releaseConfiscated(ctx: PinContext, input: ParsedInput<'learner.releaseConfiscated'>): Promise<ReceiptView> {
  const by = actingStaffId(ctx);
  // Read first, so a wrong receipt or a device already gone is said without anyone's PIN being checked.
  const needed = await beforeEndOfDay(ctx, (await confiscatedInSafe(ctx, input.receiptId, input.itemIds)).items);
  const early = input.early;
  if (needed !== null && early === null) throw earlyNeeded(needed);

  const write = async (agreer: Staff | null) => {
    const { receipt, items } = await confiscatedInSafe(ctx, input.receiptId, input.itemIds);
    // The time is read again in the transaction: the clock only moves on, so this can only have become unneeded.
    const stillBefore = await beforeEndOfDay(ctx, items);
    if (stillBefore !== null && agreer === null) throw earlyNeeded(stillBefore);
    const earlyBy = stillBefore !== null ? agreer : null;
    const at = nowIso(ctx);
    const to = releasedToLine(input.parentName, input.relationship, input.relationshipOther);
    for (const item of items) {
      await insertRelease(ctx.db, {
        itemId: item.itemId, at, by, parentName: input.parentName, relationship: input.relationship, relationshipOther: input.relationshipOther,
        identityCheck: input.identityCheck, identityNote: input.identityNote,
        earlyAgreedBy: earlyBy?.id ?? null, earlyReason: earlyBy ? early!.reason : null, note: input.note,
      });
      const why = earlyBy ? `Released to a parent or carer before the end of the day, agreed by ${earlyBy.displayName}` : 'Released to a parent or carer';
      if (!await closeItem(ctx.db, { itemId: item.itemId, state: 'handed_on', at, by, to, note: input.note ? `${why}. ${input.note}` : why })) {
        throw await alreadyLeft(ctx, item.itemId);
      }
    }
    // No names in the entry: the trail is kept for good, and retention removes them from the records.
    await audit(ctx, 'learner.release_confiscated', 'receipt', receipt.id, {
      itemIds: input.itemIds, relationship: input.relationship, identityCheck: input.identityCheck,
      ...(earlyBy ? { earlyAgreedBy: earlyBy.id } : {}),
    });
    return toReceiptView(ctx.db, (await findReceiptBy(ctx.db, 'id', receipt.id))!);
  };

  if (needed === null || early === null) return ctx.db.transaction(() => write(null));
  // The release is audited as the office's, who hands the device over; the entry names who agreed.
  return asDecider(ctx, early, EARLY_AGREER, (agreer) => write(agreer));
}

/** Hands confiscated devices to the police, by the DSL or headteacher: the officer, force, reference, and now. */
export function handToPolice(ctx: ServiceContext, input: ParsedInput<'learner.handToPolice'>): Promise<ReceiptView> {
  const by = actingStaffId(ctx);
  return ctx.db.transaction(async () => {
    const { receipt, items } = await confiscatedInSafe(ctx, input.receiptId, input.itemIds);
    const at = nowIso(ctx);
    const to = policeLine(input.officerName, input.officerNumber, input.policeForce);
    const why = `Handed to the police, reference ${input.policeReference}`;
    for (const item of items) {
      await insertPoliceHandover(ctx.db, {
        itemId: item.itemId, at, by, officerName: input.officerName, officerNumber: input.officerNumber,
        policeForce: input.policeForce, policeReference: input.policeReference, note: input.note,
      });
      if (!await closeItem(ctx.db, { itemId: item.itemId, state: 'handed_on', at, by, to, note: input.note ? `${why}. ${input.note}` : why })) {
        throw await alreadyLeft(ctx, item.itemId);
      }
    }
    await audit(ctx, 'learner.hand_to_police', 'receipt', receipt.id, { itemIds: input.itemIds });
    return toReceiptView(ctx.db, (await findReceiptBy(ctx.db, 'id', receipt.id))!);
  });
}

/** Who the release dialog offers as agreeing to an early release. */
export async function earlyReleaseAgreers(ctx: ServiceContext): Promise<EarlyReleaseAgreer[]> {
  return (await listActiveStaff(ctx.db))
    .filter((s) => s.roles.includes('dsl') || s.roles.includes('head'))
    .map((s) => ({ staffId: s.id, displayName: s.displayName }));
}
