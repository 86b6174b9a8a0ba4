import type { ParsedInput, ReceiptView } from '../../../shared/contract/index.js';
import type { CustodyItemView } from '../../../shared/domain/custody.js';
import { DEVICE_KIND_LABELS } from '../../../shared/domain/devices.js';
import { formatDateTime } from '../../../shared/domain/time.js';
import { closeItem, countInSafeForVisit, findItem, findReceiptBy, insertCorrection, itemsOfReceipts } from '../../db/repositories/custody-repo.js';
import { collectionRequestedAt, markSignedOut } from '../../db/repositories/visit-repo.js';
import { CommandError } from '../../core/command-error.js';
import { actingStaffId, audit, nowIso, type ServiceContext } from '../../core/context.js';
import { toReceiptView } from './receipt-view.js';

async function itemView(ctx: ServiceContext, itemId: number): Promise<CustodyItemView> {
  return [...(await itemsOfReceipts(ctx.db, [(await findItem(ctx.db, itemId))!.receipt_id])).values()][0]!.find((i) => i.itemId === itemId)!;
}

/** "Phone (bag C1)": an item as the desk finds it in the safe. */
export function itemWords(item: Pick<CustodyItemView, 'kind' | 'bagSlot'>): string {
  return `${DEVICE_KIND_LABELS[item.kind]} (bag ${item.bagSlot})`;
}

/** The answer when another desk closed the item a moment ago: who it went to, so nobody goes looking in the safe. */
export async function alreadyLeft(ctx: ServiceContext, itemId: number): Promise<CommandError> {
  const view = await itemView(ctx, itemId);
  const how = view.state === 'returned' ? `returned to ${view.closedTo}` : `handed on to ${view.closedTo}`;
  return new CommandError(
    'conflict',
    `${itemWords(view)} was already ${how} by ${view.closedBy} on ${formatDateTime(view.closedAt!)}. Nothing was changed.`,
  );
}

/**
 * A confiscated device leaves the safe only to a named parent or carer or to the police, each with its own
 * record (services/learners/confiscation.ts): giving it back or handing it on here is refused, changing nothing.
 */
function refuseConfiscated(item: CustodyItemView): void {
  if (item.reason !== 'confiscated' || item.state !== 'in_safe') return;
  throw new CommandError(
    'conflict',
    `${itemWords(item)} was confiscated. It can only go to a named parent or carer, or to the police: use Pupils' devices, then Confiscated. Nothing was changed.`,
  );
}

/**
 * Returns items to their owner. All or nothing: if another console returned one of them a moment ago,
 * none are marked here. When the visitor was waiting to sign out and this empties their part of the
 * safe, their visit closes.
 */
export function returnItems(ctx: ServiceContext, input: ParsedInput<'custody.return'>): Promise<{ receipt: ReceiptView; visitSignedOut: boolean }> {
  const by = actingStaffId(ctx);
  return ctx.db.transaction(async () => {
    const receipt = await findReceiptBy(ctx.db, 'id', input.receiptId);
    if (!receipt) throw new CommandError('not_found', 'That receipt could not be found. Scan it again.');
    const onReceipt = new Map(((await itemsOfReceipts(ctx.db, [receipt.id])).get(receipt.id) ?? []).map((i) => [i.itemId, i]));
    const at = nowIso(ctx);
    for (const itemId of input.itemIds) {
      const item = onReceipt.get(itemId);
      if (!item) throw new CommandError('invalid_input', 'One of those items is not on this receipt. Scan the receipt again.');
      refuseConfiscated(item);
      if (!await closeItem(ctx.db, { itemId, state: 'returned', at, by, to: input.returnedTo, note: input.note })) throw await alreadyLeft(ctx, itemId);
    }
    await audit(ctx, 'custody.return', 'receipt', receipt.id, { itemIds: input.itemIds });

    let visitSignedOut = false;
    const visitId = receipt.visit_id;
    if (visitId !== null && await collectionRequestedAt(ctx.db, visitId) !== null && await countInSafeForVisit(ctx.db, visitId) === 0) {
      visitSignedOut = await markSignedOut(ctx.db, visitId, at, 'kiosk');
      if (visitSignedOut) await audit(ctx, 'visit.sign_out', 'visit', visitId, { method: 'kiosk', afterCollection: true });
    }
    return { receipt: await toReceiptView(ctx.db, (await findReceiptBy(ctx.db, 'id', receipt.id))!), visitSignedOut };
  });
}

/** An item leaves the safe to someone other than its owner (for repair, say); never a confiscated one (see refuseConfiscated). */
export function handOn(ctx: ServiceContext, input: ParsedInput<'custody.handOn'>): Promise<ReceiptView> {
  const by = actingStaffId(ctx);
  return ctx.db.transaction(async () => {
    const item = await findItem(ctx.db, input.itemId);
    if (!item) throw new CommandError('not_found', 'That item could not be found.');
    refuseConfiscated(await itemView(ctx, item.id));
    if (!await closeItem(ctx.db, { itemId: item.id, state: 'handed_on', at: nowIso(ctx), by, to: input.handedTo, note: input.reason })) {
      throw await alreadyLeft(ctx, item.id);
    }
    await audit(ctx, 'custody.hand_on', 'custody_item', item.id, {});
    return toReceiptView(ctx.db, (await findReceiptBy(ctx.db, 'id', item.receipt_id))!);
  });
}

/** Fixes what was written when the item was logged; the original stays, the correction is a new record. */
export function correctItem(ctx: ServiceContext, input: ParsedInput<'custody.correct'>): Promise<ReceiptView> {
  const by = actingStaffId(ctx);
  return ctx.db.transaction(async () => {
    const item = await findItem(ctx.db, input.itemId);
    if (!item) throw new CommandError('not_found', 'That item could not be found.');
    const correctionId = await insertCorrection(ctx.db, {
      itemId: item.id, description: input.description, marks: input.marks, bagSlot: input.bagSlot, reason: input.reason, at: nowIso(ctx), by,
    });
    await audit(ctx, 'custody.correct', 'custody_item', item.id, { correctionId });
    return toReceiptView(ctx.db, (await findReceiptBy(ctx.db, 'id', item.receipt_id))!);
  });
}
