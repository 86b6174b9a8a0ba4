import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../../src/main/core/clock.js';
import { lockDataFolder } from '../../../src/main/cli/data-folder-lock.js';
import { APP_ROOT, DATABASE_FILE, MOVED_FILE } from '../../../src/main/core/paths.js';
import { moveToPostgres, MoveRefused } from '../../../src/main/db/move-to-postgres.js';
import { PgStorage } from '../../../src/main/db/pg-storage.js';
import { asAnotherProgramOnFile } from '../../helpers/another-program.js';
import { buildSampleTemplate, type SampleTemplate } from '../../helpers/command-samples.js';
import { freshPgDatabase, type PgDatabase } from '../../helpers/pg-database.js';
import { ADMIN_PIN, disposeAll, newVisitor, openTestApp, tableHashes } from '../../helpers/test-app.js';

/**
 * `npm run move-to-postgres` (issue 15): a single desk's SQLite records into an empty PostgreSQL database,
 * the counts and the audit trail checked there, and the desk carrying on on the server.
 */
const clock = () => fixedClock('2026-11-24T08:00:00.000Z');
let world: SampleTemplate;
const databases: PgDatabase[] = [];
const folders: string[] = [];

beforeAll(async () => {
  // A school's first weeks, through the real commands: visitors, custody, exceptions, concerns, learners, staff.
  world = await buildSampleTemplate();
}, 60_000);
afterAll(async () => await world?.dispose());
afterEach(async () => {
  await disposeAll();
  while (databases.length) await databases.pop()!.drop();
  while (folders.length) rmSync(folders.pop()!, { recursive: true, force: true });
});

/** A copy of the world's data folder, as the desk's own. */
function deskFolder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'safe-hands-move-'));
  folders.push(dir);
  cpSync(world.dir, dir, { recursive: true });
  return dir;
}

async function emptyDatabase(): Promise<PgDatabase> {
  const database = await freshPgDatabase();
  databases.push(database);
  return database;
}

/** Every table's rows, in id order, as JSON: the same text on both engines when the rows are the same. */
function rowsOfFile(file: string): Map<string, string> {
  const db = new Database(file, { readonly: true });
  try {
    const names = db.prepare(`SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> 'schema_migrations' ORDER BY name`).pluck().all() as string[];
    return new Map(names.map((name) => [name, JSON.stringify(db.prepare(`SELECT * FROM "${name}" ORDER BY rowid`).all())]));
  } finally {
    db.close();
  }
}

async function rowsOnServer(url: string, names: Iterable<string>): Promise<Map<string, string>> {
  const db = new PgStorage({ connectionString: url });
  try {
    const rows = new Map<string, string>();
    for (const name of names) {
      const order = (await db.get<{ n: number }>(`SELECT count(*) AS n FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = ? AND column_name = 'id'`, [name]))!.n > 0 ? 'ORDER BY id' : '';
      rows.set(name, JSON.stringify(await db.all(`SELECT * FROM "${name}" ${order}`)));
    }
    return rows;
  } finally {
    await db.close();
  }
}

async function serverHashes(url: string): Promise<Map<string, string>> {
  const db = new PgStorage({ connectionString: url });
  try {
    return await tableHashes(db);
  } finally {
    await db.close();
  }
}

const fileHash = (dir: string) => createHash('sha256').update(readFileSync(join(dir, DATABASE_FILE))).digest('hex');

