import type { Reminder } from '../../shared/contract/index.js';
import { SCHEDULED_JOBS, type ScheduledJob } from '../../shared/domain/scheduled-jobs.js';
import { CommandError } from '../core/command-error.js';
import { storageFailure, storageProblemInShort, storageProblemWhatToDo } from '../core/storage-failure.js';

/** A scheduled job whose last run failed. */
export interface JobFailure {
  /** The first failure since the job last worked: how long its work has gone undone. */
  failedAt: string;
  lastTriedAt: string;
  /** What was not done, why, and what to do, for the console's banner. */
  message: string;
  /** What SQLite or the operating system said, for IT; null when the message says it all. */
  detail: string | null;
}

/**
 * The part of the app's health the scheduled jobs keep. In memory, not in the database: the disk that made
 * the job fail would refuse the note too. After a restart the job is due again (a failed run records nothing),
 * so it runs within a minute and the note is back if it fails again.
 */
export interface JobHealth {
  failedJobs: Partial<Record<ScheduledJob, JobFailure>>;
}

const NOT_DONE: Record<ScheduledJob, string> = {
  autoSignOut: 'Visitors still signed in were not signed out',
  retention: 'Visitor details past the keeping period were not removed',
  backup: 'No backup was made',
  weeklyCheck: 'The check could not be finished',
};

const AGAIN = 'Safe Hands tries again by itself; this message goes once it works.';

/** The banner's words for a failed run. `folder` is where a backup was going, so IT know which disk. */
export function jobFailureMessage(job: ScheduledJob, err: unknown, folder?: string): Pick<JobFailure, 'message' | 'detail'> {
  const where = folder ? ` in ${folder}` : '';
  const storage = storageFailure(err);
  if (storage) {
    return { message: `${NOT_DONE[job]}${where}: ${storageProblemInShort(storage.kind)}. ${storageProblemWhatToDo(storage.kind)} ${AGAIN}`, detail: storage.detail };
  }
  // A refusal already in plain words ("The backup could not be made: that folder does not exist…").
  if (err instanceof CommandError) return { message: `${err.message} ${AGAIN}`, detail: null };
  const said = err instanceof Error ? err.message : String(err);
  return { message: `${NOT_DONE[job]}${where}: something unexpected stopped it. Call IT and show them the details below. ${AGAIN}`, detail: said };
}

export function noteJobFailed(health: JobHealth, job: ScheduledJob, at: string, err: unknown, folder?: string): void {
  health.failedJobs[job] = { failedAt: health.failedJobs[job]?.failedAt ?? at, lastTriedAt: at, ...jobFailureMessage(job, err, folder) };
}

/** The job has done its work for now (it ran, or there was nothing due): its note goes. */
export function noteJobWorked(health: JobHealth, job: ScheduledJob): void {
  delete health.failedJobs[job];
}

/** For every member of staff, in the jobs' own order: whoever is at the desk can call IT. */
export function jobReminders(health: JobHealth): Reminder[] {
  return SCHEDULED_JOBS.flatMap((job) => {
    const failure = health.failedJobs[job];
    return failure ? [{ kind: 'job_failed' as const, job, ...failure }] : [];
  });
}
