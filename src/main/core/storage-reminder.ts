import type { Reminder } from '../../shared/contract/index.js';
import type { StorageHealth } from './storage-watch.js';

/** The console's banner for every member of staff while Safe Hands cannot save: what is wrong, what to do. */
export function storageReminders(health: StorageHealth): Reminder[] {
  const problem = health.storageProblem;
  return problem ? [{ kind: 'storage_problem', message: problem.message, detail: problem.detail }] : [];
}
