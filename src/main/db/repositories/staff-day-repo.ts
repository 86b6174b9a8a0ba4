import type { StaffDayWay } from '../../../shared/contract/staff.js';
import type { Storage } from '../storage.js';

/** How a day was signed out: as the person did, or closed for them because they never did (migration 0022). */
export type StaffDayEnd = StaffDayWay | 'not_signed_out';

/** One member of staff's day on site, with their name from their account. */
export interface StaffDayRow {
  id: number;
  staff_id: number;
  display_name: string;
  signed_in_at: string;
  signed_in_how: StaffDayWay;
  signed_out_at: string | null;
  signed_out_how: StaffDayEnd | null;
}

const SELECT = `
  SELECT d.id, d.staff_id, s.display_name, d.signed_in_at, d.signed_in_how, d.signed_out_at, d.signed_out_how
  FROM staff_days d JOIN staff s ON s.id = d.staff_id`;

export async function insertStaffDay(db: Storage, day: { staffId: number; at: string; how: StaffDayWay }): Promise<number> {
  // RETURNING rather than lastInsertRowid: the same text gives the new id on SQLite and PostgreSQL.
  const row = (await db.get('INSERT INTO staff_days (staff_id, signed_in_at, signed_in_how) VALUES (@staffId, @at, @how) RETURNING id', day)) as { id: number };
  return row.id;
}

export async function findStaffDay(db: Storage, id: number): Promise<StaffDayRow | undefined> {
  return (await db.get(`${SELECT} WHERE d.id = ?`, [id])) as StaffDayRow | undefined;
}

/** Their day not signed out yet, if any (there is at most one: staff_days_one_open). */
export async function openStaffDay(db: Storage, staffId: number): Promise<StaffDayRow | undefined> {
  return (await db.get(`${SELECT} WHERE d.staff_id = ? AND d.signed_out_at IS NULL`, [staffId])) as StaffDayRow | undefined;
}

/** Everyone signed in now, by name. */
export async function openStaffDays(db: Storage): Promise<StaffDayRow[]> {
  return (await db.all(`${SELECT} WHERE d.signed_out_at IS NULL ORDER BY lower(s.display_name), d.id`)) as StaffDayRow[];
}

/** Signs a day out; false when it was signed out a moment ago (another screen got there first). */
export async function signOutStaffDay(db: Storage, id: number, end: { at: string; how: StaffDayEnd }): Promise<boolean> {
  return (await db.run('UPDATE staff_days SET signed_out_at = @at, signed_out_how = @how WHERE id = @id AND signed_out_at IS NULL', { ...end, id })).changes === 1;
}

/** A receipt of a member of staff's own devices, and whose. */
export interface StaffReceiptRef {
  receipt_id: number;
  number: string;
  staff_owner: number;
}

/**
 * The receipts of everyone signed in now that hold one of their own devices in the safe, or one taken out of
 * it since they signed in (a break): what the staff on site page shows beside each name. CROSS JOIN keeps
 * SQLite's join order (open days, then their receipts, then those receipts' items): left to choose, it may
 * start from every custody item ever logged. The join conditions sit in WHERE because PostgreSQL refuses
 * ON after CROSS JOIN (its planner chooses the order itself).
 */
export const STAFF_ON_SITE_RECEIPTS_SQL = `
  SELECT DISTINCT r.id AS receipt_id, r.number, r.staff_owner
  FROM staff_days d
  CROSS JOIN receipts r
  CROSS JOIN custody_items i
  WHERE r.staff_owner = d.staff_id AND i.receipt_id = r.id
    AND d.signed_out_at IS NULL AND i.reason = 'staff_own'
    AND (i.state = 'in_safe' OR (i.state = 'returned' AND i.closed_at >= d.signed_in_at))
  ORDER BY r.id`;

export async function staffOnSiteReceipts(db: Storage): Promise<StaffReceiptRef[]> {
  return (await db.all(STAFF_ON_SITE_RECEIPTS_SQL)) as StaffReceiptRef[];
}

/** One member of staff's own devices in the safe now, receipt by receipt: what signing out may take out. */
export async function staffItemsInSafe(db: Storage, staffId: number): Promise<{ receipt_id: number; item_id: number }[]> {
  return (await db.all(`SELECT i.receipt_id, i.id AS item_id FROM receipts r JOIN custody_items i ON i.receipt_id = r.id
     WHERE r.staff_owner = ? AND i.reason = 'staff_own' AND i.state = 'in_safe' ORDER BY i.receipt_id, i.id`, [staffId])) as { receipt_id: number; item_id: number }[];
}
