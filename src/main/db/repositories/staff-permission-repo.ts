import type { DeviceKind } from '../../../shared/domain/devices.js';
import type { StaffPermissionPurpose } from '../../../shared/domain/staff-permissions.js';
import type { Storage } from '../storage.js';

/** A member of staff's device permission as stored (migration 0024), with the names of the staff it mentions. */
export interface StaffPermissionRow {
  id: number;
  staff_id: number;
  staff_name: string;
  device_kind: DeviceKind;
  device_description: string;
  purpose: StaffPermissionPurpose;
  purpose_detail: string | null;
  permitted_use: string;
  permitted_areas: string;
  conditions: string | null;
  risk_assessed_on: string | null;
  valid_from: string;
  valid_until: string | null;
  approved_by_name: string;
  recorded_at: string;
  recorded_by_name: string;
  signed_on: string | null;
  signature_recorded_at: string | null;
  signature_recorded_by_name: string | null;
  ended_at: string | null;
  ended_by_name: string | null;
  end_reason: string | null;
  details_removed_at: string | null;
}

const SELECT = `
  SELECT p.id, p.staff_id, st.display_name AS staff_name, p.device_kind, p.device_description, p.purpose, p.purpose_detail,
         p.permitted_use, p.permitted_areas, p.conditions, p.risk_assessed_on, p.valid_from, p.valid_until,
         ab.display_name AS approved_by_name, p.recorded_at, rb.display_name AS recorded_by_name, p.signed_on,
         p.signature_recorded_at, sb.display_name AS signature_recorded_by_name, p.ended_at, eb.display_name AS ended_by_name,
         p.end_reason, p.details_removed_at
  FROM staff_device_permissions p
  JOIN staff st ON st.id = p.staff_id
  JOIN staff ab ON ab.id = p.approved_by
  JOIN staff rb ON rb.id = p.recorded_by
  LEFT JOIN staff sb ON sb.id = p.signature_recorded_by
  LEFT JOIN staff eb ON eb.id = p.ended_by`;

/** Its last day, or a day after any real one when it runs until ended: for comparing and ordering. */
const LAST_DAY = `coalesce(p.valid_until, '9999-12-31')`;

/**
 * As pupils' exceptions are listed: those not ended and not past their last day first, the soonest to end
 * first (open-ended last); then the rest, the most recently finished first. NULLS LAST is what SQLite does
 * for DESC anyway; written out because PostgreSQL would put them first (a running, open-ended permission
 * has no finishing day).
 */
const ORDER = `
  ORDER BY (p.ended_at IS NULL AND ${LAST_DAY} >= @today) DESC,
           CASE WHEN p.ended_at IS NULL AND ${LAST_DAY} >= @today THEN ${LAST_DAY} END,
           lower(st.display_name),
           coalesce(substr(p.ended_at, 1, 10), p.valid_until) DESC NULLS LAST, p.id DESC`;

export interface NewStaffPermission {
  staffId: number;
  deviceKind: DeviceKind;
  deviceDescription: string;
  purpose: StaffPermissionPurpose;
  purposeDetail: string | null;
  permittedUse: string;
  permittedAreas: string;
  conditions: string | null;
  riskAssessedOn: string | null;
  validFrom: string;
  validUntil: string | null;
  approvedBy: number;
  recordedAt: string;
  recordedBy: number;
}

export async function insertStaffPermission(db: Storage, p: NewStaffPermission): Promise<number> {
  // RETURNING rather than lastInsertRowid: the same text gives the new id on SQLite and PostgreSQL.
  const row = (await db.get(`INSERT INTO staff_device_permissions (staff_id, device_kind, device_description, purpose, purpose_detail, permitted_use,
       permitted_areas, conditions, risk_assessed_on, valid_from, valid_until, approved_by, recorded_at, recorded_by)
     VALUES (@staffId, @deviceKind, @deviceDescription, @purpose, @purposeDetail, @permittedUse,
       @permittedAreas, @conditions, @riskAssessedOn, @validFrom, @validUntil, @approvedBy, @recordedAt, @recordedBy)
     RETURNING id`, p)) as { id: number };
  return row.id;
}

export async function findStaffPermission(db: Storage, id: number): Promise<StaffPermissionRow | undefined> {
  return (await db.get(`${SELECT} WHERE p.id = ?`, [id])) as StaffPermissionRow | undefined;
}

