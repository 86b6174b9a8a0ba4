import type { ConfiscationOutcome } from './confiscation.js';
import type { DeviceKind } from './devices.js';
import { normaliseScanCode, SCAN_CODE_PATTERN } from './scan-code.js';
import { ukDay, ukTime } from './time.js';

/** Every device in custody is in exactly one of these states. */
export const CUSTODY_STATES = ['in_safe', 'returned', 'handed_on'] as const;
export type CustodyState = (typeof CUSTODY_STATES)[number];

export const OWNER_TYPES = ['visitor', 'staff', 'learner'] as const;
export type OwnerType = (typeof OWNER_TYPES)[number];

export const OWNER_TYPE_LABELS: Record<OwnerType, string> = {
  visitor: 'Visitor',
  staff: 'Staff',
  learner: 'Pupil',
};

/** Why the office holds an item. */
export const CUSTODY_REASONS = ['visitor', 'staff_own', 'learner_day', 'confiscated'] as const;
export type CustodyReason = (typeof CUSTODY_REASONS)[number];

export const CUSTODY_REASON_LABELS: Record<CustodyReason, string> = {
  visitor: 'Visitor handover',
  staff_own: 'Staff device',
  learner_day: 'Pupil device, held for the day',
  confiscated: 'Confiscated',
};

/**
 * What the reason for holding an item adds to who owns it. "Visitor handover" and "Staff device" only say
 * again that the owner is a visitor or member of staff; a pupil's device may be held for the day or
 * confiscated, which matters at the desk.
 */
const REASON_NOTES: Record<CustodyReason, string | null> = {
  visitor: null,
  staff_own: null,
  learner_day: 'Held for the day',
  confiscated: 'Confiscated',
};

/**
 * Who items belong to, each thing said once, on screen and on paper: "Visitor · Kent County Council",
 * "Visitor", "Staff", "Pupil, 6B · Confiscated". The owner's detail (custody-repo) already starts with the
 * kind of owner for staff and pupils ("Staff", "Pupil, 6B") and is the organisation for a visitor, so the
 * kind is added only where it is missing.
 */
export function ownerLine(ownerType: OwnerType, ownerDetail: string | null, reason?: CustodyReason): string {
  const kind = OWNER_TYPE_LABELS[ownerType];
  const detail = ownerDetail?.trim() ?? '';
  const who = detail === '' ? kind : detail === kind || detail.startsWith(`${kind},`) ? detail : `${kind} · ${detail}`;
  const note = reason ? REASON_NOTES[reason] : null;
  return note ? `${who} · ${note}` : who;
}

/**
 * Whether an item logged at `loggedAt` should have gone home by `now` (instants), the setting's day ending at
 * `endOfDay` (HH:MM, UK time): logged on an earlier UK day, or today at or after the end. The end-of-day
 * report, the pupils' lists and releasing a confiscated device without the DSL or head all use this.
 */
export function heldPastEndOfDay(loggedAt: string, now: string, endOfDay: string): boolean {
  return ukDay(loggedAt) < ukDay(now) || ukTime(now) >= endOfDay;
}

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
  /** For a confiscated item that has left the safe: released to a parent or carer, or handed to the police. */
  confiscationOutcome: ConfiscationOutcome | null;
}
