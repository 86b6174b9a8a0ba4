import { gap, MM, stack, text, type Block } from './blocks.js';
import type { PlacedBlock } from './render-document.js';
import type { TextShaper } from './text.js';

export const A4: [number, number] = [210 * MM, 297 * MM];
export const A4_LANDSCAPE: [number, number] = [297 * MM, 210 * MM];
export const A4_MARGIN = 15 * MM;

/**
 * Lays a title block, a column header and rows over as many A4 pages as they need: the column header
 * repeats on every page, a row is never split, and every page says "Page n of m" at its foot.
 */
export function pagedTable(
  shaper: TextShaper,
  title: Block,
  header: Block,
  rows: readonly Block[],
  empty: Block,
  page: [number, number] = A4,
  /** Printed at the foot of every page, left of the page number: the audit mark (domain/audit-mark.ts). */
  footNote: string | null = null,
): PlacedBlock[][] {
  const bottom = page[1] - A4_MARGIN - 14;
  const pages: PlacedBlock[][] = [];
  let current: PlacedBlock[] = [];
  let y = A4_MARGIN;
  const newPage = (first: boolean) => {
    current = [];
    pages.push(current);
    y = A4_MARGIN;
    if (first) {
      current.push({ block: title, x: A4_MARGIN, y });
      y += title.height;
    }
    current.push({ block: header, x: A4_MARGIN, y });
    y += header.height;
  };
  newPage(true);
  if (rows.length === 0) current.push({ block: empty, x: A4_MARGIN, y });
  for (const row of rows) {
    if (y + row.height > bottom) newPage(false);
    current.push({ block: row, x: A4_MARGIN, y });
    y += row.height;
  }
  const width = page[0] - 2 * A4_MARGIN;
  const foot = { role: 'regular', size: 8, color: '#444444' } as const;
  pages.forEach((p, i) => {
    p.push({
      block: stack([gap(2), text(shaper, `Page ${i + 1} of ${pages.length}`, foot, width, { align: 'right' })]),
      x: A4_MARGIN,
      y: bottom,
    });
    if (footNote) p.push({ block: stack([gap(2), text(shaper, footNote, foot, width * 0.7)]), x: A4_MARGIN, y: bottom });
  });
  return pages;
}