describe('moving a desk from its SQLite file to PostgreSQL', () => {
  it('copies every row as it is, checks the counts and the audit trail, and the desk carries on on the server', async () => {
    const dir = deskFolder();
    const database = await emptyDatabase();
    const lines: string[] = [];
    const report = await moveToPostgres({ dataDir: dir, database: database.url, clock: clock(), say: (l) => lines.push(l) });

    const inFile = rowsOfFile(join(dir, DATABASE_FILE));
    expect(report.tables.map((t) => t.name).sort()).toEqual([...inFile.keys()].sort());
    expect(report.tables.find((t) => t.name === 'audit_log')!.rows).toBeGreaterThan(50);
    expect(report.auditEntries).toBe(report.tables.find((t) => t.name === 'audit_log')!.rows);
    // Row for row, value for value: ids, names in any script, hashes and seals.
    const onServer = await rowsOnServer(database.url, inFile.keys());
    for (const [name, rows] of inFile) expect(onServer.get(name), name).toBe(rows);
    expect(lines).toContain(`  visits: ${report.tables.find((t) => t.name === 'visits')!.rows} row(s)`);
    // The schema is as the migrations made it: every trigger on again, no foreign key left deferred.
    const server = new PgStorage({ connectionString: database.url });
    expect(await server.get(`SELECT count(*) AS n FROM pg_trigger WHERE NOT tgisinternal AND tgenabled = 'D'`)).toEqual({ n: 0 });
    expect(await server.get(`SELECT count(*) AS n FROM pg_constraint WHERE contype = 'f' AND condeferrable`)).toEqual({ n: 0 });
    expect((await server.get<{ n: number }>(`SELECT count(*) AS n FROM pg_constraint WHERE contype = 'f'`))!.n).toBeGreaterThan(30);
    await server.close();

    // The folder remembers where its records went, without the login: started on its old file, or moved
    // again, it refuses, so no second log can grow beside the shared one.
    const note = readFileSync(join(dir, MOVED_FILE), 'utf8');
    expect(note).toContain(`127.0.0.1:${new URL(database.url).port}/${database.name}`);
    expect(note).not.toContain('postgres@');
    await expect(openTestApp(dir, clock())).rejects.toThrow(new RegExp(`^This desk's records were moved to the PostgreSQL database 127\\.0\\.0\\.1:\\d+/${database.name} on .*\\. Start it with --database`));
    await expect(moveToPostgres({ dataDir: dir, database: database.url, clock: clock() })).rejects.toThrow(/were already moved to the PostgreSQL database .* Nothing was changed\./);

    // The desk on the server: the trail holds, PINs unlock, numbers and ids carry on after the moved ones.
    const desk = await openTestApp(dir, clock(), { database: database.url });
    expect(await desk.startupCheck).toBe('ok');
    await desk.ok('staff.unlock', { staffId: world.ids.ownerId, pin: ADMIN_PIN }, 'staff');
    expect(await desk.ok('audit.verify', {}, 'staff')).toMatchObject({ ok: true, problems: [] });
    const visitsBefore = report.tables.find((t) => t.name === 'visits')!.rows;
    const visit = await newVisitor(desk, { firstName: 'Amara', lastName: 'Okafor' });
    expect(visit.visitId).toBeGreaterThan(visitsBefore);
    const { receipt } = await desk.ok('custody.log', { owner: { type: 'visitor', visitId: visit.visitId }, items: [{ kind: 'phone', bagSlot: '12' }] }, 'staff');
    const lastMoved = JSON.parse(inFile.get('receipt_numbers')!) as { year: number; last_seq: number }[];
    expect(receipt.receiptNumber).toBe(`2026-${String(lastMoved.find((r) => r.year === 2026)!.last_seq + 1).padStart(4, '0')}`);
    expect(await desk.ok('audit.verify', {}, 'staff')).toMatchObject({ ok: true });
  });

  it('refuses a database that already holds records, and changes nothing in either', async () => {
    const first = deskFolder();
    const database = await emptyDatabase();
    await moveToPostgres({ dataDir: first, database: database.url, clock: clock() });
    const second = deskFolder();
    const [serverBefore, fileBefore] = [await serverHashes(database.url), fileHash(second)];
    await expect(moveToPostgres({ dataDir: second, database: database.url, clock: clock() }))
      .rejects.toThrow(/already holds Safe Hands records .* Nothing was changed\./);
    expect(await serverHashes(database.url)).toEqual(serverBefore);
    expect(fileHash(second)).toBe(fileBefore);
  });

  it('refuses a file whose audit trail does not hold, and leaves the server empty', async () => {
    const dir = deskFolder();
    await asAnotherProgramOnFile(join(dir, DATABASE_FILE), (db) => db.run(`UPDATE visits SET visiting = 'Nobody' WHERE id = 1`));
    const database = await emptyDatabase();
    await expect(moveToPostgres({ dataDir: dir, database: database.url, clock: clock() }))
      .rejects.toThrow(/The audit trail in the SQLite file does not hold.*Nothing was changed\.\nVisit 1 has been changed outside Safe Hands/s);
    expect([...(await serverHashes(database.url)).keys()]).toEqual([]);
  });

  it('leaves the server exactly as it was when the server refuses a row part-way through', async () => {
    const dir = deskFolder();
    const database = await emptyDatabase();
    // A rule on the server that the file's audit entries break: the move stops at that table.
    const server = new PgStorage({ connectionString: database.url });
    await server.migrate(() => new Date('2026-11-24T08:00:00.000Z'));
    await server.run(`ALTER TABLE audit_log ADD CONSTRAINT refused_for_the_test CHECK (id < 5)`);
    const before = await tableHashes(server);
    await expect(moveToPostgres({ dataDir: dir, database: database.url, clock: clock() }))
      .rejects.toThrow(/^The server refused a row of audit_log: .*refused_for_the_test.* Nothing was moved: the PostgreSQL database is as it was\.$/s);
    expect(await tableHashes(server)).toEqual(before);
    expect(existsSync(join(dir, MOVED_FILE))).toBe(false);
    // Empty before (the schema only), and empty after.
    expect([...before].filter(([name, rows]) => name !== 'schema_migrations' && rows !== '')).toEqual([]);
    // Once the rule is gone, the same move goes through.
    await server.run('ALTER TABLE audit_log DROP CONSTRAINT refused_for_the_test');
    await server.close();
    expect((await moveToPostgres({ dataDir: dir, database: database.url, clock: clock() })).auditEntries).toBeGreaterThan(50);
  });

  it('refuses a data folder with no database, or no audit key, in words', async () => {
    const database = await emptyDatabase();
    const empty = mkdtempSync(join(tmpdir(), 'safe-hands-move-empty-'));
    folders.push(empty);
    await expect(moveToPostgres({ dataDir: empty, database: database.url, clock: clock() })).rejects.toThrow(MoveRefused);
    await expect(moveToPostgres({ dataDir: empty, database: database.url, clock: clock() })).rejects.toThrow(/There is no Safe Hands database \(safe-hands\.db\) in .* Nothing was changed\./);
    const keyless = deskFolder();
    rmSync(join(keyless, 'audit-trail.key'));
    await expect(moveToPostgres({ dataDir: keyless, database: database.url, clock: clock() })).rejects.toThrow(/has no readable audit-trail\.key/);
  });
});

