import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { openApp } from '../app.js';
import { checkAuditNow } from '../audit/audit-check.js';
import { openAuditKeyRing } from '../audit/audit-key.js';
import type { Clock } from '../core/clock.js';
import { AUDIT_KEY_FILE, DATABASE_FILE } from '../core/paths.js';
import { describeMove, movedAway, noteMovedAway } from './moved-away.js';
import { PgStorage } from './pg-storage.js';
import type { Db as SqliteFile } from './connection.js';
import { sqliteOf } from './sqlite-storage.js';
import { isDatabaseError } from './storage-errors.js';

/**
 * Moves a single desk's SQLite records into an empty PostgreSQL database (issue 15): every row as it is,
 * ids included, in one transaction on the server, so a move cut short leaves the server as empty as it was.
 * The SQLite file is only read (after the usual schema update at start) and stays where it is.
 *
 * The rows are copied with the tables' own triggers switched off (ALTER TABLE ... DISABLE TRIGGER USER, which
 * the tables' owner may do): they are records Safe Hands already wrote and sealed, not new writes, and some
 * triggers (receipt numbers that must follow the counter, leaflet versions in order) would refuse history
 * copied in table order. CHECK constraints stay on, and every foreign key is checked once all rows are in, so
 * the server still checks every row.
 */

/** Safe Hands' own bookkeeping, kept by each engine's migration runner rather than copied. */
const BOOKKEEPING = 'schema_migrations';
/** Rows per INSERT: PostgreSQL takes at most 65,535 parameters in one statement. */
const MAX_PARAMETERS = 60_000;

export interface MoveOptions {
  dataDir: string;
  /** postgres://user@host/db?sslmode=verify-full: an empty database the user may create tables in. */
  database: string;
  clock: Clock;
  /** Progress, one line at a time, for the person at the command line. */
  say?: (line: string) => void;
}

export interface MoveReport {
  /** Rows per table, the same in the file and on the server. */
  tables: { name: string; rows: number }[];
  /** Audit entries checked on the server after the move, all holding. */
  auditEntries: number;
}

/** The move will not start or did not finish, for a reason said in words; the server is left as it was. */
export class MoveRefused extends Error {
  override name = 'MoveRefused';
}

export async function moveToPostgres(options: MoveOptions): Promise<MoveReport> {
  const say = options.say ?? (() => {});
  if (!existsSync(join(options.dataDir, DATABASE_FILE))) {
    throw new MoveRefused(`There is no Safe Hands database (${DATABASE_FILE}) in ${options.dataDir}. Nothing was changed.`);
  }
  const moved = movedAway(options.dataDir);
  if (moved) {
    throw new MoveRefused(`The records in ${options.dataDir} were already moved ${describeMove(moved)}. Moving them again would make a second log. Nothing was changed.`);
  }
  // Without the key the trail cannot be checked before or after, and no desk on the server could check it.
  if (openAuditKeyRing(options.dataDir).found !== 'ok') {
    throw new MoveRefused(`The data folder ${options.dataDir} has no readable ${AUDIT_KEY_FILE}, so the audit trail cannot be checked before or after the move. Nothing was changed.`);
  }
  // Opened as Safe Hands opens it, so an older file is brought up to the schema the server gets.
  const source = await openApp({ dataDir: options.dataDir, clock: options.clock, startupCheckAfterMs: 3_600_000 });
  const target = new PgStorage({ connectionString: options.database, max: 2 });
  try {
    // Receipts whose PDF was missing are made again at start: done before the file is read row by row.
    await source.receiptsRebuilt;
    say('Checking the audit trail in the SQLite file...');
    const before = await checkAuditNow(source.db, source.auditTrail.ring.all());
    if (!before.ok) {
      throw new MoveRefused(`The audit trail in the SQLite file does not hold, so it would not hold on the server either. Nothing was changed.\n${before.problems.slice(0, 5).join('\n')}`);
    }
    const file = sqliteOf(source.db)!;
    const tables = tablesOf(file);

    say('Preparing the PostgreSQL database...');
    await target.migrate(() => options.clock.now());
    const onServer = new Set((await target.all<{ name: string }>(
      `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'`,
    )).map((t) => t.name));
    const missing = tables.filter((t) => !onServer.has(t));
    if (missing.length > 0) throw new MoveRefused(`The PostgreSQL database has no table ${missing.join(', ')}: it was made by another version of Safe Hands. Nothing was changed.`);
    for (const table of tables) {
      if ((await target.get<{ n: number }>(`SELECT count(*) AS n FROM "${table}"`))!.n > 0) {
        throw new MoveRefused(`The PostgreSQL database already holds Safe Hands records (${table} has rows). Records are only moved into an empty database, so two logs are never mixed. Nothing was changed.`);
      }
    }

    const report: MoveReport = { tables: [], auditEntries: 0 };
    await copyAll(file, target, tables, report, say);

    say('Checking the audit trail on the server...');
    const after = await checkAuditNow(target, source.auditTrail.ring.all());
    if (!after.ok) {
      throw new MoveRefused(`The records were copied, but the audit trail on the server does not hold:\n${after.problems.slice(0, 5).join('\n')}\n`
        + 'Keep using the SQLite file, and empty the PostgreSQL database before trying again.');
    }
    report.auditEntries = after.checked;
    // From now on this folder's SQLite file is history: npm start refuses it without --database.
    noteMovedAway(options.dataDir, options.database, options.clock.now());
    return report;
  } finally {
    source.close();
    await target.close();
  }
}

