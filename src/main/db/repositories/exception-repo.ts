import type { ExceptionPurpose } from '../../../shared/domain/exceptions.js';
import { listOf, type Storage } from '../storage.js';
import { fullNameOrNull } from './visitor-repo.js';

export interface ExceptionRow {
  id: number;
  visit_id: number | null;
  booking_id: number | null;
  purpose: ExceptionPurpose;
  purpose_detail: string | null;
  devices_json: string;
  permitted_use: string;
  permitted_areas: string;
  conditions: string | null;
  risk_checklist_json: string;
  risk_notes: string | null;
  valid_from: string;
  valid_until: string | null;
  approved_at: string;
  approved_by_name: string;
  revoked_at: string | null;
  revoked_by_name: string | null;
  revoke_reason: string | null;
  record_token: string | null;
  visitor_name: string | null;
  /** The visit it covers now: its own, or the one its booking turned into. */
  effective_visit_id: number | null;
  visit_signed_out_at: string | null;
  booking_status: string | null;
}

/** What SELECT reads: the visitor's name comes as the name columns of the visit's visitor and of the booking. */
type SelectedRow = Omit<ExceptionRow, 'visitor_name'> & {
  v_first_name: string | null; v_last_name: string | null; v_family_name_first: number | null;
  b_first_name: string | null; b_last_name: string | null; b_family_name_first: number | null;
};

const SELECT = `
  SELECT e.id, e.visit_id, e.booking_id, e.purpose, e.purpose_detail, e.devices_json, e.permitted_use, e.permitted_areas,
         e.conditions, e.risk_checklist_json, e.risk_notes, e.valid_from, e.valid_until, e.approved_at,
         ab.display_name AS approved_by_name, e.revoked_at, rb.display_name AS revoked_by_name, e.revoke_reason, e.record_token,
         v.first_name AS v_first_name, v.last_name AS v_last_name, v.family_name_first AS v_family_name_first,
         b.first_name AS b_first_name, b.last_name AS b_last_name, b.family_name_first AS b_family_name_first,
         coalesce(e.visit_id, b.visit_id) AS effective_visit_id, vi.signed_out_at AS visit_signed_out_at, b.status AS booking_status
  FROM device_exceptions e
  JOIN staff ab ON ab.id = e.approved_by
  LEFT JOIN staff rb ON rb.id = e.revoked_by
  LEFT JOIN bookings b ON b.id = e.booking_id
  LEFT JOIN visits vi ON vi.id = coalesce(e.visit_id, b.visit_id)
  LEFT JOIN visitors v ON v.id = vi.visitor_id`;

/** The row as callers know it: the visitor's name, else the name the booking was made in (null with neither). */
function toException(row: SelectedRow): ExceptionRow {
  const { v_first_name, v_last_name, v_family_name_first, b_first_name, b_last_name, b_family_name_first, ...r } = row;
  return { ...r, visitor_name: fullNameOrNull(v_first_name, v_last_name, v_family_name_first) ?? fullNameOrNull(b_first_name, b_last_name, b_family_name_first) };
}

export async function insertException(
  db: Storage,
  e: {
    visitId: number | null; bookingId: number | null; purpose: ExceptionPurpose; purposeDetail: string | null; devicesJson: string;
    permittedUse: string; permittedAreas: string; conditions: string | null; riskChecklistJson: string; riskNotes: string | null;
    validFrom: string; validUntil: string | null; approvedBy: number; approvedAt: string; recordToken: string;
  },
): Promise<number> {
  const row = (await db.get(`INSERT INTO device_exceptions (visit_id, booking_id, purpose, purpose_detail, devices_json, permitted_use, permitted_areas,
         conditions, risk_checklist_json, risk_notes, valid_from, valid_until, approved_by, approved_at, record_token)
       VALUES (@visitId, @bookingId, @purpose, @purposeDetail, @devicesJson, @permittedUse, @permittedAreas,
         @conditions, @riskChecklistJson, @riskNotes, @validFrom, @validUntil, @approvedBy, @approvedAt, @recordToken)
       RETURNING id`, e)) as { id: number };
  return row.id;
}

export async function findExceptionByRecordToken(db: Storage, token: string): Promise<ExceptionRow | undefined> {
  const row = (await db.get(`${SELECT} WHERE e.record_token = ?`, [token])) as SelectedRow | undefined;
  return row && toException(row);
}

export async function findException(db: Storage, id: number): Promise<ExceptionRow | undefined> {
  const row = (await db.get(`${SELECT} WHERE e.id = ?`, [id])) as SelectedRow | undefined;
  return row && toException(row);
}

export async function exceptionsFor(db: Storage, filter: { visitId?: number | undefined; bookingId?: number | undefined }): Promise<ExceptionRow[]> {
  // The CASTs give PostgreSQL the parameters' type, which `@visitId IS NULL` alone does not (SQLite ignores them).
  const rows = (await db.all(`${SELECT} WHERE (CAST(@visitId AS BIGINT) IS NULL OR coalesce(e.visit_id, b.visit_id) = @visitId)
         AND (CAST(@bookingId AS BIGINT) IS NULL OR e.booking_id = @bookingId)
       ORDER BY e.approved_at DESC, e.id DESC LIMIT 200`, { visitId: filter.visitId ?? null, bookingId: filter.bookingId ?? null })) as SelectedRow[];
  return rows.map(toException);
}

/** The most recent exception for each of these visits (directly or through their booking). */
export async function latestExceptionByVisit(db: Storage, visitIds: readonly number[]): Promise<Map<number, ExceptionRow>> {
  const map = new Map<number, ExceptionRow>();
  if (visitIds.length === 0) return map;
  const rows = (await db.all(`${SELECT} WHERE coalesce(e.visit_id, b.visit_id) IN (SELECT value FROM ${listOf(db.engine, '?', 'bigint', 'ids')}) ORDER BY e.approved_at, e.id`, [visitIds])) as SelectedRow[];
  for (const r of rows) map.set(r.effective_visit_id!, toException(r));
  return map;
}

export async function latestExceptionByBooking(db: Storage, bookingIds: readonly number[]): Promise<Map<number, ExceptionRow>> {
  const map = new Map<number, ExceptionRow>();
  if (bookingIds.length === 0) return map;
  const rows = (await db.all(`${SELECT} WHERE e.booking_id IN (SELECT value FROM ${listOf(db.engine, '?', 'bigint', 'ids')}) ORDER BY e.approved_at, e.id`, [bookingIds])) as SelectedRow[];
  for (const r of rows) map.set(r.booking_id!, toException(r));
  return map;
}

export async function revokeException(db: Storage, id: number, r: { at: string; by: number; reason: string }): Promise<boolean> {
  return (
    (await db.run('UPDATE device_exceptions SET revoked_at = @at, revoked_by = @by, revoke_reason = @reason WHERE id = @id AND revoked_at IS NULL', { ...r, id })).changes === 1
  );
}
