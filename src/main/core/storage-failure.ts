import type { StorageProblem, StorageProblemKind } from '../../shared/contract/index.js';
import { codeOf, isDatabaseError, pgStorageProblem } from '../db/storage-errors.js';
import type { Storage } from '../db/storage.js';

/**
 * A write refused because of the disk under the data folder, told apart from every other error by its code:
 * SQLite's for the database (extended codes, as better-sqlite3 reports them), the operating system's for
 * the documents kept beside it.
 */
export interface StorageFailure {
  kind: StorageProblemKind;
  /** Whether the kiosk must pause: the database cannot be written, or the disk itself will not take writes. */
  pausesKiosk: boolean;
  /** What SQLite or the operating system said, for IT. */
  detail: string;
}


function kindOf(code: string): StorageProblemKind | null {
  if (code === 'SQLITE_FULL' || code === 'ENOSPC' || code === 'EDQUOT') return 'full';
  // SQLITE_READONLY_DBMOVED and its siblings too: the file was moved, replaced or its lock files cannot be written.
  if (code === 'SQLITE_READONLY' || code.startsWith('SQLITE_READONLY_') || code === 'EROFS') return 'read_only';
  if (code === 'SQLITE_CANTOPEN' || code.startsWith('SQLITE_CANTOPEN_') || code === 'SQLITE_PERM' || code === 'EACCES' || code === 'EPERM') return 'not_allowed';
  if (code === 'SQLITE_IOERR' || code.startsWith('SQLITE_IOERR_') || code === 'EIO') return 'disk_error';
  return null;
}

/** The storage failure behind an error, or null when it is some other error (a bug, a busy database). */
export function storageFailure(err: unknown): StorageFailure | null {
  const code = codeOf(err);
  const kind = kindOf(code) ?? pgStorageProblem(err);
  if (!kind) return null;
  const fromDatabase = isDatabaseError(err);
  const message = err instanceof Error ? err.message : String(err);
  return {
    kind,
    // A document folder this account may not write to says nothing about the database: the kiosk carries on.
    pausesKiosk: fromDatabase || kind !== 'not_allowed',
    detail: code ? `${message} (${code})` : message,
  };
}

const WHAT_IS_WRONG: Record<StorageProblemKind, string> = {
  full: 'the disk Safe Hands saves to is full',
  read_only: 'the disk Safe Hands saves to (or its database file) has become read-only',
  not_allowed: 'Safe Hands is no longer allowed to write to its data folder',
  disk_error: 'the disk Safe Hands saves to gave an error when writing',
  unreachable: 'this desk cannot reach the database server it shares with the other desks',
};

const WHAT_TO_DO: Record<StorageProblemKind, string> = {
  full: 'Free some space on that disk (move or delete files that are not Safe Hands’ own), or call IT.',
  read_only: 'Call IT: the disk needs to be made writable again.',
  not_allowed: 'Call IT: the account that runs Safe Hands needs its access to the data folder back.',
  disk_error: 'Call IT today: the disk may be failing.',
  unreachable: 'Check this computer’s network cable or Wi-Fi. If other desks cannot reach it either, call IT: the server may be down.',
};

/** Meanwhile: the paper book; and the records can still be read, unless they are on a server out of reach. */
function meanwhile(kind: StorageProblemKind): string {
  return kind === 'unreachable'
    ? 'Until then, visitors sign the paper visitor book at the office, and the records cannot be looked up here either.'
    : 'Until then, visitors sign the paper visitor book at the office. You can still look things up here.';
}

/** The problem as the app's health keeps it (app.status), from the moment `now` it was found. */
export function storageProblemOf(failure: StorageFailure, now: Date): StorageProblem {
  return { kind: failure.kind, message: storageProblemMessage(failure.kind), detail: failure.detail, since: now.toISOString() };
}

