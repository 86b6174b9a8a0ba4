// The PostgreSQL migration runner (src/main/db/pg-migrate.ts) on the run's throwaway server: the same rules
// as SQLite's (migrate.test.ts), and two desks starting at once against one database.
import { createHash, randomBytes } from 'node:crypto';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterEach, describe, expect, inject, it, vi } from 'vitest';
import { MIGRATIONS_DIR } from '../../../src/main/core/paths.js';
import { MigrationError, readMigrations } from '../../../src/main/db/migrate.js';
import { migratePostgres, PG_BASELINE_VERSION, PG_MIGRATE_LOCK_KEY, PG_MIGRATIONS_DIR, readPgMigrations } from '../../../src/main/db/pg-migrate.js';
import { freshPgDatabase, type PgDatabase } from '../../helpers/pg-database.js';

const JANUARY = () => new Date('2026-01-01T00:00:00.000Z');
const BASELINE = '0027_baseline.sql';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

async function database(): Promise<PgDatabase> {
  const db = await freshPgDatabase();
  cleanups.push(() => db.drop());
  return db;
}

async function connect(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  cleanups.push(() => client.end());
  return client;
}

/** A folder holding a copy of the shipped baseline, and any later files a test adds. */
function migrationsCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'safe-hands-pg-migrations-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  copyFileSync(join(PG_MIGRATIONS_DIR, BASELINE), join(dir, BASELINE));
  return dir;
}

async function records(client: pg.Client): Promise<{ version: number; name: string; checksum: string; applied_at: string }[]> {
  return (await client.query('SELECT version, name, checksum, applied_at FROM schema_migrations ORDER BY version')).rows;
}

async function tableExists(client: pg.Client, name: string): Promise<boolean> {
  return (await client.query('SELECT to_regclass($1) IS NOT NULL AS present', [`public.${name}`])).rows[0].present;
}

