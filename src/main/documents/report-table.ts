import { formatDateTime } from '../../shared/domain/time.js';
import { gap, row, rule, stack, text } from './blocks.js';
import { defaultFontSet, type FontSet } from './fonts.js';
import { A4_LANDSCAPE, A4_MARGIN, pagedTable } from './paged-table.js';
import { renderDocument } from './render-document.js';
import { TextShaper, type TextStyle } from './text.js';

export interface ReportTable {
  settingName: string;
  title: string;
  period: string;
  madeAt: string;
  madeBy: string;
  columns: { label: string; weight: number }[];
  rows: string[][];
  /** The audit mark at the foot of each page (domain/audit-mark.ts). */
  auditMark?: string | null;
}

/** A report as landscape A4 pages: the columns share the width by weight, long cells wrap. */
export function buildReportPdf(report: ReportTable, fonts: FontSet = defaultFontSet()): Promise<Buffer> {
  const shaper = new TextShaper(fonts);
  const width = A4_LANDSCAPE[0] - 2 * A4_MARGIN;
  const gutter = 5;
  const totalWeight = report.columns.reduce((n, c) => n + c.weight, 0);
  const widths = report.columns.map((c) => ((width - gutter * (report.columns.length - 1)) * c.weight) / totalWeight);
  const s = (role: TextStyle['role'], size: number, color?: string): TextStyle => ({ role, size, ...(color ? { color } : {}) });
  // A cell stops after twelve lines, with an ellipsis, so one row can never outgrow a page; the CSV keeps every
  // word. Six lines cut a concern's follow-up (LADO, police, parents) short on paper.
  const line = (cells: string[], style: TextStyle) =>
    row(cells.map((cell, i) => ({ block: text(shaper, cell, style, widths[i]!, { maxLines: 12 }), width: widths[i]! })), gutter);

  const title = stack([
    text(shaper, report.settingName, s('bold', 16), width),
    gap(2),
    text(shaper, `${report.title}: ${report.period}`, s('bold', 12), width),
    gap(2),
    text(shaper, `Made ${formatDateTime(report.madeAt)} by ${report.madeBy}. ${report.rows.length} ${report.rows.length === 1 ? 'row' : 'rows'}.`, s('regular', 9, '#444444'), width),
    gap(6),
  ]);
  const header = stack([line(report.columns.map((c) => c.label), s('bold', 8)), rule(width, 0.8, { space: 2 })]);
  const rows = report.rows.map((cells) => stack([line(cells, s('regular', 8)), rule(width, 0.3, { color: '#999999', space: 2 })]));
  return renderDocument(
    { title: `${report.title} ${report.period}`, author: report.settingName, subject: report.title },
    A4_LANDSCAPE,
    pagedTable(shaper, title, header, rows, text(shaper, 'Nothing in this period.', s('regular', 10), width), A4_LANDSCAPE, report.auditMark ?? null),
  );
}
