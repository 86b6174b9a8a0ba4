import { mkdtempSync, rmSync, writeFileSync, mkdirSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../../src/main/db/connection.js';
import { migrate, MigrationError, readMigrations } from '../../../src/main/db/migrate.js';
import { MIGRATIONS_DIR } from '../../../src/main/core/paths.js';
import { fillNameWords } from '../../../src/main/db/repositories/name-words-repo.js';
import { searchVisitorsBySurname } from '../../../src/main/db/repositories/visitor-repo.js';
import { searchKey, typedNameKeys } from '../../../src/shared/domain/names.js';
import { searchPeople } from '../../../src/main/services/admin/retention.js';
import type { ServiceContext } from '../../../src/main/core/context.js';
import { SqliteStorage } from '../../../src/main/db/sqlite-storage.js';

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

describe('migration 0010: names as written, found by any word', () => {
  /** A database as the product left it before 0010, with visitors typed the way people type. */
  function databaseBefore0010() {
    const { db, dir } = tempDb();
    const earlier = join(dir, 'earlier');
    mkdirSync(earlier);
    for (const m of readMigrations(MIGRATIONS_DIR).filter((f) => f.version <= 9)) {
      writeFileSync(join(earlier, `${String(m.version).padStart(4, '0')}_${m.name}.sql`), m.sql);
    }
    migrate(db, readMigrations(earlier));
    const add = db.prepare(
      `INSERT INTO visitors (first_name, last_name, last_name_key, last_name_prefix, identity_key, organisation, created_at, last_signed_in_at, anonymised_at)
       VALUES (?, ?, ?, substr(?, 1, 3), ?, NULL, '2026-01-01T09:00:00.000Z', ?, ?)`,
    );
    const visitor = (first: string, last: string, seen: string, anonymised: string | null = null) =>
      Number(add.run(first, last, searchKey(last), searchKey(last), `${first}|${last}|`, seen, anonymised).lastInsertRowid);
    return {
      db,
      roisin: visitor('Róisín', 'Ó Súilleabháin', '2026-03-01T09:00:00.000Z'),
      aoife: visitor('Aoife', "O'Brien", '2026-03-02T09:00:00.000Z'),
      kai: visitor('Kai', 'Smith-Jones', '2026-03-03T09:00:00.000Z'),
      // Typed before names were normalised: combining accents (NFD).
      sean: visitor('Seán', 'Su\u0301illeabha\u0301in', '2026-03-04T09:00:00.000Z'),
      removed: visitor('Removed', 'visitor', '2020-01-01T09:00:00.000Z', '2024-01-01T09:00:00.000Z'),
    };
  }

  it('indexes every name still held by each of its words, in the migration itself', async () => {
    const { db, roisin, aoife, kai, sean, removed } = databaseBefore0010();
    migrate(db, readMigrations(MIGRATIONS_DIR));
    const byWord = async (typed: string) => (await searchVisitorsBySurname(new SqliteStorage(db), searchKey(typed), 6)).map((v) => v.id);
    expect(await byWord('sui')).toEqual([sean, roisin]);
    expect(await byWord('SÚI')).toEqual([sean, roisin]);
    expect(await byWord('brien')).toEqual([aoife]);
    expect(await byWord('jones')).toEqual([kai]);
    expect(await byWord('s')).toEqual([sean, kai, roisin]);
    expect(await byWord('vis')).toEqual([]);
    expect(db.prepare('SELECT count(*) FROM visitor_name_words WHERE visitor_id = ?').pluck().get(removed)).toBe(0);
    // Everyone written before the choice existed writes their given name first.
    expect(db.prepare('SELECT DISTINCT family_name_first FROM visitors').pluck().all()).toEqual([0]);
  });

  it('leaves no half-filled index: the schema change and the words commit together or not at all', async () => {
    const { db, roisin } = databaseBefore0010();
    const failingHalfWay = new Map([['0010_name_order_and_words', (d: Db) => {
      fillNameWords(d);
      throw new Error('The disk is full');
    }]]);
    expect(() => migrate(db, readMigrations(MIGRATIONS_DIR), undefined, failingHalfWay)).toThrow(/disk is full/);
    expect(db.prepare('SELECT max(version) FROM schema_migrations').pluck().get()).toBe(9);
    expect(db.prepare(`SELECT count(*) FROM sqlite_schema WHERE name = 'visitor_name_words'`).pluck().get()).toBe(0);
    expect(db.prepare('SELECT last_name_key FROM visitors WHERE id = ?').pluck().get(roisin)).toBe('osuilleabhain');
    // Started again, it completes.
    migrate(db, readMigrations(MIGRATIONS_DIR));
    expect((await searchVisitorsBySurname(new SqliteStorage(db), 'sui', 6)).map((v) => v.id)).toContain(roisin);
  });
});

describe('migration 0015: 王芳 found by her whole name typed as one word', () => {
  /** A database as the product left it just before, its visitors indexed by their surname words alone. */
  function databaseBefore0015() {
    const { db, dir } = tempDb();
    const all = readMigrations(MIGRATIONS_DIR);
    const version = all.find((f) => f.name === 'whole_name_words')!.version;
    const earlier = join(dir, 'earlier');
    mkdirSync(earlier);
    for (const m of all.filter((f) => f.version < version)) {
      writeFileSync(join(earlier, `${String(m.version).padStart(4, '0')}_${m.name}.sql`), m.sql);
    }
    migrate(db, readMigrations(earlier));
    const add = db.prepare(
      `INSERT INTO visitors (first_name, last_name, family_name_first, identity_key, organisation, created_at, last_signed_in_at, anonymised_at)
       VALUES (?, ?, ?, ?, NULL, '2026-01-01T09:00:00.000Z', ?, ?)`,
    );
    const word = db.prepare('INSERT INTO visitor_name_words (visitor_id, word, word_prefix, last_signed_in_at) VALUES (?, ?, substr(?, 1, 3), ?)');
    const visitor = (first: string, last: string, familyFirst: 0 | 1, seen: string, anonymised: string | null = null) => {
      const id = Number(add.run(first, last, familyFirst, `${first}|${last}|`, seen, anonymised).lastInsertRowid);
      if (anonymised === null) word.run(id, searchKey(last), searchKey(last), seen);
      return id;
    };
    return {
      db,
      wang: visitor('芳', '王', 1, '2026-03-02T09:00:00.000Z'),
      // Chose to show her given name first: typed as she writes it all the same.
      chen: visitor('嘉詠', '陳', 0, '2026-03-01T09:00:00.000Z'),
      kim: visitor('민준', '김', 1, '2026-03-03T09:00:00.000Z'),
      nagy: visitor('Ferenc', 'Nagy', 1, '2026-03-04T09:00:00.000Z'),
      removed: visitor('Removed', 'visitor', 0, '2020-01-01T09:00:00.000Z', '2024-01-01T09:00:00.000Z'),
    };
  }

  it('adds the whole name for names written without a space, and nothing for anyone else', async () => {
    const { db, wang, chen, kim, nagy, removed } = databaseBefore0015();
    const wordsBefore = db.prepare('SELECT count(*) FROM visitor_name_words').pluck().get() as number;
    migrate(db, readMigrations(MIGRATIONS_DIR));
    const kiosk = async (typed: string) => (await searchVisitorsBySurname(new SqliteStorage(db), searchKey(typed), 6)).map((v) => v.id);
    expect(await kiosk('王芳')).toEqual([wang]);
    expect(await kiosk('陳嘉詠')).toEqual([chen]);
    expect(await kiosk('김민준')).toEqual([kim]);
    expect(await kiosk('王')).toEqual([wang]);
    // The office's search by name finds her the same way.
    const ctx = { db: new SqliteStorage(db) } as unknown as ServiceContext;
    expect(typedNameKeys('王芳')).toEqual(['王芳']);
    expect((await searchPeople(ctx, '王芳')).people.map((p) => p.visitorId)).toEqual([wang]);
    // Each new word is ordered by the visitor's last sign-in, as their others are.
    expect(db.prepare(`SELECT last_signed_in_at FROM visitor_name_words WHERE word = ?`).pluck().get('王芳')).toBe('2026-03-02T09:00:00.000Z');
    expect(db.prepare('SELECT count(*) FROM visitor_name_words').pluck().get()).toBe(wordsBefore + 3);
    expect(db.prepare('SELECT word FROM visitor_name_words WHERE visitor_id = ?').pluck().all(nagy)).toEqual(['nagy']);
    expect(db.prepare('SELECT count(*) FROM visitor_name_words WHERE visitor_id = ?').pluck().get(removed)).toBe(0);
  });
});
