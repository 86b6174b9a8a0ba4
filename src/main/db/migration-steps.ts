import type { Db } from './connection.js';
import { fillNameWords, fillWholeNameWords } from './repositories/name-words-repo.js';

/**
 * Work a migration needs that SQL alone cannot do, run after that migration's SQL in the same transaction,
 * so a database is never left with the new schema and half its rows. Keyed by the migration's file name
 * (without .sql), so a step can only ever run with the file it was written for.
 */
export const MIGRATION_STEPS: ReadonlyMap<string, (db: Db) => void> = new Map([
  // Folding accents ("Súilleabháin" to "suilleabhain") needs the same JavaScript the app searches with.
  ['0010_name_order_and_words', fillNameWords],
  // 王芳 as one word, for visitors indexed before; the same folding as the app's (nameWords).
  ['0015_whole_name_words', fillWholeNameWords],
]);
