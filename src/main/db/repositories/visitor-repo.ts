import { fullName, type PersonName } from '../../../shared/domain/names.js';
import { MAX_CHAR, type Storage } from '../storage.js';
import { codePointCount, PREFIX_LENGTH, saveNameWords, searchPrefix, touchNameWords } from './name-words-repo.js';

export interface VisitorRow {
  id: number;
  first_name: string;
  last_name: string;
  family_name_first: number;
  organisation: string | null;
}

/** The name in a visitor row, for fullName() and shortName(). */
export function nameOf(row: { first_name: string; last_name: string; family_name_first: number }): PersonName {
  return { firstName: row.first_name, lastName: row.last_name, familyNameFirst: row.family_name_first === 1 };
}

/**
 * The full name from name columns that an outer join may have left empty (null when there is no such person).
 * Built here rather than by a SQL function, so SQLite and PostgreSQL give the same name from the same rule.
 */
export function fullNameOrNull(first: string | null, last: string | null, familyNameFirst: number | null): string | null {
  return first === null || last === null ? null : fullName({ firstName: first, lastName: last, familyNameFirst: familyNameFirst === 1 });
}

export async function findVisitorByIdentity(db: Storage, identityKey: string): Promise<VisitorRow | undefined> {
  return (await db.get('SELECT id, first_name, last_name, family_name_first, organisation FROM visitors WHERE identity_key = ? ORDER BY id LIMIT 1', [identityKey])) as VisitorRow | undefined;
}

export async function findVisitor(db: Storage, id: number): Promise<VisitorRow | undefined> {
  return (await db.get('SELECT id, first_name, last_name, family_name_first, organisation FROM visitors WHERE id = ?', [id])) as
    | VisitorRow
    | undefined;
}

/** A new visitor and the words they will be found by, in the caller's transaction. */
export async function insertVisitor(
  db: Storage,
  v: { name: PersonName; identityKey: string; organisation: string | null; createdAt: string },
): Promise<number> {
  const { id } = (await db.get(`INSERT INTO visitors (first_name, last_name, family_name_first, identity_key, organisation, created_at)
     VALUES (?, ?, ?, ?, ?, ?) RETURNING id`, [v.name.firstName, v.name.lastName, v.name.familyNameFirst ? 1 : 0, v.identityKey, v.organisation, v.createdAt])) as { id: number };
  await saveNameWords(db, id, v.name, null);
  return id;
}

/** The order a returning person writes their name in, as they gave it this time. */
export async function setNameOrder(db: Storage, id: number, familyNameFirst: boolean): Promise<void> {
  await db.run('UPDATE visitors SET family_name_first = ? WHERE id = ? AND family_name_first <> ?', [familyNameFirst ? 1 : 0, id, familyNameFirst ? 1 : 0]);
}

/**
 * Visitors with a surname word starting with `prefix` (folded), most recently seen first, each once.
 */
export async function searchVisitorsBySurname(db: Storage, prefix: string, limit: number): Promise<VisitorRow[]> {
  // Three letters or more: the newest matches come straight off visitor_name_words_by_prefix_recent, no sort.
  if (codePointCount(prefix) >= PREFIX_LENGTH) {
    const group = searchPrefix(prefix);
    return newestDistinct(limit, (n) => db.all<RankedVisitorRow>(NEWEST_IN_GROUP_SQL, [group, prefix, prefix, n]));
  }
  // One or two letters (the kiosk searches from the first key): sorting every match took over 100 ms for
  // "s" among a million visitors. Instead, the newest few of each three-letter group that starts with them,
  // each off the same index, merged here. The newest few overall are among the newest few of every group
  // they are in, so nobody is missed.
  const groups = (await db.all(SURNAME_GROUPS_SQL, { prefix })) as { p: string }[];
  const merged: RankedVisitorRow[] = [];
  for (const { p } of groups) merged.push(...(await newestDistinct(limit, (n) => db.all<RankedVisitorRow>(NEWEST_IN_GROUP_SQL, [p, prefix, prefix, n]))));
  merged.sort(byMostRecent);
  return distinct(merged).slice(0, limit).map(withoutRank);
}

/**
 * The kiosk's lookup, run on every keystroke from the third letter: the newest visitors of one three-letter
 * group with a word that starts with the typed prefix, read in the order of the index so SQLite never sorts.
 * A visitor has a row per word, so the same visitor can come back more than once (Smith-Smithson, "smi").
 * Parameters, in order: the group, the prefix, the prefix again, how many rows. Bound by position: by name
 * the lookup took about 2 µs longer (of some 30 µs). The benchmark's floor runs this same text.
 * NULLS LAST is SQLite's own order for DESC (so it still reads the index unsorted), written out because
 * PostgreSQL's default is the opposite: visitors never signed in stay last on both.
 */
export const NEWEST_IN_GROUP_SQL = `SELECT v.id, v.first_name, v.last_name, v.family_name_first, v.organisation, w.last_signed_in_at
  FROM visitor_name_words w JOIN visitors v ON v.id = w.visitor_id
  WHERE w.word_prefix = ? AND w.word >= ? AND w.word < ? || ${MAX_CHAR}
  ORDER BY w.word_prefix, w.last_signed_in_at DESC NULLS LAST, w.visitor_id DESC
  LIMIT ?`;

/** The distinct three-letter groups starting with @prefix, each found by one seek of the words index. */
export const SURNAME_GROUPS_SQL = `WITH RECURSIVE groups (p) AS (
    SELECT (SELECT min(word_prefix) FROM visitor_name_words WHERE word_prefix >= @prefix AND word_prefix < @prefix || ${MAX_CHAR})
    UNION ALL
    SELECT (SELECT min(word_prefix) FROM visitor_name_words WHERE word_prefix > groups.p AND word_prefix < @prefix || ${MAX_CHAR})
    FROM groups WHERE groups.p IS NOT NULL
  )
  SELECT p FROM groups WHERE p IS NOT NULL`;

interface RankedVisitorRow extends VisitorRow {
  last_signed_in_at: string | null;
}

/**
 * The newest `limit` different visitors from a query read newest first: asks for `limit` rows, and for more
 * only when some were the same visitor again and more rows may be waiting.
 */
async function newestDistinct(limit: number, read: (rows: number) => Promise<RankedVisitorRow[]>): Promise<RankedVisitorRow[]> {
  for (let want = limit; ; want *= 4) {
    const rows = await read(want);
    const found = distinct(rows);
    if (found.length >= limit || rows.length < want) return found.slice(0, limit);
  }
}

function distinct(rows: RankedVisitorRow[]): RankedVisitorRow[] {
  if (rows.length < 2) return rows;
  const seen = new Set<number>();
  return rows.filter((r) => !seen.has(r.id) && seen.add(r.id));
}

function withoutRank({ last_signed_in_at: _, ...row }: RankedVisitorRow): VisitorRow {
  return row;
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

/** Stamps a sign-in on the visitor and on the words that order the kiosk's matches. */
export async function touchLastSignIn(db: Storage, id: number, at: string): Promise<void> {
  await db.run('UPDATE visitors SET last_signed_in_at = ? WHERE id = ?', [at, id]);
  await touchNameWords(db, id, at);
}
