import { listPrinters } from '../../printing/list-printers.js';
import { setLogo } from './logo.js';
import { backupNow, listBackups, restoreBackup } from './backups.js';
import { exportPerson, purgeExpired, searchPeople } from './retention.js';
import { reminders } from '../safeguarding/policy.js';
import { getSettings, updateSettings } from './settings.js';
import { createSetting, isSetUp, setupDefaults } from './setup.js';
import { auditReminders } from '../../audit/audit-trail.js';
import { readSetting } from './settings-store.js';
import { storageReminders } from '../../core/storage-reminder.js';
import { jobReminders } from '../../jobs/job-failures.js';
import type { AdminOutputs } from '../../../shared/contract/admin.js';
import type { DomainHandlers, HandlerContext } from '../../commands/handler-types.js';
import { storageFailure, storageProblemOf } from '../../core/storage-failure.js';

/** The admin commands (src/shared/contract/admin.ts), each implemented once: a missing one is a compile error. */
export const adminHandlers: DomainHandlers<AdminOutputs> = {
  'app.status': async (ctx) => ({
    ...(await whatTheDatabaseSays(ctx)),
    databaseProblem: ctx.health.databaseProblem,
    storageProblem: ctx.health.storageProblem,
    now: ctx.clock.now().toISOString(),
  }),
  'setup.defaults': (ctx) => setupDefaults(ctx),
  'setup.create': (ctx, input) => createSetting(ctx, input),
  'settings.get': (ctx) => getSettings(ctx),
  'settings.update': (ctx, input) => updateSettings(ctx, input),
  'printers.list': async () => ({ printers: await listPrinters() }),
  'settings.setLogo': (ctx, input) => setLogo(ctx, input.dataBase64),
  'app.reminders': async (ctx) => ({
    reminders: [...storageReminders(ctx.health), ...jobReminders(ctx.health), ...auditReminders(ctx, ctx.auditTrail.problems), ...(await reminders(ctx)).reminders],
  }),
  'person.search': (ctx, input) => searchPeople(ctx, input.name),
  'person.export': (ctx, input) => exportPerson(ctx, input.visitorId),
  'retention.runNow': (ctx) => purgeExpired(ctx),
  'backup.now': (ctx) => backupNow(ctx),
  'backup.list': (ctx) => listBackups(ctx),
  'backup.restore': async (ctx, input) => {
    const result = await restoreBackup(ctx, input);
    ctx.health.databaseProblem = null;
    ctx.health.restores += 1;
    return result;
  },
};

/**
 * The part of the status read from the database. When it cannot be read (a database server out of reach),
 * the status still answers, with the problem on it, so the kiosk shows its paused screen rather than an
 * error: a desk that could not read would not be asking unless it had been set up.
 */
async function whatTheDatabaseSays(ctx: HandlerContext): Promise<{ setUp: boolean; settingName: string | null }> {
  try {
    return { setUp: await isSetUp(ctx), settingName: await readSetting(ctx.db, 'setting.name') };
  } catch (err) {
    const failure = storageFailure(err);
    if (!failure) throw err;
    ctx.health.storageProblem ??= storageProblemOf(failure, ctx.clock.now());
    return { setUp: true, settingName: null };
  }
}
