import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../../src/main/core/clock.js';
import { PROBE_EVERY_MS } from '../../../src/main/core/storage-watch.js';
import { KIOSK_IN_DOUBT_MESSAGE } from '../../../src/shared/domain/kiosk-pause.js';
import { startPgCluster, type PgCluster } from '../../helpers/pg-cluster.js';
import { ADMIN_PIN, disposeAll, newVisitor, openTestApp, scalar } from '../../helpers/test-app.js';

/**
 * A desk on PostgreSQL whose server goes away (a crash, a pulled cable, a restart by IT) and comes back. The
 * server here is this file's own, so stopping it leaves every other test's alone.
 */
let cluster: PgCluster;
beforeAll(async () => {
  // Durable, as a school's server is: a halt must not take back what was committed before it.
  cluster = await startPgCluster({ durable: true });
  const server = new pg.Client({ connectionString: cluster.url('postgres') });
  await server.connect();
  for (const name of ['outage', 'in_doubt']) await server.query(`CREATE DATABASE ${name} TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C'`);
  await server.end();
});
afterEach(disposeAll);
afterAll(async () => cluster.stop());

describe('a desk whose database server cannot be reached', () => {
  it('pauses the kiosk at once, sends visitors to the paper book, keeps nothing half-done, and carries on by itself when the server is back', async () => {
    const clock = fixedClock('2026-11-23T09:00:00.000Z');
    const desk = await openTestApp(mkdtempSync(join(tmpdir(), 'safe-hands-outage-')), clock, { database: cluster.url('outage') });
    const { staffId } = await desk.ok('setup.create', {
      settingName: 'Oak Tree Primary', settingKind: 'school', adminName: 'Priya Shah', pin: ADMIN_PIN, pinAgain: ADMIN_PIN, expectationsTemplate: 'school',
    });
    await newVisitor(desk, { lastName: 'Bennett' });
    await desk.ok('staff.unlock', { staffId, pin: ADMIN_PIN }, 'staff');

    await cluster.halt();
    const refused = await desk.call('visit.signInNew', {
      firstName: 'Ann', lastName: 'Okafor', organisation: null, visitorType: 'parent_carer', visiting: 'The head', policyVersionId: 1, devices: [],
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'storage_problem', message: expect.stringMatching(/paper visitor book/) } });
    const status = await desk.ok('app.status', {});
    expect(status.storageProblem).toMatchObject({ kind: 'unreachable', message: expect.stringContaining('cannot reach the database server') });

    await cluster.resume();
    // Too soon to try again: still paused.
    clock.advance(1000);
    expect((await desk.ok('app.status', {})).storageProblem).not.toBeNull();
    // Once it may try again, a real write shows it can save, and the kiosk carries on.
    clock.advance(PROBE_EVERY_MS);
    expect((await desk.ok('app.status', {})).storageProblem).toBeNull();
    await newVisitor(desk, { lastName: 'Okafor' });
    // The refused sign-in left nothing: the two visitors who did sign in, and the gap in the audit trail explained.
    expect(await desk.db.all('SELECT first_name, last_name FROM visitors ORDER BY id')).toEqual([{ first_name: 'Sam', last_name: 'Bennett' }, { first_name: 'Sam', last_name: 'Okafor' }]);
    expect(await scalar(desk, "SELECT count(*) FROM audit_log WHERE action = 'storage.saving_again'")).toBe(1);
    await desk.ok('staff.unlock', { staffId, pin: ADMIN_PIN }, 'staff');
    expect((await desk.ok('visit.onSite', {}, 'staff')).visits).toHaveLength(2);
  });

  it('says a write may or may not have been saved when the server went just as it was committed, and never that nothing was', async () => {
    const clock = fixedClock('2026-11-23T09:00:00.000Z');
    const database = cluster.url('in_doubt');
    const desk = await openTestApp(mkdtempSync(join(tmpdir(), 'safe-hands-in-doubt-')), clock, { database });
    const { staffId } = await desk.ok('setup.create', {
      settingName: 'Oak Tree Primary', settingKind: 'school', adminName: 'Priya Shah', pin: ADMIN_PIN, pinAgain: ADMIN_PIN, expectationsTemplate: 'school',
    });
    const policyVersionId = (await desk.ok('kiosk.config', {})).policy!.versionId;
    // Nothing of the desk's own is under way when the COMMIT is cut: its start-up check is done.
    await desk.startupCheck;
    const signIn = () => desk.call('visit.signInNew', {
      firstName: 'Ann', lastName: 'Doubtful', organisation: null, visitorType: 'parent_carer', visiting: 'The head', policyVersionId, devices: [],
    });

    const atTheKiosk = await whileCommitIsCut(database, signIn);
    expect(atTheKiosk).toMatchObject({ ok: false, error: { code: 'storage_problem', message: KIOSK_IN_DOUBT_MESSAGE } });
    // Here the server had not committed it: nothing of it is there, and the desk saves again once it may.
    expect(await scalar(desk, "SELECT count(*) FROM visitors WHERE last_name = 'Doubtful'")).toBe(0);
    clock.advance(PROBE_EVERY_MS);
    expect((await desk.ok('app.status', {})).storageProblem).toBeNull();
    expect(await signIn()).toMatchObject({ ok: true });

    // A member of staff is told to look before doing it again.
    await desk.ok('staff.unlock', { staffId, pin: ADMIN_PIN }, 'staff');
    const atTheConsole = await whileCommitIsCut(database, () => desk.call('settings.update', { idleSeconds: 120 }, 'staff'));
    expect(atTheConsole).toMatchObject({ ok: false, error: { code: 'storage_problem', message: expect.stringMatching(/^That may or may not have been saved: .* look for it .* before doing it again, so it is not done twice\./) } });
  });
});

/**
 * Runs `work` with the next COMMIT's connection ended by the server just before the COMMIT goes out, as a
 * restart or a lost network would; the answer is whatever `work` answers.
 */
async function whileCommitIsCut<T>(url: string, work: () => Promise<T>): Promise<T> {
  const query = pg.Client.prototype.query as (...args: unknown[]) => unknown;
  let cut = false;
  pg.Client.prototype.query = function cutting(this: pg.Client, ...args: unknown[]) {
    const text = typeof args[0] === 'string' ? args[0] : (args[0] as { text?: string } | undefined)?.text;
    if (cut || text !== 'COMMIT') return query.apply(this, args);
    cut = true;
    return terminate(url, (this as unknown as { processID: number }).processID).then(() => query.apply(this, args));
  } as typeof pg.Client.prototype.query;
  try {
    const answer = await work();
    expect(cut, 'a COMMIT was cut').toBe(true);
    return answer;
  } finally {
    pg.Client.prototype.query = query as typeof pg.Client.prototype.query;
  }
}

/** Ends another connection's session from the server's side. */
async function terminate(url: string, pid: number): Promise<void> {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query('SELECT pg_terminate_backend($1)', [pid]);
  } finally {
    await admin.end();
  }
}
