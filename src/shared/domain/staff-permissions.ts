import type { DeviceKind } from './devices.js';

/**
 * A member of staff's permission to use their own phone or device at work (nursery §4, school §4): the
 * headteacher's written permission, for example to use it in lessons or, after a formal risk assessment,
 * for remote learning when no school equipment is available. It is in force once the member of staff has
 * signed the printed permission and the office has recorded it, for its days, until it is ended.
 */

export const STAFF_PERMISSION_PURPOSES = ['lessons', 'remote_learning', 'other'] as const;
export type StaffPermissionPurpose = (typeof STAFF_PERMISSION_PURPOSES)[number];

export const STAFF_PERMISSION_PURPOSE_LABELS: Record<StaffPermissionPurpose, string> = {
  lessons: 'In lessons',
  remote_learning: 'Remote learning',
  other: 'Something else',
};

/** The purpose as a short phrase after "May keep phone:" ("remote learning"); `other` says its detail. */
export function purposeWords(p: { purpose: StaffPermissionPurpose; purposeDetail: string | null }): string {
  if (p.purpose === 'lessons') return 'in lessons';
  if (p.purpose === 'remote_learning') return 'remote learning';
  return p.purposeDetail ?? 'other';
}

/**
 * Where a permission stands on a given UK day. `awaiting_signature` until the member of staff's signature is
 * recorded (whatever its days); then `not_started` before its first day, `in_force` from it, `expired` after
 * its last day (if it has one); `ended` once the headteacher ended it.
 */
export type StaffPermissionState = 'awaiting_signature' | 'not_started' | 'in_force' | 'expired' | 'ended';

export function staffPermissionState(
  p: { validFrom: string; validUntil: string | null; signed: unknown; ended: unknown },
  today: string,
): StaffPermissionState {
  if (p.ended !== null) return 'ended';
  if (p.validUntil !== null && today > p.validUntil) return 'expired';
  if (p.signed === null) return 'awaiting_signature';
  return today < p.validFrom ? 'not_started' : 'in_force';
}

/** Awaiting a signature, in force or still to start: the ones the office acts on; the rest are history. */
export function isCurrentPermission(state: StaffPermissionState): boolean {
  return state === 'awaiting_signature' || state === 'in_force' || state === 'not_started';
}

export interface StaffPermissionView {
  permissionId: number;
  staffId: number;
  staffName: string;
  deviceKind: DeviceKind;
  deviceDescription: string;
  purpose: StaffPermissionPurpose;
  /** Required for `other`; a note for the rest ("Year 6 science: timing experiments"). */
  purposeDetail: string | null;
  permittedUse: string;
  permittedAreas: string;
  conditions: string | null;
  /** The UK day the formal risk assessment was done; always given for remote learning. */
  riskAssessedOn: string | null;
  /** UK calendar days, both included; no last day means until it is ended. */
  validFrom: string;
  validUntil: string | null;
  /** The headteacher or leader who approved, having typed their own PIN. */
  approvedBy: string;
  recordedAt: string;
  recordedBy: string;
  /** The member of staff's signature on the printed permission, as the office recorded it. */
  signed: { on: string; recordedAt: string; recordedBy: string } | null;
  ended: { at: string; by: string; reason: string } | null;
  /** Retention replaced the words typed about it: there is nothing left to print. */
  detailsRemoved: boolean;
  state: StaffPermissionState;
}

/** A permission in force today for someone signed in: what Staff on site says beside their name. */
export interface StaffPermissionInForce {
  permissionId: number;
  deviceKind: DeviceKind;
  purpose: StaffPermissionPurpose;
  purposeDetail: string | null;
}
