/**
 * Names in the scripts UK visitors write in, printed on a computer with no fonts of its own for them: the
 * font lookup is pointed at an empty folder, so only what Safe Hands ships can draw them. Each PDF is read
 * back with poppler: the embedded fonts (pdffonts), the text (pdftotext) and the pixels (pdftoppm), to tell
 * real letters from empty boxes or blank space.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildBadgePdf, type BadgeData } from '../../../src/main/documents/badge.js';
import { FONT_DIRS_VARIABLE, loadFontSet, type FontSet } from '../../../src/main/documents/fonts.js';
import { shippedFontPath, SHIPPED_FALLBACKS } from '../../../src/main/documents/fallback-fonts.js';
import { unprintableNamesWarning } from '../../../src/main/documents/name-block.js';
import { buildReceiptPdf, type ReceiptData } from '../../../src/main/documents/receipt.js';
import { buildRollCallPdf } from '../../../src/main/documents/roll-call.js';
import { PLACEHOLDER, TextShaper } from '../../../src/main/documents/text.js';
import { PHONE_AND_WATCH, visitorWithDeclaredDevices } from '../../helpers/custody.js';
import { flatten, pdfText, renderPdfToPngs, type PNG } from '../../helpers/pdf.js';
import { createSetUpApp, disposeAll, newVisitor, type TestApp, sqlite } from '../../helpers/test-app.js';

const run = promisify(execFile);

/** A computer with no fonts of its own: only the shipped ones. */
const noSystemFonts = (): FontSet => loadFontSet({ systemFontDirs: [mkdtempSync(join(tmpdir(), 'safe-hands-no-fonts-'))] });
/** Not even the shipped fallbacks: what the old code printed on such a computer (boxes). */
const dejaVuOnly = (): FontSet => loadFontSet({ fallbackCandidates: [] });

function receipt(name: string): ReceiptData {
  return {
    settingName: 'Oakfield Primary School',
    settingAddress: null,
    receiptNumber: '2026-0042',
    token: 'K7QX2MBZ4RT5WNAHJ3PLD6YCVE',
    owner: { name, detail: null },
    items: [{ kindLabel: 'Phone', description: 'Black iPhone 13', marks: null, bagSlot: '12' }],
    loggedAt: '2026-03-03T09:41:00.000Z',
    staffName: 'Mrs Anita Patel',
    reprint: 0,
  };
}

function badgeFor(name: string): BadgeData {
  return {
    settingName: 'Oakfield Primary School',
    name,
    organisation: 'Kent County Council',
    host: 'Mrs Patel, Year 4',
    signedInAt: '2026-03-03T09:41:00.000Z',
    token: 'K7QX2MBZ4RT5WNAHJ3PLD6YCVE',
    mark: 'DEVICES IN THE OFFICE SAFE',
  };
}

async function embeddedFonts(pdf: Buffer): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'safe-hands-pdffonts-'));
  const file = join(dir, 'document.pdf');
  writeFileSync(file, pdf);
  return (await run('pdffonts', [file])).stdout;
}

const isInk = (png: PNG, x: number, y: number) => png.data[(y * png.width + x) * 4]! < 128;

/**
 * The name's line: the rows from the first one where two renders of the same receipt differ (everything
 * above the name is the same), `rows` tall. Returns each render's ink pixels there and their overlap.
 */
function compareNameBand(a: PNG, b: PNG, rows: number): { inkA: number; inkB: number; both: number } {
  let top = 0;
  while (top < Math.min(a.height, b.height) && a.data.subarray(top * a.width * 4, (top + 1) * a.width * 4).equals(b.data.subarray(top * b.width * 4, (top + 1) * b.width * 4))) top++;
  let inkA = 0;
  let inkB = 0;
  let both = 0;
  for (let y = top; y < top + rows; y++) {
    for (let x = 0; x < a.width; x++) {
      const ia = isInk(a, x, y);
      const ib = isInk(b, x, y);
      if (ia) inkA++;
      if (ib) inkB++;
      if (ia && ib) both++;
    }
  }
  return { inkA, inkB, both };
}

