import type { Db } from '../connection.js';
import { prepared } from './statements.js';

export async function readSettingRaw(db: Db, key: string): Promise<string | undefined> {
  const row = prepared(db, 'SELECT value_json FROM settings WHERE key = ?').get(key) as { value_json: string } | undefined;
  return row?.value_json;
}

/**
 * A setting's stored text and the number of staff accounts, in one read: what "set up" rests on, asked by
 * every kiosk command before anything else.
 */
export async function readSettingRawAndStaffCount(db: Db, key: string): Promise<{ raw: string | undefined; staffCount: number }> {
  const row = prepared(
    db,
    'SELECT (SELECT value_json FROM settings WHERE key = ?) AS value_json, (SELECT count(*) FROM staff) AS staff_count',
  ).get(key) as { value_json: string | null; staff_count: number };
  return { raw: row.value_json ?? undefined, staffCount: row.staff_count };
}

export async function writeSetting(db: Db, key: string, value: unknown, at: string): Promise<void> {
  prepared(
    db,
    `INSERT INTO settings (key, value_json, updated_at) VALUES (?, ?, ?)
     ON CONFLICT (key) DO UPDATE SET value_json = excluded.value_json, updated_at = excluded.updated_at`,
  ).run(key, JSON.stringify(value), at);
}

/**
 * Writes a setting's stored text and removes it again, inside the caller's transaction: nothing is left
 * behind, but the write still needs room for the text (core/storage-watch.ts tries the disk this way).
 */
export async function writeAndRemoveSetting(db: Db, key: string, valueJson: string, at: string): Promise<void> {
  // ON CONFLICT rather than INSERT OR REPLACE: PostgreSQL accepts only this form.
  db.prepare(
    `INSERT INTO settings (key, value_json, updated_at) VALUES (?, ?, ?)
     ON CONFLICT (key) DO UPDATE SET value_json = excluded.value_json, updated_at = excluded.updated_at`,
  ).run(key, valueJson, at);
  db.prepare('DELETE FROM settings WHERE key = ?').run(key);
}
