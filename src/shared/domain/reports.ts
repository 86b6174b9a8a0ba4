export const REPORT_KINDS = ['visitors', 'custody', 'exceptions', 'concerns'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

export const REPORT_TITLES: Record<ReportKind, string> = {
  visitors: 'Visitor log',
  custody: 'Device custody log',
  exceptions: 'Device exceptions',
  concerns: 'Concerns',
};
