import type { CommandInput } from '../../shared/contract/index.js';
import { DEVICE_KIND_LABELS, type DeviceKind } from '../../shared/domain/devices.js';
import {
  purposeWords, type StaffPermissionInForce, type StaffPermissionPurpose, type StaffPermissionView,
} from '../../shared/domain/staff-permissions.js';
import { formatDate } from '../../shared/domain/time.js';
import { problemsWith } from '../lib/contract-check.js';
import { deciderFields } from '../lib/decider-form.js';
import { dayLabel } from '../lib/uk-clock.js';

/** The "Record a permission" form as the office fills it in; an empty date box means "none". */
export interface PermissionDraft {
  staffId: number | null;
  deviceKind: DeviceKind | '';
  deviceDescription: string;
  purpose: StaffPermissionPurpose | null;
  purposeDetail: string;
  permittedUse: string;
  permittedAreas: string;
  conditions: string;
  riskAssessedOn: string;
  validFrom: string;
  validUntil: string;
  /** Who approved: a head, who types their own PIN below. */
  approvedBy: number | null;
  pin: string;
}

export type PermissionField = keyof PermissionDraft;

export function newPermissionDraft(today: string, approvedBy: number | null): PermissionDraft {
  return {
    staffId: null, deviceKind: 'phone', deviceDescription: '', purpose: null, purposeDetail: '', permittedUse: '', permittedAreas: '',
    conditions: '', riskAssessedOn: '', validFrom: today, validUntil: '', approvedBy, pin: '',
  };
}

/** The form as staffPermission.record takes it; what is not chosen yet goes as missing, for the contract to name. */
export function permissionInput(d: PermissionDraft): CommandInput<'staffPermission.record'> {
  return {
    staffId: d.staffId as number,
    deviceKind: (d.deviceKind || undefined) as DeviceKind,
    deviceDescription: d.deviceDescription.trim(),
    purpose: (d.purpose ?? undefined) as StaffPermissionPurpose,
    purposeDetail: d.purposeDetail.trim() || null,
    permittedUse: d.permittedUse.trim(),
    permittedAreas: d.permittedAreas.trim(),
    conditions: d.conditions.trim() || null,
    riskAssessedOn: d.riskAssessedOn || null,
    validFrom: d.validFrom,
    validUntil: d.validUntil || null,
    approvedBy: { staffId: d.approvedBy as number, pin: d.pin },
  };
}

/** Main's field paths as this form's boxes ("approvedBy.pin" is the PIN box). */
export function permissionFields(fields: Record<string, string>): Record<string, string> {
  return deciderFields(fields, 'approvedBy');
}

/** What main would say about the form now, by the contract's own rules and words. */
export function checkPermission(d: PermissionDraft): Record<string, string> {
  return permissionFields(problemsWith('staffPermission.record', permissionInput(d)));
}

/** Where a permission stands, in words: the list's tag says it this way. */
export function permissionStateWords(p: StaffPermissionView): string {
  switch (p.state) {
    case 'awaiting_signature': return 'Not in force: waiting for their signature';
    case 'in_force': return p.validUntil === null ? 'In force until it is ended' : `In force until ${dayLabel(p.validUntil)}`;
    case 'not_started': return `Signed, starts on ${dayLabel(p.validFrom)}`;
    case 'expired': return `Ran out on ${dayLabel(p.validUntil!)}`;
    case 'ended': return `Ended on ${formatDate(p.ended!.at)}`;
  }
}

/** "Mon, 23 Nov 2026 to Fri, 12 Feb 2027", or "From Mon, 23 Nov 2026, until ended". */
export function permissionDaysWords(p: Pick<StaffPermissionView, 'validFrom' | 'validUntil'>): string {
  return p.validUntil === null ? `From ${dayLabel(p.validFrom)}, until ended` : `${dayLabel(p.validFrom)} to ${dayLabel(p.validUntil)}`;
}

/** "May keep phone: remote learning", as Staff on site says it beside someone's name. */
export function mayKeepWords(p: Pick<StaffPermissionInForce, 'deviceKind' | 'purpose' | 'purposeDetail'>): string {
  return `May keep ${DEVICE_KIND_LABELS[p.deviceKind].toLowerCase()}: ${purposeWords(p)}`;
}
