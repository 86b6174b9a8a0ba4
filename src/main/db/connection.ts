import { AsyncLocalStorage } from 'node:async_hooks';
import { rmSync } from 'node:fs';
import Database from 'better-sqlite3';
import { preparePrivateFile } from '../core/private-files.js';
import type { TransactionHooks } from './storage.js';

export type { TransactionHooks } from './storage.js';

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
  return db;
}

const hooksByConnection = new WeakMap<Db, TransactionHooks>();

export function onTransactions(db: Db, hooks: TransactionHooks): void {
  hooksByConnection.set(db, hooks);
}

/**
 * Who holds a connection's write transaction, and who waits for it. SQLite has one connection and one
 * transaction on it at a time, but a transaction's work is asynchronous: while one command's transaction
 * awaits, another command's statements would otherwise run on the same connection and silently join it
 * (committed or rolled back with a stranger's work). So a second transaction waits its turn, first come
 * first served, and the one running is known by the asynchronous context it runs in.
 */
interface Turn {
  busy: boolean;
  /** The transaction running now, as the asynchronous context inside it knows it. */
  holder: object | null;
  readonly waiting: (() => void)[];
}

const turns = new WeakMap<Db, Turn>();
/**
 * The transaction the current asynchronous context runs in, if any. Work a transaction leaves running after
 * it ends (a hook's follow-up) still carries it, so it counts as inside only while that transaction holds the turn.
 */
const inside = new AsyncLocalStorage<object>();
let savepoints = 0;
/**
 * Transactions running now, on any connection. With none, `inside` is switched off: on Node 20 a live
 * AsyncLocalStorage makes every promise cost about twice as much (async hooks), which the kiosk's surname
 * lookup, outside any transaction, would otherwise pay on each of its awaits. Node 24 (Electron) does not.
 */
let running = 0;

function turnOf(db: Db): Turn {
  let turn = turns.get(db);
  if (!turn) {
    turn = { busy: false, holder: null, waiting: [] };
    turns.set(db, turn);
  }
  return turn;
}

/**
 * Runs `work` in one write transaction; IMMEDIATE takes the write lock up front so checks and writes agree.
 * Called inside a transaction on the same connection, `work` runs in a savepoint of it: its writes are undone
 * if it throws, and the outer transaction goes on or not as its caller decides.
 * A 'read' transaction only reads (a read-only file allows it): its reads agree with each other, since
 * nothing else runs on the connection meanwhile, and the audit trail's hooks do not run.
 */
export async function inTransaction<T>(db: Db, work: () => T | Promise<T>, kind: 'write' | 'read' = 'write'): Promise<T> {
  const turn = turnOf(db);
  const current = inside.getStore();
  if (current !== undefined && current === turn.holder) return inSavepoint(db, work);
  if (turn.busy) await new Promise<void>((resolve) => turn.waiting.push(resolve));
  turn.busy = true;
  const mine = {};
  turn.holder = mine;
  running += 1;
  try {
    return await inside.run(mine, () => immediate(db, work, kind));
  } finally {
    running -= 1;
    if (running === 0) inside.disable();
    turn.holder = null;
    // Handed straight to the next in line, so nobody can slip in between.
    const next = turn.waiting.shift();
    if (next) next();
    else turn.busy = false;
  }
}

/**
 * Runs a statement outside any transaction of the caller's: at once when no transaction holds the
 * connection (or the caller's own does), otherwise after it, in turn, so it neither reads another command's
 * uncommitted rows nor writes inside its transaction.
 */
export async function inTurn<T>(db: Db, statement: () => T): Promise<T> {
  const turn = turnOf(db);
  if (!turn.busy) return statement();
  const current = inside.getStore();
  if (current !== undefined && current === turn.holder) return statement();
  await new Promise<void>((resolve) => turn.waiting.push(resolve));
  try {
    return statement();
  } finally {
    const next = turn.waiting.shift();
    if (next) next();
    else turn.busy = false;
  }
}

/** Whether the caller's asynchronous context is inside the transaction holding the connection. */
export function insideTransaction(db: Db): boolean {
  const current = inside.getStore();
  return current !== undefined && current === turnOf(db).holder;
}

async function immediate<T>(db: Db, work: () => T | Promise<T>, kind: 'write' | 'read'): Promise<T> {
  const hooks = kind === 'write' ? hooksByConnection.get(db) : undefined;
  db.exec(kind === 'write' ? 'BEGIN IMMEDIATE' : 'BEGIN');
  let value: T;
  try {
    value = await work();
    await hooks?.beforeCommit();
    db.exec('COMMIT');
  } catch (err) {
    // SQLite may have rolled back already (a full disk, an I/O error): then there is nothing left to undo.
    if (db.inTransaction) db.exec('ROLLBACK');
    hooks?.afterRollback();
    throw err;
  }
  hooks?.afterCommit();
  return value;
}

async function inSavepoint<T>(db: Db, work: () => T | Promise<T>): Promise<T> {
  const name = `nested_${++savepoints}`;
  db.exec(`SAVEPOINT ${name}`);
  try {
    const value = await work();
    db.exec(`RELEASE ${name}`);
    return value;
  } catch (err) {
    if (db.inTransaction) db.exec(`ROLLBACK TO ${name}; RELEASE ${name}`);
    throw err;
  }
}