describe('PostgreSQL migrations', () => {
  it('build the schema on an empty database and record each file with its checksum and the time', async () => {
    const client = await connect((await database()).url);
    // Every shipped file, the baseline first (each later version has its own file, 0028 on).
    const shipped = readPgMigrations(PG_MIGRATIONS_DIR);
    expect(await migratePostgres(client, PG_MIGRATIONS_DIR, JANUARY)).toEqual({ applied: shipped.map((f) => f.version) });
    const sha = createHash('sha256').update(readFileSync(join(PG_MIGRATIONS_DIR, BASELINE), 'utf8')).digest('hex');
    const recorded = await records(client);
    expect(recorded[0]).toEqual({ version: 27, name: 'baseline', checksum: sha, applied_at: '2026-01-01T00:00:00.000Z' });
    expect(recorded).toEqual(shipped.map((f) => ({ version: f.version, name: f.name, checksum: f.checksum, applied_at: '2026-01-01T00:00:00.000Z' })));
    expect(await tableExists(client, 'custody_items')).toBe(true);
    // The lock is given back: nothing is left holding it for the next desk.
    const held = await client.query("SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory'");
    expect(held.rows[0].n).toBe(0);
  });

  it('apply nothing the second time, through a pool as through a client', async () => {
    const db = await database();
    const client = await connect(db.url);
    await migratePostgres(client, PG_MIGRATIONS_DIR, JANUARY);
    const before = await records(client);
    const pool = new pg.Pool({ connectionString: db.url, max: 1 });
    cleanups.push(() => pool.end());
    expect(await migratePostgres(pool, PG_MIGRATIONS_DIR, () => new Date('2026-02-01T00:00:00.000Z'))).toEqual({ applied: [] });
    expect(await records(client)).toEqual(before);
  });

  it('refuse a database whose applied file was edited since, changing nothing', async () => {
    const client = await connect((await database()).url);
    const dir = migrationsCopy();
    await migratePostgres(client, dir, JANUARY);
    const before = await records(client);
    writeFileSync(join(dir, BASELINE), `${readFileSync(join(dir, BASELINE), 'utf8')}\n-- edited`);
    writeFileSync(join(dir, '0028_later.sql'), 'CREATE TABLE later_thing (id integer);');
    const run = migratePostgres(client, dir, JANUARY);
    await expect(run).rejects.toThrow(MigrationError);
    await expect(run).rejects.toThrow('Migration 27 (baseline) on this database does not match the file shipped with this version');
    expect(await records(client)).toEqual(before);
    expect(await tableExists(client, 'later_thing')).toBe(false);
  });

  it('refuse a database from a newer version of the product', async () => {
    const client = await connect((await database()).url);
    await migratePostgres(client, PG_MIGRATIONS_DIR, JANUARY);
    const known = readPgMigrations(PG_MIGRATIONS_DIR).at(-1)!.version;
    await client.query(`INSERT INTO schema_migrations VALUES (${known + 1}, 'future', 'x', '2030-01-01')`);
    await expect(migratePostgres(client, PG_MIGRATIONS_DIR, JANUARY)).rejects.toThrow(
      `This database was made by a newer version of Safe Hands (schema ${known + 1}, this version knows ${known})`,
    );
  });

  it('refuse files that do not run on from the baseline without a gap', () => {
    const dir = migrationsCopy();
    writeFileSync(join(dir, '0029_skipped_one.sql'), 'SELECT 1;');
    expect(() => readPgMigrations(dir)).toThrow('Migration 0029_skipped_one.sql is out of sequence: expected 28');
  });

  it('roll back a file that fails half way, leaving neither its changes nor its record', async () => {
    const client = await connect((await database()).url);
    const dir = migrationsCopy();
    writeFileSync(join(dir, '0028_broken.sql'), 'CREATE TABLE half_done (x integer);\nINSERT INTO no_such_table VALUES (1);');
    const run = migratePostgres(client, dir, JANUARY);
    await expect(run).rejects.toThrow(MigrationError);
    await expect(run).rejects.toThrow(/Migration 28 \(broken\) could not be applied.*no_such_table/);
    // The baseline, its own transaction, stays applied; nothing of 0028 does.
    expect((await records(client)).map((r) => r.version)).toEqual([27]);
    expect(await tableExists(client, 'half_done')).toBe(false);
    // Mended, it applies.
    writeFileSync(join(dir, '0028_broken.sql'), 'CREATE TABLE half_done (x integer);');
    expect(await migratePostgres(client, dir, JANUARY)).toEqual({ applied: [28] });
    expect(await tableExists(client, 'half_done')).toBe(true);
  });

  it('apply each file once when two desks start at the same moment', { timeout: 30_000 }, async () => {
    const db = await database();
    const dir = migrationsCopy();
    // Not IF NOT EXISTS: a second application would fail on it, as on most real migrations.
    writeFileSync(join(dir, '0028_second.sql'), 'CREATE TABLE second_thing (id integer);');
    const [deskA, deskB, holder] = [await connect(db.url), await connect(db.url), await connect(db.url)];
    // Both desks are made to start while the lock is taken, so both are inside the runner before either
    // migrates: without the lock they would both find nothing applied and both apply the baseline.
    await holder.query('SELECT pg_advisory_lock($1)', [PG_MIGRATE_LOCK_KEY.toString()]);
    const runs = [migratePostgres(deskA, dir, JANUARY), migratePostgres(deskB, dir, JANUARY)];
    await vi.waitFor(async () => {
      const waiting = await holder.query("SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND NOT granted");
      expect(waiting.rows[0].n).toBe(2);
    }, { timeout: 10_000, interval: 20 });
    await holder.query('SELECT pg_advisory_unlock($1)', [PG_MIGRATE_LOCK_KEY.toString()]);
    const results = await Promise.all(runs);
    expect(results.map((r) => r.applied).sort((a, b) => b.length - a.length)).toEqual([[27, 28], []]);
    expect((await records(holder)).map((r) => r.version)).toEqual([27, 28]);
  });

  it('refuse a database whose text would not sort as SQLite sorts, creating nothing', async () => {
    // A database with ICU collation: ORDER BY and text comparisons would differ from SQLite's byte order.
    const name = `safe_hands_icu_${randomBytes(6).toString('hex')}`;
    const server = await connect(inject('pgServerUrl'));
    await server.query(`CREATE DATABASE ${pg.escapeIdentifier(name)} TEMPLATE template0 ENCODING 'UTF8' LOCALE_PROVIDER icu ICU_LOCALE 'und' LOCALE 'C'`);
    cleanups.push(async () => {
      await server.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)} WITH (FORCE)`);
    });
    const url = new URL(inject('pgServerUrl'));
    url.pathname = `/${name}`;
    const client = await connect(url.toString());
    await expect(migratePostgres(client, PG_MIGRATIONS_DIR, JANUARY)).rejects.toThrow(/needs a PostgreSQL database created with ENCODING 'UTF8' and the C locale/);
    expect(await records(client)).toEqual([]);
    expect(await tableExists(client, 'staff')).toBe(false);
  });
});

describe('the two migration trees', () => {
  it('start PostgreSQL at the baseline, and from then on have the same versions with the same names', () => {
    const sqlite = readMigrations(MIGRATIONS_DIR);
    const postgres = readPgMigrations(PG_MIGRATIONS_DIR);
    expect(postgres[0]).toMatchObject({ version: PG_BASELINE_VERSION, name: 'baseline' });
    // The baseline stands for every SQLite file up to its version.
    expect(sqlite.length).toBeGreaterThanOrEqual(PG_BASELINE_VERSION);
    const later = (files: { version: number; name: string }[]) =>
      files.filter((f) => f.version > PG_BASELINE_VERSION).map((f) => `${f.version}_${f.name}`);
    expect(later(postgres)).toEqual(later(sqlite));
  });
});
