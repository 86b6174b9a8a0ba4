import { AsyncLocalStorage } from 'node:async_hooks';
import { createHash } from 'node:crypto';
import pg from 'pg';
import { migratePostgres, PG_MIGRATIONS_DIR } from './pg-migrate.js';
import { CommitInDoubt, pgStorageProblem } from './storage-errors.js';
import { pgText, pgValues, type Params, type Storage, type TransactionHooks } from './storage.js';

/**
 * The storage port on a PostgreSQL server that many desks share (issue 15). A pool of connections; each
 * transaction has one of them to itself from BEGIN to COMMIT, found through the asynchronous context it runs
 * in, so every query inside `transaction(work)` uses it and every query outside uses the pool.
 *
 * Transactions are READ COMMITTED, PostgreSQL's default: a statement sees what was committed before it began.
 * Each write transaction first takes the setting's write lock (WRITE_LOCK), held to its commit: write
 * transactions from every desk run one after another, as on SQLite, where BEGIN IMMEDIATE does the same. So
 * every check-then-write (a visitor signed out once, the next receipt number, the audit trail's next entry
 * chained onto the newest) is as correct with ten desks as with one, and a statement after the lock sees
 * everything committed before it (READ COMMITTED; REPEATABLE READ would keep the snapshot taken before the
 * wait). Reads outside transactions take no lock. Finer locks can come if the benchmarks ask for them.
 */
export interface PgStorageOptions {
  /** postgres://user@host:port/database?sslmode=verify-full */
  connectionString: string;
  /** Connections kept open at most; a desk rarely needs more than a few at once. */
  max?: number;
}

/**
 * The advisory lock keys (pg_advisory_xact_lock(namespace, key)): the namespace is "SH" in ASCII, so it is
 * unlikely to be another program's on a shared server; key 1 is the setting's writes.
 */
export const WRITE_LOCK = { namespace: 0x5348, key: 1 } as const;

/** How long a new connection to the server may take before the desk says the server cannot be reached. */
const CONNECT_TIMEOUT_MS = 2000;
/** How long a request waits for one of the desk's own connections to come free. */
const BUSY_WAIT_MS = 60_000;

/** The pool's connections, each with the short connect timeout (the pool passes its own, longer, limit on). */
class DeskClient extends pg.Client {
  constructor(config?: pg.ClientConfig) {
    super({ ...config, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
  }
}

interface PgTransaction {
  readonly client: pg.PoolClient;
  /** False once committed or rolled back: work it left running then uses the pool, never a finished client. */
  live: boolean;
}

/**
 * Numbers come back as numbers, as from SQLite: bigint ids and count(*) (int8) are below 2^53 here, and
 * sums and averages (numeric) are small. pg's default gives both as strings.
 */
const NUMBERS: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: string) => {
    if (oid === pg.types.builtins.INT8 || oid === pg.types.builtins.NUMERIC) return (value: string) => Number(value);
    return pg.types.getTypeParser(oid, format as never);
  }) as pg.CustomTypesConfig['getTypeParser'],
};

export class PgStorage implements Storage {
  readonly engine = 'postgres' as const;
  private readonly pool: pg.Pool;
  private readonly inside = new AsyncLocalStorage<PgTransaction>();
  private hooks: TransactionHooks | null = null;
  private savepoints = 0;
  private closing: Promise<void> | null = null;
  /**
   * Rejects, once the desk closes, every request still waiting for a connection: pg-pool leaves such a
   * request waiting after end() until BUSY_WAIT_MS, which would hold a closing desk (or a check it cancels).
   */
  private readonly closedWhileWaiting: Promise<never>;
  private stopWaiting: (err: Error) => void = () => {};

  readonly connectionString: string;

  constructor(options: PgStorageOptions) {
    this.connectionString = options.connectionString;
    this.pool = new pg.Pool({
      connectionString: options.connectionString,
      max: options.max ?? 8,
      // A desk that cannot reach the server says so within seconds, rather than leaving a visitor waiting: each
      // new connection gives up after CONNECT_TIMEOUT_MS. The pool's own limit is how long a request waits for
      // one of the desk's connections while its others are busy (a burst of taps, or another desk's write
      // holding the lock): waiting is not a lost server, so it is far longer.
      Client: DeskClient,
      connectionTimeoutMillis: BUSY_WAIT_MS,
      keepAlive: true,
      application_name: 'Safe Hands',
      // A desk that dies inside a transaction must not hold its locks for ever.
      idle_in_transaction_session_timeout: 15_000,
      types: NUMBERS,
      // The list of rows this connection's transaction wrote (the sealing triggers', migrations/postgres),
      // made before the pool lends the connection out, so the audit trail can read it before anything was
      // written. A database not migrated yet has no such function, and nothing to read either.
      onConnect: async (client: pg.ClientBase) => {
        await client.query('SELECT record_changes_table()').catch(() => undefined);
      },
    } as pg.PoolConfig);
    // An idle connection the server dropped is discarded by the pool; without a listener it would crash the app.
    this.pool.on('error', () => undefined);
    this.closedWhileWaiting = new Promise<never>((_, reject) => (this.stopWaiting = reject));
    this.closedWhileWaiting.catch(() => undefined);
  }

  /**
   * Brings the schema up to date (pg-migrate.ts), on a connection of its own: the pool's are opened after
   * it, so each finds the schema complete.
   */
  async migrate(now: () => Date): Promise<{ applied: number[] }> {
    const client = new pg.Client({ connectionString: this.connectionString, connectionTimeoutMillis: CONNECT_TIMEOUT_MS, application_name: 'Safe Hands' });
    await client.connect();
    try {
      return await migratePostgres(client, PG_MIGRATIONS_DIR, now);
    } finally {
      await client.end();
    }
  }

