import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { APP_ROOT } from '../core/paths.js';
import { checkApplied, MigrationError, type AppliedRow, type MigrationFile } from './migrate.js';

/**
 * PostgreSQL's own migration files, beside SQLite's (core/paths.ts MIGRATIONS_DIR): the two trees differ
 * because shipped files are checksummed and STRICT, GLOB and RAISE are not portable (docs/postgres-plan.md §3).
 */
export const PG_MIGRATIONS_DIR = join(APP_ROOT, 'migrations', 'postgres');

/**
 * The first PostgreSQL file is the whole SQLite schema up to this version at once (0027_baseline.sql); from
 * the next version on, each file has the same number and name in both trees.
 */
export const PG_BASELINE_VERSION = 27;

/**
 * The advisory lock every desk takes before migrating (any constant would do: this is "SafeHand" in ASCII,
 * so it is unlikely to be another program's key on a shared server). A session lock, held for the whole run,
 * not a transaction lock per file: reading what is applied and applying what is missing must happen under
 * one lock, or two desks starting at once could both see file N missing and both apply it. The second desk
 * waits, then finds everything applied and does nothing.
 */
export const PG_MIGRATE_LOCK_KEY = 0x5361666548616e64n;

const FILE_PATTERN = /^(\d{4})_([a-z0-9_]+)\.sql$/;

/** The files in `dir`, checked to run on from the baseline without a gap, with their checksums. */
export function readPgMigrations(dir: string): MigrationFile[] {
  const files = readdirSync(dir).filter((f) => f.endsWith('.sql')).sort();
  if (files.length === 0) throw new MigrationError(`There are no PostgreSQL migration files in ${dir}`);
  return files.map((file, index) => {
    const match = FILE_PATTERN.exec(file);
    if (!match) throw new MigrationError(`Migration file name ${file} is not NNNN_name.sql`);
    const version = Number(match[1]);
    const expected = PG_BASELINE_VERSION + index;
    if (version !== expected) throw new MigrationError(`Migration ${file} is out of sequence: expected ${expected}`);
    const sql = readFileSync(join(dir, file), 'utf8');
    return { version, name: match[2]!, sql, checksum: createHash('sha256').update(sql).digest('hex') };
  });
}

/**
 * The record of applied files, with migrate.ts's columns. Made by the runner rather than by a file, as on
 * SQLite: it is read before any file is applied.
 */
const CREATE_BOOKKEEPING = `CREATE TABLE IF NOT EXISTS schema_migrations (
  version    integer PRIMARY KEY,
  name       text NOT NULL,
  checksum   text NOT NULL,
  applied_at text NOT NULL
)`;

/**
 * Brings a PostgreSQL database up to the files in `dir` (PG_MIGRATIONS_DIR), with migrate.ts's guarantees:
 * forward only, files in order, a database whose applied migrations are not a prefix of the files (edited,
 * renamed, missing, or from a newer product) refused with the same words, and each file committed together
 * with its record (PostgreSQL's DDL is transactional, so a file that fails leaves nothing behind).
 *
 * Takes a Client, or a Pool from which it holds one client for the whole run: the migration lock belongs to
 * one session.
 */
export async function migratePostgres(
  db: pg.Client | pg.Pool,
  dir: string = PG_MIGRATIONS_DIR,
  now: () => Date = () => new Date(),
): Promise<{ applied: number[] }> {
  const migrations = readPgMigrations(dir);
  const client = db instanceof pg.Pool ? await db.connect() : db;
  let broken: Error | undefined;
  try {
    return await migrateHoldingLock(client, migrations, now);
  } catch (err) {
    broken = err instanceof Error ? err : new Error(String(err));
    throw err;
  } finally {
    // A pooled client that failed mid-run may still be in a transaction or have lost its session: pass the
    // error so the pool closes it rather than lending it out again.
    if (db instanceof pg.Pool) (client as pg.PoolClient).release(broken);
  }
}

async function migrateHoldingLock(client: pg.ClientBase, migrations: MigrationFile[], now: () => Date): Promise<{ applied: number[] }> {
  // The pool's limits are for kiosk commands (plan §3: statement_timeout 5 s). Waiting behind another desk's
  // migration, or a migration rewriting a large table, must not be cut off by them, so they are lifted for
  // this run and put back after.
  const limits = await client.query<{ statement_timeout: string; lock_timeout: string }>(
    "SELECT current_setting('statement_timeout') AS statement_timeout, current_setting('lock_timeout') AS lock_timeout",
  );
  const saved = limits.rows[0]!;
  const key = PG_MIGRATE_LOCK_KEY.toString();
  let locked = false;
  let result: { applied: number[] } | undefined;
  let failure: unknown;
  try {
    await client.query("SELECT set_config('statement_timeout', '0', false), set_config('lock_timeout', '0', false)");
    await client.query('SELECT pg_advisory_lock($1)', [key]);
    locked = true;
    // Under the lock: CREATE TABLE IF NOT EXISTS is not safe against another session doing the same at once.
    await client.query(CREATE_BOOKKEEPING);
    const applied = await checkAppliedPgMigrations(client, migrations);
    const done: number[] = [];
    for (const file of migrations.slice(applied.length)) {
      await applyOne(client, file, now);
      done.push(file.version);
    }
    result = { applied: done };
  } catch (err) {
    failure = err;
  }
  // Put the session back as it was. If that fails after a good run, the run fails too, so a pool closes this
  // client rather than lending out a session that still holds the lock and every other desk waits on.
  try {
    if (locked) await client.query('SELECT pg_advisory_unlock($1)', [key]);
    await client.query('SELECT set_config($1, $2, false), set_config($3, $4, false)', [
      'statement_timeout', saved.statement_timeout, 'lock_timeout', saved.lock_timeout,
    ]);
  } catch (err) {
    failure ??= err;
  }
  if (failure !== undefined) throw failure;
  return result!;
}

/**
 * The migrations recorded on a database, refused unless they are a prefix of the files: the same versions,
 * names and checksums, and none from a newer version of the product. The words are migrate.ts's, so the
 * app's message about a database it cannot open reads the same on either engine.
 */
export async function checkAppliedPgMigrations(client: pg.ClientBase, migrations: readonly MigrationFile[]): Promise<AppliedRow[]> {
  const applied = (await client.query<AppliedRow>('SELECT version, name, checksum FROM schema_migrations ORDER BY version')).rows;
  return checkApplied(applied, migrations);
}

/** One file and its record in one transaction. A file must not hold BEGIN or COMMIT of its own. */
async function applyOne(client: pg.ClientBase, file: MigrationFile, now: () => Date): Promise<void> {
  await client.query('BEGIN');
  try {
    // Sent as one simple query: several statements, no parameters, all inside the transaction above.
    await client.query(file.sql);
    await client.query('INSERT INTO schema_migrations (version, name, checksum, applied_at) VALUES ($1, $2, $3, $4)', [
      file.version, file.name, file.checksum, now().toISOString(),
    ]);
    await client.query('COMMIT');
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    const reason = err instanceof Error ? err.message : String(err);
    throw new MigrationError(`Migration ${file.version} (${file.name}) could not be applied, and nothing of it was kept: ${reason}`, { cause: err });
  }
}
