import type { DeviceKind } from '../../../shared/domain/devices.js';
import type { VisitorType } from '../../../shared/domain/visitors.js';
import { listOf, type Storage } from '../storage.js';

/** A visitor's request to keep a device (migration 0026). */
export interface ExceptionRequestRow {
  id: number;
  visit_id: number;
  device_kind: DeviceKind;
  purpose: string;
  requested_at: string;
  decision: 'approved' | 'declined' | null;
  exception_id: number | null;
}

/** A request still waiting, with the visit it was made on and who made it. */
export interface OpenRequestRow extends ExceptionRequestRow {
  first_name: string;
  last_name: string;
  family_name_first: number;
  organisation: string | null;
  visitor_type: VisitorType;
  visiting: string;
}

const COLUMNS = 'r.id, r.visit_id, r.device_kind, r.purpose, r.requested_at, r.decision, r.exception_id';

export async function insertExceptionRequest(db: Storage, r: { visitId: number; deviceKind: DeviceKind; purpose: string; requestedAt: string }): Promise<number> {
  const row = (await db.get('INSERT INTO exception_requests (visit_id, device_kind, purpose, requested_at) VALUES (@visitId, @deviceKind, @purpose, @requestedAt) RETURNING id', r)) as { id: number };
  return row.id;
}

export async function findExceptionRequest(db: Storage, id: number): Promise<ExceptionRequestRow | undefined> {
  return (await db.get(`SELECT ${COLUMNS} FROM exception_requests r WHERE r.id = ?`, [id])) as ExceptionRequestRow | undefined;
}

/** The request of this visit still waiting for the DSL, if there is one (at most one: a unique index). */
export async function openExceptionRequestOf(db: Storage, visitId: number): Promise<ExceptionRequestRow | undefined> {
  return (await db.get(`SELECT ${COLUMNS} FROM exception_requests r WHERE r.visit_id = ? AND r.decision IS NULL`, [visitId])) as
    | ExceptionRequestRow
    | undefined;
}

/**
 * Requests waiting from visitors still on site, oldest first. One whose visitor signed out before the DSL
 * decided has lapsed with the visit: the device went home with them, there is nothing left to decide.
 */
export async function openExceptionRequests(db: Storage): Promise<OpenRequestRow[]> {
  return (await db.all(`SELECT ${COLUMNS}, v.first_name, v.last_name, v.family_name_first, v.organisation, vi.visitor_type, vi.visiting
     FROM exception_requests r
     JOIN visits vi ON vi.id = r.visit_id
     JOIN visitors v ON v.id = vi.visitor_id
     WHERE r.decision IS NULL AND vi.signed_out_at IS NULL
     ORDER BY r.requested_at, r.id`)) as OpenRequestRow[];
}

/** The waiting request of each of these visits, by visit. */
export async function openExceptionRequestsByVisit(db: Storage, visitIds: readonly number[]): Promise<Map<number, ExceptionRequestRow>> {
  const rows = (await db.all(`SELECT ${COLUMNS} FROM exception_requests r WHERE r.decision IS NULL AND r.visit_id IN (SELECT value FROM ${listOf(db.engine, '?', 'bigint', 'ids')})`, [visitIds])) as ExceptionRequestRow[];
  return new Map(rows.map((r) => [r.visit_id, r]));
}

/** Closes a waiting request; false if it was no longer waiting (decided meanwhile). */
export async function decideExceptionRequest(
  db: Storage,
  id: number,
  d: { decision: 'approved'; exceptionId: number; by: number; at: string } | { decision: 'declined'; reason: string; by: number; at: string },
): Promise<boolean> {
  return (
    (await db.run(`UPDATE exception_requests SET decision = @decision, exception_id = @exceptionId, decline_reason = @reason, decided_by = @by, decided_at = @at
       WHERE id = @id AND decision IS NULL`, {
      id,
      decision: d.decision,
      exceptionId: d.decision === 'approved' ? d.exceptionId : null,
      reason: d.decision === 'declined' ? d.reason : null,
      by: d.by,
      at: d.at,
    })).changes === 1
  );
}

/**
 * Retention: what the visitor said they needed the device for, and why it was declined, go when the
 * visitor's own details go (retention-repo.ts clearExpiredDetails, run just before in the same run), so a
 * removed visitor is not named by their words. The device, the dates and the decision stay (migration 0026).
 */
export async function clearExpiredExceptionRequests(db: Storage): Promise<number> {
  return (await db.run(`UPDATE exception_requests SET purpose = 'Removed', decline_reason = CASE WHEN decline_reason IS NULL THEN NULL ELSE 'Removed' END
     WHERE purpose <> 'Removed' AND visit_id IN (
       SELECT vi.id FROM visits vi JOIN visitors v ON v.id = vi.visitor_id WHERE v.anonymised_at IS NOT NULL)`)).changes;
}
