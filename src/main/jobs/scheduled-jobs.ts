import type { App } from '../app.js';
import { backupFolder, backupNow } from '../services/admin/backups.js';
import { autoSignOutIfDue } from '../services/operations/end-of-day.js';
import { purgeIfDue } from '../services/admin/retention.js';
import { CommandError } from '../core/command-error.js';
import type { Actor } from '../core/context.js';
import { readSetting, saveSetting } from '../services/admin/settings-store.js';
import { ukDay } from '../../shared/domain/time.js';
import type { ScheduledJob } from '../../shared/domain/scheduled-jobs.js';
import { noteJobFailed, noteJobWorked } from './job-failures.js';

const DAY_MS = 24 * 3600_000;
const WEEK_MS = 7 * DAY_MS;
const SYSTEM_ACTOR: Actor = { staffId: null, label: 'scheduled task', roles: [] };

function olderThan(iso: string | null, ms: number, now: Date): boolean {
  return iso === null || now.getTime() - new Date(iso).getTime() >= ms;
}

export interface JobsRun {
  backup: 'made' | 'not_due' | 'off' | 'failed';
  integrity: 'ok' | 'not_due' | 'failed';
  /** The weekly full check of the audit trail and the records it vouches for. */
  auditTrail: 'ok' | 'not_due' | 'failed';
  autoSignedOut: number | 'failed';
  /** Visitors whose details the daily retention run removed (null: it had already run today). */
  retentionRemoved: number | null | 'failed';
  /** Jobs that failed this time (a full disk, a backup folder gone): each is on the console's banner. */
  failed: ScheduledJob[];
}

/**
 * The background work a reception PC needs without anyone asking: visitors signed out at the end of the day
 * (when switched on), old details removed, a backup a day (when switched on), and SQLite's full integrity check
 * and the audit trail's full check once a week. Each runs only when due, so calling this often is cheap.
 *
 * Each job runs on its own: one that fails (a full disk, a backup folder that has gone) is put on the
 * console's banner for staff (job-failures.ts) and the others still run. A backup to another drive is
 * worth making when the data folder's disk is full.
 */
export async function runDueJobs(app: App): Promise<JobsRun> {
  const now = app.clock.now();
  const at = now.toISOString();
  const ctx = { ...app, actor: SYSTEM_ACTOR };
  const run: JobsRun = { backup: 'not_due', integrity: 'not_due', auditTrail: 'not_due', autoSignedOut: 0, retentionRemoved: null, failed: [] };
  const failed = (job: ScheduledJob, err: unknown, folder?: string) => {
    noteJobFailed(app.health, job, at, err, folder);
    run.failed.push(job);
    // A refusal in plain words needs no stack trace in the log; anything else does, for IT.
    if (err instanceof CommandError) console.error(`The scheduled job "${job}" failed: ${err.message}`);
    else console.error(`The scheduled job "${job}" failed:`, err);
  };

  try {
    run.autoSignedOut = (await autoSignOutIfDue(ctx)).signedOut;
    // Done only once today's run has happened (or it is switched off): before the end of the day nothing ran,
    // so last night's failure still stands, and its visitors are still signed in.
    if (!await readSetting(app.db, 'day.autoSignOut') || await readSetting(app.db, 'day.lastAutoSignOutDay') === ukDay(at)) noteJobWorked(app.health, 'autoSignOut');
  } catch (err) {
    run.autoSignedOut = 'failed';
    failed('autoSignOut', err);
  }

  try {
    run.retentionRemoved = (await purgeIfDue(ctx))?.visitorsRemoved ?? null;
    noteJobWorked(app.health, 'retention');
  } catch (err) {
    run.retentionRemoved = 'failed';
    failed('retention', err);
  }

  // On PostgreSQL the server keeps the backups (README): Safe Hands makes none.
  if (app.db.engine !== 'sqlite' || !await readSetting(app.db, 'backup.daily')) run.backup = 'off';
  else if (olderThan(await readSetting(app.db, 'backup.lastAt'), DAY_MS, now)) {
    try {
      await backupNow(ctx);
      run.backup = 'made';
    } catch (err) {
      run.backup = 'failed';
      failed('backup', err, await backupFolder(ctx));
    }
  }
  // Made, switched off, or made within the day (by hand, say): nothing is owed.
  if (run.backup !== 'failed') noteJobWorked(app.health, 'backup');

  if (olderThan(await readSetting(app.db, 'health.lastIntegrityCheckAt'), WEEK_MS, now)) {
    try {
      const outcome = await app.checkDatabase('integrity_check');
      // Closed while checking: the database is gone from under us, and the check is due again next start.
      if (outcome === 'cancelled') return run;
      run.integrity = outcome;
      const trail = await app.checkAuditTrail();
      if (trail === 'cancelled') return run;
      run.auditTrail = trail;
      await app.db.transaction(() => saveSetting(app.db, 'health.lastIntegrityCheckAt', at, at));
    } catch (err) {
      failed('weeklyCheck', err);
      return run;
    }
  }
  // What the checks found is not the job failing: problems have their own banner (databaseProblem, the audit's).
  noteJobWorked(app.health, 'weeklyCheck');
  return run;
}

/** Checks for due jobs every few minutes; returns a function that stops it. */
export function startScheduledJobs(app: App, everyMs = 10 * 60_000): () => void {
  let running = false;
  const tick = () => {
    if (running) return;
    running = true;
    void runDueJobs(app)
      .catch((err: unknown) => console.error('Scheduled jobs failed:', err))
      .finally(() => (running = false));
  };
  const first = setTimeout(tick, 30_000);
  const timer = setInterval(tick, everyMs);
  first.unref();
  timer.unref();
  return () => {
    clearTimeout(first);
    clearInterval(timer);
  };
}
