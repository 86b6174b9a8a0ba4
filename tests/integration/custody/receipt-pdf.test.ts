/**
 * The handover receipt as a real PDF: rendered by poppler, its QR code read back from the pixels, its
 * text extracted, its pages measured. Set SAFE_HANDS_UPDATE_SCREENSHOTS=1 to refresh docs/screenshots.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultFontSet, FONTS_DIR, loadFontSet } from '../../../src/main/documents/fonts.js';
import { qrMatrix } from '../../../src/main/documents/qr.js';
import {
  buildReceiptPdf,
  reprintLabel,
  ReceiptDataError,
  type ReceiptData,
  type ReceiptItem,
  type ReceiptLayout,
} from '../../../src/main/documents/receipt.js';
import { PLACEHOLDER } from '../../../src/main/documents/text.js';
import { groupScanCode } from '../../../src/shared/domain/scan-code.js';
import { DEFAULT_LOSS_AND_DAMAGE } from '../../../src/shared/domain/loss-and-damage.js';
import { APP_ROOT } from '../../../src/main/core/paths.js';
import {
  decodeQr, flatten, inkBounds, pdfPageSizes, pdfText, readQr, renderFirstPageToFile, renderPdfToPngs, type PNG,
} from '../../helpers/pdf.js';

const TOKEN = 'K7QX2MBZ4RT5WNAHJ3PLD6YCVE';
const COLLECT = 'Collect your items before you leave: show this receipt at the office';
const DPI = 200;

function receipt(overrides: Partial<ReceiptData> = {}): ReceiptData {
  return {
    settingName: 'Oakfield Primary School & Nursery',
    settingAddress: '12 Orchard Lane\nAshford, Kent TN24 8AB',
    receiptNumber: '2026-0042',
    token: TOKEN,
    owner: { name: "Zoë O'Brien-Łukasz", detail: 'Kent County Council' },
    items: [
      { kindLabel: 'Phone', description: 'Black iPhone 13', marks: 'Cracked top-left corner, blue case', bagSlot: '12' },
      { kindLabel: 'Smart watch', description: 'Apple Watch, silver strap', marks: null, bagSlot: '12' },
    ],
    loggedAt: '2026-03-03T09:41:00.000Z',
    staffName: 'Mrs Anita Patel',
    reprint: 0,
    lossAndDamage: DEFAULT_LOSS_AND_DAMAGE,
    ...overrides,
  };
}

function nineItems(description?: string): ReceiptItem[] {
  const kinds = ['Phone', 'Smart watch', 'Tablet', 'Fitness tracker', 'E-reader', 'Camera', 'Laptop', 'Phone', 'Other device'];
  return kinds.map((kindLabel, i) => ({
    kindLabel,
    description: description ?? `Item number ${i + 1}, grey`,
    marks: i % 2 === 0 ? `Sticker ${i + 1}` : null,
    bagSlot: `B${i + 1}`,
  }));
}

// A 200-character description with ordinary words (what staff type), and one without spaces.
const LONG_DESCRIPTION = (
  'Samsung Galaxy S23 Ultra in a dark green leather wallet case with two bank cards and a folded bus ticket ' +
  'inside the flap, charging cable wrapped around it, screen protector peeling off at the bottom edge'
).slice(0, 200);

async function qrFromFirstPage(pdf: Buffer) {
  const pages = await renderPdfToPngs(pdf, DPI);
  expect(pages.length).toBe(1);
  return { page: pages[0]!, text: decodeQr(pages[0]!) };
}

describe.each<ReceiptLayout>(['roll80', 'a4'])('%s receipt', (layout) => {
  it('carries the token in a QR code that decodes from the printed page', async () => {
    const { text } = await qrFromFirstPage(await buildReceiptPdf(receipt(), layout));
    expect(text).toBe(TOKEN);
  });

  it('shows everything a visitor and the office need, in text a screen reader or search can find', async () => {
    const pdf = await buildReceiptPdf(receipt(), layout);
    const text = await pdfText(pdf);
    const flat = flatten(text);
    expect(flatten(await pdfText(pdf, { layout: false }))).toContain('Oakfield Primary School & Nursery');
    expect(flat).toContain('Device handover receipt');
    expect(flat).toContain('2026-0042');
    expect(text).toContain("Zoë O'Brien-Łukasz");
    expect(flat).toContain('Kent County Council');
    expect(flat).toContain('Phone');
    expect(flat).toContain('Smart watch');
    expect(flat).toContain('Black iPhone 13');
    expect(flat).toMatch(/Cracked top-left\s+corner, blue case|Cracked top-left corner,/);
    expect(flat.match(/\b12\b/g)?.length).toBeGreaterThanOrEqual(2);
    expect(flat).toContain('Mrs Anita Patel');
    expect(flat).toContain('3 Mar 2026, 09:41');
    expect(flat).toContain(COLLECT);
    // What the setting accepts for what it holds (the policies disclaim the rest), at the foot.
    expect(flat).toContain(DEFAULT_LOSS_AND_DAMAGE);
    // The code under the QR, in fours with the two left over last: as every screen and paper shows it.
    expect(flat).toContain('K7QX 2MBZ 4RT5 WNAH J3PL D6YC VE');
    expect(flat).not.toContain('REPRINT');
  });

  it('prints the date and time in UK time (British Summer Time in July)', async () => {
    const flat = flatten(await pdfText(await buildReceiptPdf(receipt({ loggedAt: '2026-07-10T13:05:00Z' }), layout)));
    expect(flat).toContain('10 Jul 2026, 14:05');
  });

  it('marks a reprint prominently with which copy it is', async () => {
    const pdf = await buildReceiptPdf(receipt({ reprint: 1 }), layout);
    const flat = flatten(await pdfText(pdf));
    expect(flat).toContain('REPRINT (2nd copy)');
    const { text } = await qrFromFirstPage(pdf);
    expect(text).toBe(TOKEN);
  });

  it('prints every bag/slot of nine items on one page', async () => {
    const pdf = await buildReceiptPdf(receipt({ items: nineItems() }), layout);
    const sizes = await pdfPageSizes(pdf);
    expect(sizes).toHaveLength(1);
    const flat = flatten(await pdfText(pdf));
    for (let i = 1; i <= 9; i++) expect(flat).toMatch(new RegExp(`\\bB${i}\\b`));
    expect((await qrFromFirstPage(pdf)).text).toBe(TOKEN);
  });

  it('wraps a 200-character description inside the page', async () => {
    expect(LONG_DESCRIPTION).toHaveLength(200);
    const pdf = await buildReceiptPdf(receipt({ items: [{ kindLabel: 'Phone', description: LONG_DESCRIPTION, marks: null, bagSlot: '7' }] }), layout);
    const [size] = await pdfPageSizes(pdf);
    const { page, text } = await qrFromFirstPage(pdf);
    expect(text).toBe(TOKEN);
    // Every word is there (wrapped, not cut off)...
    const raw = flatten(await pdfText(pdf, { layout: false }));
    expect(raw).toContain(LONG_DESCRIPTION.trim());
    // ...and no ink reaches the page's edge.
    const ink = inkBounds(page)!;
    const pxPerMm = DPI / 25.4;
    expect(ink.left).toBeGreaterThan(2.5 * pxPerMm);
    expect(page.width - 1 - ink.right).toBeGreaterThan(2.5 * pxPerMm);
    expect(page.width).toBeCloseTo((size!.widthPt / 72) * DPI, -1);
  });

  it('breaks a long word with no spaces rather than running off the page', async () => {
    const unspaced = 'SN'.padEnd(120, 'X7');
    const pdf = await buildReceiptPdf(receipt({ items: [{ kindLabel: 'Tablet', description: null, marks: unspaced, bagSlot: '3' }] }), layout);
    const { page } = await qrFromFirstPage(pdf);
    const ink = inkBounds(page)!;
    expect(page.width - 1 - ink.right).toBeGreaterThan(2.5 * (DPI / 25.4));
    expect(flatten(await pdfText(pdf, { layout: false })).replace(/ /g, '')).toContain(unspaced);
  });

  it('keeps the Latin part of a name with Chinese characters and emoji, and never fails', async () => {
    const name = 'Li 王芳 😀 Wang';
    const pdf = await buildReceiptPdf(receipt({ owner: { name, detail: 'Learner, Year 4' } }), layout);
    const text = await pdfText(pdf);
    expect(text).toMatch(/Li .* Wang/);
    expect(flatten(text)).toContain('Learner, Year 4');
    if (defaultFontSet().fallbackFor([...'王芳'].map((ch) => ch.codePointAt(0)!))) {
      expect(text).toContain('王芳');
    } else {
      expect(text).toContain(PLACEHOLDER);
    }
    expect((await qrFromFirstPage(pdf)).text).toBe(TOKEN);
  });

  it('prints Greek, Cyrillic, Hebrew and Arabic names with the shipped fonts', async () => {
    const pdf = await buildReceiptPdf(receipt({ owner: { name: 'محمد علي Mohammed Ali', detail: 'Ελένη Дмитрий שלום' } }), layout);
    const text = flatten((await pdfText(pdf)).replace(/[\u202a-\u202e\u2066-\u2069]/g, ' '));
    expect(text).toContain('Mohammed Ali');
    expect(text).toContain('محمد علي');
    expect(text).toContain('Ελένη Дмитрий');
    expect(text).toContain('שלום');
    expect(text).not.toContain(PLACEHOLDER);
  });

  it('shows a visible box for characters no font on the computer can draw', async () => {
    const noFallbacks = loadFontSet({ fallbackCandidates: [] });
    const pdf = await buildReceiptPdf(receipt({ owner: { name: 'Li 王芳 👍🏽 Wang', detail: null } }), layout, { fonts: noFallbacks });
    const text = await pdfText(pdf);
    // Two ideographs and one emoji (skin tone and all) become three boxes; the rest is untouched.
    expect(text).toContain(`Li ${PLACEHOLDER}${PLACEHOLDER} ${PLACEHOLDER} Wang`);
  });
});

describe('roll80 page', () => {
  it('is exactly 80 mm wide and as long as its content', async () => {
    const one = await pdfPageSizes(await buildReceiptPdf(receipt({ items: receipt().items.slice(0, 1) }), 'roll80'));
    const nine = await pdfPageSizes(await buildReceiptPdf(receipt({ items: nineItems() }), 'roll80'));
    expect(one).toHaveLength(1);
    expect(nine).toHaveLength(1);
    expect(one[0]!.widthMm).toBeCloseTo(80, 1);
    expect(nine[0]!.widthMm).toBeCloseTo(80, 1);
    // Eight more items (about 15 mm each) make a longer strip of paper.
    expect(nine[0]!.heightMm - one[0]!.heightMm).toBeGreaterThan(8 * 10);
    expect(one[0]!.heightMm).toBeGreaterThan(100);
    expect(one[0]!.heightMm).toBeLessThan(220);
  });

  it('has no blank tail: the last ink is within a few millimetres of the bottom edge', async () => {
    for (const items of [receipt().items, nineItems(LONG_DESCRIPTION)]) {
      const [page] = await renderPdfToPngs(await buildReceiptPdf(receipt({ items }), 'roll80'), 100);
      const ink = inkBounds(page!)!;
      const tailMm = ((page!.height - 1 - ink.bottom) / 100) * 25.4;
      expect(tailMm).toBeGreaterThan(2);
      expect(tailMm).toBeLessThan(8);
    }
  });

  it('prints the QR code about 30 mm wide', async () => {
    const [page] = await renderPdfToPngs(await buildReceiptPdf(receipt(), 'roll80'), DPI);
    expect(qrWidthMm(page!)).toBeGreaterThan(27);
    expect(qrWidthMm(page!)).toBeLessThan(33);
  });
});

describe('A4 page', () => {
  it('is one A4 sheet, even with nine items with long descriptions', async () => {
    const sizes = await pdfPageSizes(await buildReceiptPdf(receipt({ items: nineItems(LONG_DESCRIPTION) }), 'a4'));
    expect(sizes).toHaveLength(1);
    expect(sizes[0]!.widthMm).toBeCloseTo(210, 0);
    expect(sizes[0]!.heightMm).toBeCloseTo(297, 0);
  });

  it('never loses an item: an impossible 60 items run on to more A4 sheets rather than being cut', async () => {
    const items = Array.from({ length: 60 }, (_, i) => ({ kindLabel: 'Phone', description: `Phone ${i + 1}`, marks: null, bagSlot: `S${i + 1}` }));
    const pdf = await buildReceiptPdf(receipt({ items }), 'a4');
    const sizes = await pdfPageSizes(pdf);
    expect(sizes.length).toBeGreaterThan(1);
    for (const size of sizes) expect([Math.round(size.widthMm), Math.round(size.heightMm)]).toEqual([210, 297]);
    const flat = flatten(await pdfText(pdf));
    for (let i = 1; i <= 60; i++) expect(flat).toMatch(new RegExp(`\\bS${i}\\b`));
  });

  it('prints the QR code about 45 mm wide', async () => {
    const [page] = await renderPdfToPngs(await buildReceiptPdf(receipt(), 'a4'), DPI);
    expect(qrWidthMm(page!)).toBeGreaterThan(42);
    expect(qrWidthMm(page!)).toBeLessThan(48);
  });
});

describe('receipt data', () => {
  it('refuses a token that is not 26 base32 characters, with a message saying what is wrong', async () => {
    await expect(buildReceiptPdf(receipt({ token: 'abc' }), 'roll80')).rejects.toThrow(ReceiptDataError);
    await expect(buildReceiptPdf(receipt({ token: `${TOKEN.slice(0, 25)}1` }), 'a4')).rejects.toThrow(/receipt code/);
  });

  it('refuses a receipt with no items or a blank bag number', async () => {
    await expect(buildReceiptPdf(receipt({ items: [] }), 'roll80')).rejects.toThrow(/no items/);
    await expect(
      buildReceiptPdf(receipt({ items: [{ kindLabel: 'Phone', description: null, marks: null, bagSlot: '  ' }] }), 'roll80'),
    ).rejects.toThrow(/bag\/slot/);
  });

  it('guards against a runaway paste: a 20,000-character description is cut short, not metres long', async () => {
    const pasted = 'lorem ipsum '.repeat(1700);
    const pdf = await buildReceiptPdf(receipt({ items: [{ kindLabel: 'Phone', description: pasted, marks: null, bagSlot: '4' }] }), 'roll80');
    const [size] = await pdfPageSizes(pdf);
    expect(size!.heightMm).toBeLessThan(700);
    expect(flatten(await pdfText(pdf))).toContain('\u2026');
  });

  it('names copies in plain English', () => {
    expect(reprintLabel(1)).toBe('REPRINT (2nd copy)');
    expect(reprintLabel(2)).toBe('REPRINT (3rd copy)');
    expect(reprintLabel(3)).toBe('REPRINT (4th copy)');
    expect(reprintLabel(10)).toBe('REPRINT (11th copy)');
    expect(reprintLabel(20)).toBe('REPRINT (21st copy)');
    // Groups of four, what is left over last: read out and typed back the same way on paper and on screen.
    expect(groupScanCode(TOKEN)).toBe('K7QX 2MBZ 4RT5 WNAH J3PL D6YC VE');
    expect(groupScanCode(TOKEN).replace(/ /g, '')).toBe(TOKEN);
  });

  it('encodes the token as a small, alphanumeric QR code', () => {
    // Version 2 (25 modules): big modules, easy for a cheap USB scanner.
    expect(qrMatrix(TOKEN).size).toBe(25);
  });
});

describe('fonts', () => {
  it('skips missing and damaged fallback fonts instead of failing', async () => {
    const fonts = loadFontSet({
      fallbackCandidates: [{ file: '/no/such/font.ttf' }, { file: join(FONTS_DIR, 'LICENSE-DejaVu.txt') }, { file: join(FONTS_DIR, 'DejaVuSans.ttf') }],
    });
    expect(fonts.fallbackFor(['王'.codePointAt(0)!])).toBeNull();
    expect(fonts.fallbackFor(['Ł'.codePointAt(0)!])?.file).toBe(join(FONTS_DIR, 'DejaVuSans.ttf'));
    const text = await pdfText(await buildReceiptPdf(receipt({ owner: { name: 'Wang 王', detail: null } }), 'roll80', { fonts }));
    expect(text).toContain(`Wang ${PLACEHOLDER}`);
  });

  const notoCjk = '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc';
  it.skipIf(!existsSync(notoCjk))('uses one face of a font collection (.ttc) for Chinese characters', async () => {
    const fonts = loadFontSet({ fallbackCandidates: [{ file: notoCjk, postscriptName: 'NotoSansCJKsc-Regular' }] });
    expect(fonts.fallbackFor(['王'.codePointAt(0)!])?.font.postscriptName).toBe('NotoSansCJKsc-Regular');
    const text = await pdfText(await buildReceiptPdf(receipt({ owner: { name: '王芳 (Wang Fang)', detail: null } }), 'a4', { fonts }));
    expect(text).toContain('王芳 (Wang Fang)');
  });
});

describe('documentation screenshots', () => {
  it.runIf(process.env.SAFE_HANDS_UPDATE_SCREENSHOTS === '1')('renders docs/screenshots/receipt-80mm.png and receipt-a4.png', async () => {
    const data = receipt();
    await renderFirstPageToFile(await buildReceiptPdf(data, 'roll80'), join(APP_ROOT, 'docs', 'screenshots', 'receipt-80mm.png'), 150);
    await renderFirstPageToFile(await buildReceiptPdf(data, 'a4'), join(APP_ROOT, 'docs', 'screenshots', 'receipt-a4.png'), 150);
  });
});

/** The QR symbol's printed width, finder pattern edge to edge, in millimetres. */
function qrWidthMm(page: PNG): number {
  const found = readQr(page);
  if (!found) throw new Error('No QR code found on the page.');
  return (found.widthPx / DPI) * 25.4;
}
