// Audit sealing on PostgreSQL (migrations/postgres/0027_baseline.sql, docs/postgres-plan.md §3): a write to a
// sealed table is noted in the session's record_changes only inside a transaction that turned watching on,
// as Safe Hands' own transactions do; the notes are this session's alone and gone at commit, by which time
// the audit trail has read and sealed them.
import pg from 'pg';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { migratePostgres, PG_MIGRATIONS_DIR } from '../../../src/main/db/pg-migrate.js';
import { freshPgDatabase, type PgDatabase } from '../../helpers/pg-database.js';

const T = '2026-01-05T12:00:00.000Z';

let database: PgDatabase;
let desk: pg.Client;
let other: pg.Client;

beforeAll(async () => {
  database = await freshPgDatabase();
  [desk, other] = [new pg.Client({ connectionString: database.url }), new pg.Client({ connectionString: database.url })];
  await desk.connect();
  await other.connect();
  await migratePostgres(desk, PG_MIGRATIONS_DIR, () => new Date('2026-01-01T00:00:00.000Z'));
});

afterAll(async () => {
  await desk?.end();
  await other?.end();
  await database?.drop();
});

beforeEach(async () => {
  // Each test starts from no staff; the audit log and the notes are not touched by it.
  await desk.query('TRUNCATE staff, staff_pin_failures RESTART IDENTITY CASCADE');
});

/** What this session has noted so far; nothing when it never made the table. */
async function noted(client: pg.Client): Promise<string[]> {
  const exists = (await client.query(`SELECT to_regclass('pg_temp.record_changes') IS NOT NULL AS e`)).rows[0].e as boolean;
  if (!exists) return [];
  return (await client.query(`SELECT tbl || ':' || id AS k FROM pg_temp.record_changes ORDER BY tbl, id`)).rows.map((r) => r.k as string);
}

const addStaff = (client: pg.Client, name: string) =>
  client.query(`INSERT INTO staff (display_name, pin_hash, created_at) VALUES ($1, 'h', $2) RETURNING id`, [name, T]).then((r) => Number(r.rows[0].id));

describe('record_changes on PostgreSQL', () => {
  it('notes each sealed row written, updated or deleted once, in a watched transaction, and nothing unsealed', async () => {
    await desk.query('BEGIN');
    await desk.query(`SET LOCAL safe_hands.watch = 'on'`);
    const kept = await addStaff(desk, 'Kept');
    const gone = await addStaff(desk, 'Gone');
    await desk.query(`UPDATE staff SET display_name = 'Kept again' WHERE id = $1`, [kept]);
    await desk.query('DELETE FROM staff WHERE id = $1', [gone]);
    // Not a sealed table.
    await desk.query(`INSERT INTO staff_pin_failures (staff_id, failed_at) VALUES ($1, $2)`, [kept, T]);
    expect(await noted(desk)).toEqual([`staff:${kept}`, `staff:${gone}`]);
    await desk.query('COMMIT');
  });

  it('notes nothing without watching, nor once the watched transaction has ended', async () => {
    await desk.query('BEGIN');
    await addStaff(desk, 'Unwatched');
    expect(await noted(desk)).toEqual([]);
    await desk.query('COMMIT');

    await desk.query('BEGIN');
    await desk.query(`SET LOCAL safe_hands.watch = 'on'`);
    await addStaff(desk, 'Watched');
    await desk.query('COMMIT');
    // SET LOCAL ended with that transaction: the next one is not watched.
    await desk.query('BEGIN');
    await addStaff(desk, 'After');
    expect(await noted(desk)).toEqual([]);
    await desk.query('COMMIT');
  });

  it('is empty after COMMIT and after ROLLBACK', async () => {
    await desk.query('BEGIN');
    await desk.query(`SET LOCAL safe_hands.watch = 'on'`);
    const id = await addStaff(desk, 'Committed');
    expect(await noted(desk)).toEqual([`staff:${id}`]);
    await desk.query('COMMIT');
    expect(await noted(desk)).toEqual([]);
    // The table stays for the session; only its rows go.
    expect((await desk.query(`SELECT to_regclass('pg_temp.record_changes') IS NOT NULL AS e`)).rows[0].e).toBe(true);

    await desk.query('BEGIN');
    await desk.query(`SET LOCAL safe_hands.watch = 'on'`);
    await addStaff(desk, 'Rolled back');
    await desk.query('ROLLBACK');
    expect(await noted(desk)).toEqual([]);
  });

  it("keeps each session's notes to itself: another connection's writes are not noted by this one", async () => {
    await desk.query('BEGIN');
    await desk.query(`SET LOCAL safe_hands.watch = 'on'`);
    const mine = await addStaff(desk, 'Mine');
    // Another program (or desk) writing at the same time, not watching.
    await other.query('BEGIN');
    await addStaff(other, 'Theirs');
    await other.query('COMMIT');
    expect(await noted(desk)).toEqual([`staff:${mine}`]);
    expect(await noted(other)).toEqual([]);
    await desk.query('COMMIT');
  });

  it('gives the pool the same table to make at connect, before anything was written', async () => {
    const fresh = new pg.Client({ connectionString: database.url });
    await fresh.connect();
    try {
      await fresh.query('SELECT record_changes_table()');
      await fresh.query('SELECT record_changes_table()');
      expect(await noted(fresh)).toEqual([]);
      const columns = (await fresh.query(
        `SELECT a.attname, format_type(a.atttypid, a.atttypmod) AS type FROM pg_attribute a
         WHERE a.attrelid = 'pg_temp.record_changes'::regclass AND a.attnum > 0 ORDER BY a.attnum`,
      )).rows;
      expect(columns).toEqual([{ attname: 'tbl', type: 'text' }, { attname: 'id', type: 'bigint' }]);
    } finally {
      await fresh.end();
    }
  });
});
