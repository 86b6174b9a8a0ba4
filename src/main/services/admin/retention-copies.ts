import { isAbsolute, join, relative, resolve } from 'node:path';
import type { Storage } from '../../db/storage.js';
import { BEFORE_RESTORE_FOLDER, copyTakenAt, removeDatabaseCopy } from './backups.js';
import { readSetting } from './settings-store.js';
import { listNames, type DocumentsRemoved } from './retention-files.js';

/**
 * Removes the copies of the whole database that Safe Hands made before the cut-off: backups (in the data
 * folder's backups/, and in the folder an administrator chose, if any) and the copies kept aside before a
 * restore. A copy holds every name the database held when it was taken, so one taken before the cut-off
 * holds only records now past the period, or ones the live database still keeps because the person came
 * back since. Newer copies are kept by count (backups.ts), which is why the oldest kept can still hold a
 * name removed since; that lasts at most until the copy's own time passes the cut-off.
 *
 * The time the copy was taken, in its name, decides: not the file's time, which copying a folder changes.
 * A copy that cannot be removed is counted and named in the log, as a document would be (retention-files.ts).
 */
export async function removeExpiredCopies(db: Storage, dataDir: string, cutoff: string): Promise<DocumentsRemoved> {
  const outcome: DocumentsRemoved = { removed: 0, notRemoved: [] };
  const chosen = await readSetting(db, 'backup.folder');
  const folders = new Set([join(dataDir, 'backups'), join(dataDir, BEFORE_RESTORE_FOLDER), ...(chosen === null ? [] : [chosen])].map((f) => resolve(f)));
  for (const folder of folders) {
    for (const fileName of listNames(folder, outcome, shown(dataDir, folder), 'copies of the database')) {
      const takenAt = copyTakenAt(fileName);
      if (takenAt === null || takenAt >= cutoff) continue;
      const file = join(folder, fileName);
      try {
        removeDatabaseCopy(file);
        outcome.removed += 1;
      } catch (err) {
        outcome.notRemoved.push(shown(dataDir, file));
        console.warn(`Retention: ${shown(dataDir, file)} is a copy of the database taken before the retention period's cut-off but could not be removed: ${(err as Error).message}`);
      }
    }
  }
  return outcome;
}

/** A path as the log shows it: within the data folder, relative to it; elsewhere (a chosen backup folder), in full. */
function shown(dataDir: string, path: string): string {
  const inside = relative(resolve(dataDir), path);
  return inside.startsWith('..') || isAbsolute(inside) ? path : inside;
}
