import type { Storage } from '../storage.js';

export async function readSettingRaw(db: Storage, key: string): Promise<string | undefined> {
  const row = (await db.get('SELECT value_json FROM settings WHERE key = ?', [key])) as { value_json: string } | undefined;
  return row?.value_json;
}

/**
 * A setting's stored text and the number of staff accounts, in one read: what "set up" rests on, asked by
 * every kiosk command before anything else.
 */
export async function readSettingRawAndStaffCount(db: Storage, key: string): Promise<{ raw: string | undefined; staffCount: number }> {
  const row = (await db.get('SELECT (SELECT value_json FROM settings WHERE key = ?) AS value_json, (SELECT count(*) FROM staff) AS staff_count', [key])) as { value_json: string | null; staff_count: number };
  return { raw: row.value_json ?? undefined, staffCount: row.staff_count };
}

export async function writeSetting(db: Storage, key: string, value: unknown, at: string): Promise<void> {
  await db.run(`INSERT INTO settings (key, value_json, updated_at) VALUES (?, ?, ?)
     ON CONFLICT (key) DO UPDATE SET value_json = excluded.value_json, updated_at = excluded.updated_at`, [key, JSON.stringify(value), at]);
}

/**
 * Writes a setting's stored text and removes it again, inside the caller's transaction: nothing is left
 * behind, but the write still needs room for the text (core/storage-watch.ts tries the disk this way).
 */
export async function writeAndRemoveSetting(db: Storage, key: string, valueJson: string, at: string): Promise<void> {
  // ON CONFLICT rather than INSERT OR REPLACE: PostgreSQL accepts only this form.
  await db.run(`INSERT INTO settings (key, value_json, updated_at) VALUES (?, ?, ?)
     ON CONFLICT (key) DO UPDATE SET value_json = excluded.value_json, updated_at = excluded.updated_at`, [key, valueJson, at]);
  await db.run('DELETE FROM settings WHERE key = ?', [key]);
}
