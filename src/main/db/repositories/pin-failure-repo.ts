import type { Db } from '../connection.js';
import { prepared } from './statements.js';

/** An account's wrong PINs still inside the window: how many, and when the oldest of them was typed. */
export interface PinFailuresInWindow {
  count: number;
  oldest: string | null;
}

/**
 * Logs one wrong PIN for an account at `at`, forgets those at or before `windowStart`, and keeps
 * staff.failed_pin_count equal to what is left. Call inside the transaction that audits it.
 */
export async function logPinFailure(db: Db, staffId: number, at: string, windowStart: string): Promise<PinFailuresInWindow> {
  prepared(db, 'DELETE FROM staff_pin_failures WHERE staff_id = ? AND failed_at <= ?').run(staffId, windowStart);
  prepared(db, 'INSERT INTO staff_pin_failures (staff_id, failed_at) VALUES (?, ?)').run(staffId, at);
  const window = prepared(db, 'SELECT count(*) AS count, min(failed_at) AS oldest FROM staff_pin_failures WHERE staff_id = ?')
    .get(staffId) as PinFailuresInWindow;
  prepared(db, 'UPDATE staff SET failed_pin_count = ? WHERE id = ?').run(window.count, staffId);
  return window;
}

/** Forgets an account's wrong PINs (an administrator unlocked it, or set a new PIN). */
export async function clearPinFailureLog(db: Db, staffId: number): Promise<void> {
  prepared(db, 'DELETE FROM staff_pin_failures WHERE staff_id = ?').run(staffId);
}
