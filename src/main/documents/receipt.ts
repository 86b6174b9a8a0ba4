/**
 * The device handover receipt: what a visitor (or member of staff, or learner) keeps while their phone or
 * watch is in the office safe, and what the office scans to give it back.
 *
 * Two layouts: 'roll80' for 80 mm thermal receipt printers (the page is exactly as long as its content),
 * and 'a4' for an ordinary office printer (always one page for any realistic receipt).
 */
import { renderDocument, type PlacedBlock } from './render-document.js';
import { formatDateTime } from '../../shared/domain/time.js';
import { groupScanCode } from '../../shared/domain/scan-code.js';
import { box, centred, gap, MM, qr, row, rule, stack, text, type Block } from './blocks.js';
import { defaultFontSet, type FontSet } from './fonts.js';
import { nameText } from './name-block.js';
import { TextShaper, cleanText, type TextStyle } from './text.js';

export interface ReceiptItem {
  kindLabel: string;
  description: string | null;
  marks: string | null;
  bagSlot: string;
}

export interface ReceiptData {
  settingName: string;
  settingAddress?: string | null;
  /** Human-friendly, e.g. "2026-0042". */
  receiptNumber: string;
  /** 26 characters A-Z and 2-7 (upper-case base32): what the QR code carries. */
  token: string;
  owner: { name: string; detail?: string | null };
  items: ReceiptItem[];
  /** ISO date-time the items were logged into the safe. */
  loggedAt: string;
  staffName: string;
  /** 0 for the original; n for the nth reprint. */
  reprint: number;
  /**
   * What the setting accepts for devices in its safe (Settings, src/shared/domain/loss-and-damage.ts),
   * printed at the foot: the policies disclaim loss and damage on site, and the owner should know what holds
   * for what they handed over.
   */
  lossAndDamage?: string | null;
}

export type ReceiptLayout = 'roll80' | 'a4';

export interface ReceiptOptions {
  /** Fonts to use; the process-wide set by default. */
  fonts?: FontSet;
}

export const RECEIPT_TOKEN_PATTERN = /^[A-Z2-7]{26}$/;
export const COLLECT_LINE = 'Collect your items before you leave: show this receipt at the office.';
export const LOST_LINE = 'Lost this receipt? Tell the office: staff can still return your items once they have checked who you are.';

/** Roll paper is 80 mm wide; thermal heads print about 72 mm of it. */
export const ROLL80_WIDTH = 80 * MM;
const ROLL80_MARGIN = 4 * MM;
const A4: [number, number] = [595.28, 841.89];
const A4_MARGIN = 18 * MM;

export class ReceiptDataError extends Error {
  override name = 'ReceiptDataError';
}

/** "REPRINT (2nd copy)" for the first reprint, and so on. */
export function reprintLabel(reprint: number): string {
  return `REPRINT (${ordinal(reprint + 1)} copy)`;
}

function ordinal(n: number): string {
  const tens = n % 100;
  if (tens >= 11 && tens <= 13) return `${n}th`;
  switch (n % 10) {
    case 1: return `${n}st`;
    case 2: return `${n}nd`;
    case 3: return `${n}rd`;
    default: return `${n}th`;
  }
}

function validate(data: ReceiptData): void {
  const problems: string[] = [];
  if (!cleanText(data.settingName ?? '')) problems.push('the setting name is empty');
  if (!cleanText(data.receiptNumber ?? '')) problems.push('the receipt number is empty');
  if (!RECEIPT_TOKEN_PATTERN.test(data.token ?? '')) problems.push('the receipt code is not 26 letters A-Z and digits 2-7');
  if (!cleanText(data.owner?.name ?? '')) problems.push("the owner's name is empty");
  if (!Array.isArray(data.items) || data.items.length === 0) problems.push('there are no items');
  else if (data.items.some((item) => !cleanText(item?.bagSlot ?? '') || !cleanText(item?.kindLabel ?? ''))) {
    problems.push('an item has no kind or no bag/slot number');
  }
  if (typeof data.loggedAt !== 'string' || Number.isNaN(Date.parse(data.loggedAt))) problems.push('the time logged is not a date');
  if (!cleanText(data.staffName ?? '')) problems.push("the staff member's name is empty");
  if (!Number.isInteger(data.reprint) || data.reprint < 0) problems.push('the reprint count is not a whole number of 0 or more');
  if (problems.length > 0) throw new ReceiptDataError(`Cannot make the receipt: ${problems.join('; ')}.`);
}

/** Far more than any real name or description: a guard against a runaway paste making metres of paper. */
const MAX_FIELD_CHARS = 600;

function oneLine(value: string | null | undefined): string {
  const text = cleanText(value ?? '');
  return text.length > MAX_FIELD_CHARS ? `${text.slice(0, MAX_FIELD_CHARS).trimEnd()}\u2026` : text;
}

