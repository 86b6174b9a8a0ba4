import type { PrintStatus, ReceiptLayout, ReceiptView } from '../../../shared/contract/index.js';
import { findReceiptBy, itemsOfReceipts, recordPrinted, recordPrintProblem } from '../../db/repositories/custody-repo.js';
import { printPdf } from '../../printing/print-pdf.js';
import { CommandError } from '../../core/command-error.js';
import { audit } from '../../core/context.js';
import { keepDocument, type OutputContext } from '../../documents/document-output.js';
import { withNameWarning } from '../../documents/name-warning.js';
import { readSetting } from '../admin/settings-store.js';
import { storageFailure, writeIfStorageAllows } from '../../core/storage-failure.js';
import { receiptPdf, receiptPlace } from './receipt-document.js';
import { toReceiptView } from './receipt-view.js';

export type { OutputContext };

/**
 * Makes the receipt PDF from the database, keeps it in the data folder and sends it to the receipt printer.
 * The custody record is already committed: whatever happens here, the items stay logged.
 *
 * Only the spooler's answer is recorded, after it comes: the print count goes up (and "receipt.print" is
 * audited) when the spooler took the job, and "receipt.print_failed" says why when it did not. A host that
 * dies before the answer leaves the receipt not printed, which every list then shows with a Reprint button;
 * at worst a receipt that did print is offered again, never one that did not shown as printed.
 */
export async function outputReceipt(ctx: OutputContext, receiptId: number, layout?: ReceiptLayout): Promise<{ receipt: ReceiptView; print: PrintStatus }> {
  const out = await makeAndPrintReceipt(ctx, receiptId, layout);
  // Staff are told on screen when the owner's name prints with boxes, whether or not the printer took it.
  return { ...out, print: withNameWarning(out.print, [out.receipt.ownerName], 'receipt') };
}

async function makeAndPrintReceipt(ctx: OutputContext, receiptId: number, layout?: ReceiptLayout): Promise<{ receipt: ReceiptView; print: PrintStatus }> {
  const row = await findReceiptBy(ctx.db, 'id', receiptId);
  if (!row) throw new CommandError('not_found', 'That receipt could not be found.');
  const held = (await itemsOfReceipts(ctx.db, [receiptId])).get(receiptId) ?? [];
  if (!held.some((i) => i.state === 'in_safe')) {
    throw new CommandError('conflict', `Everything on receipt ${row.number} has left the safe, so there is nothing to collect with it.`);
  }
  // Copies the spooler has taken so far: none means this is the receipt the owner has never had.
  const reprint = row.print_count;
  const before = await toReceiptView(ctx.db, row);

  let pdf: Buffer;
  try {
    pdf = await receiptPdf(ctx.db, before, row.token, reprint, layout);
  } catch (err) {
    console.error(`Receipt ${row.number} could not be made:`, err);
    const reason = 'The receipt could not be made. The items are logged; write the receipt number on a slip instead.';
    return { receipt: await recordFailure(ctx, receiptId, reason, null), print: { printed: false, reason, documentId: null } };
  }
  let kept: { file: string; documentId: string };
  try {
    kept = await keepDocument(ctx, pdf, receiptPlace(row.number, reprint));
  } catch (err) {
    console.error(`Receipt ${row.number} could not be saved:`, err);
    const reason = receiptNotSavedReason(err);
    return { receipt: await recordFailure(ctx, receiptId, reason, null), print: { printed: false, reason, documentId: null } };
  }
  const { file, documentId } = kept;
  const printer = await readSetting(ctx.db, 'printing.receiptPrinter');
  const outcome = await printPdf(file, printer, { purpose: 'receipts' });
  if (!outcome.ok) {
    return { receipt: await recordFailure(ctx, receiptId, outcome.reason, printer), print: { printed: false, reason: outcome.reason, documentId } };
  }
  const receipt = await ctx.db.transaction(async () => {
    const printCount = await recordPrinted(ctx.db, receiptId);
    await audit(ctx, printCount > 1 ? 'receipt.reprint' : 'receipt.print', 'receipt', receiptId, { printCount, printer, jobId: outcome.jobId });
    return toReceiptView(ctx.db, (await findReceiptBy(ctx.db, 'id', receiptId))!);
  });
  return { receipt, print: { printed: true, printer: printer ?? '', documentId } };
}

/** Why the PDF could not be kept: the disk's own trouble in words when that is it (see storage-failure.ts). */
function receiptNotSavedReason(err: unknown): string {
  const failure = storageFailure(err);
  const why = failure?.kind === 'full' ? ': the disk is full'
    : failure?.kind === 'read_only' ? ': the disk has become read-only'
      : failure?.kind === 'not_allowed' ? ': Safe Hands is not allowed to write there'
        : failure?.kind === 'disk_error' ? ': the disk gave an error' : '';
  const then = failure ? ' Write the receipt number on a slip for the owner, and call IT.' : ' Try Reprint in a moment.';
  return `The receipt could not be saved in the Safe Hands data folder${why}, so it was not printed. The items are logged.${then}`;
}

/**
 * The receipt stays as it was (not printed, if it never was), now with the reason; the trail says it too.
 * The items are already logged: a disk that will not take the reason (full, read-only) must not make the
 * command say otherwise, so then the reason is only returned, and the receipt shows as not printed anyway.
 */
async function recordFailure(ctx: OutputContext, receiptId: number, reason: string, printer: string | null): Promise<ReceiptView> {
  await writeIfStorageAllows(ctx.db, 'receipt.print_failed', async () => {
    await ctx.db.transaction(async () => {
      await recordPrintProblem(ctx.db, receiptId, reason);
      await audit(ctx, 'receipt.print_failed', 'receipt', receiptId, { reason, printer });
    });
  });
  return toReceiptView(ctx.db, (await findReceiptBy(ctx.db, 'id', receiptId))!);
}