/** For the staff console's banner while the problem lasts. */
export function storageProblemMessage(kind: StorageProblemKind): string {
  return `Safe Hands cannot save anything: ${WHAT_IS_WRONG[kind]}. ${WHAT_TO_DO[kind]} ${meanwhile(kind)} `
    + 'The kiosk starts again by itself once Safe Hands can save.';
}

/**
 * The answer when the server went away just as the work was being saved (CommitInDoubt): it may be there or
 * not, so the person is told to look before doing it again, never that nothing was saved.
 */
export function maybeSavedMessage(): string {
  return `That may or may not have been saved: ${WHAT_IS_WRONG.unreachable}, and it went just as this was being saved. `
    + `Once the server is back, look for it (in the list where it would show) before doing it again, so it is not done twice. ${WHAT_TO_DO.unreachable}`;
}

/**
 * The answer to a command whose write to the database was refused: nothing of it was kept. With the server
 * out of reach a look-up fails the same way, so that answer says it did not go through, which is true of both.
 */
export function notSavedMessage(kind: StorageProblemKind): string {
  const opening = kind === 'unreachable' ? 'That did not go through, and nothing was changed' : 'That was not saved';
  return `${opening}: ${WHAT_IS_WRONG[kind]}. ${WHAT_TO_DO[kind]} ${meanwhile(kind)}`;
}

/** The answer when a document (a PDF, an export) could not be kept in the data folder. */
export function documentNotSavedMessage(failure: StorageFailure): string {
  return `The document could not be saved: ${WHAT_IS_WRONG[failure.kind]}. ${WHAT_TO_DO[failure.kind]}${failure.pausesKiosk ? ` ${meanwhile(failure.kind)}` : ''}`;
}

/** The same in a few words, for a sentence that says what it stopped ("The roll call could not be saved: …"). */
const IN_SHORT: Record<StorageProblemKind, string> = {
  full: 'the disk is full',
  read_only: 'the disk has become read-only',
  not_allowed: 'Safe Hands is not allowed to write to its data folder',
  disk_error: 'the disk gave an error when writing',
  unreachable: 'the database server cannot be reached',
};

/** What to do about it, for a message of its own (a scheduled job's on the console's banner). */
export function storageProblemWhatToDo(kind: StorageProblemKind): string {
  return WHAT_TO_DO[kind];
}

/** What stopped a piece of work, in a few words: "the disk is full". */
export function storageProblemInShort(kind: StorageProblemKind): string {
  return IN_SHORT[kind];
}

interface CarriedPast {
  err: unknown;
  /** The audit action that was not recorded ("staff.unlock"); null for a document that was not kept. */
  action: string | null;
}

const carriedPastByConnection = new WeakMap<Storage, CarriedPast[]>();

/**
 * For the few writes a command can do without when the disk refuses them (an unlock's audit entry, a wrong
 * PIN's count): staff must still be able to unlock and read when the disk is full. Runs `write`; a storage
 * failure is kept for the dispatcher (which puts it on the app's health and counts what went unrecorded)
 * and answers false, any other error is thrown as usual.
 */
export async function writeIfStorageAllows(db: Storage, action: string, write: () => Promise<unknown>): Promise<boolean> {
  try {
    await write();
    return true;
  } catch (err) {
    if (!carryPast(db, err, action)) throw err;
    return false;
  }
}

/**
 * The same for a command that catches the error itself (the roll call answers with the list even when it
 * could not be kept): a storage failure is kept for the dispatcher and returned, so the caller can say what
 * stopped it; anything else answers null, for the caller to throw.
 */
export function carryPast(db: Storage, err: unknown, action: string | null): StorageFailure | null {
  const failure = storageFailure(err);
  if (!failure) return null;
  const kept = carriedPastByConnection.get(db) ?? [];
  kept.push({ err, action });
  carriedPastByConnection.set(db, kept);
  return failure;
}

/** The storage failures commands went on past since last asked (see writeIfStorageAllows). */
export function takeCarriedPast(db: Storage): CarriedPast[] {
  const kept = carriedPastByConnection.get(db) ?? [];
  carriedPastByConnection.delete(db);
  return kept;
}
