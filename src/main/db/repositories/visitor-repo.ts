import type { Db } from '../connection.js';
import { prepared } from './statements.js';

/** How many folded letters of the surname are indexed beside the last visit (what the kiosk asks for). */
const PREFIX_LENGTH = 3;

/** The first three characters of a folded surname, counted as SQLite counts them (code points). */
export function searchPrefix(key: string): string {
  // Without surrogate pairs (every surname the kiosk has seen) a code point is one UTF-16 unit: slice.
  if (!SURROGATE.test(key)) return key.slice(0, PREFIX_LENGTH);
  return Array.from(key).slice(0, PREFIX_LENGTH).join('');
}

const SURROGATE = /[\uD800-\uDFFF]/;

function codePointCount(text: string): number {
  return SURROGATE.test(text) ? Array.from(text).length : text.length;
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
  // Three letters or more: the newest matches come straight off visitors_by_prefix_recent, no sort.
  if (codePointCount(prefix) >= PREFIX_LENGTH) {
    return prepared(db, NEWEST_IN_GROUP_SQL).all(searchPrefix(prefix), prefix, prefix, limit) as VisitorRow[];
  }
  // One or two letters (the kiosk searches from the first key): sorting every match took over 100 ms for
  // "s" among a million visitors. Instead, the newest few of each three-letter group that starts with them,
  // each off the same index, merged here.
  const groups = prepared(db, SURNAME_GROUPS_SQL).all({ prefix }) as { p: string }[];
  return groups
    .flatMap(({ p }) => prepared(db, NEWEST_IN_GROUP_RANKED_SQL).all(p, prefix, prefix, limit) as RankedVisitorRow[])
    .sort(byMostRecent)
    .slice(0, limit)
    .map(({ last_signed_in_at: _, ...row }) => row);
}

/**
 * The kiosk's lookup, run on every keystroke from the third letter: the newest visitors of one three-letter
 * group whose folded surname starts with the typed prefix, read in the order of visitors_by_prefix_recent so
 * SQLite never sorts. Parameters, in order: the group, the prefix, the prefix again, the limit. Bound by
 * position and with no column the caller drops: by name, and with the last sign-in as well, the lookup took
 * about 2 µs longer (of some 30 µs). The benchmark's floor runs this same text.
 */
export const NEWEST_IN_GROUP_SQL = `SELECT v.id, v.first_name, v.last_name, v.organisation
  FROM visitors v
  WHERE v.last_name_prefix = ? AND v.last_name_key >= ? AND v.last_name_key < ? || char(1114111)
  ORDER BY v.last_name_prefix, v.last_signed_in_at DESC, v.id DESC
  LIMIT ?`;

/** The same, with each row's last sign-in, for merging several groups (one or two letters typed). */
const NEWEST_IN_GROUP_RANKED_SQL = `SELECT v.id, v.first_name, v.last_name, v.organisation, v.last_signed_in_at
  FROM visitors v
  WHERE v.last_name_prefix = ? AND v.last_name_key >= ? AND v.last_name_key < ? || char(1114111)
  ORDER BY v.last_name_prefix, v.last_signed_in_at DESC, v.id DESC
  LIMIT ?`;

/** The distinct three-letter groups starting with @prefix, each found by one seek of the prefix index. */
export const SURNAME_GROUPS_SQL = `WITH RECURSIVE groups (p) AS (
    SELECT (SELECT min(last_name_prefix) FROM visitors WHERE last_name_prefix >= @prefix AND last_name_prefix < @prefix || char(1114111))
    UNION ALL
    SELECT (SELECT min(last_name_prefix) FROM visitors WHERE last_name_prefix > groups.p AND last_name_prefix < @prefix || char(1114111))
    FROM groups WHERE groups.p IS NOT NULL
  )
  SELECT p FROM groups WHERE p IS NOT NULL`;

interface RankedVisitorRow extends VisitorRow {
  last_signed_in_at: string | null;
}

/** The index's own order: latest sign-in first (never signed in last, as SQLite sorts NULL), then newest id. */
function byMostRecent(a: RankedVisitorRow, b: RankedVisitorRow): number {
  if (a.last_signed_in_at !== b.last_signed_in_at) {
    if (a.last_signed_in_at === null) return 1;
    if (b.last_signed_in_at === null) return -1;
    return a.last_signed_in_at < b.last_signed_in_at ? 1 : -1;
  }
  return b.id - a.id;
}

export function touchLastSignIn(db: Db, id: number, at: string): void {
  prepared(db, 'UPDATE visitors SET last_signed_in_at = ? WHERE id = ?').run(at, id);
}
