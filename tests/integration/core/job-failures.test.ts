import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runDueJobs } from '../../../src/main/jobs/scheduled-jobs.js';
import type { Reminder } from '../../../src/shared/contract/index.js';
import { fillDatabase, freeDatabase } from '../../helpers/full-disk.js';
import { ADMIN_PIN, createSetUpApp, disposeAll, newVisitor, type TestApp } from '../../helpers/test-app.js';

/**
 * Scheduled jobs that fail (a full disk, a backup folder that has gone) are put on the console's banner for
 * every member of staff, saying which job, since when and what to do, until a later run of that job works.
 * Through the real jobs on a real data folder; the database is made full with SQLite's page limit
 * (tests/helpers/full-disk.ts).
 */

afterEach(disposeAll);

const TEN_MINUTES = 10 * 60_000;

/** The banner as the admin sees it, unlocking first: hours pass between runs, and the console locks when idle. */
async function jobReminders(app: TestApp & { adminId: number }): Promise<Extract<Reminder, { kind: 'job_failed' }>[]> {
  await app.ok('staff.unlock', { staffId: app.adminId, pin: ADMIN_PIN }, 'staff');
  return (await app.ok('app.reminders', {}, 'staff')).reminders.filter((r): r is Extract<Reminder, { kind: 'job_failed' }> => r.kind === 'job_failed');
}

describe('a scheduled job that fails because the disk is full', () => {
  it('is on the banner with when and what to do, stays while it keeps failing, and goes once a run works', async () => {
    const app = await createSetUpApp();
    await app.ok('settings.update', { autoSignOut: true, backupDaily: false }, 'staff');
    // The morning's run: the daily and weekly work is done, so only the end of the day is due later.
    expect(await runDueJobs(app)).toMatchObject({ failed: [], autoSignedOut: 0 });
    // Enough visitors that signing them out needs room the disk no longer has.
    for (let n = 0; n < 40; n += 1) await newVisitor(app, { firstName: `Visitor${n}`, lastName: `Surname ${n}` });
    fillDatabase(app);

    app.clock.set('2026-11-23T17:31:00.000Z');
    expect(await runDueJobs(app)).toMatchObject({ autoSignedOut: 'failed', failed: ['autoSignOut'] });
    expect(await jobReminders(app)).toEqual([{
      kind: 'job_failed',
      job: 'autoSignOut',
      failedAt: '2026-11-23T17:31:00.000Z',
      lastTriedAt: '2026-11-23T17:31:00.000Z',
      message: 'Visitors still signed in were not signed out: the disk is full. Free some space on that disk (move or delete files that are not Safe Hands’ own), or call IT. '
        + 'Safe Hands tries again by itself; this message goes once it works.',
      detail: expect.stringContaining('SQLITE_FULL'),
    }]);
    expect((await app.ok('visit.onSite', {}, 'staff')).visits).toHaveLength(40);

    // Still full ten minutes later: the same message, since the first failure, last tried now.
    app.clock.advance(TEN_MINUTES);
    expect((await runDueJobs(app)).failed).toEqual(['autoSignOut']);
    expect(await jobReminders(app)).toMatchObject([{ job: 'autoSignOut', failedAt: '2026-11-23T17:31:00.000Z', lastTriedAt: '2026-11-23T17:41:00.000Z' }]);

    // IT frees some space; the next run signs everyone out and the message goes.
    freeDatabase(app);
    app.clock.advance(TEN_MINUTES);
    expect(await runDueJobs(app)).toMatchObject({ autoSignedOut: 40, failed: [] });
    expect(await jobReminders(app)).toEqual([]);
    expect((await app.ok('visit.onSite', {}, 'staff')).visits).toHaveLength(0);
  }, 30_000);
});

describe('a backup that cannot be made', () => {
  it('says why on the banner, does not stop the other jobs, and goes once a backup is made', async () => {
    const app = await createSetUpApp();
    const folder = mkdtempSync(join(tmpdir(), 'safe-hands-backups-'));
    await app.ok('settings.update', { backupFolder: folder, backupDaily: true }, 'staff');
    rmSync(folder, { recursive: true }); // a USB drive taken away, say

    const run = await runDueJobs(app);
    expect(run).toMatchObject({ backup: 'failed', failed: ['backup'], integrity: 'ok', auditTrail: 'ok', retentionRemoved: 0 });
    expect(await jobReminders(app)).toEqual([{
      kind: 'job_failed', job: 'backup', failedAt: '2026-11-23T09:00:00.000Z', lastTriedAt: '2026-11-23T09:00:00.000Z',
      message: 'The backup could not be made: That folder does not exist. Create it first, then choose it here. Safe Hands tries again by itself; this message goes once it works.',
      detail: null,
    }]);

    mkdirSync(folder, { mode: 0o700 });
    app.clock.advance(TEN_MINUTES);
    expect(await runDueJobs(app)).toMatchObject({ backup: 'made', failed: [] });
    expect(await jobReminders(app)).toEqual([]);
    rmSync(folder, { recursive: true, force: true });
  });
});
