import { linkSync, readFileSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { writePrivateFile } from '../core/private-files.js';

/**
 * One host per data folder. Two hosts on one folder would both write, each with its own PIN limits and its
 * own scheduled backups and retention runs. The host holds `host.lock` (its process id) while it runs; a
 * lock left by a host that was killed or lost power is taken over, since its process is gone. The Electron
 * window takes it too (electron/index.ts): Electron's own single-instance lock is per userData folder, not
 * per data folder.
 */
export const LOCK_FILE = 'host.lock';

export class DataFolderInUse extends Error {
  override name = 'DataFolderInUse';
  constructor(readonly dataDir: string, readonly holder: number) {
    super(
      `Safe Hands is already running on the data folder ${dataDir} (process ${holder}). Use the kiosk it opened, ` +
      `or the address it printed, or stop it first. If no Safe Hands is running, delete ${join(dataDir, LOCK_FILE)} and start again.`,
    );
  }
}

/** Whether a process is running: signal 0 checks without sending anything (EPERM: it runs as someone else). */
export function processIsRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Takes the data folder's lock, or throws DataFolderInUse. Returns the function that gives it back. */
export function lockDataFolder(dataDir: string, pid = process.pid, isRunning = processIsRunning): () => void {
  const file = join(dataDir, LOCK_FILE);
  const mine = `${file}.${pid}`;
  writePrivateFile(mine, `${pid}\n`);
  try {
    for (let attempt = 0; attempt < 3; attempt += 1) {
      try {
        // link() fails if the lock exists, so of two hosts starting together exactly one gets it.
        linkSync(mine, file);
        return () => releaseLock(file, pid);
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      }
      const holder = readHolder(file);
      if (holder !== null && holder !== pid && isRunning(holder)) throw new DataFolderInUse(dataDir, holder);
      // Left by a host that is gone (killed, or the PC lost power), or unreadable: take it over.
      try {
        unlinkSync(file);
      } catch {
        // Another host starting at this moment removed it first; the next attempt settles who gets it.
      }
    }
    throw new Error(`Could not take the lock on the data folder ${dataDir}: another Safe Hands kept starting at the same moment.`);
  } finally {
    unlinkSync(mine);
  }
}

function readHolder(file: string): number | null {
  try {
    const pid = Number.parseInt(readFileSync(file, 'utf8'), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

function releaseLock(file: string, pid: number): void {
  // Only our own lock: if it was taken over meanwhile, it is someone else's now.
  if (readHolder(file) === pid) {
    try {
      unlinkSync(file);
    } catch {
      // Already gone.
    }
  }
}
