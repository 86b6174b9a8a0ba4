import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { DATABASE_FILE } from '../../src/main/core/paths.js';
import { pgText } from '../../src/main/db/storage.js';
import { reopenTestApp, type TestApp } from './test-app.js';

/** What another program with the database owner's rights can do to the records, on either engine. */
export interface AnotherProgram {
  run(sql: string, params?: unknown[]): Promise<void>;
  all<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
}

/**
 * Runs `edit` as another program would, behind Safe Hands' back: on a connection of its own (never the app's,
 * which seals what it writes), in one transaction, and past every trigger, as the database's owner can:
 * on SQLite the triggers are dropped and put back as they were; on PostgreSQL the session skips them
 * (session_replication_role = replica). Statements use `?` for parameters on both engines.
 * The app is marked as tampered with on purpose, so its end-of-test audit check does not fail the test.
 */
export async function asAnotherProgram(app: TestApp, edit: (db: AnotherProgram) => Promise<void>): Promise<void> {
  app.tamperedOnPurpose = true;
  if (app.database === undefined) {
    await asAnotherProgramOnFile(join(app.dir, DATABASE_FILE), edit);
  } else {
    await onTheServer(app.database, edit);
  }
}

/** The same on a SQLite file of Safe Hands' that no app has open (a backup, say). */
export async function asAnotherProgramOnFile(file: string, edit: (db: AnotherProgram) => Promise<void>): Promise<void> {
  const db = new Database(file);
  try {
    // Past the foreign keys too, as PostgreSQL's replica sessions are.
    db.pragma('foreign_keys = OFF');
    const triggers = db.prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'trigger'").all() as { name: string; sql: string }[];
    db.exec('BEGIN IMMEDIATE');
    for (const { name } of triggers) db.exec(`DROP TRIGGER "${name}"`);
    await edit({
      run: async (sql, params = []) => void db.prepare(sql).run(...params),
      all: async <T>(sql: string, params: unknown[] = []) => db.prepare(sql).all(...params) as T[],
    });
    for (const { sql } of triggers) db.exec(sql);
    db.exec('COMMIT');
  } finally {
    if (db.inTransaction) db.exec('ROLLBACK');
    db.close();
  }
}

async function onTheServer(url: string, edit: (db: AnotherProgram) => Promise<void>): Promise<void> {
  // bigint (ids, counts) as numbers, as the app reads them.
  const types = { getTypeParser: (oid: number, format?: 'text' | 'binary') => (oid === 20 ? Number : pg.types.getTypeParser(oid, format)) };
  const client = new pg.Client({ connectionString: url, types: types as pg.CustomTypesConfig });
  await client.connect();
  try {
    await client.query('BEGIN');
    await client.query('SET LOCAL session_replication_role = replica');
    await edit({
      run: async (sql, params = []) => void await client.query(pgText(sql).text, params),
      all: async <T>(sql: string, params: unknown[] = []) => (await client.query(pgText(sql).text, params)).rows as T[],
    });
    await client.query('COMMIT');
  } catch (err) {
    await client.query('ROLLBACK').catch(() => {});
    throw err;
  } finally {
    await client.end();
  }
}

/**
 * Safe Hands closed, another program edits the records, and Safe Hands starts again on the same data folder
 * (and database): the app that comes back, its start-up check done.
 */
export async function editWhileClosed<T extends TestApp>(app: T, edit: (db: AnotherProgram) => Promise<void>): Promise<T> {
  app.close();
  await asAnotherProgram(app, edit);
  const reopened = await reopenTestApp(app);
  await reopened.startupCheck;
  return reopened;
}
