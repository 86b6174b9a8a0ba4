import type { DeclaredDevice, DeviceKind } from '../../../shared/domain/devices.js';
import type { Db } from '../connection.js';

export async function insertPendingHandover(db: Db, visitId: number, devices: readonly DeclaredDevice[], at: string): Promise<number> {
  const { id: handoverId } = db
    .prepare(`INSERT INTO handovers (visit_id, status, declared_at) VALUES (?, 'pending', ?) RETURNING id`)
    .get(visitId, at) as { id: number };
  const item = db.prepare('INSERT INTO handover_declared_items (handover_id, kind, quantity) VALUES (?, ?, ?)');
  for (const d of devices) item.run(handoverId, d.kind, d.quantity);
  return handoverId;
}

export interface PendingHandoverRow {
  handover_id: number;
  visit_id: number;
  first_name: string;
  last_name: string;
  family_name_first: number;
  organisation: string | null;
  declared_at: string;
  signed_out_at: string | null;
}

export async function listPendingHandovers(db: Db): Promise<PendingHandoverRow[]> {
  return db
    .prepare(
      `SELECT h.id AS handover_id, h.visit_id, v.first_name, v.last_name, v.family_name_first, v.organisation, h.declared_at, vi.signed_out_at
       FROM handovers h
       JOIN visits vi ON vi.id = h.visit_id
       JOIN visitors v ON v.id = vi.visitor_id
       WHERE h.status = 'pending'
       ORDER BY h.declared_at, h.id`,
    )
    .all() as PendingHandoverRow[];
}

/** Declared devices for many visits at once, keyed by visit id. */
export async function declaredDevicesByVisit(db: Db, visitIds: readonly number[]): Promise<Map<number, DeclaredDevice[]>> {
  const byVisit = new Map<number, DeclaredDevice[]>();
  if (visitIds.length === 0) return byVisit;
  const rows = db
    .prepare(
      `SELECT h.visit_id, i.kind, i.quantity
       FROM handovers h JOIN handover_declared_items i ON i.handover_id = h.id
       WHERE h.visit_id IN (SELECT value FROM json_each(?))
       ORDER BY h.visit_id, i.rowid`,
    )
    .all(JSON.stringify(visitIds)) as { visit_id: number; kind: DeviceKind; quantity: number }[];
  for (const r of rows) {
    const list = byVisit.get(r.visit_id) ?? [];
    list.push({ kind: r.kind, quantity: r.quantity });
    byVisit.set(r.visit_id, list);
  }
  return byVisit;
}

export async function pendingHandoverForVisit(db: Db, visitId: number): Promise<{ id: number; deviceCount: number } | undefined> {
  const row = db
    .prepare(
      `SELECT h.id, coalesce(sum(i.quantity), 0) AS device_count
       FROM handovers h JOIN handover_declared_items i ON i.handover_id = h.id
       WHERE h.visit_id = ? AND h.status = 'pending' GROUP BY h.id`,
    )
    .get(visitId) as { id: number; device_count: number } | undefined;
  return row && { id: row.id, deviceCount: row.device_count };
}

export async function findHandover(db: Db, id: number): Promise<{ id: number; visit_id: number; status: string } | undefined> {
  return db.prepare('SELECT id, visit_id, status FROM handovers WHERE id = ?').get(id) as
    | { id: number; visit_id: number; status: string }
    | undefined;
}

export async function closePendingHandover(db: Db, id: number, status: 'logged' | 'not_handed_in', note: string | null = null): Promise<boolean> {
  return db.prepare(`UPDATE handovers SET status = ?, note = ? WHERE id = ? AND status = 'pending'`).run(status, note, id).changes === 1;
}
