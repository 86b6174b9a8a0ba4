import type { App } from '../app.js';
import { inTransaction } from '../db/connection.js';
import { backupNow } from '../services/backups.js';
import { autoSignOutIfDue } from '../services/operations/end-of-day.js';
import { purgeIfDue } from '../services/operations/retention.js';
import { CommandError } from '../services/command-error.js';
import type { Actor } from '../services/context.js';
import { readSetting, saveSetting } from '../services/settings-store.js';

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
  autoSignedOut: number;
  /** Visitors whose details the daily retention run removed (null: it had already run today). */
  retentionRemoved: number | null;
}

/**
 * The background work a reception PC needs without anyone asking: a backup a day (when switched on), and
 * SQLite's full integrity check and the audit trail's full check once a week. Each runs only when due, so calling this often is cheap.
 */
export async function runDueJobs(app: App): Promise<JobsRun> {
  const now = app.clock.now();
  const ctx = { ...app, actor: SYSTEM_ACTOR };
  const run: JobsRun = {
    backup: 'not_due',
    integrity: 'not_due',
    auditTrail: 'not_due',
    autoSignedOut: autoSignOutIfDue(ctx).signedOut,
    retentionRemoved: purgeIfDue(ctx)?.visitorsRemoved ?? null,
  };

  if (!readSetting(app.db, 'backup.daily')) run.backup = 'off';
  else if (olderThan(readSetting(app.db, 'backup.lastAt'), DAY_MS, now)) {
    try {
      await backupNow(ctx);
      run.backup = 'made';
    } catch (err) {
      run.backup = 'failed';
      console.error(`The daily backup failed: ${err instanceof CommandError ? err.message : String(err)}`);
    }
  }

  if (olderThan(readSetting(app.db, 'health.lastIntegrityCheckAt'), WEEK_MS, now)) {
    const outcome = await app.checkDatabase('integrity_check');
    // Closed while checking: the database is gone from under us, and the check is due again next start.
    if (outcome === 'cancelled') return run;
    run.integrity = outcome;
    const trail = await app.checkAuditTrail();
    if (trail === 'cancelled') return run;
    run.auditTrail = trail;
    const at = now.toISOString();
    inTransaction(app.db, () => saveSetting(app.db, 'health.lastIntegrityCheckAt', at, at));
  }
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
