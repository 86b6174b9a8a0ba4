import { inTransaction, insideTransaction, inTurn, onTransactions, type Db } from './connection.js';
import { prepared } from './repositories/statements.js';
import type { Params, Storage, TransactionHooks } from './storage.js';

/**
 * The storage port on the embedded SQLite file: one better-sqlite3 connection, its statements compiled once
 * and kept (statements.ts), one write transaction at a time (connection.ts's turn).
 *
 * better-sqlite3 answers synchronously, so when nothing else holds the connection a statement runs at once
 * and its promise is already settled: the only cost over calling better-sqlite3 directly is that promise.
 */
export class SqliteStorage implements Storage {
  readonly engine = 'sqlite' as const;

  constructor(readonly db: Db) {}

  get<R>(sql: string, params?: Params): Promise<R | undefined> {
    return inTurn(this.db, () => bind(prepared(this.db, sql), params, 'get') as R | undefined);
  }

  all<R>(sql: string, params?: Params): Promise<R[]> {
    return inTurn(this.db, () => bind(prepared(this.db, sql), params, 'all') as R[]);
  }

  async run(sql: string, params?: Params): Promise<{ changes: number }> {
    const result = await inTurn(this.db, () => bind(prepared(this.db, sql), params, 'run') as { changes: number });
    return { changes: result.changes };
  }

  transaction<T>(work: () => T | Promise<T>): Promise<T> {
    return inTransaction(this.db, work);
  }

  snapshot<T>(work: () => T | Promise<T>): Promise<T> {
    return inTransaction(this.db, work, 'read');
  }

  inTransaction(): boolean {
    return insideTransaction(this.db);
  }

  onTransactions(hooks: TransactionHooks): void {
    onTransactions(this.db, hooks);
  }

  get open(): boolean {
    return this.db.open;
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}

type Method = 'get' | 'all' | 'run';

function bind(statement: ReturnType<typeof prepared>, params: Params | undefined, method: Method): unknown {
  if (params === undefined) return statement[method]();
  // better-sqlite3 takes `?` values spread and `@name` values as one object.
  if (!Array.isArray(params)) return statement[method](namedValues(params as Readonly<Record<string, unknown>>));
  // Copied only when a list is among them: the kiosk's lookup, on every key, passes none.
  return statement[method](...(params.some(Array.isArray) ? params.map(sqliteValue) : params));
}

/** A list parameter goes to SQLite as JSON, which `listOf`'s json_each reads (storage.ts). */
function sqliteValue(value: unknown): unknown {
  return Array.isArray(value) ? JSON.stringify(value) : value;
}

function namedValues(params: Readonly<Record<string, unknown>>): Readonly<Record<string, unknown>> {
  for (const key in params) {
    if (Array.isArray(params[key])) return Object.fromEntries(Object.entries(params).map(([k, v]) => [k, sqliteValue(v)]));
  }
  return params;
}

/** The SQLite connection behind a storage, for what only SQLite has (its backups, its checks); undefined on PostgreSQL. */
export function sqliteOf(storage: Storage): Db | undefined {
  return storage instanceof SqliteStorage ? storage.db : undefined;
}