// Each test builds and reads back several PDFs with poppler: slow on a busy two-core machine, not wrong.
describe('a PC with no Chinese font', { timeout: 30_000 }, () => {
  it('prints 王芳 on the receipt in the shipped font, as letters, not boxes', async () => {
    const fonts = noSystemFonts();
    const shippedChinese = shippedFontPath(SHIPPED_FALLBACKS.find((e) => e.covers.startsWith('Chinese'))!);
    expect(fonts.fallbackFor([...'王芳'].map((ch) => ch.codePointAt(0)!), '王芳')?.file).toBe(shippedChinese);

    const printed = await buildReceiptPdf(receipt('王芳'), 'roll80', { fonts });
    expect(await embeddedFonts(printed)).toMatch(/NotoSansSC/);
    const text = flatten(await pdfText(printed));
    expect(text).toContain('Belongs to 王芳');
    expect(text).not.toContain(PLACEHOLDER);
    expect(text).not.toMatch(/cannot print/);

    // Against the same receipt printed with boxes: the name's ink is there (not blank) and is not the boxes.
    const boxes = await buildReceiptPdf(receipt('王芳'), 'roll80', { fonts: dejaVuOnly() });
    expect(flatten(await pdfText(boxes))).toContain(`Belongs to ${PLACEHOLDER}${PLACEHOLDER}`);
    const [page] = await renderPdfToPngs(printed);
    const [boxPage] = await renderPdfToPngs(boxes);
    const band = compareNameBand(page!, boxPage!, 40);
    expect(band.inkA).toBeGreaterThan(band.inkB * 0.5);
    expect(band.both / Math.min(band.inkA, band.inkB)).toBeLessThan(0.5);
  });

  it('prints the names of every script on the roll call with the shipped fonts alone', async () => {
    const fonts = noSystemFonts();
    const shaper = new TextShaper(fonts);
    const names = Object.values(SAMPLE_NAMES);
    for (const name of names) expect({ name, undrawable: shaper.undrawable(name, 'bold') }).toEqual({ name, undrawable: [] });
    const pdf = await buildRollCallPdf(
      { settingName: 'Oakfield Primary', printedAt: '2026-03-03T09:41:00.000Z', printedBy: 'Mrs Patel', people: names.map((name) => ({ name, organisation: null, visiting: 'Office', signedInAt: '2026-03-03T09:00:00.000Z', note: null })) },
      fonts,
    );
    const embedded = await embeddedFonts(pdf);
    for (const family of ['NotoSansSC', 'NotoSansJP', 'NotoSansKR', 'NotoNaskhArabic', 'NotoSansDevanagari', 'NotoSansBengali', 'NotoSansGujarati', 'MuktaMahee', 'NotoSansTamil', 'Manjari', 'HindGuntur', 'NotoSansThai', 'NotoSansEthiopic']) {
      expect(embedded).toContain(family);
    }
    const text = flatten(await pdfText(pdf));
    expect(text).not.toContain(PLACEHOLDER);
    for (const name of [SAMPLE_NAMES.chinese, SAMPLE_NAMES.japanese, SAMPLE_NAMES.korean, SAMPLE_NAMES.polish, SAMPLE_NAMES.vietnamese, SAMPLE_NAMES.greek]) {
      expect(text).toContain(name);
    }
  });

  it('keeps an Urdu name in one font, so its letters join', async () => {
    // DejaVu has every letter of بیگم but not the ہ of عائشہ: the whole name goes to the Arabic fallback.
    const shaper = new TextShaper(noSystemFonts());
    const [line] = shaper.wrap('عائشہ بیگم', { role: 'bold', size: 12 }, 500);
    expect(new Set(line!.runs.map((r) => r.font.font.postscriptName))).toEqual(new Set(['NotoNaskhArabic-Regular']));
  });
});

