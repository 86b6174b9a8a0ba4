import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../../src/main/core/clock.js';
import { PROBE_EVERY_MS } from '../../../src/main/core/storage-watch.js';
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
  await server.query("CREATE DATABASE outage TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C'");
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
});
