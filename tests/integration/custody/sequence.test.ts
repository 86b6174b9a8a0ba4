import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DATABASE_FILE, MIGRATIONS_DIR } from '../../../src/main/core/paths.js';
import { openDatabase } from '../../../src/main/db/connection.js';
import { migrate, readMigrations } from '../../../src/main/db/migrate.js';
import { migratePostgres, PG_MIGRATIONS_DIR } from '../../../src/main/db/pg-migrate.js';
import { NEXT_RECEIPT_SEQ_SQL, nextReceiptSeq } from '../../../src/main/db/repositories/custody-repo.js';
import { formatReceiptNumber } from '../../../src/shared/domain/custody.js';
import { DEVICE_KINDS } from '../../../src/shared/domain/devices.js';
import { freshPgDatabase } from '../../helpers/pg-database.js';
import { ADMIN_PIN, contentHash, createSetUpApp, disposeAll, newVisitor, reopenTestApp, type TestApp, sqlite, scalar, column, itOnSqlite } from '../../helpers/test-app.js';
import { seededRandom } from '../../helpers/seeded-random.js';
import { SqliteStorage } from '../../../src/main/db/sqlite-storage.js';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
  await disposeAll();
});

interface ItemRow {
  id: number;
  state: string;
  logged_at: string;
  logged_by: number | null;
  closed_at: string | null;
  closed_by: number | null;
  closed_to: string | null;
  closed_note: string | null;
}

async function checkInvariants(app: TestApp, expected: { logged: number; returned: Set<number>; handedOn: Set<number> }): Promise<void> {
  const rows = (await app.db.all('SELECT id, state, logged_at, logged_by, closed_at, closed_by, closed_to, closed_note FROM custody_items')) as ItemRow[];
  expect(rows).toHaveLength(expected.logged);
  for (const r of rows) {
    expect(['in_safe', 'returned', 'handed_on']).toContain(r.state);
    expect(r.logged_at).toBeTruthy();
    expect(r.logged_by).not.toBeNull();
    if (r.state === 'in_safe') {
      expect(r.closed_at).toBeNull();
    } else {
      expect(r.closed_at! >= r.logged_at).toBe(true);
      expect(r.closed_by).not.toBeNull();
      expect(r.closed_to).toBeTruthy();
    }
    if (r.state === 'handed_on') expect(r.closed_note).toBeTruthy();
    expect(r.state === 'returned').toBe(expected.returned.has(r.id));
    expect(r.state === 'handed_on').toBe(expected.handedOn.has(r.id));
  }
  const inSafe = rows.filter((r) => r.state === 'in_safe').length;
  expect((await app.ok('custody.inSafe', {}, 'staff')).itemCount).toBe(inSafe);
  expect(inSafe + expected.returned.size + expected.handedOn.size).toBe(expected.logged);
  // The sign-out guard: nobody signed out at the kiosk while something of theirs is still in the safe.
  const leftWithItemsInSafe = await scalar(app, `SELECT count(*) FROM visits v WHERE v.sign_out_method = 'kiosk' AND EXISTS (
         SELECT 1 FROM receipts r JOIN custody_items i ON i.receipt_id = r.id WHERE r.visit_id = v.id AND i.state = 'in_safe')`);
  expect(leftWithItemsInSafe).toBe(0);
  const auditOk = await app.ok('audit.verify', {}, 'staff');
  expect(auditOk.ok).toBe(true);
}