describe('npm run move-to-postgres', () => {
  const script = join(APP_ROOT, 'dist', 'main', 'cli', 'move.js');
  /** The built command, as an administrator runs it; its exit code and what it printed. */
  function move(args: string[]): Promise<{ code: number; output: string }> {
    if (!existsSync(script)) throw new Error('Build first: npm run build:main');
    return new Promise((resolve) => {
      execFile(process.execPath, [script, ...args], { env: { ...process.env, SAFE_HANDS_DATABASE_URL: '' } }, (error, stdout, stderr) => {
        resolve({ code: error ? Number(error.code ?? 1) : 0, output: `${stdout}${stderr}` });
      });
    });
  }

  it('moves a desk, says what it moved and what to do next, and refuses while Safe Hands has the folder open', { timeout: 60_000 }, async () => {
    const dir = deskFolder();
    const database = await emptyDatabase();
    const unlock = lockDataFolder(dir);
    const refused = await move(['--data-dir', dir, '--database', database.url]);
    unlock();
    expect(refused.code).toBe(1);
    expect(refused.output).toMatch(/Safe Hands is already running on the data folder .* stop it first/);
    expect([...(await serverHashes(database.url))].filter(([name, rows]) => name !== 'schema_migrations' && rows !== '')).toEqual([]);

    const moved = await move(['--data-dir', dir, '--database', database.url]);
    expect(moved.output).toMatch(/^Moved \d+ rows in \d+ tables; the counts match, and the audit trail's \d+ entries hold on the server\.$/m);
    expect(moved.output).toContain('start each desk with --database');
    expect(moved.code).toBe(0);
    expect(await move(['--data-dir', dir])).toMatchObject({ code: 2, output: expect.stringContaining('Say which PostgreSQL database') });
  });
});

