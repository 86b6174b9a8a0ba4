import { formatDateTime, formatTime } from '../../shared/domain/time.js';
import { box, gap, row, rule, stack, text, type Block } from './blocks.js';
import { defaultFontSet, type FontSet } from './fonts.js';
import { nameText } from './name-block.js';
import { A4, A4_MARGIN, pagedTable } from './paged-table.js';
import { renderDocument } from './render-document.js';
import { TextShaper, type TextStyle } from './text.js';

export interface RollCallPerson {
  name: string;
  organisation: string | null;
  visiting: string;
  signedInAt: string;
  /** "Device use approved: office only", "2 items in the safe", or null. */
  note: string | null;
}

export interface RollCallData {
  settingName: string;
  printedAt: string;
  printedBy: string;
  people: RollCallPerson[];
  /** Staff signed in for the day, listed apart after the visitors (organisation and visiting left empty). */
  staff?: RollCallPerson[];
  /** The audit mark at the foot of each page, e.g. "Audit trail: entry 1234, check code 3F9A-1C2D". */
  auditMark?: string | null;
}

/** "3 people on site.", or "3 visitors and 2 staff on site." once staff sign in too. */
function onSiteWords(visitors: number, staff: number): string {
  if (staff === 0) return `${visitors} ${visitors === 1 ? 'person' : 'people'} on site.`;
  return `${visitors} ${visitors === 1 ? 'visitor' : 'visitors'} and ${staff} staff on site.`;
}

/** The evacuation list: everyone signed in now, with a box to tick at the assembly point. */
export function buildRollCallPdf(data: RollCallData, fonts: FontSet = defaultFontSet()): Promise<Buffer> {
  const shaper = new TextShaper(fonts);
  const width = A4[0] - 2 * A4_MARGIN;
  const s = (role: TextStyle['role'], size: number, color?: string): TextStyle => ({ role, size, ...(color ? { color } : {}) });
  const widths = { tick: 20, name: 135, org: 95, visiting: 100, time: 34 };
  const staff = data.staff ?? [];
  const noteWidth = width - widths.tick - widths.name - widths.org - widths.visiting - widths.time - 5 * 6;
  const cells = (values: (Block | null)[]): Block =>
    row(
      [widths.tick, widths.name, widths.org, widths.visiting, widths.time, noteWidth].map((w, i) => ({ block: values[i] ?? gap(0), width: w })),
      6,
    );

  const title = stack([
    text(shaper, data.settingName, s('bold', 18), width),
    gap(2),
    text(shaper, 'Evacuation roll call: everyone signed in', s('bold', 13), width),
    gap(3),
    text(shaper, `Printed ${formatDateTime(data.printedAt)} by ${data.printedBy}. ${onSiteWords(data.people.length, staff.length)}`, s('regular', 10, '#444444'), width),
    gap(8),
  ]);
  const header = stack([
    cells([
      null,
      text(shaper, 'Name', s('bold', 9), widths.name),
      text(shaper, 'Organisation', s('bold', 9), widths.org),
      text(shaper, 'Visiting', s('bold', 9), widths.visiting),
      text(shaper, 'In at', s('bold', 9), widths.time),
      text(shaper, 'Devices', s('bold', 9), noteWidth),
    ]),
    rule(width, 1, { space: 3 }),
  ]);
  const personRow = (p: RollCallPerson) =>
    stack([
      cells([
        box(14, { padding: 0, border: 1, minHeight: 14 }, () => gap(12)),
        nameText(shaper, p.name, s('bold', 10.5), widths.name),
        text(shaper, p.organisation ?? '', s('regular', 9.5), widths.org),
        text(shaper, p.visiting, s('regular', 9.5), widths.visiting, { maxLines: 3 }),
        text(shaper, formatTime(p.signedInAt), s('regular', 9.5), widths.time),
        text(shaper, p.note ?? '', s('regular', 9), noteWidth, { maxLines: 3 }),
      ]),
      rule(width, 0.5, { color: '#999999', space: 4 }),
    ]);
  // The staff come after the visitors under a heading of their own, so each list can be read on its own.
  const staffHeading = stack([
    gap(10),
    text(shaper, `Staff signed in (${staff.length})`, s('bold', 12), width),
    gap(2),
    rule(width, 1, { space: 3 }),
  ]);
  const noVisitors = stack([text(shaper, 'No visitors are signed in.', s('regular', 10.5), width), gap(4)]);
  const visitorRows = data.people.length > 0 ? data.people.map(personRow) : staff.length > 0 ? [noVisitors] : [];
  const rows = [...visitorRows, ...(staff.length > 0 ? [staffHeading, ...staff.map(personRow)] : [])];
  const empty = text(shaper, 'Nobody is signed in.', s('regular', 11), width);
  return renderDocument(
    { title: `Roll call ${formatDateTime(data.printedAt)}`, author: data.settingName, subject: 'Evacuation roll call' },
    A4,
    pagedTable(shaper, title, header, rows, empty, A4, data.auditMark ?? null),
  );
}
