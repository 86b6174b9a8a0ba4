import { commandSchemas, type CommandInput } from '../../shared/contract/index.js';
import { fieldProblems } from '../../shared/invalid-input.js';
import { DEVICE_KINDS, MAX_DEVICES_PER_KIND, type DeclaredDevice, type DeviceKind } from '../../shared/domain/devices.js';
import { DEFAULT_RISK_CHECKLIST, type ExceptionPurpose } from '../../shared/domain/exceptions.js';
import type { OpenExceptionRequest } from '../../shared/domain/exception-requests.js';
import { isTime, ukWallTimeToIso } from '../lib/uk-clock.js';
import { now } from '../lib/clock.js';

/**
 * Who an approval is for: someone on site now (answering the request they made at the kiosk, if they did),
 * or a booked visitor before they arrive.
 */
export type ApprovalTarget =
  | { type: 'visit'; visitId: number; name: string; detail: string; date: string; request?: OpenExceptionRequest | null }
  | { type: 'booking'; bookingId: number; name: string; detail: string; date: string };

export type DeviceCounts = Record<DeviceKind, number>;

/** The approval form as the DSL fills it in. */
export interface ApprovalDraft {
  purpose: ExceptionPurpose | null;
  purposeDetail: string;
  devices: DeviceCounts;
  permittedUse: string;
  permittedAreas: string;
  conditions: string;
  /** One answer per item of DEFAULT_RISK_CHECKLIST, in the same order. */
  checklist: boolean[];
  riskNotes: string;
  /** 'visit': until they sign out; 'time': until a time on the day of the visit. */
  until: 'visit' | 'time';
  untilTime: string;
  approverId: number | null;
  pin: string;
}

export type DraftField = Exclude<keyof ApprovalDraft, 'devices' | 'checklist'>;

export function countsFrom(devices: readonly DeclaredDevice[]): DeviceCounts {
  const counts = Object.fromEntries(DEVICE_KINDS.map((k) => [k, 0])) as DeviceCounts;
  for (const d of devices) counts[d.kind] = Math.min(MAX_DEVICES_PER_KIND, d.quantity);
  return counts;
}

/** A visitor's request starts the form with their device ticked and their own words as the use, for the DSL to edit. */
export function newDraft(devices: readonly DeclaredDevice[], approverId: number | null, request?: OpenExceptionRequest | null): ApprovalDraft {
  const counts = countsFrom(devices);
  if (request) counts[request.deviceKind] = Math.max(1, counts[request.deviceKind]);
  return {
    purpose: null,
    purposeDetail: '',
    devices: counts,
    permittedUse: request?.purpose ?? '',
    permittedAreas: '',
    conditions: '',
    checklist: DEFAULT_RISK_CHECKLIST.map(() => false),
    riskNotes: '',
    until: 'visit',
    untilTime: '',
    approverId,
    pin: '',
  };
}

export function chosenDevices(counts: DeviceCounts): DeclaredDevice[] {
  return DEVICE_KINDS.filter((k) => counts[k] > 0).map((kind) => ({ kind, quantity: counts[kind] }));
}

function validUntil(d: ApprovalDraft, target: ApprovalTarget): string | null {
  return d.until === 'visit' ? null : ukWallTimeToIso(target.date, d.untilTime);
}

/**
 * What exception.approve would refuse, by the contract's rules and in its words (whether the DSL's PIN is
 * theirs only main can say), with the two rules that are this form's own.
 */
export function checkDraft(d: ApprovalDraft, target: ApprovalTarget, at: Date = now()): Record<string, string> {
  const input = approvalInput(d, target);
  // No DSL chosen yet is checked as missing, for the contract to name (the input is only sent once one is).
  const checked = { ...input, approver: { ...input.approver, staffId: d.approverId ?? undefined } };
  const fields = formFields(fieldProblems(commandSchemas['exception.approve'].input, checked));
  // The form's own rule, which main does not hold (it keeps the checklist as answered): a check left
  // unticked needs the DSL's reason in the notes.
  const unticked = d.checklist.filter((c) => !c).length;
  if (unticked > 0 && d.riskNotes.trim() === '') {
    fields.riskNotes = unticked === 1
      ? 'One check is not ticked: say in the notes why device use is still safe.'
      : `${unticked} checks are not ticked: say in the notes why device use is still safe.`;
  }
  // "Until a time" is this form's: a time that is not one on the visit's day would go as "until they sign
  // out", which the contract takes; and "already passed" needs the clock, which the contract does not read.
  if (d.until === 'time') {
    const iso = isTime(d.untilTime) ? validUntil(d, target) : null;
    if (!iso) fields.untilTime = 'Enter a time like 15:30.';
    else if (Date.parse(iso) <= at.getTime()) fields.untilTime = 'That time has already passed.';
  }
  return fields;
}

type ApproveInput = CommandInput<'exception.approve'>;

/** Blank optional text is sent as null ("not given"); every checklist item is sent with its answer. */
export function approvalInput(d: ApprovalDraft, target: ApprovalTarget): ApproveInput {
  return {
    target: target.type === 'visit' ? { type: 'visit', visitId: target.visitId } : { type: 'booking', bookingId: target.bookingId },
    purpose: d.purpose as ExceptionPurpose,
    purposeDetail: d.purposeDetail.trim() || null,
    devices: chosenDevices(d.devices),
    permittedUse: d.permittedUse.trim(),
    permittedAreas: d.permittedAreas.trim(),
    conditions: d.conditions.trim() || null,
    riskChecklist: DEFAULT_RISK_CHECKLIST.map((item, i) => ({ item, checked: d.checklist[i] ?? false })),
    riskNotes: d.riskNotes.trim() || null,
    validUntil: validUntil(d, target),
    // Approving closes the visitor's request in the same transaction.
    ...(target.type === 'visit' && target.request ? { requestId: target.request.requestId } : {}),
    approver: { staffId: d.approverId ?? 0, pin: d.pin },
  };
}

/** Main's field paths ("approver.staffId", "devices.0.quantity") as the names of this form's fields. */
export function formField(path: string): string {
  if (path === 'approver.staffId') return 'approverId';
  if (path === 'pin' || path === 'approver.pin') return 'pin';
  if (path === 'validUntil' || path === 'validFrom') return 'untilTime';
  if (path.startsWith('devices')) return 'devices';
  if (path.startsWith('riskChecklist')) return 'riskChecklist';
  return path;
}

export function formFields(fields: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(fields)) out[formField(k)] ??= v;
  return out;
}
