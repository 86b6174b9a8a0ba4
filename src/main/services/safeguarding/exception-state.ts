import type { DeviceUseMarker, ExceptionState, ExceptionView } from '../../../shared/domain/exceptions.js';
import type { ExceptionRow } from '../../db/repositories/exception-repo.js';

/** Whether an approval covers the visitor right now, from its dates, its revocation and the visit it belongs to. */
export function exceptionState(row: ExceptionRow, now: string): ExceptionState {
  if (row.revoked_at !== null) return 'revoked';
  if (row.effective_visit_id === null) return row.booking_status === 'cancelled' ? 'visit_ended' : 'awaiting_arrival';
  if (row.visit_signed_out_at !== null) return 'visit_ended';
  if (now < row.valid_from) return 'not_yet';
  if (row.valid_until !== null && now >= row.valid_until) return 'expired';
  return 'active';
}

export function toExceptionView(row: ExceptionRow, now: string): ExceptionView {
  return {
    exceptionId: row.id,
    visitId: row.effective_visit_id,
    bookingId: row.booking_id,
    purpose: row.purpose,
    purposeDetail: row.purpose_detail,
    devices: JSON.parse(row.devices_json) as ExceptionView['devices'],
    permittedUse: row.permitted_use,
    permittedAreas: row.permitted_areas,
    conditions: row.conditions,
    riskChecklist: JSON.parse(row.risk_checklist_json) as ExceptionView['riskChecklist'],
    riskNotes: row.risk_notes,
    validFrom: row.valid_from,
    validUntil: row.valid_until,
    approvedBy: row.approved_by_name,
    approvedAt: row.approved_at,
    revokedAt: row.revoked_at,
    revokedBy: row.revoked_by_name,
    revokeReason: row.revoke_reason,
    state: exceptionState(row, now),
  };
}

/**
 * The marker staff see beside a visitor: approved (with its limits), or ended while they are still here,
 * so the device is challenged and goes to the safe.
 */
export function deviceUseMarker(row: ExceptionRow | undefined, now: string): DeviceUseMarker | null {
  if (!row) return null;
  const state = exceptionState(row, now);
  if (state === 'visit_ended') return null;
  return {
    exceptionId: row.id,
    approved: state === 'active' || state === 'awaiting_arrival',
    permittedUse: row.permitted_use,
    permittedAreas: row.permitted_areas,
    validUntil: row.valid_until,
    endedBecause: state === 'revoked' ? 'revoked' : state === 'expired' ? 'expired' : null,
  };
}
