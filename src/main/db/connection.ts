import { rmSync } from 'node:fs';
import Database from 'better-sqlite3';
import { fullName } from '../../shared/domain/names.js';
import { preparePrivateFile } from '../core/private-files.js';

export type Db = Database.Database;

export interface OpenOptions {
  /** Where the better-sqlite3 native module lives when it is not the Node build (the Electron window). */
  nativeBinding?: string;
  readonly?: boolean;
}

/**
 * The only place a database is opened. Each pragma is here for a reason a safeguarding log cares about.
 */
export function openDatabase(file: string, options: OpenOptions = {}): Db {
  // Names of visitors are in it: made 0600 before SQLite sees it, since SQLite would make it 0644 less the
  // umask, and SQLite gives its -wal and -shm files the main file's mode.
  const created = !options.readonly && file !== ':memory:' && file !== '' && preparePrivateFile(file);
  let db: Db;
  try {
    db = new Database(file, {
      ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
      readonly: options.readonly ?? false,
    });
  } catch (err) {
    if (created) rmSync(file, { force: true });
    throw err;
  }
  // Readers (the console) never wait for the kiosk's writes, and a crash mid-write leaves the old state intact.
  if (!options.readonly) db.pragma('journal_mode = WAL');
  // WAL's default NORMAL can lose the last commits on power loss; a custody record must survive it.
  db.pragma('synchronous = FULL');
  // SQLite leaves foreign keys off unless asked, per connection.
  db.pragma('foreign_keys = ON');
  // Two consoles writing at once wait for each other briefly instead of failing.
  db.pragma('busy_timeout = 5000');
  // Personal data removed later must not linger in free pages.
  db.pragma('secure_delete = ON');
  // SQL that writes a visitor's name out (receipts, reports, exception records) uses the same rule as every
  // screen: in the visitor's own order, 王芳 without a space, one name alone. NULL in, NULL out, so a
  // missing visitor still falls through coalesce().
  db.function('person_name', { deterministic: true }, (first: unknown, last: unknown, familyFirst: unknown) =>
    typeof first === 'string' && typeof last === 'string'
      ? fullName({ firstName: first, lastName: last, familyNameFirst: familyFirst === 1 || familyFirst === 1n })
      : null,
  );
  return db;
}

/** What the audit trail does around each write transaction (audit/audit-trail.ts). */
export interface TransactionHooks {
  /** Last step inside the transaction: may still write. */
  beforeCommit(): void;
  afterCommit(): void;
  afterRollback(): void;
}

const hooksByConnection = new WeakMap<Db, TransactionHooks>();

export function onTransactions(db: Db, hooks: TransactionHooks): void {
  hooksByConnection.set(db, hooks);
}

/** Runs `work` in one write transaction; IMMEDIATE takes the write lock up front so checks and writes agree. */
export function inTransaction<T>(db: Db, work: () => T): T {
  const hooks = db.inTransaction ? undefined : hooksByConnection.get(db);
  if (!hooks) return db.transaction(work).immediate();
  let result: T;
  try {
    result = db.transaction(() => {
      const value = work();
      hooks.beforeCommit();
      return value;
    }).immediate();
  } catch (err) {
    hooks.afterRollback();
    throw err;
  }
  hooks.afterCommit();
  return result;
}
