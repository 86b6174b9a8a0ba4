/**
 * Loss and damage: both policies disclaim devices lost, stolen or damaged on site, but what the setting holds
 * in its safe is another matter. Every receipt and the kiosk's expectations say what the setting accepts for
 * those, in a line an administrator may reword. Read back from the real PDFs with poppler.
 */
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_LOSS_AND_DAMAGE } from '../../../src/shared/domain/loss-and-damage.js';
import { logIntoSafe } from '../../helpers/custody.js';
import { flatten, inkBounds, pdfText, renderPdfToPngs } from '../../helpers/pdf.js';
import { contentHash, createSetUpApp, disposeAll, lastAuditDetail, type TestApp } from '../../helpers/test-app.js';

afterEach(disposeAll);

const REWORDED = 'Items in our safe are insured by the school up to £200 each and returned only against the receipt.';

async function receiptText(app: TestApp, documentId: string | null): Promise<string> {
  const pdf = readFileSync(app.documentLinks.resolve(documentId!)!);
  // Drawn, not only present in the file: the page has ink on it once rendered.
  const [page] = await renderPdfToPngs(pdf, 100);
  expect(inkBounds(page!)).not.toBeNull();
  return flatten(await pdfText(pdf, { layout: false }));
}

describe('what the setting accepts for devices in its safe', () => {
  it('is printed on every receipt and shown with the expectations, in the suggested words until reworded', async () => {
    const app = await createSetUpApp();
    expect((await app.ok('kiosk.config', {})).lossAndDamage).toBe(DEFAULT_LOSS_AND_DAMAGE);
    expect((await app.ok('settings.get', {}, 'staff')).lossAndDamage).toBe(DEFAULT_LOSS_AND_DAMAGE);
    const { receipt, print } = await logIntoSafe(app);
    expect(await receiptText(app, print.documentId)).toContain(DEFAULT_LOSS_AND_DAMAGE);

    await app.ok('settings.update', { lossAndDamage: REWORDED }, 'staff');
    expect(await lastAuditDetail(app, 'settings.update')).toMatchObject({ before: { lossAndDamage: DEFAULT_LOSS_AND_DAMAGE }, after: { lossAndDamage: REWORDED } });
    expect((await app.ok('kiosk.config', {})).lossAndDamage).toBe(REWORDED);
    // A reprint is made from today's settings, on either layout.
    const roll = await app.ok('custody.reprint', { receiptId: receipt.receiptId }, 'staff');
    const rollText = await receiptText(app, roll.print.documentId);
    expect(rollText).toContain(REWORDED);
    expect(rollText).not.toContain(DEFAULT_LOSS_AND_DAMAGE);
    await app.ok('settings.update', { receiptLayout: 'a4' }, 'staff');
    const a4 = await app.ok('custody.reprint', { receiptId: receipt.receiptId }, 'staff');
    expect(await receiptText(app, a4.print.documentId)).toContain(REWORDED);
  }, 30_000);

  it.each([
    [{ lossAndDamage: '   ' }, 'Say what the setting accepts for devices in its safe, or put back the suggested wording.'],
    [{ lossAndDamage: 'x'.repeat(301) }, 'The loss and damage line is too long (at most 300 characters).'],
  ])('refuses an empty or overlong line and changes nothing (%#)', async (input, message) => {
    const app = await createSetUpApp();
    const before = await contentHash(app);
    expect((await app.fails('settings.update', input, 'staff')).fields).toEqual({ lossAndDamage: message });
    expect(await contentHash(app)).toBe(before);
    expect((await app.ok('kiosk.config', {})).lossAndDamage).toBe(DEFAULT_LOSS_AND_DAMAGE);
  });
});
