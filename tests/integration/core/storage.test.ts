import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MIGRATIONS_DIR } from '../../../src/main/core/paths.js';
import { openDatabase } from '../../../src/main/db/connection.js';
import { migrate, readMigrations } from '../../../src/main/db/migrate.js';
import { migratePostgres } from '../../../src/main/db/pg-migrate.js';
import { PgStorage } from '../../../src/main/db/pg-storage.js';
import { SqliteStorage } from '../../../src/main/db/sqlite-storage.js';
import { pgText, type Storage } from '../../../src/main/db/storage.js';
import { freshPgDatabase, type PgDatabase } from '../../helpers/pg-database.js';

/**
 * The storage port behaves the same on both engines: the same SQL text, the same values back, transactions
 * that commit, roll back and nest alike, and a query outside a transaction never part of it.
 */
const JANUARY = () => new Date('2026-01-01T00:00:00.000Z');

async function sqlite(): Promise<{ storage: Storage; done: () => Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'safe-hands-storage-'));
  const db = openDatabase(join(dir, 'safe-hands.db'));
  migrate(db, readMigrations(MIGRATIONS_DIR), JANUARY);
  const storage = new SqliteStorage(db);
  return { storage, done: async () => { await storage.close(); rmSync(dir, { recursive: true, force: true }); } };
}

async function postgres(): Promise<{ storage: Storage; done: () => Promise<void> }> {
  const database: PgDatabase = await freshPgDatabase();
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  await migratePostgres(client, undefined, JANUARY);
  await client.end();
  const storage = new PgStorage({ connectionString: database.url });
  return { storage, done: async () => { await storage.close(); await database.drop(); } };
}

const setting = (key: string) => ({ key, value: JSON.stringify(key), at: '2026-01-01T09:00:00.000Z' });
const SAVE = 'INSERT INTO settings (key, value_json, updated_at) VALUES (@key, @value, @at)';
const KEYS = 'SELECT key FROM settings WHERE key LIKE ? ORDER BY key';

/** A second desk on the same PostgreSQL database: a pool of its own. */
async function open2(first: Storage): Promise<{ storage: Storage; done: () => Promise<void> }> {
  const storage = new PgStorage({ connectionString: (first as PgStorage).connectionString });
  return { storage, done: () => storage.close() };
}

