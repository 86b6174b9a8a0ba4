import { mkdtempSync, rmSync, writeFileSync, mkdirSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../src/main/db/connection.js';
import { migrate, MigrationError, readMigrations } from '../../src/main/db/migrate.js';
import { MIGRATIONS_DIR } from '../../src/main/paths.js';

const dirs: string[] = [];
const dbs: Db[] = [];
afterEach(() => {
  while (dbs.length) dbs.pop()!.close();
  while (dirs.length) rmSync(dirs.pop()!, { recursive: true, force: true });
});

function tempDb(): { db: Db; dir: string } {
  const dir = mkdtempSync(join(tmpdir(), 'safe-hands-migrate-'));
  dirs.push(dir);
  const db = openDatabase(join(dir, 'test.db'));
  dbs.push(db);
  return { db, dir };
}

function copyMigrations(to: string): string {
  const target = join(to, 'migrations');
  mkdirSync(target);
  for (const m of readMigrations(MIGRATIONS_DIR)) copyFileSync(join(MIGRATIONS_DIR, `${String(m.version).padStart(4, '0')}_${m.name}.sql`), join(target, `${String(m.version).padStart(4, '0')}_${m.name}.sql`));
  return target;
}

describe('migrations', () => {
  it('build the schema once and record each file with its checksum', () => {
    const { db } = tempDb();
    const files = readMigrations(MIGRATIONS_DIR);
    expect(migrate(db, files).applied).toEqual(files.map((f) => f.version));
    expect(migrate(db, files).applied).toEqual([]);
    const rows = db.prepare('SELECT version, checksum FROM schema_migrations').all();
    expect(rows).toEqual(files.map((f) => ({ version: f.version, checksum: f.checksum })));
  });

  it('set the pragmas a safeguarding log needs', () => {
    const { db } = tempDb();
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
  });

  it('make every table STRICT', () => {
    const { db } = tempDb();
    migrate(db, readMigrations(MIGRATIONS_DIR));
    const tables = db.prepare(`SELECT name, sql FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`).all() as { name: string; sql: string }[];
    expect(tables.length).toBeGreaterThan(5);
    for (const t of tables) expect(t.sql, t.name).toMatch(/\)\s*STRICT$/);
  });

  it('refuse a database whose applied migration was edited since', () => {
    const { db, dir } = tempDb();
    const migrationsDir = copyMigrations(dir);
    migrate(db, readMigrations(migrationsDir));
    writeFileSync(join(migrationsDir, '0001_init.sql'), `${readMigrations(migrationsDir)[0]!.sql}\n-- edited`);
    expect(() => migrate(db, readMigrations(migrationsDir))).toThrow(MigrationError);
  });

  it('refuse a database from a newer version of the product', () => {
    const { db } = tempDb();
    migrate(db, readMigrations(MIGRATIONS_DIR));
    db.prepare(`INSERT INTO schema_migrations VALUES (999, 'future', 'x', '2030-01-01')`).run();
    expect(() => migrate(db, readMigrations(MIGRATIONS_DIR))).toThrow(/newer version/);
  });

  it('roll back a migration that fails half way, leaving no record of it', () => {
    const { db, dir } = tempDb();
    const migrationsDir = copyMigrations(dir);
    migrate(db, readMigrations(migrationsDir));
    const next = String(readMigrations(migrationsDir).length + 1).padStart(4, '0');
    writeFileSync(join(migrationsDir, `${next}_broken.sql`), 'CREATE TABLE half_done (x INTEGER) STRICT;\nINSERT INTO no_such_table VALUES (1);');
    expect(() => migrate(db, readMigrations(migrationsDir))).toThrow();
    expect(db.prepare(`SELECT count(*) AS n FROM sqlite_schema WHERE name = 'half_done'`).get()).toEqual({ n: 0 });
    expect(db.prepare('SELECT max(version) AS v FROM schema_migrations').get()).toEqual({ v: Number(next) - 1 });
  });
});
