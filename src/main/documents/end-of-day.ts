import { formatDateTime, formatDay, formatTime, ukDay } from '../../shared/domain/time.js';
import { gap, row, rule, stack, text, type Block } from './blocks.js';
import { defaultFontSet, type FontSet } from './fonts.js';
import { nameText } from './name-block.js';
import { A4, A4_MARGIN, pagedTable } from './paged-table.js';
import { renderDocument } from './render-document.js';
import { TextShaper, type TextStyle } from './text.js';

export interface EndOfDayVisitor {
  name: string;
  organisation: string | null;
  visiting: string;
  signedInAt: string;
  itemsInSafe: number;
}

export interface EndOfDayOwner {
  name: string;
  /** Who they are, said once: "Visitor · Kent County Council", "Pupil, 6B" (domain/custody.ts ownerLine). */
  owner: string;
  /** One line an item: "Phone, bag 12 · Black iPhone", "Phone, bag C3 · Confiscated: filming". */
  items: string[];
  heldSince: string;
  receiptNumbers: string[];
  pastEndOfDay: boolean;
}

export interface EndOfDayData {
  settingName: string;
  /** The day reported on, YYYY-MM-DD. */
  date: string;
  /** When the setting's day ends, "17:30". */
  endOfDay: string;
  printedAt: string;
  printedBy: string;
  notSignedOut: EndOfDayVisitor[];
  inSafe: EndOfDayOwner[];
  noShows: number;
  /** The audit mark at the foot of each page (domain/audit-mark.ts). */
  auditMark?: string | null;
}

function counted(n: number, one: string, many: string): string {
  return n === 1 ? `1 ${one}` : `${n} ${many}`;
}

/**
 * The end-of-day report on A4, as the page on screen shows it: the setting, the day, who never signed out,
 * what is still in the safe (with bags and receipts, so it can be checked against the safe by eye) and the
 * booked visitors who did not come. Sections follow one another; no row is split across pages.
 */
export function buildEndOfDayPdf(data: EndOfDayData, fonts: FontSet = defaultFontSet()): Promise<Buffer> {
  const shaper = new TextShaper(fonts);
  const width = A4[0] - 2 * A4_MARGIN;
  const s = (role: TextStyle['role'], size: number, color?: string): TextStyle => ({ role, size, ...(color ? { color } : {}) });
  const when = (iso: string) => (ukDay(iso) === data.date ? formatTime(iso) : formatDateTime(iso));
  const items = data.inSafe.reduce((n, o) => n + o.items.length, 0);

  const title = stack([
    text(shaper, data.settingName, s('bold', 18), width),
    gap(2),
    text(shaper, `End of day: ${formatDay(data.date)}`, s('bold', 13), width),
    gap(3),
    text(shaper, `The day ends at ${data.endOfDay}. Printed ${formatDateTime(data.printedAt)} by ${data.printedBy}.`, s('regular', 10, '#444444'), width),
    gap(3),
    text(shaper, `${counted(data.notSignedOut.length, 'visitor has', 'visitors have')} not signed out; ${counted(items, 'item is', 'items are')} still in the safe.`, s('bold', 10.5), width),
    gap(6),
  ]);
  const heading = (label: string) => stack([gap(8), text(shaper, label, s('bold', 12), width), rule(width, 1, { space: 3 })]);
  const none = (line: string) => stack([text(shaper, line, s('regular', 10), width), gap(4)]);

  const widths = { name: 130, org: 105, visiting: 120, time: 60 };
  const itemsWidth = width - widths.name - widths.org - widths.visiting - widths.time - 4 * 6;
  const visitorHead = stack([
    row([
      { block: text(shaper, 'Name', s('bold', 8.5, '#444444'), widths.name), width: widths.name },
      { block: text(shaper, 'Organisation', s('bold', 8.5, '#444444'), widths.org), width: widths.org },
      { block: text(shaper, 'Visiting', s('bold', 8.5, '#444444'), widths.visiting), width: widths.visiting },
      { block: text(shaper, 'Signed in', s('bold', 8.5, '#444444'), widths.time), width: widths.time },
      { block: text(shaper, 'In the safe', s('bold', 8.5, '#444444'), itemsWidth), width: itemsWidth },
    ], 6),
    gap(3),
  ]);
  const visitorRows = data.notSignedOut.map((v) =>
    stack([
      row([
        { block: nameText(shaper, v.name, s('bold', 10), widths.name), width: widths.name },
        { block: text(shaper, v.organisation ?? '', s('regular', 9.5), widths.org, { maxLines: 2 }), width: widths.org },
        { block: text(shaper, v.visiting, s('regular', 9.5), widths.visiting, { maxLines: 3 }), width: widths.visiting },
        { block: text(shaper, when(v.signedInAt), s('regular', 9.5), widths.time), width: widths.time },
        { block: text(shaper, v.itemsInSafe > 0 ? counted(v.itemsInSafe, 'item', 'items') : 'None', s(v.itemsInSafe > 0 ? 'bold' : 'regular', 9.5), itemsWidth), width: itemsWidth },
      ], 6),
      rule(width, 0.5, { color: '#999999', space: 4 }),
    ]),
  );

  const ownerWidth = 190;
  const listWidth = width - ownerWidth - 8;
  const ownerRows = data.inSafe.map((o) =>
    stack([
      row([
        {
          block: stack([
            nameText(shaper, o.name, s('bold', 10), ownerWidth),
            text(shaper, o.owner, s('regular', 9, '#444444'), ownerWidth, { maxLines: 2 }),
            o.pastEndOfDay ? text(shaper, 'After the end of the day', s('bold', 9), ownerWidth) : null,
          ]),
          width: ownerWidth,
        },
        {
          block: stack([
            ...o.items.map((line) => text(shaper, line, s('regular', 9.5), listWidth, { maxLines: 2 })),
            gap(1),
            text(shaper, `Since ${when(o.heldSince)} · ${o.receiptNumbers.length === 1 ? 'Receipt' : 'Receipts'} ${o.receiptNumbers.join(', ')}`, s('regular', 8.5, '#444444'), listWidth),
          ]),
          width: listWidth,
        },
      ], 8),
      rule(width, 0.5, { color: '#999999', space: 4 }),
    ]),
  );

  const rows: Block[] = [
    heading('Visitors who have not signed out'),
    ...(visitorRows.length > 0 ? [visitorHead, ...visitorRows] : [none('Everyone who signed in today has signed out.')]),
    heading('Still in the safe'),
    ...(ownerRows.length > 0 ? ownerRows : [none('The safe is empty.')]),
    heading('Booked visitors who did not come'),
    none(data.noShows === 0 ? 'None today.' : `${counted(data.noShows, 'booked visitor', 'booked visitors')} did not arrive.`),
  ];
  return renderDocument(
    { title: `End of day ${data.date}`, author: data.settingName, subject: 'End-of-day report' },
    A4,
    pagedTable(shaper, title, gap(0), rows, gap(0), A4, data.auditMark ?? null),
  );
}