  async get<R>(sql: string, params?: Params): Promise<R | undefined> {
    return (await this.query(sql, params)).rows[0] as R | undefined;
  }

  async all<R>(sql: string, params?: Params): Promise<R[]> {
    return (await this.query(sql, params)).rows as R[];
  }

  async run(sql: string, params?: Params): Promise<{ changes: number }> {
    return { changes: (await this.query(sql, params)).rowCount ?? 0 };
  }

  inTransaction(): boolean {
    return this.current() !== undefined;
  }

  onTransactions(hooks: TransactionHooks): void {
    this.hooks = hooks;
  }

  async transaction<T>(work: () => T | Promise<T>): Promise<T> {
    const outer = this.current();
    if (outer) return this.savepoint(outer, work);
    return this.onOneClient(async (client) => {
      await client.query('BEGIN');
      // The sealing triggers note this transaction's writes to sealed tables (migrations/postgres, record_changes).
      await client.query("SET LOCAL safe_hands.watch = 'on'");
      await client.query('SELECT pg_advisory_xact_lock($1, $2)', [WRITE_LOCK.namespace, WRITE_LOCK.key]);
    }, work, this.hooks, 'write');
  }

  get open(): boolean {
    return this.closing === null;
  }

  /**
   * REPEATABLE READ: every statement sees the one snapshot taken at the first, so what the work reads agrees
   * whatever other desks commit meanwhile; READ ONLY takes no lock and waits for nobody.
   */
  async snapshot<T>(work: () => T | Promise<T>): Promise<T> {
    if (this.current()) return work();
    return this.onOneClient((client) => client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY'), work, null, 'read');
  }

  /**
   * Runs `work` in a transaction that `begin` opens on one connection of its own, found by the asynchronous
   * context: committed when it returns, rolled back when it throws, with the audit trail's hooks around a
   * write transaction.
   */
  private async onOneClient<T>(
    begin: (client: pg.PoolClient) => Promise<unknown>, work: () => T | Promise<T>, hooks: TransactionHooks | null, kind: 'write' | 'read',
  ): Promise<T> {
    const client = await this.borrow();
    const tx: PgTransaction = { client, live: true };
    let unusable = false;
    try {
      await begin(client);
      const value = await this.inside.run(tx, work);
      if (hooks) await this.inside.run(tx, async () => hooks.beforeCommit());
      await client.query('COMMIT').catch((err: unknown) => {
        // A write lost on the way: saved or not, only the server knows. The caller must not say "nothing was saved".
        throw kind === 'write' && pgStorageProblem(err) === 'unreachable' ? new CommitInDoubt(err) : err;
      });
      tx.live = false;
      hooks?.afterCommit();
      return value;
    } catch (err) {
      tx.live = false;
      try {
        await client.query('ROLLBACK');
      } catch {
        // The connection itself failed: it goes, and the pool opens another next time.
        unusable = true;
      }
      hooks?.afterRollback();
      throw err;
    } finally {
      client.removeListener('error', ignoreLostConnection);
      client.release(unusable);
    }
  }

  /** Ends the pool once; closing again (a restart, then the test's own close) waits for the same end. */
  close(): Promise<void> {
    if (this.closing === null) {
      this.stopWaiting(new Error('Cannot use a pool after calling end on the pool'));
      this.closing = this.pool.end();
    }
    return this.closing;
  }

  /**
   * A connection of the pool's for one transaction. While it is held, a server that goes away makes it emit
   * 'error' as well as failing the query in hand: the failed query is what the caller hears about, and an
   * 'error' nobody listens for would end the whole app.
   */
  private async borrow(): Promise<pg.PoolClient> {
    const client = await Promise.race([this.pool.connect(), this.closedWhileWaiting]);
    client.on('error', ignoreLostConnection);
    return client;
  }

  private current(): PgTransaction | undefined {
    const tx = this.inside.getStore();
    return tx?.live ? tx : undefined;
  }

  private async savepoint<T>(tx: PgTransaction, work: () => T | Promise<T>): Promise<T> {
    const name = `nested_${++this.savepoints}`;
    await tx.client.query(`SAVEPOINT ${name}`);
    try {
      const value = await work();
      await tx.client.query(`RELEASE SAVEPOINT ${name}`);
      return value;
    } catch (err) {
      await tx.client.query(`ROLLBACK TO SAVEPOINT ${name}`);
      await tx.client.query(`RELEASE SAVEPOINT ${name}`);
      throw err;
    }
  }

  private query(sql: string, params: Params | undefined): Promise<pg.QueryResult> {
    const compiled = pgText(sql);
    // Named, so each connection parses and plans a statement once, as SQLite keeps its prepared statements.
    const statement = { name: statementName(compiled.text), text: compiled.text, values: pgValues(compiled, params) };
    const tx = this.current();
    return tx ? tx.client.query(statement) : Promise.race([this.pool.query(statement), this.closedWhileWaiting]);
  }
}

/** See borrow(). */
function ignoreLostConnection(): void {}

const names = new Map<string, string>();

function statementName(text: string): string {
  let name = names.get(text);
  if (name === undefined) {
    name = `sh_${createHash('sha256').update(text).digest('hex').slice(0, 24)}`;
    names.set(text, name);
  }
  return name;
}
