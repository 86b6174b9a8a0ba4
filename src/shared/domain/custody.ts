import type { DeviceKind } from './devices.js';
import { normaliseScanCode, SCAN_CODE_PATTERN } from './scan-code.js';

/** Every device in custody is in exactly one of these states. */
export const CUSTODY_STATES = ['in_safe', 'returned', 'handed_on'] as const;
export type CustodyState = (typeof CUSTODY_STATES)[number];

export const OWNER_TYPES = ['visitor', 'staff', 'learner'] as const;
export type OwnerType = (typeof OWNER_TYPES)[number];

/** Why the office holds an item. */
export const CUSTODY_REASONS = ['visitor', 'staff_own', 'learner_day', 'confiscated'] as const;
export type CustodyReason = (typeof CUSTODY_REASONS)[number];

export const CUSTODY_REASON_LABELS: Record<CustodyReason, string> = {
  visitor: 'Visitor handover',
  staff_own: 'Staff device',
  learner_day: 'Pupil device, held for the day',
  confiscated: 'Confiscated',
};

export const RECEIPT_TOKEN_LENGTH = 26;
const NUMBER_PATTERN = /^(\d{4})-(\d{4,6})$/;

export type CollectionCode =
  | { type: 'token'; token: string }
  | { type: 'number'; number: string }
  | { type: 'invalid'; message: string };

/**
 * What staff scanned or typed at the collection desk: the QR token, or the receipt number printed on it.
 * Scanners add stray spaces or a trailing newline, and a code typed from the paper may be in lower case, in
 * groups, or with 0 for O (normaliseScanCode); anything else that does not fit is refused plainly.
 */
export function parseCollectionCode(raw: string): CollectionCode {
  const code = raw.replace(/[\s\u200b]+/g, '');
  if (code === '') return { type: 'invalid', message: 'Scan the QR code on the receipt, or type the receipt number.' };
  if (NUMBER_PATTERN.test(code)) return { type: 'number', number: code };
  const token = normaliseScanCode(code);
  if (SCAN_CODE_PATTERN.test(token)) return { type: 'token', token };
  return { type: 'invalid', message: 'That is not a Safe Hands receipt code. Scan the QR code again, or type the receipt number (like 2026-0042).' };
}

export function formatReceiptNumber(year: number, seq: number): string {
  return `${year}-${String(seq).padStart(4, '0')}`;
}

export interface CustodyItemView {
  itemId: number;
  kind: DeviceKind;
  description: string | null;
  marks: string | null;
  bagSlot: string;
  reason: CustodyReason;
  confiscationReason: string | null;
  state: CustodyState;
  loggedAt: string;
  loggedBy: string;
  closedAt: string | null;
  closedBy: string | null;
  closedTo: string | null;
  closedNote: string | null;
  corrected: boolean;
}
