import { surnameWords, type PersonName } from '../../../shared/domain/names.js';
import type { Db } from '../connection.js';
import { prepared } from './statements.js';

/**
 * The words each visitor is found by (visitor_name_words): their folded surname from each of its words on,
 * kept beside their last sign-in so the newest matches come straight off an index. Every change to a
 * visitor's name or last sign-in goes through here, in the caller's transaction.
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

/** Indexes the name of a visitor who has no words yet (just created, or being filled in by the migration). */
export function saveNameWords(db: Db, visitorId: number, name: PersonName, lastSignedInAt: string | null): void {
  const insert = prepared(db, 'INSERT INTO visitor_name_words (visitor_id, word, word_prefix, last_signed_in_at) VALUES (?, ?, ?, ?)');
  for (const word of surnameWords(name)) insert.run(visitorId, word, searchPrefix(word), lastSignedInAt);
}


/** Keeps the copy of the last sign-in that orders the kiosk's matches in step with the visitor's. */
export function touchNameWords(db: Db, visitorId: number, at: string): void {
  prepared(db, 'UPDATE visitor_name_words SET last_signed_in_at = ? WHERE visitor_id = ?').run(at, visitorId);
}

const FILL_BATCH = 5000;

/**
 * Indexes every visitor whose name is still held (migration 0010). Read in batches by id, since
 * better-sqlite3 cannot write while a statement is being iterated.
 */
export function fillNameWords(db: Db): void {
  const batch = db.prepare(
    `SELECT id, first_name, last_name, family_name_first, last_signed_in_at FROM visitors
     WHERE id > ? AND anonymised_at IS NULL ORDER BY id LIMIT ${FILL_BATCH}`,
  );
  let after = 0;
  for (;;) {
    const rows = batch.all(after) as { id: number; first_name: string; last_name: string; family_name_first: number; last_signed_in_at: string | null }[];
    for (const r of rows) {
      saveNameWords(db, r.id, { firstName: r.first_name, lastName: r.last_name, familyNameFirst: r.family_name_first === 1 }, r.last_signed_in_at);
    }
    if (rows.length < FILL_BATCH) return;
    after = rows.at(-1)!.id;
  }
}
