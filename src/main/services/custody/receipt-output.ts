import { join } from 'node:path';
import type { PrintStatus, ReceiptLayout, ReceiptView } from '../../../shared/contract.js';
import { DEVICE_KIND_LABELS } from '../../../shared/domain/devices.js';
import { buildReceiptPdf } from '../../documents/receipt.js';
import { inTransaction } from '../../db/connection.js';
import { findReceiptBy, incrementPrintCount, itemsOfReceipts } from '../../db/repositories/custody-repo.js';
import { CommandError } from '../command-error.js';
import { audit } from '../context.js';
import { keepAndPrint, type OutputContext } from '../document-output.js';
import { readSetting } from '../settings-store.js';
import { toReceiptView } from './receipt-view.js';

export type { OutputContext };

/**
 * Makes the receipt PDF, keeps it in the data folder and sends it to the receipt printer. The custody
 * record is already committed: whatever happens here, the items stay logged, and a failure comes back as a
 * plain reason with the PDF offered on screen instead.
 */
export async function outputReceipt(ctx: OutputContext, receiptId: number, layout?: ReceiptLayout): Promise<{ receipt: ReceiptView; print: PrintStatus }> {
  const receipt = inTransaction(ctx.db, () => {
    const row = findReceiptBy(ctx.db, 'id', receiptId);
    if (!row) throw new CommandError('not_found', 'That receipt could not be found.');
    const held = itemsOfReceipts(ctx.db, [receiptId]).get(receiptId) ?? [];
    if (row.print_count > 0 && !held.some((i) => i.state === 'in_safe')) {
      throw new CommandError('conflict', `Everything on receipt ${row.number} has left the safe, so there is nothing to collect with it.`);
    }
    const printCount = incrementPrintCount(ctx.db, receiptId);
    audit(ctx, printCount > 1 ? 'receipt.reprint' : 'receipt.print', 'receipt', receiptId, { printCount });
    return toReceiptView(ctx.db, findReceiptBy(ctx.db, 'id', receiptId)!);
  });
  const chosenLayout = layout ?? readSetting(ctx.db, 'printing.receiptLayout');
  const token = findReceiptBy(ctx.db, 'id', receiptId)!.token;
  const reprint = receipt.printCount - 1;

  let pdf: Buffer;
  try {
    pdf = await buildReceiptPdf(
      {
        settingName: readSetting(ctx.db, 'setting.name') ?? 'Safe Hands',
        settingAddress: readSetting(ctx.db, 'setting.address'),
        receiptNumber: receipt.receiptNumber,
        token,
        owner: { name: receipt.ownerName, detail: receipt.ownerDetail },
        items: receipt.items
          .filter((i) => i.state === 'in_safe' || reprint === 0)
          .map((i) => ({ kindLabel: DEVICE_KIND_LABELS[i.kind], description: i.description, marks: i.marks, bagSlot: i.bagSlot })),
        loggedAt: receipt.createdAt,
        staffName: receipt.createdBy,
        reprint,
      },
      chosenLayout,
    );
  } catch (err) {
    console.error(`Receipt ${receipt.receiptNumber} could not be made:`, err);
    return {
      receipt,
      print: { printed: false, reason: 'The receipt could not be made. The items are logged; write the receipt number on a slip instead.', documentId: null },
    };
  }
  const print = await keepAndPrint(
    ctx,
    pdf,
    { folder: join('receipts', receipt.receiptNumber.slice(0, 4)), fileName: `receipt-${receipt.receiptNumber}${reprint > 0 ? `-reprint-${reprint}` : ''}.pdf` },
    { name: readSetting(ctx.db, 'printing.receiptPrinter'), purpose: 'receipts' },
  );
  return { receipt, print };
}
