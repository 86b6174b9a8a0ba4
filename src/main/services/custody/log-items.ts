import type { ParsedInput, ReceiptView } from '../../../shared/contract/index.js';
import { formatReceiptNumber, type CustodyReason } from '../../../shared/domain/custody.js';
import { ukDay } from '../../../shared/domain/time.js';
import { findReceiptBy, insertCustodyItem, insertReceipt, nextReceiptSeq } from '../../db/repositories/custody-repo.js';
import { closePendingHandover, findHandover } from '../../db/repositories/handover-repo.js';
import { findStaff } from '../../db/repositories/staff-repo.js';
import { findVisit } from '../../db/repositories/visit-repo.js';
import { CommandError } from '../../core/command-error.js';
import { actingStaffId, audit, nowIso, type ServiceContext } from '../../core/context.js';
import { newReceiptToken } from './receipt-token.js';
import { toReceiptView } from './receipt-view.js';

type Owner = ParsedInput<'custody.log'>['owner'];

async function checkOwner(ctx: ServiceContext, owner: Owner, handoverId: number | null): Promise<void> {
  if (owner.type === 'visitor') {
    const visit = await findVisit(ctx.db, owner.visitId);
    if (!visit) throw new CommandError('not_found', 'That visit could not be found. Refresh the console and try again.');
    if (visit.signed_out_at !== null) throw new CommandError('conflict', 'That visitor has already signed out, so their items cannot be logged against this visit.');
  } else if (owner.type === 'staff') {
    const staff = await findStaff(ctx.db, owner.staffId);
    if (!staff || !staff.active) throw new CommandError('not_found', 'That staff member could not be found.');
  }
  if (handoverId === null) return;
  const handover = await findHandover(ctx.db, handoverId);
  if (!handover) throw new CommandError('not_found', 'That pending handover could not be found. Refresh the console.');
  if (owner.type !== 'visitor' || handover.visit_id !== owner.visitId) {
    throw new CommandError('invalid_input', 'That pending handover belongs to a different visit.');
  }
  if (handover.status !== 'pending') throw new CommandError('conflict', 'That handover has already been dealt with. Refresh the console.');
}

function reasonFor(owner: Owner): CustodyReason {
  if (owner.type === 'visitor') return 'visitor';
  if (owner.type === 'staff') return 'staff_own';
  return owner.reason;
}

/** Logs items into the safe under a new receipt: the receipt, its items and the handover close together. */
export function logItems(ctx: ServiceContext, input: ParsedInput<'custody.log'>): Promise<ReceiptView> {
  const by = actingStaffId(ctx);
  const handoverId = input.handoverId ?? null;
  return ctx.db.transaction(async () => {
    await checkOwner(ctx, input.owner, handoverId);
    const at = nowIso(ctx);
    const year = Number(ukDay(at).slice(0, 4));
    const seq = await nextReceiptSeq(ctx.db, year);
    const owner = input.owner;
    const receiptId = await insertReceipt(ctx.db, {
      year,
      seq,
      number: formatReceiptNumber(year, seq),
      token: newReceiptToken(),
      ownerType: owner.type,
      visitId: owner.type === 'visitor' ? owner.visitId : null,
      staffOwner: owner.type === 'staff' ? owner.staffId : null,
      learnerName: owner.type === 'learner' ? owner.name : null,
      learnerGroup: owner.type === 'learner' ? owner.group : null,
      handoverId,
      createdAt: at,
      createdBy: by,
    });
    const reason = reasonFor(owner);
    const confiscationReason = owner.type === 'learner' && owner.reason === 'confiscated' ? owner.confiscationReason : null;
    const itemIds: number[] = [];
    for (const item of input.items) {
      itemIds.push(await insertCustodyItem(ctx.db, { receiptId, ...item, reason, confiscationReason, loggedAt: at, loggedBy: by }));
    }
    if (handoverId !== null) await closePendingHandover(ctx.db, handoverId, 'logged');
    await audit(ctx, 'custody.log', 'receipt', receiptId, {
      number: formatReceiptNumber(year, seq), ownerType: owner.type, reason, itemIds, handoverId,
    });
    return toReceiptView(ctx.db, (await findReceiptBy(ctx.db, 'id', receiptId))!);
  });
}

/** The visitor declared devices but handed none in (kept them in the car, changed their mind). */
export function markNotHandedIn(ctx: ServiceContext, input: ParsedInput<'custody.markNotHandedIn'>): Promise<{ closed: true }> {
  return ctx.db.transaction(async () => {
    const handover = await findHandover(ctx.db, input.handoverId);
    if (!handover) throw new CommandError('not_found', 'That pending handover could not be found. Refresh the console.');
    if (!await closePendingHandover(ctx.db, handover.id, 'not_handed_in', input.note)) {
      throw new CommandError('conflict', 'That handover has already been dealt with. Refresh the console.');
    }
    await audit(ctx, 'handover.not_handed_in', 'handover', handover.id, {});
    return { closed: true };
  });
}
