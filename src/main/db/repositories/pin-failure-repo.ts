import type { Storage } from '../storage.js';

/** An account's wrong PINs still inside the window: how many, and when the oldest of them was typed. */
export interface PinFailuresInWindow {
  count: number;
  oldest: string | null;
}

/**
 * Logs one wrong PIN for an account at `at`, forgets those at or before `windowStart`, and keeps
 * staff.failed_pin_count equal to what is left. Call inside the transaction that audits it.
 */
export async function logPinFailure(db: Storage, staffId: number, at: string, windowStart: string): Promise<PinFailuresInWindow> {
  await db.run('DELETE FROM staff_pin_failures WHERE staff_id = ? AND failed_at <= ?', [staffId, windowStart]);
  await db.run('INSERT INTO staff_pin_failures (staff_id, failed_at) VALUES (?, ?)', [staffId, at]);
  const window = (await db.get('SELECT count(*) AS count, min(failed_at) AS oldest FROM staff_pin_failures WHERE staff_id = ?', [staffId])) as PinFailuresInWindow;
  await db.run('UPDATE staff SET failed_pin_count = ? WHERE id = ?', [window.count, staffId]);
  return window;
}

/** Forgets an account's wrong PINs (an administrator unlocked it, or set a new PIN). */
export async function clearPinFailureLog(db: Storage, staffId: number): Promise<void> {
  await db.run('DELETE FROM staff_pin_failures WHERE staff_id = ?', [staffId]);
}
