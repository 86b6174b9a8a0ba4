export const REPORT_KINDS = ['visitors', 'custody', 'exceptions', 'concerns'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

/** The visitor log's column for the signature drawn at the kiosk: the console draws it there. */
export const SIGNATURE_COLUMN = 'Signature';

export const REPORT_TITLES: Record<ReportKind, string> = {
  visitors: 'Visitor log',
  custody: 'Device custody log',
  exceptions: 'Device exceptions',
  concerns: 'Concerns',
};
