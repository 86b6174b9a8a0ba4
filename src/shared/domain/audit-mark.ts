/**
 * The audit mark printed at the foot of roll calls, reports and the end-of-day page: the newest audit
 * entry when the sheet was printed, and the first eight characters of its seal. Paper cannot be edited,
 * so a DSL can later type the two into the Audit trail to see whether the trail still holds that entry as
 * it was (audit/audit-trail.ts checkMark).
 */
export interface AuditMark {
  entry: number;
  /** Eight characters of the entry's seal, upper case: "3F9A1C2D". */
  code: string;
}

export function auditMarkOf(head: { id: number; hash: string }): AuditMark {
  return { entry: head.id, code: head.hash.slice(0, 8).toUpperCase() };
}

/** As printed: "Audit trail: entry 1234, check code 3F9A-1C2D". */
export function formatAuditMark(mark: AuditMark): string {
  return `Audit trail: entry ${mark.entry}, check code ${mark.code.slice(0, 4)}-${mark.code.slice(4)}`;
}

/** A check code as typed from paper: any case, with or without the dash or spaces. */
export function normaliseCheckCode(typed: string): string {
  return typed.replace(/[\s-]/g, '').toUpperCase();
}
