/** The work Safe Hands does by itself, without anyone asking (src/main/jobs/scheduled-jobs.ts). */
export const SCHEDULED_JOBS = ['autoSignOut', 'retention', 'backup', 'weeklyCheck'] as const;

export type ScheduledJob = (typeof SCHEDULED_JOBS)[number];

/** Each job as staff know it, to start a sentence: "The daily backup did not work at 02:14." */
export const SCHEDULED_JOB_LABELS: Record<ScheduledJob, string> = {
  autoSignOut: 'The automatic sign-out at the end of the day',
  retention: 'The daily removal of old visitor details',
  backup: 'The daily backup',
  weeklyCheck: 'The weekly check of the database and the audit trail',
};
