import type { Storage } from '../storage.js';

/** A finished roll call: who was on site (`peopleJson`) and how many were accounted for. */
export async function insertRollCall(
  db: Storage,
  r: { takenAt: string; takenBy: number; note: string | null; peopleJson: string; onSite: number; accounted: number },
): Promise<number> {
  // RETURNING rather than lastInsertRowid: the same text gives the new id on SQLite and PostgreSQL.
  const row = (await db.get('INSERT INTO roll_calls (taken_at, taken_by, note, people_json, on_site, accounted) VALUES (?, ?, ?, ?, ?, ?) RETURNING id', [r.takenAt, r.takenBy, r.note, r.peopleJson, r.onSite, r.accounted])) as { id: number };
  return row.id;
}