describe('a name no font can draw', { timeout: 30_000 }, () => {
  const name = '𠮷田 花子';

  it('prints the name as typed with a note to check it, instead of boxes alone', async () => {
    const fonts = noSystemFonts();
    expect(new TextShaper(fonts).undrawable(name)).toEqual(['𠮷']);
    for (const layout of ['roll80', 'a4'] as const) {
      const text = flatten(await pdfText(await buildReceiptPdf(receipt(name), layout, { fonts })));
      expect(text).toContain(`${PLACEHOLDER}田 花子`);
      expect(text).toContain(`${PLACEHOLDER} = a letter this computer cannot print (U+20BB7). Check the name on screen or on their ID.`);
    }
  });

  it('keeps the badge to its label: a short note, and the rest of the badge still on it', async () => {
    const fonts = noSystemFonts();
    for (const layout of ['dymo_2_25x4', 'brother_62mm'] as const) {
      const text = flatten(await pdfText(await buildBadgePdf(badgeFor(name), layout, fonts)));
      expect(text).toContain(`${PLACEHOLDER} could not be printed: check their ID.`);
      expect(text).toContain('DEVICES IN THE OFFICE SAFE');
    }
  });

  it('gives staff a warning in words to show on screen, and none for names that print', () => {
    const fonts = noSystemFonts();
    expect(unprintableNamesWarning(['王芳', 'Zoë Łukasz'], 'receipt', fonts)).toBeNull();
    expect(unprintableNamesWarning([name, '王芳'], 'receipt', fonts)).toBe(
      `Some letters of “${name}” cannot be printed on this computer, so the receipt shows ${PLACEHOLDER} in their place. Check the name on screen or against their ID.`,
    );
  });

  it('never uses a WOFF2 font, which pdfkit would print as blank space', async () => {
    const woff2 = shippedFontPath({ package: '@fontsource/noto-sans-sc', file: 'files/noto-sans-sc-chinese-simplified-400-normal.woff2' });
    const fonts = loadFontSet({ fallbackCandidates: [{ file: woff2 }] });
    expect(fonts.fallbackFor(['王'.codePointAt(0)!])).toBeNull();
    expect(flatten(await pdfText(await buildReceiptPdf(receipt('王芳'), 'roll80', { fonts })))).toContain('cannot print (U+738B, U+82B3)');
  });
});

