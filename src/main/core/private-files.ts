import {
  chmodSync, closeSync, fchmodSync, fstatSync, fsyncSync, lstatSync, mkdirSync, openSync, readdirSync, renameSync, statSync, writeFileSync,
} from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * Everything the app keeps (the database, backups, receipts, reports) names visitors, staff and children, so
 * only the Windows or Linux account that runs Safe Hands may read it: folders 0700, files 0600.
 *
 * A mode given when creating is only ever narrowed by the umask, never widened, so new folders and files are
 * made with these modes directly; one that already exists keeps its mode, so it is narrowed as well.
 *
 * On Windows a mode means nothing (Node only maps the owner's write bit to the read-only attribute): the data
 * folder is in the per-user profile (%APPDATA%), whose permissions already keep other accounts out, so
 * nothing is changed there.
 *
 * Narrowing is as much as the file system allows. One that keeps no Unix permissions (FAT, most SMB mounts,
 * the case for an admin's chosen backup share) refuses or ignores chmod; a receipt or backup is still kept
 * then, since losing it would be worse, and the start-up walk names what it could not narrow.
 */
export const PRIVATE_DIR_MODE = 0o700;
export const PRIVATE_FILE_MODE = 0o600;

/** Kept by Chromium in the data folder (the browser kiosk's profile, see cli/start.ts): its own modes are its own. */
export const BROWSER_PROFILE_DIR = 'browser-profile';

/**
 * What Safe Hands itself keeps at the top of its data folder. The start-up walk narrows only these, so a
 * --data-dir pointed by mistake at a folder that holds other things (a home folder) leaves those alone.
 */
const OWN_TOP_LEVEL =
  /^(safe-hands\.db(-wal|-shm|-journal)?|launch\.json(\.tmp)?|pin-throttle\.json(\.tmp)?|pin-pepper\.key(\.tmp)?|audit-trail\.key(\.tmp|\.damaged)?|audit-head\.json(\.tmp)?|host\.lock(\.\d+)?|receipts|invites|badges|roll-calls|end-of-day|exceptions|learner-exceptions|staff-permissions|reports|leaflets|backups|before-restore|branding|browser-profile)$/;

/** Whether a name at the top of the data folder is Safe Hands' own (and so narrowed at start-up). */
export function isOwnTopLevel(name: string): boolean {
  return OWN_TOP_LEVEL.test(name);
}

/** The bits that let another account (group or others) read, write or enter. */
const OTHERS = 0o077;

function keepsModes(): boolean {
  return process.platform !== 'win32';
}

/** The mode with everyone else's bits removed; the owner's stay as they are. */
function narrowed(mode: number): number {
  return mode & 0o777 & ~OTHERS;
}

function tryChmod(change: () => void): boolean {
  try {
    change();
    return true;
  } catch {
    return false;
  }
}

/** Creates the folder (with any missing parents) readable by this account only; an existing one is narrowed. */
export function makePrivateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  if (!keepsModes()) return;
  const { mode } = statSync(dir);
  if (mode & OTHERS) tryChmod(() => chmodSync(dir, narrowed(mode)));
}

/** Narrows an open file before anything is written to it. */
function narrowOpenFile(fd: number): void {
  if (!keepsModes()) return;
  const { mode } = fstatSync(fd);
  if (mode & OTHERS) tryChmod(() => fchmodSync(fd, narrowed(mode)));
}

/** Writes the whole file, created 0600; an existing file is narrowed before its new content goes in. */
export function writePrivateFile(file: string, data: string | NodeJS.ArrayBufferView): void {
  const fd = openSync(file, 'w', PRIVATE_FILE_MODE);
  try {
    narrowOpenFile(fd);
    writeFileSync(fd, data);
  } finally {
    closeSync(fd);
  }
}

/**
 * Replaces a small file whole or not at all: written aside (0600), flushed to disk, renamed over, and the
 * rename flushed too. A crash or power cut leaves the old content or the new, never half, and never a file
 * that is newer than what was committed after it (the PIN key must be on disk before any PIN hashed with it).
 */
export function replacePrivateFile(file: string, data: string | NodeJS.ArrayBufferView): void {
  const aside = `${file}.tmp`;
  writePrivateFile(aside, data);
  flush(aside, 'r+');
  renameSync(aside, file);
  flush(dirname(file), 'r');
}

/**
 * The same without the flushes, for a note written after every change (the audit trail's head): a power
 * cut may leave the previous content, which is harmless there, and it costs no disk flush per sign-in.
 */
export function replacePrivateFileUnsynced(file: string, data: string | NodeJS.ArrayBufferView): void {
  const aside = `${file}.tmp`;
  writePrivateFile(aside, data);
  renameSync(aside, file);
}

function flush(path: string, flags: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(path, flags);
    fsyncSync(fd);
  } catch {
    // A folder cannot be opened for flushing on Windows, where the rename is already durable enough.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * Makes sure a file SQLite is about to open or fill is private: created empty with 0600 when missing (SQLite
 * takes an empty file as an empty database, and gives the -wal, -shm and -journal files it makes beside it
 * the main file's mode), narrowed when it exists. Whether it was created now, so a failure can remove it.
 */
export function preparePrivateFile(file: string): boolean {
  let fd: number;
  let created = true;
  try {
    fd = openSync(file, 'wx', PRIVATE_FILE_MODE);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    created = false;
    fd = openSync(file, 'r');
  }
  try {
    narrowOpenFile(fd);
  } finally {
    closeSync(fd);
  }
  return created;
}

export interface TightenResult {
  /** Folders and files looked at (the data folder included). */
  checked: number;
  /** How many of them were narrowed. */
  narrowed: number;
  /** Those the file system refused to narrow or list (another account's files, a FAT stick). */
  refused: string[];
}

/**
 * Walks the data folder at start and takes everyone else's access away from what an earlier version left
 * open (it made folders 0755 and files 0644), in what Safe Hands keeps there only. Symbolic links are neither changed nor followed, so nothing
 * outside the folder is touched; the browser profile's folder is narrowed but not its inside. Only entries
 * that are too open are changed: a folder already right costs one lstat per entry and writes nothing.
 */
export function tightenDataFolder(dataDir: string): TightenResult {
  const result: TightenResult = { checked: 0, narrowed: 0, refused: [] };
  if (!keepsModes()) return result;
  const narrow = (path: string, mode: number) => {
    if (!(mode & OTHERS)) return;
    if (tryChmod(() => chmodSync(path, narrowed(mode)))) result.narrowed += 1;
    else result.refused.push(path);
  };
  // The data folder itself may be a link to where the school keeps it: it is the folder, so it is followed.
  narrow(dataDir, statSync(dataDir).mode);
  result.checked += 1;
  const folders = [dataDir];
  for (let folder = folders.pop(); folder !== undefined; folder = folders.pop()) {
    let names: string[];
    try {
      names = readdirSync(folder);
    } catch {
      result.refused.push(folder);
      continue;
    }
    for (const name of names) {
      if (folder === dataDir && !isOwnTopLevel(name)) continue;
      const path = join(folder, name);
      let stats;
      try {
        stats = lstatSync(path);
      } catch {
        continue; // Removed meanwhile.
      }
      if (!stats.isDirectory() && !stats.isFile()) continue; // Links, sockets, pipes.
      result.checked += 1;
      narrow(path, stats.mode);
      if (stats.isDirectory() && !(folder === dataDir && name === BROWSER_PROFILE_DIR)) folders.push(path);
    }
  }
  return result;
}