describe('a generated sequence of custody commands', () => {
  it.each([1, 2, 3])('keeps every item in exactly one state, with who and when (seed %i)', async (seed) => {
    const random = seededRandom(seed);
    const app = await createSetUpApp();
    const expected = { logged: 0, returned: new Set<number>(), handedOn: new Set<number>() };
    let people = 0;
    const openVisits = async () => (await column(app, 'SELECT id FROM visits WHERE signed_out_at IS NULL ORDER BY id')) as number[];
    // Picks from the database through the seeded generator, so a seed always replays the same sequence.
    const anyItem = async () => {
      const items = (await app.db.all('SELECT id, receipt_id, state, reason FROM custody_items ORDER BY id')) as { id: number; receipt_id: number; state: string; reason: string }[];
      return items.length ? random.pick(items) : undefined;
    };

    for (let step = 0; step < 150; step += 1) {
      app.clock.advance(random.int(1, 120) * 1000);
      // Office staff unlock the console again whenever it has locked itself.
      if ((await app.ok('staff.session', {}, 'staff')).session === null) await app.ok('staff.unlock', { staffId: app.adminId, pin: ADMIN_PIN }, 'staff');
      const roll = random.next();
      const open = await openVisits();
      if (roll < 0.2 || open.length === 0) {
        people += 1;
        await newVisitor(app, { firstName: `P${people}`, lastName: `Surname${people}` });
      } else if (roll < 0.5) {
        const count = random.int(1, 3);
        const items = Array.from({ length: count }, () => ({ kind: random.pick(DEVICE_KINDS), bagSlot: String(random.int(1, 40)) }));
        const owner = random.chance(0.7)
          ? { type: 'visitor' as const, visitId: random.pick(open) }
          : random.chance(0.5)
            ? { type: 'staff' as const, staffId: app.adminId }
            : { type: 'learner' as const, name: 'Pupil A', reason: 'confiscated' as const, confiscationReason: 'In lesson' };
        await app.ok('custody.log', { owner, items }, 'staff');
        expected.logged += count;
      } else if (roll < 0.8) {
        const candidate = await anyItem();
        if (!candidate) continue;
        const result = await app.call('custody.return', { receiptId: candidate.receipt_id, itemIds: [candidate.id], returnedTo: 'Owner' }, 'staff');
        // A confiscated device goes only to a parent or carer, or the police (learner.releaseConfiscated, learner.handToPolice).
        expect(result.ok).toBe(candidate.state === 'in_safe' && candidate.reason !== 'confiscated');
        if (result.ok) expected.returned.add(candidate.id);
      } else if (roll < 0.88) {
        const candidate = await anyItem();
        if (!candidate) continue;
        const result = await app.call('custody.handOn', { itemId: candidate.id, handedTo: 'Police', reason: 'Referral' }, 'staff');
        expect(result.ok).toBe(candidate.state === 'in_safe' && candidate.reason !== 'confiscated');
        if (result.ok) expected.handedOn.add(candidate.id);
      } else {
        const visitId = random.pick(open);
        const result = await app.ok('visit.signOut', { visitId });
        if (result.status === 'collect_items' && random.chance(0.5)) {
          await app.ok('visit.overrideSignOut', { visitId, reason: 'Left without items' }, 'staff');
        }
      }
      if (step % 25 === 0) await checkInvariants(app, expected);
    }
    await checkInvariants(app, expected);
    expect(expected.logged).toBeGreaterThan(20);
  }, 60_000);
});

// Receipt numbers (migration 0028): one counter per year, taken by custody-repo.ts nextReceiptSeq inside the
// log's transaction, so numbers run 1, 2, 3... per year with none skipped and none twice, on every desk.

const CONFISCATED = { type: 'learner' as const, name: 'Pupil A', reason: 'confiscated' as const, confiscationReason: 'In lesson' };
const ONE_PHONE = [{ kind: 'phone' as const, bagSlot: '1' }];

/** Logs a confiscated phone from the office console (unlocking it again if it locked itself) and answers its receipt number. */
async function logOne(app: TestApp & { adminId: number }): Promise<string> {
  if ((await app.ok('staff.session', {}, 'staff')).session === null) await app.ok('staff.unlock', { staffId: app.adminId, pin: ADMIN_PIN }, 'staff');
  return (await app.ok('custody.log', { owner: CONFISCATED, items: ONE_PHONE }, 'staff')).receipt.receiptNumber;
}

const counters = (db: Database.Database) => db.prepare('SELECT year, last_seq FROM receipt_numbers ORDER BY year').all();

/** A pupil's receipt written straight into the table with a number of the caller's choosing (a valid token from `letter`). */
function writeReceipt(db: Database.Database, year: number, seq: number, letter: string, by: number): void {
  db.prepare(
    `INSERT INTO receipts (year, seq, number, token, owner_type, learner_name, created_at, created_by)
     VALUES (?, ?, ?, ?, 'learner', 'Pupil B', ?, ?)`,
  ).run(year, seq, formatReceiptNumber(year, seq), letter.repeat(26), `${year}-06-01T09:00:00.000Z`, by);
}