describe('the office, on a PC with no Chinese font', { timeout: 30_000 }, () => {
  // The app's own font set (the one every service prints with) looks for the computer's fonts in an
  // empty folder: what a reception PC without Chinese fonts has.
  beforeAll(() => {
    process.env[FONT_DIRS_VARIABLE] = mkdtempSync(join(tmpdir(), 'safe-hands-no-fonts-'));
  });
  afterAll(async () => {
    delete process.env[FONT_DIRS_VARIABLE];
    await disposeAll();
  });

  async function logPhoneFor(app: TestApp, name: { firstName: string; lastName: string }) {
    const { visit, handover } = await visitorWithDeclaredDevices(app, name);
    return app.ok('custody.log', { handoverId: handover.handoverId, owner: { type: 'visitor', visitId: visit.visitId }, items: PHONE_AND_WATCH }, 'staff');
  }

  function keptReceipt(app: TestApp, receiptNumber: string): Buffer {
    const dir = join(app.dir, 'receipts', receiptNumber.slice(0, 4));
    const file = readdirSync(dir).find((name) => name.includes(receiptNumber))!;
    return readFileSync(join(dir, file));
  }

  it("prints 王芳's receipt in the shipped font, and tells staff on screen when a name cannot be printed", async () => {
    const app = await createSetUpApp();
    const wang = await logPhoneFor(app, { firstName: '芳', lastName: '王' });
    expect(wang.print.warning).toBeUndefined();
    const pdf = keptReceipt(app, wang.receipt.receiptNumber);
    expect(await embeddedFonts(pdf)).toMatch(/NotoSansSC/);
    const text = flatten(await pdfText(pdf));
    expect(text).toMatch(/Belongs to \S*[王芳]/);
    expect(text).not.toContain(PLACEHOLDER);

    const yoshida = await logPhoneFor(app, { firstName: '花子', lastName: '𠮷田' });
    expect(yoshida.print.warning).toMatch(/^Some letters of “[^”]*𠮷田[^”]*” cannot be printed on this computer, so the receipt shows □ in their place\. Check the name on screen or against their ID\.$/);
    expect(flatten(await pdfText(keptReceipt(app, yoshida.receipt.receiptNumber)))).toContain('cannot print (U+20BB7)');

    const reprint = await app.ok('custody.reprint', { receiptId: yoshida.receipt.receiptId }, 'staff');
    expect(reprint.print.warning).toBe(yoshida.print.warning);
  });

  it('tells staff on screen when an invitation shows a name with boxes', async () => {
    const app = await createSetUpApp();
    const book = (firstName: string, lastName: string) => app.ok('booking.create', {
      firstName, lastName, familyNameFirst: true, organisation: null, visitorType: 'visiting_professional', host: 'Headteacher',
      expectedDate: '2026-11-23', expectedTime: null,
    }, 'staff');
    const wang = await app.ok('booking.invite', { bookingId: (await book('芳', '王')).bookingId }, 'staff');
    expect(wang.warning).toBeUndefined();

    const yoshida = await app.ok('booking.invite', { bookingId: (await book('花子', '𠮷田')).bookingId }, 'staff');
    expect(yoshida.warning).toBe(`Some letters of “𠮷田花子” cannot be printed on this computer, so the invitation shows ${PLACEHOLDER} in their place. Check the name on screen or against their ID.`);
    expect(flatten(await pdfText(readFileSync(app.documentLinks.resolve(yoshida.documentId)!)))).toContain('cannot print (U+20BB7)');
  });

  it('tells staff on screen when a badge printed again from Today shows a name with boxes, and audits the second badge', async () => {
    const app = await createSetUpApp();
    await app.ok('settings.update', { badgeEnabled: true }, 'staff');
    const wang = await newVisitor(app, { firstName: '芳', lastName: '王', familyNameFirst: true });
    const yoshida = await newVisitor(app, { firstName: '花子', lastName: '𠮷田', familyNameFirst: true });
    expect((await app.ok('badge.reprint', { visitId: wang.visitId }, 'staff')).print.warning).toBeUndefined();

    const { print } = await app.ok('badge.reprint', { visitId: yoshida.visitId }, 'staff');
    // No badge printer is set up here: the warning comes whether or not the printer took it.
    expect(print).toMatchObject({ printed: false, reason: expect.stringMatching(/No printer is set up for badges/) });
    expect(print.warning).toBe(`Some letters of “𠮷田花子” cannot be printed on this computer, so the badge shows ${PLACEHOLDER} in their place. Check the name on screen or against their ID.`);
    expect(flatten(await pdfText(readFileSync(app.documentLinks.resolve(print.documentId!)!)))).toContain('could not be printed: check their ID.');
    const audited = await app.db.all(`SELECT entity_id, actor_label FROM audit_log WHERE action = 'badge.reprint' ORDER BY id`);
    expect(audited).toEqual([{ entity_id: wang.visitId, actor_label: 'Priya Shah' }, { entity_id: yoshida.visitId, actor_label: 'Priya Shah' }]);
  });
});

/** A typical name in each script the shipped fonts are for. */
const SAMPLE_NAMES = {
  chinese: '王芳',
  chineseTraditional: '陳嘉詠',
  japanese: '山田 さくら',
  korean: '김민준',
  arabic: 'محمد عبد الله',
  urdu: 'عائشہ بیگم',
  hindi: 'प्रिया शर्मा',
  bengali: 'সুমাইয়া রহমান',
  gujarati: 'ભાવિક પટેલ',
  punjabi: 'ਹਰਪ੍ਰੀਤ ਸਿੰਘ',
  tamil: 'கார்த்திக் சுப்பிரமணியம்',
  malayalam: 'ലക്ഷ്മി ഉണ്ണികൃഷ്ണൻ',
  telugu: 'శ్రీనివాస్',
  kannada: 'ಲಕ್ಷ್ಮಿ',
  sinhala: 'නිශාන්ත',
  thai: 'สมชาย ใจดี',
  tigrinya: 'ፍሬሕይወት ተስፋይ',
  greek: 'Γιώργος Πάππας',
  russian: 'Олена Шевченко',
  hebrew: 'שרה כהן',
  polish: 'Łukasz Wąsowski-Żółć',
  vietnamese: 'Nguyễn Thị Ánh Tuyết',
};
