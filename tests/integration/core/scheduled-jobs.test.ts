import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runDueJobs } from '../../../src/main/jobs/scheduled-jobs.js';
import { createSetUpApp, disposeAll, sqlite, column, itOnSqlite } from '../../helpers/test-app.js';

afterEach(disposeAll);

describe('scheduled jobs', () => {
  itOnSqlite('back up once a day and run the full integrity check once a week', async () => {
    const app = await createSetUpApp();
    expect(await runDueJobs(app)).toMatchObject({ backup: 'made', integrity: 'ok', auditTrail: 'ok', autoSignedOut: 0 });
    app.clock.advance(6 * 3600_000);
    expect(await runDueJobs(app)).toMatchObject({ backup: 'not_due', integrity: 'not_due', autoSignedOut: 0 });
    app.clock.advance(18 * 3600_000);
    expect(await runDueJobs(app)).toMatchObject({ backup: 'made', integrity: 'not_due', autoSignedOut: 0 });
    app.clock.advance(6 * 24 * 3600_000);
    expect(await runDueJobs(app)).toMatchObject({ backup: 'made', integrity: 'ok', autoSignedOut: 0 });
    expect(readdirSync(join(app.dir, 'backups')).filter((f) => f.endsWith('.db'))).toHaveLength(3);
    const actors = await column(app, `SELECT DISTINCT actor_label FROM audit_log WHERE action = 'backup.create'`);
    expect(actors).toEqual(['scheduled task']);
  });

  it('make no backup when daily backups are switched off', async () => {
    const app = await createSetUpApp();
    await app.ok('settings.update', { backupDaily: false }, 'staff');
    expect((await runDueJobs(app)).backup).toBe('off');
  });

  itOnSqlite('run the full check in a worker thread, so the kiosk keeps answering while it reads every page', async () => {
    const app = await createSetUpApp();
    const order: string[] = [];
    const check = app.checkDatabase('integrity_check').then((outcome) => order.push(`check ${outcome}`));
    // A check on the main thread would finish before any other work got a turn.
    await new Promise((resolve) => setImmediate(resolve));
    order.push(`kiosk answered: ${(await app.ok('app.status', {})).settingName}`);
    await check;
    expect(order).toEqual([`kiosk answered: ${(await app.ok('app.status', {})).settingName}`, 'check ok']);
  });

  itOnSqlite('drop a check still running when the app closes, and report nothing from it', async () => {
    const app = await createSetUpApp();
    const check = app.checkDatabase('integrity_check');
    app.close();
    expect(await check).toBe('cancelled');
  });

  itOnSqlite('ignore the verdict of a check whose file a restore has replaced meanwhile', async () => {
    const app = await createSetUpApp();
    const { fileName } = await app.ok('backup.now', {}, 'staff');
    // A restore counts itself, so a check begun before it knows its verdict is about the old file.
    await app.ok('backup.restore', { file: fileName, confirm: true }, 'staff');
    expect(app.health.restores).toBe(1);
    const check = app.checkDatabase('integrity_check');
    app.health.restores += 1; // as a second restore, landing while this check reads
    expect(await check).toBe('cancelled');
    expect((await app.ok('app.status', {})).databaseProblem).toBeNull();
  });
});
