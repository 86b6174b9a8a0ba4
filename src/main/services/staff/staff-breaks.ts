import type { ParsedInput, StaffBreakDone } from '../../../shared/contract/index.js';
import type { CustodyItemView } from '../../../shared/domain/custody.js';
import { insertCustodyItem, itemsOfReceipts } from '../../db/repositories/custody-repo.js';
import { findStaffDay, staffOnSiteReceipts, type StaffDayRow } from '../../db/repositories/staff-day-repo.js';
import { findStaff, type Staff } from '../../db/repositories/staff-repo.js';
import { CommandError } from '../../core/command-error.js';
import { actingStaffId, audit, nowIso, type ServiceContext } from '../../core/context.js';
import { returnItems } from '../custody/release.js';

/**
 * Break time for a member of staff whose phone is kept in the safe (nursery §4), two taps at the office each
 * way. Out: their devices are given back to them, one custody return per receipt, all in one transaction.
 * Back: each goes into the safe again under the receipt it came out of, the one they were given that
 * morning, as a new custody record (the record of it leaving stays as it was): no new receipt is printed
 * at every break, and the paper in their pocket still collects it at home time.
 */

interface ItemOnReceipt {
  receiptId: number;
  receiptNumber: string;
  item: CustodyItemView;
}

async function signedInDay(ctx: ServiceContext, staffDayId: number): Promise<{ day: StaffDayRow; staff: Staff }> {
  const day = await findStaffDay(ctx.db, staffDayId);
  if (!day || day.signed_out_at !== null) throw new CommandError('conflict', 'They are not signed in now. Refresh the list. Nothing was changed.');
  const staff = await findStaff(ctx.db, day.staff_id);
  if (!staff || !staff.active) throw new CommandError('not_found', 'That staff account is not available. Refresh the list.');
  return { day, staff };
}

/** Their own devices on the receipts the staff on site list reads: in the safe, or taken out since they signed in. */
async function ownItems(ctx: ServiceContext, day: StaffDayRow): Promise<ItemOnReceipt[]> {
  const refs = (await staffOnSiteReceipts(ctx.db)).filter((r) => r.staff_owner === day.staff_id);
  const items = await itemsOfReceipts(ctx.db, refs.map((r) => r.receipt_id));
  return refs.flatMap((ref) => (items.get(ref.receipt_id) ?? [])
    .filter((item) => item.reason === 'staff_own')
    .map((item) => ({ receiptId: ref.receipt_id, receiptNumber: ref.number, item })));
}

export function takeOutForBreak(ctx: ServiceContext, input: ParsedInput<'staffDay.breakOut'>): Promise<StaffBreakDone> {
  return ctx.db.transaction(async () => {
    const { day, staff } = await signedInDay(ctx, input.staffDayId);
    const inSafe = (await ownItems(ctx, day)).filter((o) => o.item.state === 'in_safe');
    if (inSafe.length === 0) throw new CommandError('conflict', `Nothing of ${staff.displayName}'s is in the safe now. Nothing was changed.`);
    const byReceipt = new Map<number, number[]>();
    for (const o of inSafe) byReceipt.set(o.receiptId, [...(byReceipt.get(o.receiptId) ?? []), o.item.itemId]);
    for (const [receiptId, itemIds] of byReceipt) await returnItems(ctx, { receiptId, itemIds, returnedTo: staff.displayName, note: 'Break' });
    await audit(ctx, 'staff_day.break_out', 'staff_day', day.id, { itemIds: inSafe.map((o) => o.item.itemId) });
    return { displayName: staff.displayName, devices: inSafe.map(({ receiptNumber, item }) => ({ kind: item.kind, bagSlot: item.bagSlot, receiptNumber })) };
  });
}

/**
 * What they took out since signing in and have not put back: the latest of each kind with nothing of that
 * kind in the safe, as the staff on site list shows it (toStaffOnSite), so what goes back is what was shown.
 */
function takenOut(items: readonly ItemOnReceipt[], since: string): ItemOnReceipt[] {
  const kindsIn = new Set(items.filter((o) => o.item.state === 'in_safe').map((o) => o.item.kind));
  const latest = new Map<string, ItemOnReceipt>();
  const returned = items.filter((o) => o.item.state === 'returned' && o.item.closedAt !== null && o.item.closedAt >= since);
  for (const o of returned.sort((a, b) => a.item.closedAt!.localeCompare(b.item.closedAt!))) {
    if (!kindsIn.has(o.item.kind)) latest.set(o.item.kind, o);
  }
  return [...latest.values()];
}

export function backInSafe(ctx: ServiceContext, input: ParsedInput<'staffDay.breakBack'>): Promise<StaffBreakDone> {
  const by = actingStaffId(ctx);
  return ctx.db.transaction(async () => {
    const { day, staff } = await signedInDay(ctx, input.staffDayId);
    const out = takenOut(await ownItems(ctx, day), day.signed_in_at);
    if (out.length === 0) throw new CommandError('conflict', `Nothing of ${staff.displayName}'s is out of the safe. Nothing was changed.`);
    const at = nowIso(ctx);
    // As it was when it came out, corrections included (the view shows the corrected words).
    const itemIds: number[] = [];
    for (const { receiptId, item } of out) {
      itemIds.push(await insertCustodyItem(ctx.db, {
      receiptId, kind: item.kind, description: item.description, marks: item.marks, bagSlot: item.bagSlot,
      reason: 'staff_own', confiscationReason: null, loggedAt: at, loggedBy: by,
    }));
    }
    await audit(ctx, 'staff_day.break_back', 'staff_day', day.id, {
      receiptIds: [...new Set(out.map((o) => o.receiptId))], itemIds, afterItemIds: out.map((o) => o.item.itemId),
    });
    return { displayName: staff.displayName, devices: out.map(({ receiptNumber, item }) => ({ kind: item.kind, bagSlot: item.bagSlot, receiptNumber })) };
  });
}