describe.each([['SQLite', sqlite], ['PostgreSQL', postgres]] as const)('the storage port on %s', (_engine, open) => {
  let storage: Storage;
  let done: () => Promise<void>;
  beforeAll(async () => ({ storage, done } = await open()));
  afterAll(async () => done());

  const keys = async (prefix: string) => (await storage.all<{ key: string }>(KEYS, [`${prefix}%`])).map((r) => r.key);

  it('takes @name and ? parameters and gives numbers back as numbers, text as text, NULL as null', async () => {
    const id = await storage.get<{ id: number }>(
      `INSERT INTO staff (display_name, pin_hash, created_at) VALUES (@name, 'x', @at) RETURNING id`,
      { name: "Ó Súilleabháin's @desk ?", at: '2026-01-01T09:00:00.000Z' },
    );
    expect(typeof id!.id).toBe('number');
    const row = await storage.get<Record<string, unknown>>(
      'SELECT display_name, is_office, locked_until, (SELECT count(*) FROM staff) AS n FROM staff WHERE id = ?', [id!.id],
    );
    expect(row).toEqual({ display_name: "Ó Súilleabháin's @desk ?", is_office: 1, locked_until: null, n: 1 });
    expect(await storage.get('SELECT id FROM staff WHERE id = ?', [id!.id + 1000])).toBeUndefined();
    expect(await storage.run('UPDATE staff SET failed_pin_count = 1 WHERE id = @id', { id: id!.id })).toEqual({ changes: 1 });
  });

  it('commits a transaction that returns, and keeps nothing of one that throws', async () => {
    await storage.transaction(async () => {
      await storage.run(SAVE, setting('commit.a'));
      await storage.run(SAVE, setting('commit.b'));
    });
    await expect(storage.transaction(async () => {
      await storage.run(SAVE, setting('rollback.a'));
      throw new Error('the disk is full');
    })).rejects.toThrow('the disk is full');
    expect(await keys('commit.')).toEqual(['commit.a', 'commit.b']);
    expect(await keys('rollback.')).toEqual([]);
  });

  it('runs a transaction begun inside another as a savepoint: undone alone when it throws', async () => {
    await storage.transaction(async () => {
      await storage.run(SAVE, setting('nested.outer'));
      expect(storage.inTransaction()).toBe(true);
      await expect(storage.transaction(async () => {
        await storage.run(SAVE, setting('nested.inner'));
        throw new Error('refused');
      })).rejects.toThrow('refused');
    });
    expect(storage.inTransaction()).toBe(false);
    expect(await keys('nested.')).toEqual(['nested.outer']);
  });

  it('never counts a query outside the transaction as part of it', async () => {
    let written = false;
    const failing = storage.transaction(async () => {
      await storage.run(SAVE, setting('outside.uncommitted'));
      written = true;
      // Waits on something slow (a printer, the network), then fails.
      await sleep(30);
      throw new Error('then this one fails');
    });
    while (!written) await sleep(1);
    // Meanwhile another command, from outside that transaction, reads and writes.
    let seenOutside: string[] | undefined;
    const other = (async () => {
      seenOutside = await keys('outside.');
      await storage.run(SAVE, setting('outside.other'));
    })();
    await expect(failing).rejects.toThrow('then this one fails');
    await other;
    // It never saw the uncommitted row, and its own write did not go down with the rollback.
    expect(seenOutside).toEqual([]);
    expect(await keys('outside.')).toEqual(['outside.other']);
  });

  // On SQLite one host holds the data folder (host.lock), and its windows share its one connection, whose
  // turn serialises them (transactions.test.ts); desks sharing one database are PostgreSQL's.
  it.runIf(_engine === 'PostgreSQL')('runs check-then-write transactions from two desks one after the other, so neither misses the other', async () => {
    const second = await open2(storage);
    const next = async (desk: Storage, name: string) => desk.transaction(async () => {
      const last = await desk.get<{ n: number }>(`SELECT count(*) AS n FROM settings WHERE key LIKE 'desk.%'`);
      // Slow between the check and the write, as a command that prints or hashes a PIN may be.
      await sleep(15);
      await desk.run(SAVE, setting(`desk.${String(last!.n + 1).padStart(2, '0')}.${name}`));
    });
    await Promise.all([next(storage, 'a'), next(second.storage, 'b'), next(storage, 'c'), next(second.storage, 'd')]);
    await second.done();
    // Each saw every write before it: four different numbers, none taken twice.
    expect((await keys('desk.')).map((k) => k.slice(5, 7))).toEqual(['01', '02', '03', '04']);
  });

  it('calls the audit hooks: the last write inside, then after the commit or the rollback', async () => {
    const calls: string[] = [];
    storage.onTransactions({
      beforeCommit: async () => {
        await storage.run(SAVE, setting('hooks.sealed'));
        calls.push('beforeCommit');
      },
      afterCommit: () => calls.push('afterCommit'),
      afterRollback: () => calls.push('afterRollback'),
    });
    await storage.transaction(() => storage.run(SAVE, setting('hooks.work')));
    await expect(storage.transaction(() => {
      throw new Error('no');
    })).rejects.toThrow('no');
    storage.onTransactions({ beforeCommit: () => undefined, afterCommit: () => undefined, afterRollback: () => undefined });
    expect(calls).toEqual(['beforeCommit', 'afterCommit', 'afterRollback']);
    expect(await keys('hooks.')).toEqual(['hooks.sealed', 'hooks.work']);
  });

  it('refuses what the schema refuses, with the same words on both engines', async () => {
    await expect(storage.run(`INSERT INTO staff (display_name, pin_hash, created_at, is_head) VALUES ('A', 'x', 'now', 0)`)).rejects.toThrow(/CHECK|check/);
    await storage.run(`INSERT INTO audit_log (at, actor_label, action, entity, detail_json, prev_hash, hash)
      VALUES ('2026-01-01T09:00:00.000Z', 'Office', 'test', 'test', '{}', '', 'h')`);
    await expect(storage.run('DELETE FROM audit_log')).rejects.toThrow(/^the audit trail is append-only$/);
  });
});

describe('PostgreSQL text for one SQL statement', () => {
  it('numbers @name parameters once each, in order of first use', () => {
    expect(pgText('SELECT @b, @a, @b')).toEqual({ text: 'SELECT $1, $2, $1', names: ['b', 'a'] });
  });

  it('numbers ? parameters in order', () => {
    expect(pgText('UPDATE t SET a = ? WHERE b = ?')).toEqual({ text: 'UPDATE t SET a = $1 WHERE b = $2', names: [] });
  });

  it("leaves @ and ? inside quoted text, quoted names and comments as they are (O''Brien@desk?)", () => {
    const sql = `SELECT 'O''Brien@desk?' AS "who?", @who -- is it @me?\nFROM t WHERE x = @who`;
    expect(pgText(sql).text).toBe(`SELECT 'O''Brien@desk?' AS "who?", $1 -- is it @me?\nFROM t WHERE x = $1`);
  });

  it('refuses a statement that mixes the two kinds', () => {
    expect(() => pgText('SELECT @a, ?')).toThrow(/mixes/);
  });
});
