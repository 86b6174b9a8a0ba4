// A database of its own for a test file, on the run's PostgreSQL (pg-global-setup.ts), so test files running at
// the same time never see each other's rows.
//
// Note for readers of results: pg returns int8 (bigint, count(*)) as a string unless a type parser is registered
// (`pg.types.setTypeParser(20, ...)`). This helper registers none: the app's PostgreSQL adapter does, and tests
// should go through it rather than rely on a parser set here.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';

export interface PgDatabase {
  readonly name: string;
  readonly url: string;
  /** Drops the database, closing any connection still open to it. */
  drop(): Promise<void>;
}

export interface FreshPgDatabaseOptions {
  /**
   * Copy this database (e.g. a migrated template made once per file). It must exist and have no open
   * connections. Without it the database starts empty from template0, UTF8 with the C locale: byte-wise text
   * order and ASCII-only lower(), as SQLite (docs/postgres-plan.md §2).
   */
  template?: string;
}

function databaseUrl(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${encodeURIComponent(database)}`;
  return url.toString();
}

/** Runs statements on the maintenance database, one short-lived connection. */
async function onServer(serverUrl: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

export async function freshPgDatabase(options: FreshPgDatabaseOptions = {}): Promise<PgDatabase> {
  const { template } = options;
  if (template !== undefined && (typeof template !== 'string' || template.trim() === '')) {
    throw new Error(`freshPgDatabase: template must be the name of an existing database, not ${JSON.stringify(template)}`);
  }
  const serverUrl = inject('pgServerUrl');
  if (typeof serverUrl !== 'string') {
    throw new Error('freshPgDatabase: no test PostgreSQL in this run; it is started by tests/helpers/pg-global-setup.ts for the unit project only');
  }
  // Random, not time-based: tests never read the clock, and files run at once must not collide.
  const name = `safe_hands_test_${randomBytes(8).toString('hex')}`;
  const quoted = pg.escapeIdentifier(name);
  // A copied template brings its own encoding and locale; naming others would be refused unless they matched.
  await onServer(serverUrl, template === undefined
    ? `CREATE DATABASE ${quoted} TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C'`
    : `CREATE DATABASE ${quoted} TEMPLATE ${pg.escapeIdentifier(template)} STRATEGY FILE_COPY`);
  let dropping: Promise<void> | undefined;
  return {
    name,
    url: databaseUrl(serverUrl, name),
    drop: () => (dropping ??= onServer(serverUrl, `DROP DATABASE IF EXISTS ${quoted} WITH (FORCE)`)),
  };
}

/** Fresh copies of one template database, each made while the one before it is in use. */
export interface PgCopies {
  /** A fresh copy; the next one is begun at once, so the server makes it while the caller's test runs. */
  next(): Promise<PgDatabase>;
  /** Drops the copy made ahead, if any. */
  dispose(): Promise<void>;
}

/**
 * Copies of `template`, one made ahead. A copy takes the server a few hundred milliseconds on a busy machine,
 * and a file of tests may want a hundred: made ahead, it costs the tests almost nothing.
 */
export function copiesOf(template: string): PgCopies {
  let spare: Promise<PgDatabase> | undefined;
  return {
    next() {
      const next = spare ?? freshPgDatabase({ template });
      spare = freshPgDatabase({ template });
      // Handled when taken or disposed; until then a failure must not count as unhandled.
      void spare.catch(() => {});
      return next;
    },
    async dispose() {
      const left = await spare?.catch(() => undefined);
      spare = undefined;
      await left?.drop();
    },
  };
}