/** An address typed over several lines reads as one: "1 High Street, Ashford, TN1 1AA". */
function addressLine(value: string | null | undefined): string {
  return oneLine((value ?? '').split(/\r?\n/).map((part) => cleanText(part)).filter(Boolean).join(', '));
}

/** Every field as one clean line of text, within the length guard. */
function normalise(data: ReceiptData): ReceiptData {
  return {
    ...data,
    settingName: oneLine(data.settingName),
    settingAddress: addressLine(data.settingAddress),
    receiptNumber: oneLine(data.receiptNumber),
    owner: { name: oneLine(data.owner.name), detail: oneLine(data.owner.detail) || null },
    items: data.items.map((item) => ({
      kindLabel: oneLine(item.kindLabel),
      description: oneLine(item.description) || null,
      marks: oneLine(item.marks) || null,
      bagSlot: oneLine(item.bagSlot),
    })),
    staffName: oneLine(data.staffName),
    lossAndDamage: oneLine(data.lossAndDamage) || null,
  };
}

export async function buildReceiptPdf(data: ReceiptData, layout: ReceiptLayout, options: ReceiptOptions = {}): Promise<Buffer> {
  validate(data);
  const clean = normalise(data);
  const shaper = new TextShaper(options.fonts ?? defaultFontSet());
  if (layout === 'roll80') return renderRoll80(shaper, clean);
  if (layout === 'a4') return renderA4(shaper, clean);
  throw new ReceiptDataError(`Unknown receipt layout "${String(layout)}".`);
}

// ---------------------------------------------------------------------------------------------------
// 80 mm roll

function renderRoll80(shaper: TextShaper, data: ReceiptData): Promise<Buffer> {
  const width = ROLL80_WIDTH - 2 * ROLL80_MARGIN;
  const s = (role: TextStyle['role'], size: number, leading?: number): TextStyle => ({ role, size, ...(leading ? { leading } : {}) });
  const label = s('regular', 7.5);
  const address = data.settingAddress ?? '';
  const detail = data.owner.detail ?? '';

  const blocks: Block[] = [];
  if (data.reprint > 0) {
    blocks.push(
      box(width, { padding: 4, fill: '#000000' }, (w) =>
        text(shaper, reprintLabel(data.reprint), { ...s('bold', 13), color: '#ffffff' }, w, { align: 'center' })),
      gap(8),
    );
  }
  blocks.push(
    text(shaper, data.settingName, s('bold', 15, 1.15), width, { align: 'center', balance: true }),
    address ? stack([gap(1), text(shaper, address, s('regular', 8), width, { align: 'center', balance: true })]) : gap(0),
    gap(5),
    text(shaper, 'Device handover receipt', s('bold', 10), width, { align: 'center' }),
    rule(width, 1, { space: 5 }),
    text(shaper, 'Receipt number', label, width, { align: 'center' }),
    text(shaper, data.receiptNumber, s('bold', 24, 1.1), width, { align: 'center' }),
    rule(width, 1, { space: 5 }),
    text(shaper, 'Belongs to', label, width),
    nameText(shaper, data.owner.name, s('bold', 13, 1.15), width),
    detail ? text(shaper, detail, s('regular', 9.5), width) : gap(0),
    gap(6),
    text(shaper, `In the office safe (${data.items.length} ${data.items.length === 1 ? 'item' : 'items'})`, s('bold', 8.5), width),
    gap(3),
  );

  data.items.forEach((item, index) => {
    if (index > 0) blocks.push(rule(width, 0.6, { dash: 1.5, space: 4 }));
    blocks.push(roll80Item(shaper, item, width));
  });

  const pair = (name: string, value: string) =>
    row([
      { block: text(shaper, name, s('regular', 8.5), 58), width: 58 },
      { block: text(shaper, value, s('bold', 9), width - 62), width: width - 62 },
    ], 4);

  const code = qr(data.token, 30 * MM);
  blocks.push(
    rule(width, 1, { space: 5 }),
    pair('Logged in', formatDateTime(data.loggedAt)),
    gap(1),
    pair('Received by', data.staffName),
    gap(8),
    box(width, { padding: 5, border: 1.5 }, (w) => text(shaper, COLLECT_LINE, s('bold', 10.5, 1.2), w, { align: 'center', balance: true })),
    gap(8),
    centred(code, code.width, width),
    gap(1),
    text(shaper, "Can't scan it? Type this code:", s('regular', 7), width, { align: 'center' }),
    text(shaper, groupScanCode(data.token), s('mono', 9.5), width, { align: 'center' }),
    gap(6),
    text(shaper, LOST_LINE, s('regular', 7, 1.25), width, { align: 'center', balance: true }),
    data.lossAndDamage ? stack([gap(4), text(shaper, data.lossAndDamage, s('regular', 7, 1.25), width, { align: 'center', balance: true })]) : gap(0),
  );

  const content = stack(blocks);
  const pageHeight = Math.ceil(content.height + 2 * ROLL80_MARGIN);
  return renderPages(data, [ROLL80_WIDTH, pageHeight], [{ block: content, x: ROLL80_MARGIN, y: ROLL80_MARGIN }]);
}

