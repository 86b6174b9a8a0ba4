/**
 * The app's own printing path (custody.log and custody.reprint) through the real CUPS queue that
 * tests/prerequisites.mjs sets up, with the QR on the printed page decoded back to the receipt's token.
 */
import { readFile } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { findCupsPdfQueue, pdfFilesIn, waitForNewPdf } from '../../helpers/cups.js';
import { logIntoSafe, tokenOf } from '../../helpers/custody.js';
import { decodeQr, flatten, pdfText, renderPdfToPngs } from '../../helpers/pdf.js';
import { createSetUpApp, disposeAll } from '../../helpers/test-app.js';

afterEach(disposeAll);
const SKIP = process.env.SAFE_HANDS_SKIP_PRINTER_TESTS === '1';

describe.skipIf(SKIP)('printing receipts through the spooler', () => {
  it('logging into the safe prints the receipt on the chosen printer, and a reprint says REPRINT', async () => {
    const queue = await findCupsPdfQueue();
    const app = await createSetUpApp();
    await app.ok('settings.update', { receiptPrinter: queue.printer }, 'staff');
    const before = await pdfFilesIn(queue.outputDir);
    const { receipt, print } = await logIntoSafe(app);
    expect(print).toMatchObject({ printed: true, printer: queue.printer });
    const printed = await readFile(
      await waitForNewPdf(queue.outputDir, before, async (f) => flatten(await pdfText(await readFile(f))).includes(receipt.receiptNumber)),
    );
    const [page] = await renderPdfToPngs(printed);
    expect(decodeQr(page!)).toBe(await tokenOf(app, receipt.receiptId));

    const beforeReprint = await pdfFilesIn(queue.outputDir);
    const again = await app.ok('custody.reprint', { receiptId: receipt.receiptId }, 'staff');
    expect(again.receipt.printCount).toBe(2);
    // The wait only accepts a new printed page that carries this receipt's number and says REPRINT.
    const reprinted = await waitForNewPdf(queue.outputDir, beforeReprint, async (f) => {
      const text = flatten(await pdfText(await readFile(f)));
      return text.includes(receipt.receiptNumber) && /REPRINT/.test(text);
    });
    expect(reprinted).toMatch(/\.pdf$/);
  }, 90_000);

  it('a printer that fails gives a plain reason and loses nothing', async () => {
    const app = await createSetUpApp();
    await app.ok('settings.update', { receiptPrinter: 'NoSuchPrinter' }, 'staff');
    const { receipt, print } = await logIntoSafe(app);
    expect(print.printed).toBe(false);
    if (!print.printed) expect(print.reason).toMatch(/NoSuchPrinter/);
    expect((await app.ok('custody.findReceipt', { code: receipt.receiptNumber }, 'staff')).items.every((i) => i.state === 'in_safe')).toBe(true);
    expect(print.documentId).toBeTruthy();
  }, 30_000);
});

describe('reprinting', () => {
  it('is refused plainly once everything on the receipt has left the safe', async () => {
    const app = await createSetUpApp();
    const { receipt } = await logIntoSafe(app);
    await app.ok('custody.return', { receiptId: receipt.receiptId, itemIds: receipt.items.map((i) => i.itemId), returnedTo: 'Zoë' }, 'staff');
    const error = await app.fails('custody.reprint', { receiptId: receipt.receiptId }, 'staff');
    expect(error.code).toBe('conflict');
    expect(error.message).toMatch(/nothing to collect/);
  });
});
