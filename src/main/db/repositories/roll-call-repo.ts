import type { Db } from '../connection.js';

/** A finished roll call: who was on site (`peopleJson`) and how many were accounted for. */
export async function insertRollCall(
  db: Db,
  r: { takenAt: string; takenBy: number; note: string | null; peopleJson: string; onSite: number; accounted: number },
): Promise<number> {
  // RETURNING rather than lastInsertRowid: the same text gives the new id on SQLite and PostgreSQL.
  const row = db
    .prepare('INSERT INTO roll_calls (taken_at, taken_by, note, people_json, on_site, accounted) VALUES (?, ?, ?, ?, ?, ?) RETURNING id')
    .get(r.takenAt, r.takenBy, r.note, r.peopleJson, r.onSite, r.accounted) as { id: number };
  return row.id;
}