function roll80Item(shaper: TextShaper, item: ReceiptItem, width: number): Block {
  const bagStyle: TextStyle = { role: 'bold', size: 17, leading: 1.1 };
  const bag = item.bagSlot;
  const boxWidth = Math.min(96, Math.max(56, shaper.measure(bag, bagStyle) + 14));
  const leftWidth = width - boxWidth - 8;
  const { description, marks } = item;
  const left = stack([
    text(shaper, item.kindLabel, { role: 'bold', size: 11, leading: 1.2 }, leftWidth),
    description ? text(shaper, description, { role: 'regular', size: 9 }, leftWidth) : null,
    marks ? text(shaper, `Marks: ${marks}`, { role: 'regular', size: 9 }, leftWidth) : null,
  ]);
  const bagBox = box(boxWidth, { padding: 3, border: 1.25, minHeight: 36 }, (w) => stack([
    text(shaper, 'Bag/slot', { role: 'regular', size: 6.5 }, w, { align: 'center' }),
    text(shaper, bag, bagStyle, w, { align: 'center' }),
  ]));
  return row([{ block: left, width: leftWidth }, { block: bagBox, width: boxWidth }], 8);
}

// ---------------------------------------------------------------------------------------------------
// A4

interface A4Fit {
  /** Multiplies the item table's text sizes. */
  scale: number;
  /** Most lines for a description or marks cell; longer text ends in "…". */
  maxLines?: number;
}

// Tried in order until the page fits: first smaller type in the item table, and only then (for far more
// text than a real receipt carries) descriptions cut short with "…".
const A4_FITS: A4Fit[] = [
  ...[1, 0.95, 0.9, 0.85, 0.8, 0.75, 0.7].map((scale) => ({ scale })),
  ...[8, 6, 4, 3, 2, 1].map((maxLines) => ({ scale: 0.7, maxLines })),
];

function renderA4(shaper: TextShaper, data: ReceiptData): Promise<Buffer> {
  const width = A4[0] - 2 * A4_MARGIN;
  const available = A4[1] - 2 * A4_MARGIN;
  let chosen: { head: Block; rows: Block[]; foot: Block } | null = null;
  for (const fit of A4_FITS) {
    chosen = a4Blocks(shaper, data, width, fit);
    const total = chosen.head.height + chosen.rows.reduce((sum, b) => sum + b.height, 0) + chosen.foot.height;
    if (total <= available) break;
  }
  const { head, rows, foot } = chosen!;

  // Pages: normally one. Only an impossible number of items runs on to a second page, row by row.
  const pages: { block: Block; x: number; y: number }[][] = [[]];
  let y = A4_MARGIN;
  const place = (block: Block) => {
    if (y + block.height > A4[1] - A4_MARGIN + 0.01 && y > A4_MARGIN) {
      pages.push([]);
      y = A4_MARGIN;
    }
    pages[pages.length - 1]!.push({ block, x: A4_MARGIN, y });
    y += block.height;
  };
  place(head);
  rows.forEach(place);
  place(foot);
  return renderPages(data, A4, ...pages);
}

