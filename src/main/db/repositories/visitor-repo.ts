import type { Db } from '../connection.js';
import { prepared } from './statements.js';

/** How many folded letters of the surname are indexed beside the last visit (what the kiosk asks for). */
const PREFIX_LENGTH = 3;

/** The first three characters of a folded surname, counted as SQLite counts them (code points). */
export function searchPrefix(key: string): string {
  return Array.from(key).slice(0, PREFIX_LENGTH).join('');
}

export interface VisitorRow {
  id: number;
  first_name: string;
  last_name: string;
  organisation: string | null;
}

export function findVisitorByIdentity(db: Db, identityKey: string): VisitorRow | undefined {
  return prepared(db, 'SELECT id, first_name, last_name, organisation FROM visitors WHERE identity_key = ? ORDER BY id LIMIT 1')
    .get(identityKey) as VisitorRow | undefined;
}

export function findVisitor(db: Db, id: number): VisitorRow | undefined {
  return prepared(db, 'SELECT id, first_name, last_name, organisation FROM visitors WHERE id = ?').get(id) as
    | VisitorRow
    | undefined;
}

export function insertVisitor(
  db: Db,
  v: { firstName: string; lastName: string; lastNameKey: string; identityKey: string; organisation: string | null; createdAt: string },
): number {
  const result = prepared(
    db,
    `INSERT INTO visitors (first_name, last_name, last_name_key, last_name_prefix, identity_key, organisation, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  ).run(v.firstName, v.lastName, v.lastNameKey, searchPrefix(v.lastNameKey), v.identityKey, v.organisation, v.createdAt);
  return Number(result.lastInsertRowid);
}

/**
 * Visitors whose folded surname starts with `prefix`, most recently seen first. A range on the indexed
 * key, not LIKE, so the lookup stays an index seek on a large history.
 */
export function searchVisitorsBySurname(db: Db, prefix: string, limit: number): VisitorRow[] {
  if (Array.from(prefix).length >= PREFIX_LENGTH) {
    // Three letters or more: the newest matches come straight off visitors_by_prefix_recent, no sort.
    return prepared(
      db,
      `SELECT v.id, v.first_name, v.last_name, v.organisation
       FROM visitors v
       WHERE v.last_name_prefix = @short AND v.last_name_key >= @prefix AND v.last_name_key < @prefix || char(1114111)
       ORDER BY v.last_name_prefix, v.last_signed_in_at DESC, v.id DESC
       LIMIT @limit`,
    ).all({ short: searchPrefix(prefix), prefix, limit }) as VisitorRow[];
  }
  return prepared(
    db,
    `SELECT v.id, v.first_name, v.last_name, v.organisation
     FROM visitors v
     WHERE v.last_name_key >= @prefix AND v.last_name_key < @prefix || char(1114111)
     ORDER BY v.last_signed_in_at DESC, v.id DESC
     LIMIT @limit`,
  ).all({ prefix, limit }) as VisitorRow[];
}

export function touchLastSignIn(db: Db, id: number, at: string): void {
  prepared(db, 'UPDATE visitors SET last_signed_in_at = ? WHERE id = ?').run(at, id);
}
