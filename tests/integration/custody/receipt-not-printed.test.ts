/**
 * A receipt counts as printed only when the print spooler took it, and every receipt for something in the
 * safe can be printed after a restart: a missing PDF is made again from the database at start. Real SQLite
 * file, the real command table, real CUPS (tests/helpers/cups.ts), PDFs read back with pdftoppm/pdftotext.
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { findCupsPdfQueue, pdfFilesIn, waitForNewPdf } from '../../helpers/cups.js';
import { logIntoSafe, tokenOf } from '../../helpers/custody.js';
import { decodeQr, flatten, pdfText, renderPdfToPngs } from '../../helpers/pdf.js';
import { ADMIN_PIN, createSetUpApp, disposeAll, reopenTestApp, type TestApp, sqlite } from '../../helpers/test-app.js';

afterEach(disposeAll);
const SKIP_PRINTER = process.env.SAFE_HANDS_SKIP_PRINTER_TESTS === '1';

async function receiptAudit(app: TestApp, receiptId: number): Promise<{ action: string; detail: Record<string, unknown> }[]> {
  return ((await app.db.all(`SELECT action, detail_json FROM audit_log WHERE entity = 'receipt' AND entity_id = ? AND action LIKE 'receipt.%' ORDER BY id`, [receiptId])) as { action: string; detail_json: string }[]).map((r) => ({ action: r.action, detail: JSON.parse(r.detail_json) }));
}

function firstCopyFile(app: TestApp, receiptNumber: string): string {
  return join(app.dir, 'receipts', receiptNumber.slice(0, 4), `receipt-${receiptNumber}.pdf`);
}

async function safeReceipt(app: TestApp, receiptId: number) {
  return (await app.ok('custody.inSafe', {}, 'staff')).owners.flatMap((o) => o.receipts).find((r) => r.receiptId === receiptId);
}

describe('a receipt is printed only when the spooler took it', () => {
  it('with no printer set up, the receipt is logged but never counted or audited as printed', async () => {
    const app = await createSetUpApp();
    const { receipt, print } = await logIntoSafe(app);
    expect(print.printed).toBe(false);
    expect(receipt.printCount).toBe(0);
    expect((await app.ok('custody.findReceipt', { code: receipt.receiptNumber }, 'staff')).printCount).toBe(0);
    // In the safe (and so Today) lists it as not printed.
    expect(await safeReceipt(app, receipt.receiptId)).toEqual({ receiptId: receipt.receiptId, receiptNumber: receipt.receiptNumber, printCount: 0, printProblem: expect.stringMatching(/No printer is set up/), givenByHand: null });
    expect(await receiptAudit(app, receipt.receiptId)).toEqual([
      { action: 'receipt.print_failed', detail: { reason: expect.stringMatching(/No printer is set up for receipts/), printer: null } },
    ]);
  });

  it.skipIf(SKIP_PRINTER)('a printer CUPS refuses leaves it not printed; Reprint on a working printer prints the first copy', async () => {
    const queue = await findCupsPdfQueue();
    const app = await createSetUpApp();
    await app.ok('settings.update', { receiptPrinter: 'NoSuchPrinter' }, 'staff');
    const { receipt, print } = await logIntoSafe(app);
    expect(print).toMatchObject({ printed: false, reason: expect.stringMatching(/NoSuchPrinter/) });
    expect(receipt.printCount).toBe(0);
    // The lists say it has not printed, and why.
    expect(await safeReceipt(app, receipt.receiptId)).toMatchObject({ printCount: 0, printProblem: expect.stringMatching(/NoSuchPrinter/) });
    expect((await receiptAudit(app, receipt.receiptId)).map((e) => e.action)).toEqual(['receipt.print_failed']);

    await app.ok('settings.update', { receiptPrinter: queue.printer }, 'staff');
    const before = await pdfFilesIn(queue.outputDir);
    const again = await app.ok('custody.reprint', { receiptId: receipt.receiptId }, 'staff');
    expect(again.print).toMatchObject({ printed: true, printer: queue.printer });
    expect(again.receipt).toMatchObject({ printCount: 1, printProblem: null });
    expect(await safeReceipt(app, receipt.receiptId)).toMatchObject({ printCount: 1, printProblem: null });
    const audit = await receiptAudit(app, receipt.receiptId);
    expect(audit.map((e) => e.action)).toEqual(['receipt.print_failed', 'receipt.print']);
    expect(audit[1]!.detail).toMatchObject({ printCount: 1, printer: queue.printer, jobId: expect.stringMatching(new RegExp(`^${queue.printer}-\\d+$`)) });
    // The owner never had a copy, so the one that comes out is the first, not a "REPRINT".
    const printed = await waitForNewPdf(queue.outputDir, before, async (f) => flatten(await pdfText(readFileSync(f))).includes(receipt.receiptNumber));
    expect(flatten(await pdfText(readFileSync(printed)))).not.toMatch(/REPRINT/);
  }, 90_000);
});

describe('a receipt whose PDF is missing after a restart', () => {
  it('is made again from the database at start, QR code and all, and can be printed', async () => {
    const app = await createSetUpApp();
    const { receipt } = await logIntoSafe(app);
    const file = firstCopyFile(app, receipt.receiptNumber);
    expect(existsSync(file)).toBe(true);
    // The host stopped after the receipt was committed and before its file was written.
    rmSync(file);

    await reopenTestApp(app);
    expect(await app.receiptsRebuilt).toEqual([receipt.receiptNumber]);
    const pdf = readFileSync(file);
    const text = flatten(await pdfText(pdf));
    expect(text).toContain(receipt.receiptNumber);
    expect(text).toContain("Zoë O'Brien-Łukasz");
    expect(text).not.toMatch(/REPRINT/);
    const [page] = await renderPdfToPngs(pdf);
    expect(decodeQr(page!)).toBe(await tokenOf(app, receipt.receiptId));

    // Still not printed, and Reprint works after the restart.
    await app.ok('staff.unlock', { staffId: app.adminId, pin: ADMIN_PIN }, 'staff');
    expect((await safeReceipt(app, receipt.receiptId))?.printCount).toBe(0);
    const again = await app.ok('custody.reprint', { receiptId: receipt.receiptId }, 'staff');
    expect(again.print.documentId).toBeTruthy();
    expect(existsSync(app.documentLinks.resolve(again.print.documentId!)!)).toBe(true);
  }, 60_000);

  it('is made again when the host stopped while writing it, leaving it cut short', async () => {
    const app = await createSetUpApp();
    const { receipt } = await logIntoSafe(app);
    const file = firstCopyFile(app, receipt.receiptNumber);
    writeFileSync(file, readFileSync(file).subarray(0, 4096));
    await reopenTestApp(app);
    expect(await app.receiptsRebuilt).toEqual([receipt.receiptNumber]);
    expect(flatten(await pdfText(readFileSync(file)))).toContain(receipt.receiptNumber);
  }, 30_000);

  it('is left alone once everything on it has gone home', async () => {
    const app = await createSetUpApp();
    const { receipt } = await logIntoSafe(app);
    await app.ok('custody.return', { receiptId: receipt.receiptId, itemIds: receipt.items.map((i) => i.itemId), returnedTo: 'Zoë' }, 'staff');
    rmSync(firstCopyFile(app, receipt.receiptNumber));
    await reopenTestApp(app);
    expect(await app.receiptsRebuilt).toEqual([]);
    expect(existsSync(firstCopyFile(app, receipt.receiptNumber))).toBe(false);
  });
});
