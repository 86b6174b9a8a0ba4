import type Database from 'better-sqlite3';
import type { Db } from '../connection.js';

/** What `db.prepare(sql)` gives back. */
type Statement = Database.Statement<unknown[], unknown>;

/**
 * Prepared statements, compiled once per connection and kept for as long as that connection lives.
 *
 * Compiling SQL can cost more than running it: about 10 µs for the kiosk's surname lookup against 23 µs to
 * run it, and about 0.3 ms across the dozen statements a receipt reprint runs. The repositories' SQL is fixed
 * text (lists go through json_each), so the set of statements kept is small and bounded.
 *
 * Safe to share because every caller uses `get`, `all` or `run`, which reset the statement when they return:
 * a kept statement never holds a read transaction open and is never busy when the next caller wants it.
 * Statements that are iterated, or switched to pluck/raw/expand mode, must not come from here. A schema
 * change (a migration after a restore) makes SQLite recompile a kept statement by itself on its next run.
 */
const byConnection = new WeakMap<Db, Map<string, Statement>>();

export function prepared(db: Db, sql: string): Statement {
  let statements = byConnection.get(db);
  if (statements === undefined) {
    statements = new Map();
    byConnection.set(db, statements);
  }
  let statement = statements.get(sql);
  if (statement === undefined) {
    statement = db.prepare(sql);
    statements.set(sql, statement);
  }
  return statement;
}