/** Every permission (a school has a handful; the limit only guards the screen). */
export async function listStaffPermissions(db: Storage, today: string, limit = 1000): Promise<StaffPermissionRow[]> {
  return (await db.all(`${SELECT} ${ORDER} LIMIT @limit`, { today, limit })) as StaffPermissionRow[];
}

/**
 * A permission for the same member of staff, kind of device and purpose, not ended, whose days overlap
 * these: recording it again would be a duplicate (a replacement ends the old one first).
 */
export async function overlappingStaffPermission(
  db: Storage,
  q: { staffId: number; deviceKind: DeviceKind; purpose: StaffPermissionPurpose; validFrom: string; validUntil: string | null },
): Promise<StaffPermissionRow | undefined> {
  return (await db.get(`${SELECT} WHERE p.staff_id = @staffId AND p.device_kind = @deviceKind AND p.purpose = @purpose AND p.ended_at IS NULL
       AND p.valid_from <= coalesce(@validUntil, '9999-12-31') AND ${LAST_DAY} >= @validFrom ORDER BY p.id LIMIT 1`, q)) as StaffPermissionRow | undefined;
}

/** Records the member of staff's signature; false when it was already recorded. */
export async function recordStaffPermissionSigned(db: Storage, id: number, s: { signedOn: string; at: string; by: number }): Promise<boolean> {
  return (await db.run(`UPDATE staff_device_permissions SET signed_on = @signedOn, signature_recorded_at = @at, signature_recorded_by = @by
     WHERE id = @id AND signed_on IS NULL`, { ...s, id })).changes === 1;
}

/** Ends a permission with the reason; false when it had already been ended. */
export async function endStaffPermission(db: Storage, id: number, e: { at: string; by: number; reason: string }): Promise<boolean> {
  return (await db.run('UPDATE staff_device_permissions SET ended_at = @at, ended_by = @by, end_reason = @reason WHERE id = @id AND ended_at IS NULL', { ...e, id })).changes === 1;
}

/**
 * The permissions in force on `today` for everyone signed in now: signed, within their days, not ended. What
 * the staff on site page and Today's "phone not in the safe" list read. From the open days (a handful), then
 * each one's permissions by staff_device_permissions_by_staff (CROSS JOIN keeps that order on SQLite; the join
 * condition sits in WHERE because PostgreSQL refuses ON after CROSS JOIN).
 */
export const PERMISSIONS_IN_FORCE_SQL = `
  SELECT p.id, p.staff_id, p.device_kind, p.purpose, p.purpose_detail
  FROM staff_days d
  CROSS JOIN staff_device_permissions p
  WHERE p.staff_id = d.staff_id
    AND d.signed_out_at IS NULL AND p.signed_on IS NOT NULL AND p.ended_at IS NULL
    AND p.valid_from <= @today AND (p.valid_until IS NULL OR p.valid_until >= @today)
  ORDER BY p.staff_id, p.id`;

export interface PermissionInForceRow {
  id: number;
  staff_id: number;
  device_kind: DeviceKind;
  purpose: StaffPermissionPurpose;
  purpose_detail: string | null;
}

export async function permissionsInForceOnSite(db: Storage, today: string): Promise<PermissionInForceRow[]> {
  return (await db.all(PERMISSIONS_IN_FORCE_SQL, { today })) as PermissionInForceRow[];
}

/**
 * Retention: the words typed about a permission (the device, what for, the use, where, the conditions, why it
 * ended), once it finished (ended, or its last day passed) before the cut-off. Kept: who it was for, the
 * kind of device and purpose, the days, the risk assessment's day, and who approved, recorded, signed for and
 * ended it (migration 0024 allows only this change). A permission with no last day that was never ended is
 * still running and keeps everything. Call inside the retention run's transaction; answers how many it cleared.
 */
export async function clearExpiredStaffPermissions(db: Storage, cutoff: string, at: string): Promise<number> {
  return (await db.run(`UPDATE staff_device_permissions SET device_description = 'Removed', permitted_use = 'Removed', permitted_areas = 'Removed',
       purpose_detail = CASE WHEN purpose_detail IS NULL THEN NULL ELSE 'Removed' END,
       conditions = CASE WHEN conditions IS NULL THEN NULL ELSE 'Removed' END,
       end_reason = CASE WHEN end_reason IS NULL THEN NULL ELSE 'Removed' END,
       details_removed_at = @at
     WHERE details_removed_at IS NULL AND (ended_at < @cutoff OR valid_until < substr(@cutoff, 1, 10))`, { cutoff, at })).changes;
}