const NUMBER_REFUSED = 'a receipt must have the next receipt number of its year';

describe('receipt numbers', () => {
  itOnSqlite('count on after a restart, and start again at 1 in a new UK year', async () => {
    const app = await createSetUpApp();
    expect([await logOne(app), await logOne(app)]).toEqual(['2026-0001', '2026-0002']);
    await reopenTestApp(app);
    expect(await logOne(app)).toBe('2026-0003');
    // The last minute of the year in the UK (GMT in winter), then the first of the next.
    app.clock.set('2026-12-31T23:59:30.000Z');
    expect(await logOne(app)).toBe('2026-0004');
    app.clock.set('2027-01-01T00:00:30.000Z');
    expect(await logOne(app)).toBe('2027-0001');
    await reopenTestApp(app);
    expect(await logOne(app)).toBe('2027-0002');
    expect(counters(sqlite(app))).toEqual([{ year: 2026, last_seq: 4 }, { year: 2027, last_seq: 2 }]);
  });

  itOnSqlite('skip no number when a log fails: its number is given back with everything else', async () => {
    const app = await createSetUpApp();
    // The item is refused (as a full disk would refuse it) after the number was taken and the receipt written.
    const refuseItems = () => sqlite(app).exec(`CREATE TEMP TRIGGER refuse_items BEFORE INSERT ON custody_items BEGIN SELECT RAISE(ABORT, 'refused for the test'); END`);
    const before = await contentHash(app);
    refuseItems();
    // The year's first number (the counter row is made), then a later one (the row is moved on).
    expect((await app.fails('custody.log', { owner: CONFISCATED, items: ONE_PHONE }, 'staff')).code).toBe('internal');
    expect(await contentHash(app)).toBe(before);
    sqlite(app).exec('DROP TRIGGER temp.refuse_items');
    expect(await logOne(app)).toBe('2026-0001');
    refuseItems();
    expect((await app.fails('custody.log', { owner: CONFISCATED, items: ONE_PHONE }, 'staff')).code).toBe('internal');
    sqlite(app).exec('DROP TRIGGER temp.refuse_items');
    expect(await logOne(app)).toBe('2026-0002');
    expect(counters(sqlite(app))).toEqual([{ year: 2026, last_seq: 2 }]);
  });

  itOnSqlite('are refused to a receipt written behind the app with a number not taken from the counter', async () => {
    const app = await createSetUpApp();
    expect(await logOne(app)).toBe('2026-0001');
    app.tamperedOnPurpose = true;
    const other = new Database(join(app.dir, DATABASE_FILE));
    try {
      // A skipped number, and even the right next number when the counter was not moved for it.
      expect(() => writeReceipt(other, 2026, 3, 'B', app.adminId)).toThrow(NUMBER_REFUSED);
      expect(() => writeReceipt(other, 2026, 2, 'B', app.adminId)).toThrow(NUMBER_REFUSED);
      // Nor can the counter be moved on to make room for a skipped number, set back, or cleared.
      expect(() => other.prepare('UPDATE receipt_numbers SET last_seq = 3 WHERE year = 2026').run()).toThrow('receipt numbers only count up, one at a time');
      expect(() => other.prepare('UPDATE receipt_numbers SET last_seq = 0 WHERE year = 2026').run()).toThrow('receipt numbers only count up, one at a time');
      expect(() => other.prepare('DELETE FROM receipt_numbers').run()).toThrow('receipt numbers only count up, one at a time');
      expect(counters(other)).toEqual([{ year: 2026, last_seq: 1 }]);
      // Another desk that takes its number as the app does gets the next one...
      other.transaction(() => writeReceipt(other, 2026, (other.prepare(NEXT_RECEIPT_SEQ_SQL).get({ year: 2026 }) as { last_seq: number }).last_seq, 'C', app.adminId))();
    } finally {
      other.close();
    }
    // ...and this desk counts on after it.
    expect(await logOne(app)).toBe('2026-0003');
  });

  it('count on from the receipts a log already had when it is upgraded to migration 0028', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'safe-hands-receipt-numbers-'));
    const db = openDatabase(join(dir, DATABASE_FILE));
    cleanups.push(() => {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    });
    const files = readMigrations(MIGRATIONS_DIR);
    const january = () => new Date('2026-01-01T00:00:00.000Z');
    migrate(db, files.filter((f) => f.version < 28), january);
    db.prepare(`INSERT INTO staff (id, display_name, pin_hash, created_at) VALUES (1, 'Office', 'h', '2025-01-01T00:00:00.000Z')`).run();
    for (const [year, seq, letter] of [[2025, 1, 'A'], [2025, 2, 'B'], [2025, 3, 'C'], [2026, 1, 'D'], [2026, 2, 'E']] as const) writeReceipt(db, year, seq, letter, 1);
    migrate(db, files, january);
    expect(counters(db)).toEqual([{ year: 2025, last_seq: 3 }, { year: 2026, last_seq: 2 }]);
    expect(await nextReceiptSeq(new SqliteStorage(db), 2026)).toBe(3);
    expect(await nextReceiptSeq(new SqliteStorage(db), 2027)).toBe(1);
  });
});