function a4Blocks(shaper: TextShaper, data: ReceiptData, width: number, fit: A4Fit): { head: Block; rows: Block[]; foot: Block } {
  const grey = '#444444';
  const s = (role: TextStyle['role'], size: number, color?: string, leading?: number): TextStyle => ({
    role, size, ...(color ? { color } : {}), ...(leading ? { leading } : {}),
  });
  const address = data.settingAddress ?? '';
  const detail = data.owner.detail ?? '';

  const numberStyle = s('bold', 28, undefined, 1.1);
  const rightWidth = Math.min(240, Math.max(150, shaper.measure(data.receiptNumber, numberStyle) + 4));
  const leftWidth = width - rightWidth - 16;
  const header = row([
    {
      block: stack([
        text(shaper, data.settingName, s('bold', 21, undefined, 1.15), leftWidth, { balance: true }),
        address ? stack([gap(2), text(shaper, address, s('regular', 10, grey), leftWidth)]) : null,
        gap(6),
        text(shaper, 'Device handover receipt', s('bold', 13), leftWidth),
      ]),
      width: leftWidth,
    },
    {
      block: stack([
        text(shaper, 'Receipt number', s('regular', 9, grey), rightWidth, { align: 'right' }),
        text(shaper, data.receiptNumber, numberStyle, rightWidth, { align: 'right' }),
      ]),
      width: rightWidth,
      align: 'bottom',
    },
  ], 16);

  const code = qr(data.token, 45 * MM);
  const qrColumn = Math.max(code.width, 200);
  const infoWidth = width - qrColumn - 24;
  const pair = (name: string, value: string) =>
    row([
      { block: text(shaper, name, s('regular', 10.5, grey), 90), width: 90 },
      { block: text(shaper, value, s('regular', 11.5), infoWidth - 96), width: infoWidth - 96 },
    ], 6);
  const count = `${data.items.length} ${data.items.length === 1 ? 'item' : 'items'} in the office safe`;
  const middle = row([
    {
      block: stack([
        gap(4),
        text(shaper, 'Belongs to', s('regular', 9.5, grey), infoWidth),
        nameText(shaper, data.owner.name, s('bold', 19, undefined, 1.15), infoWidth),
        detail ? text(shaper, detail, s('regular', 12.5), infoWidth) : null,
        gap(14),
        pair('Logged in', formatDateTime(data.loggedAt)),
        gap(3),
        pair('Received by', data.staffName),
        gap(3),
        pair('Items', count),
      ]),
      width: infoWidth,
    },
    {
      block: stack([
        centred(code, code.width, qrColumn),
        gap(2),
        text(shaper, "Can't scan it? Type this code:", s('regular', 8, grey), qrColumn, { align: 'center' }),
        text(shaper, groupScanCode(data.token), s('mono', 10), qrColumn, { align: 'center', balance: true }),
      ]),
      width: qrColumn,
    },
  ], 24);

  const head: Block[] = [];
  if (data.reprint > 0) {
    head.push(
      box(width, { padding: 6, fill: '#000000' }, (w) =>
        text(shaper, reprintLabel(data.reprint), { ...s('bold', 16), color: '#ffffff' }, w, { align: 'center' })),
      gap(12),
    );
  }
  head.push(header, rule(width, 1.5, { space: 10 }), middle, gap(16));

  // The item table: what it is, how to recognise it, where it is.
  const k = fit.scale;
  const cols = { kind: 105, description: width - 105 - 80 - 2 * 12, bag: 80 };
  const widths = [cols.kind, cols.description, cols.bag];
  const tableRow = (cells: Block[]) => row(cells.map((block, i) => ({ block, width: widths[i]! })), 12);
  const headStyle = s('bold', 9, grey);
  head.push(
    text(shaper, 'Items in the office safe', s('bold', 13), width),
    gap(6),
    tableRow([
      text(shaper, 'Item', headStyle, cols.kind),
      text(shaper, 'Description and identifying marks', headStyle, cols.description),
      text(shaper, 'Bag/slot', headStyle, cols.bag),
    ]),
    rule(width, 1, { space: 3 }),
  );

  const lines = fit.maxLines ? { maxLines: fit.maxLines } : {};
  const rows = data.items.map((item, index) => {
    const { description, marks } = item;
    return stack([
      index > 0 ? rule(width, 0.5, { color: '#888888' }) : null,
      gap(5 * k),
      tableRow([
        text(shaper, item.kindLabel, s('bold', 11.5 * k), cols.kind),
        stack([
          description ? text(shaper, description, s('regular', 10.5 * k), cols.description, lines) : null,
          marks ? text(shaper, `Marks: ${marks}`, s('regular', 10.5 * k, grey), cols.description, lines) : null,
          !description && !marks ? text(shaper, '\u2014', s('regular', 10.5 * k), cols.description) : null,
        ]),
        text(shaper, item.bagSlot, s('bold', 16 * k, undefined, 1.1), cols.bag),
      ]),
      gap(5 * k),
    ]);
  });

  const foot = stack([
    rule(width, 1),
    gap(18),
    box(width, { padding: 10, border: 2 }, (w) => text(shaper, COLLECT_LINE, s('bold', 15, undefined, 1.25), w, { align: 'center', balance: true })),
    gap(8),
    text(shaper, LOST_LINE, s('regular', 9.5, grey), width, { align: 'center', balance: true }),
    data.lossAndDamage ? stack([gap(6), text(shaper, data.lossAndDamage, s('regular', 9.5, grey), width, { align: 'center', balance: true })]) : null,
  ]);
  return { head: stack(head), rows, foot };
}

// ---------------------------------------------------------------------------------------------------

function renderPages(data: ReceiptData, size: [number, number], ...pages: PlacedBlock[][]): Promise<Buffer> {
  return renderDocument(
    { title: `Device handover receipt ${cleanText(data.receiptNumber)}`, author: cleanText(data.settingName), subject: 'Device handover receipt' },
    size,
    pages,
  );
}
