import { nameWords, type PersonName } from '../../../shared/domain/names.js';
import type { Db } from '../connection.js';
import type { Storage } from '../storage.js';
import { prepared } from './statements.js';

/**
 * The words each visitor is found by (visitor_name_words, see nameWords): their folded surname from each of
 * its words on, and 王芳 as one word for a name written without a space, kept beside their last sign-in so
 * the newest matches come straight off an index. Every change to a visitor's name or last sign-in goes
 * through here, in the caller's transaction.
 */

/** How many folded letters group the words in the kiosk's index (what the kiosk asks for at first). */
export const PREFIX_LENGTH = 3;

const SURROGATE = /[\uD800-\uDFFF]/;

/** The first three characters of a folded word, counted as SQLite counts them (code points). */
export function searchPrefix(key: string): string {
  // Without surrogate pairs (every surname the kiosk has seen) a code point is one UTF-16 unit: slice.
  if (!SURROGATE.test(key)) return key.slice(0, PREFIX_LENGTH);
  return Array.from(key).slice(0, PREFIX_LENGTH).join('');
}

export function codePointCount(text: string): number {
  return SURROGATE.test(text) ? Array.from(text).length : text.length;
}

/**
 * Indexes a visitor's name: every word of nameWords they do not have yet (all of them for a visitor just
 * created; the words a later version adds, when a migration fills them in for visitors indexed before).
 */
export async function saveNameWords(db: Storage, visitorId: number, name: PersonName, lastSignedInAt: string | null): Promise<void> {
  for (const word of nameWords(name)) await db.run(INSERT_WORD, [visitorId, word, searchPrefix(word), lastSignedInAt]);
}

// A word the visitor already has is kept as it is (the migration steps add only the missing ones).
const INSERT_WORD =
  'INSERT INTO visitor_name_words (visitor_id, word, word_prefix, last_signed_in_at) VALUES (?, ?, ?, ?) ON CONFLICT (visitor_id, word) DO NOTHING';

/**
 * saveNameWords for the migration steps, which run on SQLite only (PostgreSQL's baseline starts with an
 * empty table) inside the schema update's synchronous transaction.
 */
function writeNameWords(db: Db, visitorId: number, name: PersonName, lastSignedInAt: string | null): void {
  const insert = prepared(db, INSERT_WORD);
  for (const word of nameWords(name)) insert.run(visitorId, word, searchPrefix(word), lastSignedInAt);
}


/** Keeps the copy of the last sign-in that orders the kiosk's matches in step with the visitor's. */
export async function touchNameWords(db: Storage, visitorId: number, at: string): Promise<void> {
  await db.run('UPDATE visitor_name_words SET last_signed_in_at = ? WHERE visitor_id = ?', [at, visitorId]);
}

const FILL_BATCH = 5000;

/** Indexes every visitor whose name is still held (migration 0010). */
export function fillNameWords(db: Db): void {
  fillWhere(db, '');
}

/**
 * Adds 王芳 as one word for visitors indexed before names written without a space had it (migration 0015).
 * Only names whose family name ends and given name starts at or after U+1100 (where Hangul begins; Han,
 * kana and Hangul all lie above it) are read: one pass over the table, and nameWords decides exactly.
 */
export function fillWholeNameWords(db: Db): void {
  fillWhere(db, `AND last_name <> '' AND first_name <> '' AND unicode(substr(rtrim(last_name), -1)) >= 4352 AND unicode(ltrim(first_name)) >= 4352`);
}

/**
 * Indexes the held names matching `filter` (SQL on visitors), read in batches by id, since better-sqlite3
 * cannot write while a statement is being iterated.
 */
function fillWhere(db: Db, filter: string): void {
  const batch = db.prepare(
    `SELECT id, first_name, last_name, family_name_first, last_signed_in_at FROM visitors
     WHERE id > ? AND anonymised_at IS NULL ${filter} ORDER BY id LIMIT ${FILL_BATCH}`,
  );
  let after = 0;
  for (;;) {
    const rows = batch.all(after) as { id: number; first_name: string; last_name: string; family_name_first: number; last_signed_in_at: string | null }[];
    for (const r of rows) {
      writeNameWords(db, r.id, { firstName: r.first_name, lastName: r.last_name, familyNameFirst: r.family_name_first === 1 }, r.last_signed_in_at);
    }
    if (rows.length < FILL_BATCH) return;
    after = rows.at(-1)!.id;
  }
}