describe('receipt numbers on PostgreSQL, two desks at once', () => {
  it('are taken one desk at a time and held to commit, and a number rolled back is the next desk\'s', { timeout: 30_000 }, async () => {
    const database = await freshPgDatabase();
    cleanups.push(() => database.drop());
    const connect = async (): Promise<pg.Client> => {
      const client = new pg.Client({ connectionString: database.url });
      await client.connect();
      cleanups.push(() => client.end());
      return client;
    };
    const [server, deskA, deskB] = [await connect(), await connect(), await connect()];
    await migratePostgres(server, PG_MIGRATIONS_DIR, () => new Date('2026-01-01T00:00:00.000Z'));
    await server.query(`INSERT INTO staff (id, display_name, pin_hash, created_at) VALUES (1, 'Office', 'h', '2026-01-01T00:00:00.000Z')`);
    // The app's own statement, its one parameter numbered as PostgreSQL wants.
    const take = async (desk: pg.Client): Promise<number> => (await desk.query<{ last_seq: number }>(NEXT_RECEIPT_SEQ_SQL.replace('@year', '$1'), [2026])).rows[0]!.last_seq;
    const write = (desk: pg.Client, seq: number, letter: string) => desk.query(
      `INSERT INTO receipts (year, seq, number, token, owner_type, learner_name, created_at, created_by)
       VALUES (2026, $1, $2, $3, 'learner', 'Pupil B', '2026-06-01T09:00:00.000Z', 1)`,
      [seq, formatReceiptNumber(2026, seq), letter.repeat(26)],
    );
    const pidOf = async (desk: pg.Client): Promise<number> => (await desk.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]!.pid;
    const waitsForALock = (pid: number) => vi.waitFor(async () => {
      const row = (await server.query<{ wait_event_type: string | null }>('SELECT wait_event_type FROM pg_stat_activity WHERE pid = $1', [pid])).rows[0];
      expect(row?.wait_event_type).toBe('Lock');
    }, { timeout: 10_000, interval: 20 });
    const [pidA, pidB] = [await pidOf(deskA), await pidOf(deskB)];

    // The year's first number: desk B waits for desk A's new row, then counts on from it once A commits.
    await deskA.query('BEGIN');
    await deskB.query('BEGIN');
    expect(await take(deskA)).toBe(1);
    const takenByB = take(deskB);
    await waitsForALock(pidB);
    await write(deskA, 1, 'A');
    await deskA.query('COMMIT');
    expect(await takenByB).toBe(2);

    // Desk A waits for B's number 2; B's log fails and rolls back, so A gets 2 and nothing is skipped.
    await deskA.query('BEGIN');
    const takenByA = take(deskA);
    await waitsForALock(pidA);
    await deskB.query('ROLLBACK');
    expect(await takenByA).toBe(2);
    await write(deskA, 2, 'B');
    await deskA.query('COMMIT');

    // A number not taken from the counter is refused here too, in the same words.
    await expect(write(server, 4, 'C')).rejects.toThrow(NUMBER_REFUSED);
    expect((await server.query('SELECT number FROM receipts ORDER BY id')).rows).toEqual([{ number: '2026-0001' }, { number: '2026-0002' }]);
    expect((await server.query('SELECT year, last_seq FROM receipt_numbers')).rows).toEqual([{ year: 2026, last_seq: 2 }]);
  });
});
