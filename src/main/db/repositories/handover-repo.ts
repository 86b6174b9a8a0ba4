import type { DeclaredDevice, DeviceKind } from '../../../shared/domain/devices.js';
import { listOf, type Storage } from '../storage.js';

export async function insertPendingHandover(db: Storage, visitId: number, devices: readonly DeclaredDevice[], at: string): Promise<number> {
  const { id: handoverId } = (await db.get(`INSERT INTO handovers (visit_id, status, declared_at) VALUES (?, 'pending', ?) RETURNING id`, [visitId, at])) as { id: number };
  for (const d of devices) {
    await db.run('INSERT INTO handover_declared_items (handover_id, kind, quantity) VALUES (?, ?, ?)', [handoverId, d.kind, d.quantity]);
  }
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

export async function listPendingHandovers(db: Storage): Promise<PendingHandoverRow[]> {
  return (await db.all(`SELECT h.id AS handover_id, h.visit_id, v.first_name, v.last_name, v.family_name_first, v.organisation, h.declared_at, vi.signed_out_at
       FROM handovers h
       JOIN visits vi ON vi.id = h.visit_id
       JOIN visitors v ON v.id = vi.visitor_id
       WHERE h.status = 'pending'
       ORDER BY h.declared_at, h.id`)) as PendingHandoverRow[];
}

/** Declared devices for many visits at once, keyed by visit id. */
export async function declaredDevicesByVisit(db: Storage, visitIds: readonly number[]): Promise<Map<number, DeclaredDevice[]>> {
  const byVisit = new Map<number, DeclaredDevice[]>();
  if (visitIds.length === 0) return byVisit;
  const rows = (await db.all(`SELECT h.visit_id, i.kind, i.quantity
       FROM handovers h JOIN handover_declared_items i ON i.handover_id = h.id
       WHERE h.visit_id IN (SELECT value FROM ${listOf(db.engine, '?', 'bigint', 'ids')})
       ORDER BY h.visit_id`, [visitIds])) as { visit_id: number; kind: DeviceKind; quantity: number }[];
  for (const r of rows) {
    const list = byVisit.get(r.visit_id) ?? [];
    list.push({ kind: r.kind, quantity: r.quantity });
    byVisit.set(r.visit_id, list);
  }
  return byVisit;
}

export async function pendingHandoverForVisit(db: Storage, visitId: number): Promise<{ id: number; deviceCount: number } | undefined> {
  const row = (await db.get(`SELECT h.id, coalesce(sum(i.quantity), 0) AS device_count
       FROM handovers h JOIN handover_declared_items i ON i.handover_id = h.id
       WHERE h.visit_id = ? AND h.status = 'pending' GROUP BY h.id`, [visitId])) as { id: number; device_count: number } | undefined;
  return row && { id: row.id, deviceCount: row.device_count };
}

export async function findHandover(db: Storage, id: number): Promise<{ id: number; visit_id: number; status: string } | undefined> {
  return (await db.get('SELECT id, visit_id, status FROM handovers WHERE id = ?', [id])) as
    | { id: number; visit_id: number; status: string }
    | undefined;
}

export async function closePendingHandover(db: Storage, id: number, status: 'logged' | 'not_handed_in', note: string | null = null): Promise<boolean> {
  return (await db.run(`UPDATE handovers SET status = ?, note = ? WHERE id = ? AND status = 'pending'`, [status, note, id])).changes === 1;
}