/** Every table's rows, in one transaction under the desks' write lock; any failure leaves the server as it was. */
async function copyAll(file: SqliteFile, target: PgStorage, tables: readonly string[], report: MoveReport, say: (line: string) => void): Promise<void> {
  let table = '';
  try {
    await target.transaction(async () => {
      // Some tables point at each other (a visit at its booking, the booking at its visit): no order of tables
      // satisfies every foreign key row by row, so they are checked once, after the last row.
      const keys = await target.all<{ table: string; key: string }>(
        `SELECT cl.relname AS "table", co.conname AS "key" FROM pg_constraint co JOIN pg_class cl ON cl.oid = co.conrelid
          WHERE co.contype = 'f' AND co.connamespace = current_schema()::regnamespace`,
      );
      for (const { table: name, key } of keys) await target.run(`ALTER TABLE "${name}" ALTER CONSTRAINT "${key}" DEFERRABLE INITIALLY DEFERRED`);
      await target.run('SET CONSTRAINTS ALL DEFERRED');
      for (const name of tables) await target.run(`ALTER TABLE "${name}" DISABLE TRIGGER USER`);
      for (table of tables) {
        const rows = await copyTable(file, target, table);
        say(`  ${table}: ${rows} row(s)`);
        report.tables.push({ name: table, rows });
      }
      table = '';
      // Every foreign key checked now, then each put back as the migrations made it.
      await target.run('SET CONSTRAINTS ALL IMMEDIATE');
      for (const { table: name, key } of keys) await target.run(`ALTER TABLE "${name}" ALTER CONSTRAINT "${key}" NOT DEFERRABLE`);
      for (const name of tables) await target.run(`ALTER TABLE "${name}" ENABLE TRIGGER USER`);
      await continueIds(target, tables);
      // Counted again on the server, inside the move: a difference undoes it all.
      for (const { name, rows } of report.tables) {
        const there = (await target.get<{ n: number }>(`SELECT count(*) AS n FROM "${name}"`))!.n;
        if (there !== rows) throw new MoveRefused(`${name} has ${rows} row(s) in the SQLite file but ${there} on the server. Nothing was moved.`);
      }
    });
  } catch (err) {
    if (err instanceof MoveRefused || !isDatabaseError(err)) throw err;
    throw new MoveRefused(`The server refused ${table ? `a row of ${table}` : 'the move'}: ${(err as Error).message}. Nothing was moved: the PostgreSQL database is as it was.`);
  }
}

/** The tables to copy: all of Safe Hands' own, by name. */
function tablesOf(file: SqliteFile): string[] {
  return file.prepare(`SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> ? ORDER BY name`)
    .pluck().all(BOOKKEEPING) as string[];
}

/** Copies one table's rows in id order, in batches; returns how many. */
async function copyTable(file: SqliteFile, target: PgStorage, table: string): Promise<number> {
  const columns = (file.pragma(`table_info("${table}")`) as { name: string }[]).map((c) => c.name);
  const perBatch = Math.max(1, Math.floor(MAX_PARAMETERS / columns.length));
  const list = columns.map((c) => `"${c}"`).join(', ');
  let batch: unknown[][] = [];
  let count = 0;
  const flush = async () => {
    if (batch.length === 0) return;
    const rows = batch.map((_, r) => `(${columns.map((__, c) => `$${r * columns.length + c + 1}`).join(', ')})`).join(', ');
    await target.run(`INSERT INTO "${table}" (${list}) VALUES ${rows}`, batch.flat());
    count += batch.length;
    batch = [];
  };
  // better-sqlite3 reads row by row, so a million visitors never sit in memory at once.
  for (const row of file.prepare(`SELECT ${list} FROM "${table}" ORDER BY rowid`).raw().iterate()) {
    batch.push(row as unknown[]);
    if (batch.length >= perBatch) await flush();
  }
  await flush();
  return count;
}

/** Each identity column carries on after the highest id moved, so the next record gets the next number. */
async function continueIds(target: PgStorage, tables: readonly string[]): Promise<void> {
  const identities = await target.all<{ table: string; column: string }>(
    `SELECT table_name AS "table", column_name AS "column" FROM information_schema.columns WHERE table_schema = current_schema() AND is_identity = 'YES'`,
  );
  for (const { table, column } of identities.filter((i) => tables.includes(i.table))) {
    await target.get(`SELECT setval(pg_get_serial_sequence(?, ?), coalesce(max("${column}"), 1), max("${column}") IS NOT NULL) FROM "${table}"`, [`"${table}"`, column]);
  }
}
