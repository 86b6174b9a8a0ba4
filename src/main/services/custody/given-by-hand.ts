import type { ParsedInput, ReceiptView } from '../../../shared/contract/index.js';
import { formatDateTime } from '../../../shared/domain/time.js';
import { findReceiptBy, itemsOfReceipts, recordGivenByHand } from '../../db/repositories/custody-repo.js';
import { CommandError } from '../../core/command-error.js';
import { actingStaffId, audit, nowIso, type ServiceContext } from '../../core/context.js';
import { toReceiptView } from './receipt-view.js';

/**
 * The printer never took a receipt, so a member of staff wrote its number on paper and gave it to the owner.
 * Recorded with who and when, in the audit trail too; the receipt is no longer listed as not printed. It can
 * still be reprinted: the print count keeps counting only the copies the printer took.
 */
export function markGivenByHand(ctx: ServiceContext, input: ParsedInput<'custody.markGivenByHand'>): Promise<ReceiptView> {
  const by = actingStaffId(ctx);
  return ctx.db.transaction(async () => {
    const row = await findReceiptBy(ctx.db, 'id', input.receiptId);
    if (!row) throw new CommandError('not_found', 'That receipt could not be found.');
    if (row.print_count > 0) throw new CommandError('conflict', `Receipt ${row.number} has printed, so there is nothing to record.`);
    if (row.given_by_hand_at !== null) {
      throw new CommandError('conflict', `Receipt ${row.number} was already recorded as written by hand, by ${row.given_by_hand_by_name} on ${formatDateTime(row.given_by_hand_at)}.`);
    }
    const held = (await itemsOfReceipts(ctx.db, [row.id])).get(row.id) ?? [];
    if (!held.some((i) => i.state === 'in_safe')) {
      throw new CommandError('conflict', `Everything on receipt ${row.number} has left the safe, so there is nothing to collect with it.`);
    }
    await recordGivenByHand(ctx.db, row.id, nowIso(ctx), by);
    await audit(ctx, 'receipt.given_by_hand', 'receipt', row.id, { number: row.number });
    return toReceiptView(ctx.db, (await findReceiptBy(ctx.db, 'id', row.id))!);
  });
}
