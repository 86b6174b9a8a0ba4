import type { Storage } from '../storage.js';

/** Why a badge stopped working (migration 0027). */
export type StaffBadgeEnd = 'replaced' | 'deactivated';

export interface StaffBadgeRow {
  id: number;
  staff_id: number;
  issued_at: string;
  ended_at: string | null;
  ended_why: StaffBadgeEnd | null;
}

const SELECT = 'SELECT id, staff_id, issued_at, ended_at, ended_why FROM staff_badges';

export async function insertStaffBadge(db: Storage, badge: { staffId: number; codeHash: string; at: string; by: number }): Promise<number> {
  // RETURNING rather than lastInsertRowid: the same text gives the new id on SQLite and PostgreSQL.
  const row = (await db.get('INSERT INTO staff_badges (staff_id, code_hash, issued_at, issued_by) VALUES (@staffId, @codeHash, @at, @by) RETURNING id', badge)) as { id: number };
  return row.id;
}

/** The badge with this code hash, working or not. */
export async function findStaffBadgeByHash(db: Storage, codeHash: string): Promise<StaffBadgeRow | undefined> {
  return (await db.get(`${SELECT} WHERE code_hash = ?`, [codeHash])) as StaffBadgeRow | undefined;
}

/** Their working badge, if they have one (at most one: staff_badges_one_current). */
export async function currentStaffBadge(db: Storage, staffId: number): Promise<StaffBadgeRow | undefined> {
  return (await db.get(`${SELECT} WHERE staff_id = ? AND ended_at IS NULL`, [staffId])) as StaffBadgeRow | undefined;
}

/** When each member of staff's working badge was issued, for the administrator's list of accounts. */
export async function currentBadgesIssuedAt(db: Storage): Promise<Map<number, string>> {
  const rows = (await db.all('SELECT staff_id, issued_at FROM staff_badges WHERE ended_at IS NULL')) as { staff_id: number; issued_at: string }[];
  return new Map(rows.map((r) => [r.staff_id, r.issued_at]));
}

/** Stops a badge working; false when it had already stopped (another screen got there first). */
export async function endStaffBadge(db: Storage, id: number, end: { at: string; by: number; why: StaffBadgeEnd }): Promise<boolean> {
  return (await db.run('UPDATE staff_badges SET ended_at = @at, ended_by = @by, ended_why = @why WHERE id = @id AND ended_at IS NULL', { id, ...end })).changes === 1;
}
