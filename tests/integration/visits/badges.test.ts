import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { APP_ROOT } from '../../../src/main/core/paths.js';
import { logIntoSafe } from '../../helpers/custody.js';
import { decodeQr, flatten, pdfPageSizes, pdfText, renderFirstPageToFile, renderPdfToPngs } from '../../helpers/pdf.js';
import { contentHash, createSetUpApp, disposeAll, newVisitor, sqlite, scalar } from '../../helpers/test-app.js';

afterEach(disposeAll);

describe('visitor badges', () => {
  it('are off until switched on: no badge code is handed to the kiosk', async () => {
    const app = await createSetUpApp();
    expect((await newVisitor(app)).badgeCode).toBeNull();
  });

  it.each([
    ['dymo_2_25x4', 101.6, 57.15],
    ['brother_62mm', 100, 62],
  ] as const)('print on %s labels with name, host, date, a sign-out QR and a clear devices mark', async (layout, widthMm, heightMm) => {
    const app = await createSetUpApp();
    await app.ok('settings.update', { badgeEnabled: true, badgeLayout: layout }, 'staff');
    const { visitId } = await logIntoSafe(app);
    const code = (await scalar(app, 'SELECT badge_token FROM visits WHERE id = ?', [visitId])) as string;
    const { print } = await app.ok('badge.print', { code }, 'kiosk');
    expect(print).toMatchObject({ printed: false, reason: expect.stringMatching(/No printer is set up for badges/) });
    const pdf = readFileSync(app.documentLinks.resolve(print.documentId!)!);
    if (process.env.SAFE_HANDS_UPDATE_SCREENSHOTS === '1') await renderFirstPageToFile(pdf, join(APP_ROOT, 'docs', 'screenshots', `badge-${layout}.png`), 200);
    const [size] = await pdfPageSizes(pdf);
    expect(size!.widthMm).toBeCloseTo(widthMm, 0);
    expect(size!.heightMm).toBeCloseTo(heightMm, 0);
    const text = flatten(await pdfText(pdf));
    expect(text).toMatch(/Zoë O'Brien-\s?Łukasz/);
    for (const expected of ['Fixing the hall lights', 'DEVICES IN THE OFFICE SAFE', 'Scan to sign out']) expect(text).toContain(expected);
    const [page] = await renderPdfToPngs(pdf, 300);
    expect(decodeQr(page!)).toBe(code);
  });

  it('one scan of the badge signs the visitor out, with the same guard for items in the safe', async () => {
    const app = await createSetUpApp();
    await app.ok('settings.update', { badgeEnabled: true }, 'staff');
    const plain = await newVisitor(app, { firstName: 'Ann', lastName: 'Able' });
    expect(await app.ok('visit.signOutByBadge', { code: plain.badgeCode! })).toMatchObject({ status: 'signed_out', firstName: 'Ann' });
    const { visitId } = await logIntoSafe(app);
    const code = (await scalar(app, 'SELECT badge_token FROM visits WHERE id = ?', [visitId])) as string;
    expect(await app.ok('visit.signOutByBadge', { code })).toMatchObject({ status: 'collect_items', itemsInSafe: 2 });
  });

  it.each([['A'.repeat(26), 'not_found'], ['not-a-badge', 'invalid_input'], ['', 'invalid_input']])('refuses the badge code %j plainly', async (code, errorCode) => {
    const app = await createSetUpApp();
    await app.ok('settings.update', { badgeEnabled: true }, 'staff');
    await newVisitor(app);
    const before = await contentHash(app);
    expect((await app.fails('visit.signOutByBadge', { code })).code).toBe(errorCode);
    expect(await contentHash(app)).toBe(before);
  });
});
