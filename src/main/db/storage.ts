/**
 * The storage port: what services and repositories need from a database, the same for the embedded SQLite
 * file and a PostgreSQL server shared by many desks (issue 15, docs/postgres-plan.md §3). Nothing outside
 * src/main/db/ needs to know which engine it runs on.
 *
 * One SQL text serves both engines. Parameters are written `@name` (taken from an object) or `?` (taken from
 * an array in order); for PostgreSQL the text is rewritten once to `$1, $2, ...` (pgText below).
 *
 * A transaction is found by the asynchronous context it runs in: a query made anywhere inside
 * `transaction(work)` (a repository three calls down) runs in that transaction, and one made outside it never
 * does. So a service never passes a transaction handle around, and cannot write outside the transaction it
 * thinks it is in.
 */
export type Engine = 'sqlite' | 'postgres';

/**
 * Values for `@name` parameters, or for `?` parameters in order. A list (ids, receipt numbers) is passed as
 * an array and read in SQL through `listOf` below.
 */
export type Params = object | readonly unknown[];

/**
 * A list parameter as a table with one column, `value`, to join or to use in `IN (SELECT value FROM ...)`.
 * The one place the two engines' SQL differs: SQLite reads the list as JSON (the SQLite storage encodes an
 * array parameter so), PostgreSQL as an array of the given type.
 */
export function listOf(engine: Engine, param: string, type: 'bigint' | 'text', alias: string): string {
  return engine === 'sqlite' ? `json_each(${param}) AS ${alias}` : `unnest(CAST(${param} AS ${type}[])) AS ${alias}(value)`;
}

/**
 * The greatest character, for prefix ranges (`word >= @prefix AND word < @prefix || MAX_CHAR`): both
 * engines compare text by its UTF-8 bytes (PostgreSQL in the C locale), and no character's bytes sort after
 * U+10FFFF's.
 */
export const MAX_CHAR = "'\u{10FFFF}'";

export interface Queryable {
  readonly engine: Engine;
  /** The first row, or undefined. */
  get<R>(sql: string, params?: Params): Promise<R | undefined>;
  all<R>(sql: string, params?: Params): Promise<R[]>;
  /** A statement run for its effect: how many rows it changed. */
  run(sql: string, params?: Params): Promise<{ changes: number }>;
}

/** What the audit trail does around each write transaction (audit/audit-trail.ts). */
export interface TransactionHooks {
  /** Last step inside the transaction: may still write. */
  beforeCommit(): void | Promise<void>;
  /** Runs once the transaction has ended; anything it starts that writes waits for a transaction of its own. */
  afterCommit(): void;
  afterRollback(): void;
}

export interface Storage extends Queryable {
  /**
   * Runs `work` in one write transaction, committed when it returns and rolled back when it throws. Checks
   * and the writes that depend on them agree: no other desk's write to the same site lands in between.
   * Begun inside another, it is a savepoint of it: undone alone if it throws.
   */
  transaction<T>(work: () => T | Promise<T>): Promise<T>;
  /**
   * Runs `work`'s reads as one: they agree with each other, as if no write landed while they ran (the
   * audit check reads an entry and the rows it sealed). Writes nothing, so a read-only file allows it.
   */
  snapshot<T>(work: () => T | Promise<T>): Promise<T>;
  /** Whether the caller's asynchronous context is inside one of this storage's transactions. */
  inTransaction(): boolean;
  onTransactions(hooks: TransactionHooks): void;
  /** False once closed. */
  readonly open: boolean;
  close(): Promise<void>;
}

/**
 * PostgreSQL's text for a statement written with `@name` or `?` parameters, and the order its values go in.
 * Quoted text, quoted names and comments are copied as they are, so an `@` or `?` inside them stays.
 */
export interface PgText {
  text: string;
  /** For `@name` parameters: the name of $1, $2, ...; empty for `?` parameters. */
  names: readonly string[];
}

const compiled = new Map<string, PgText>();

export function pgText(sql: string): PgText {
  const known = compiled.get(sql);
  if (known) return known;
  const names: string[] = [];
  let positional = 0;
  let text = '';
  let i = 0;
  while (i < sql.length) {
    const c = sql[i]!;
    if (c === "'" || c === '"') {
      const end = closingQuote(sql, i, c);
      text += sql.slice(i, end);
      i = end;
    } else if (c === '-' && sql[i + 1] === '-') {
      const end = sql.indexOf('\n', i);
      const stop = end === -1 ? sql.length : end;
      text += sql.slice(i, stop);
      i = stop;
    } else if (c === '@' && /[A-Za-z_]/.test(sql[i + 1] ?? '')) {
      const name = /^[A-Za-z_][A-Za-z0-9_]*/.exec(sql.slice(i + 1))![0];
      let at = names.indexOf(name);
      if (at === -1) at = names.push(name) - 1;
      text += `$${at + 1}`;
      i += 1 + name.length;
    } else if (c === '?') {
      text += `$${++positional}`;
      i += 1;
    } else {
      text += c;
      i += 1;
    }
  }
  if (names.length > 0 && positional > 0) throw new Error(`A statement mixes @name and ? parameters: ${sql}`);
  const result = { text, names };
  compiled.set(sql, result);
  return result;
}

/** Where the quoted text starting at `from` ends (a doubled quote is part of the text). */
function closingQuote(sql: string, from: number, quote: string): number {
  let i = from + 1;
  for (;;) {
    const next = sql.indexOf(quote, i);
    if (next === -1) return sql.length;
    if (sql[next + 1] === quote) i = next + 2;
    else return next + 1;
  }
}

/** The values in $1, $2, ... order. */
export function pgValues(compiledText: PgText, params: Params | undefined): unknown[] {
  if (params === undefined) return [];
  if (Array.isArray(params)) return params as unknown[];
  const named = params as Readonly<Record<string, unknown>>;
  return compiledText.names.map((name) => {
    if (!(name in named)) throw new Error(`Missing value for parameter @${name}`);
    return named[name];
  });
}
