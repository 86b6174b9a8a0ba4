import type { StaffRole } from '../../../shared/domain/roles.js';
import type { Storage } from '../storage.js';
import { clearPinFailureLog } from './pin-failure-repo.js';

export interface StaffRow {
  id: number;
  display_name: string;
  pin_hash: string;
  is_office: number;
  is_dsl: number;
  is_admin: number;
  /** 1, or null for "no" (migration 0018 says why it is never 0). */
  is_head: number | null;
  active: number;
  failed_pin_count: number;
  locked_until: string | null;
  created_at: string;
}

export interface Staff {
  id: number;
  displayName: string;
  pinHash: string;
  roles: StaffRole[];
  active: boolean;
  failedPinCount: number;
  lockedUntil: string | null;
}

function toStaff(row: StaffRow): Staff {
  const roles: StaffRole[] = [];
  if (row.is_office) roles.push('office');
  if (row.is_dsl) roles.push('dsl');
  if (row.is_admin) roles.push('admin');
  if (row.is_head === 1) roles.push('head');
  return {
    id: row.id,
    displayName: row.display_name,
    pinHash: row.pin_hash,
    roles,
    active: row.active === 1,
    failedPinCount: row.failed_pin_count,
    lockedUntil: row.locked_until,
  };
}

export async function insertStaff(db: Storage, staff: { displayName: string; pinHash: string; roles: StaffRole[]; createdAt: string }): Promise<number> {
  // RETURNING rather than lastInsertRowid: the same text gives the new id on SQLite and PostgreSQL.
  const row = (await db.get(`INSERT INTO staff (display_name, pin_hash, is_office, is_dsl, is_admin, is_head, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id`, [staff.displayName, staff.pinHash, staff.roles.includes('office') ? 1 : 0, staff.roles.includes('dsl') ? 1 : 0, staff.roles.includes('admin') ? 1 : 0, headFlag(staff.roles), staff.createdAt])) as { id: number };
  return row.id;
}

/** The is_head column: 1 for a head, null (never 0) for everyone else. */
function headFlag(roles: readonly StaffRole[]): 1 | null {
  return roles.includes('head') ? 1 : null;
}

export async function findStaff(db: Storage, id: number): Promise<Staff | undefined> {
  const row = (await db.get('SELECT * FROM staff WHERE id = ?', [id])) as StaffRow | undefined;
  return row && toStaff(row);
}

export async function listActiveStaff(db: Storage): Promise<Staff[]> {
  const rows = (await db.all('SELECT * FROM staff WHERE active = 1 ORDER BY lower(display_name), id')) as StaffRow[];
  return rows.map(toStaff);
}

export async function countStaff(db: Storage): Promise<number> {
  return ((await db.get('SELECT count(*) AS n FROM staff')) as { n: number }).n;
}

/** Locks the account until then (its wrong PINs are logged by pin-failure-repo). */
export async function lockStaffUntil(db: Storage, id: number, lockedUntil: string): Promise<void> {
  await db.run('UPDATE staff SET locked_until = ? WHERE id = ?', [lockedUntil, id]);
}

/** Unlocks the account and forgets its wrong PINs: an administrator vouched for it, or set a new PIN. */
export async function clearPinFailures(db: Storage, id: number): Promise<void> {
  await clearPinFailureLog(db, id);
  await db.run('UPDATE staff SET failed_pin_count = 0, locked_until = NULL WHERE id = ?', [id]);
}

export async function updatePinHash(db: Storage, id: number, pinHash: string): Promise<void> {
  await db.run('UPDATE staff SET pin_hash = ? WHERE id = ?', [pinHash, id]);
}

export async function listAllStaff(db: Storage): Promise<Staff[]> {
  const rows = (await db.all('SELECT * FROM staff ORDER BY active DESC, lower(display_name), id')) as StaffRow[];
  return rows.map(toStaff);
}

export async function updateStaffDetails(db: Storage, id: number, displayName: string, roles: readonly StaffRole[]): Promise<void> {
  await db.run('UPDATE staff SET display_name = ?, is_office = ?, is_dsl = ?, is_admin = ?, is_head = ? WHERE id = ?', [displayName, roles.includes('office') ? 1 : 0, roles.includes('dsl') ? 1 : 0, roles.includes('admin') ? 1 : 0, headFlag(roles), id]);
}

export async function setStaffActive(db: Storage, id: number, active: boolean): Promise<void> {
  await db.run('UPDATE staff SET active = ? WHERE id = ?', [active ? 1 : 0, id]);
}

/** Active accounts holding `role`, other than `exceptId`: who would be left if that one lost it. */
export async function countOtherActiveWithRole(db: Storage, role: 'dsl' | 'admin', exceptId: number): Promise<number> {
  const column = role === 'dsl' ? 'is_dsl' : 'is_admin';
  return ((await db.get(`SELECT count(*) AS n FROM staff WHERE active = 1 AND ${column} = 1 AND id <> ?`, [exceptId])) as { n: number }).n;
}

/** Whether any account's PIN hash starts so (whether the database holds PINs of a given format). */
export async function anyPinHashStartingWith(db: Storage, prefix: string): Promise<boolean> {
  // CAST: PostgreSQL would answer EXISTS as true/false, SQLite as 1/0; both give 1/0 so.
  const row = (await db.get('SELECT CAST(EXISTS (SELECT 1 FROM staff WHERE substr(pin_hash, 1, ?) = ?) AS INTEGER) AS found', [prefix.length, prefix])) as { found: number };
  return row.found === 1;
}
