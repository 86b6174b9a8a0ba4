import { parsePolicyText } from '../../shared/domain/policy-blocks.js';
import { formatDate } from '../../shared/domain/time.js';
import { gap, row, rule, stack, text, type Block } from './blocks.js';
import { defaultFontSet, type FontSet } from './fonts.js';
import { A4, A4_MARGIN, pagedTable } from './paged-table.js';
import { renderDocument } from './render-document.js';
import { drawLines, TextShaper, type TextStyle } from './text.js';

export interface LeafletData {
  settingName: string;
  title: string;
  /** The DSL's text in the expectations' light markup: "### " headings, "- " lists, blank-line paragraphs. */
  body: string;
  version: number;
  publishedAt: string;
}

const BULLET_COLUMN = 16;

/**
 * A paragraph as one block per line, so a long one flows on to the next page instead of running off the
 * foot of this one (pagedTable never splits a block).
 */
function lineBlocks(shaper: TextShaper, content: string, style: TextStyle, width: number): Block[] {
  const height = shaper.lineHeight(style);
  return shaper.wrap(content, style, width).map((line) => ({
    height,
    draw(doc, x, y) {
      drawLines(doc, shaper, [line], style, x, y, width, 'left');
    },
  }));
}

/**
 * The safeguarding leaflet (school §6) on A4, as the DSL wrote it: the setting's name, the title, then the
 * headings, paragraphs and lists of the text. It names no visitor and carries no time of printing, so the
 * same version always prints the same page; the foot says which version it is and when it was published,
 * so a visitor (or an inspector) can see it is the current one.
 */
export function buildLeafletPdf(data: LeafletData, fonts: FontSet = defaultFontSet()): Promise<Buffer> {
  const shaper = new TextShaper(fonts);
  const width = A4[0] - 2 * A4_MARGIN;
  const body: TextStyle = { role: 'regular', size: 11.5, leading: 1.35 };
  const heading: TextStyle = { role: 'bold', size: 14, leading: 1.25 };

  const title = stack([
    text(shaper, data.settingName, { role: 'bold', size: 13, color: '#444444' }, width),
    gap(4),
    text(shaper, data.title, { role: 'bold', size: 22, leading: 1.15 }, width, { balance: true }),
    rule(width, 1.5, { space: 8 }),
  ]);

  const rows: Block[] = [];
  // A heading is kept with the first line after it, so it never sits alone at the foot of a page.
  let pendingHeading: Block | null = null;
  const push = (block: Block) => {
    rows.push(pendingHeading ? stack([pendingHeading, block]) : block);
    pendingHeading = null;
  };
  for (const block of parsePolicyText(data.body)) {
    if (block.kind === 'heading') {
      if (pendingHeading) rows.push(pendingHeading);
      pendingHeading = stack([gap(8), ...lineBlocks(shaper, block.text, heading, width), gap(3)]);
    } else if (block.kind === 'paragraph') {
      lineBlocks(shaper, block.text, body, width).forEach(push);
      rows.push(gap(7));
    } else {
      for (const item of block.items) {
        lineBlocks(shaper, item, body, width - BULLET_COLUMN).forEach((line, i) =>
          push(row([{ block: i === 0 ? text(shaper, '•', body, BULLET_COLUMN) : gap(0), width: BULLET_COLUMN }, { block: line, width: width - BULLET_COLUMN }], 0)));
        rows.push(gap(2));
      }
      rows.push(gap(5));
    }
  }
  if (pendingHeading) rows.push(pendingHeading);

  const footNote = `Safeguarding leaflet, version ${data.version}, published ${formatDate(data.publishedAt)}`;
  return renderDocument(
    { title: data.title, author: data.settingName, subject: 'Safeguarding leaflet for visitors' },
    A4,
    pagedTable(shaper, title, gap(0), rows, gap(0), A4, footNote),
  );
}
