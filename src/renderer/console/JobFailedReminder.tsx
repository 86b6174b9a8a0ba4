import type { Reminder } from '../../shared/contract/index.js';
import { SCHEDULED_JOB_LABELS } from '../../shared/domain/scheduled-jobs.js';
import { timeOrDateTime } from '../lib/format.js';

type JobFailed = Extract<Reminder, { kind: 'job_failed' }>;

/**
 * Which job and since when, in the screen's own time: the first failure is how long its work has gone
 * undone (a night without a backup), the last try shows it is still trying by itself.
 */
export function jobFailedHeading(r: JobFailed): string {
  const label = SCHEDULED_JOB_LABELS[r.job];
  if (r.lastTriedAt === r.failedAt) return `${label} did not work at ${timeOrDateTime(r.failedAt)}.`;
  return `${label} has not worked since ${timeOrDateTime(r.failedAt)} (last tried at ${timeOrDateTime(r.lastTriedAt)}).`;
}

/**
 * A scheduled job that failed, on the console's banner for whoever is at the desk: what was not done, why,
 * and what to do (from the host). Not an alert: it is read at every page and should not interrupt each time.
 */
export function JobFailedReminder({ reminder }: { reminder: JobFailed }) {
  return (
    <div className="reminder reminder-overdue">
      <span className="reminder-mark" aria-hidden="true">⚠</span>
      <div className="reminder-text">
        <p><strong>{jobFailedHeading(reminder)}</strong> {reminder.message}</p>
        {reminder.detail ? (
          <details>
            <summary>Details for IT support</summary>
            <p>{reminder.detail}</p>
          </details>
        ) : null}
      </div>
    </div>
  );
}
