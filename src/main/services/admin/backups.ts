import { accessSync, constants, readdirSync, rmSync, statSync } from 'node:fs';
import { basename, isAbsolute, join } from 'node:path';
import type { BackupFile, BackupKeeper, ParsedInput } from '../../../shared/contract/index.js';
import { backupTo, checkDatabaseFile, readPinHashes, restoreFrom } from '../../db/backup.js';
import type { Db } from '../../db/connection.js';
import { sqliteOf } from '../../db/sqlite-storage.js';
import type { CheckKind } from '../../db/integrity-check.js';
import { migrate, readMigrations } from '../../db/migrate.js';
import { lastRestoreAt } from '../../db/repositories/audit-repo.js';
import { DATABASE_FILE, MIGRATIONS_DIR } from '../../core/paths.js';
import { makePrivateDir } from '../../core/private-files.js';
import { CommandError } from '../../core/command-error.js';
import { audit, nowIso, type ServiceContext } from '../../core/context.js';
import { keepKeyBeside, PEPPER_BESIDE, pepperForRestore, type PinHasher } from '../staff/pin-pepper.js';
import { keysForRestore, readBackupHead } from '../../audit/audit-restore.js';
import { AUDIT_KEY_BESIDE } from '../../audit/audit-key.js';
import type { AuditTrail } from '../../audit/audit-trail.js';
import type { Anchor } from '../../audit/audit-check.js';
import { readSetting, saveSetting } from './settings-store.js';
import type { StaffSessions } from '../../core/staff-sessions.js';

export interface BackupContext extends ServiceContext {
  dataDir: string;
  sessions: StaffSessions;
  nativeBinding?: string | undefined;
  pins: PinHasher;
  auditTrail: AuditTrail;
}

const BACKUP_NAME = /^safe-hands-(\d{8})-(\d{6})\.db$/;

/** Where restoreBackup keeps the database as it was before a restore, in the data folder. */
export const BEFORE_RESTORE_FOLDER = 'before-restore';

export async function backupFolder(ctx: BackupContext): Promise<string> {
  return await readSetting(ctx.db, 'backup.folder') ?? join(ctx.dataDir, 'backups');
}

/** A folder the app can write backups into, or a plain reason why not. */
export function checkWritableFolder(folder: string): string | null {
  if (!isAbsolute(folder)) return 'Give the whole path of the folder, for example D:\\Backups\\Safe Hands.';
  try {
    if (!statSync(folder).isDirectory()) return 'That is a file, not a folder.';
    accessSync(folder, constants.W_OK);
    return null;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return code === 'ENOENT' ? 'That folder does not exist. Create it first, then choose it here.' : 'Safe Hands cannot write to that folder. Choose another, or ask IT to allow it.';
  }
}

function stamp(iso: string): string {
  return iso.replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
}

/** When a copy of the database (a backup, or one kept before a restore) was taken, from its name; null for any other file. */
export function copyTakenAt(fileName: string): string | null {
  const match = BACKUP_NAME.exec(fileName);
  if (!match) return null;
  const [, d, t] = match as unknown as [string, string, string];
  return `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)}T${t.slice(0, 2)}:${t.slice(2, 4)}:${t.slice(4, 6)}.000Z`;
}

function describe(file: string): BackupFile | null {
  const takenAt = copyTakenAt(basename(file));
  return takenAt === null ? null : { file, fileName: basename(file), takenAt, sizeBytes: statSync(file).size };
}

/** The database copies in a folder, newest first; none when it cannot be read. */
function copiesIn(folder: string): BackupFile[] {
  let names: string[] = [];
  try {
    names = readdirSync(folder);
  } catch {
    names = [];
  }
  const copies = names.map((n) => describe(join(folder, n))).filter((b): b is BackupFile => b !== null);
  return copies.sort((a, b) => b.takenAt.localeCompare(a.takenAt));
}

export async function listBackups(ctx: BackupContext): Promise<{ folder: string; backups: BackupFile[]; keptBy: BackupKeeper }> {
  const folder = await backupFolder(ctx);
  return { folder, backups: copiesIn(folder), keptBy: sqliteOf(ctx.db) ? 'safe_hands' : 'database_server' };
}

/**
 * Removes a database copy, then what lies beside it: the keys, and the -wal and -shm files SQLite leaves
 * when a check or a restore has opened the copy read-only. Throws when the copy itself cannot be removed.
 */
export function removeDatabaseCopy(file: string): void {
  rmSync(file, { force: true });
  for (const beside of [PEPPER_BESIDE, AUDIT_KEY_BESIDE, '-wal', '-shm']) {
    try {
      rmSync(`${file}${beside}`, { force: true });
    } catch {
      // Left with no copy beside it, none of these is of any use (a read-only opening writes nothing to the -wal).
    }
  }
}

/** Keeps the newest `keep` copies in a folder (backups, or those kept before a restore) and removes the rest. */
function keepNewest(folder: string, keep: number): void {
  for (const old of copiesIn(folder).slice(keep)) {
    try {
      removeDatabaseCopy(old.file);
    } catch (err) {
      // The copy just made is good either way; the next one made tries again.
      console.warn(`Backups: ${old.file} is beyond the number kept but could not be removed: ${(err as Error).message}`);
    }
  }
}

/**
 * The SQLite file behind the app's records. On PostgreSQL, backups are the server's business (pg_dump, see
 * the README), and Safe Hands says so rather than copy anything.
 */
function sqliteFile(ctx: BackupContext): Db {
  const db = sqliteOf(ctx.db);
  if (!db) throw new CommandError('conflict', 'This desk keeps its records on a PostgreSQL server, which backs them up itself (pg_dump). Ask your IT team; the README says how.');
  return db;
}

/**
 * Copies the live database to the backup folder while the kiosk keeps working, checks the copy, then keeps
 * only the newest N. A copy that fails its check is deleted and reported, never kept as a "good" backup.
 * The PIN key goes beside it (never into it), so the backup can be restored on another computer.
 */
export async function backupNow(ctx: BackupContext): Promise<BackupFile> {
  // First: on PostgreSQL nothing is made, not even the folder.
  const db = sqliteFile(ctx);
  const folder = await backupFolder(ctx);
  // The data folder's own backups/ is made private; a folder the admin chose is left as they set it up.
  if (await readSetting(ctx.db, 'backup.folder') === null) makePrivateDir(folder);
  const problem = checkWritableFolder(folder);
  if (problem) throw new CommandError('conflict', `The backup could not be made: ${problem}`);
  const at = nowIso(ctx);
  const file = join(folder, `safe-hands-${stamp(at)}.db`);
  await backupTo(db, file);
  const check = checkDatabaseFile(file, readMigrations(MIGRATIONS_DIR), ctx.nativeBinding);
  if (!check.ok) {
    rmSync(file, { force: true });
    throw new CommandError('internal', `The backup copy failed its check and was not kept: ${check.reason}`);
  }
  try {
    keepKeyBeside(ctx.pins, file);
    ctx.auditTrail.ring.keepBeside(file);
  } catch (err) {
    rmSync(file, { force: true });
    throw new CommandError('internal', `The backup could not be made: the PIN key or the audit key could not be written beside it (${(err as Error).message}).`);
  }
  await ctx.db.transaction(async () => {
    await saveSetting(ctx.db, 'backup.lastAt', at, at);
    await audit(ctx, 'backup.create', 'backup', null, { fileName: basename(file) });
  });
  keepNewest(folder, await readSetting(ctx.db, 'backup.keep'));
  return describe(file)!;
}

/**
 * Restores a backup after checking it. The current database is first copied aside (never overwritten), the
 * backup's content then replaces it, the schema is brought up to date, and every console is locked, since
 * the staff accounts may differ. A backup whose PINs were set with another PIN key (another computer's)
 * brings that key in from beside it; without it the restore is refused, since nobody could unlock after.
 */
export async function restoreBackup(ctx: BackupContext, input: ParsedInput<'backup.restore'>): Promise<{ restoredFrom: string; keptAside: string }> {
  const db = sqliteFile(ctx);
  const candidate = isAbsolute(input.file) ? input.file : join(await backupFolder(ctx), input.file);
  const migrations = readMigrations(MIGRATIONS_DIR);
  const check = checkDatabaseFile(candidate, migrations, ctx.nativeBinding);
  if (!check.ok) throw new CommandError('invalid_input', `Nothing was changed. ${check.reason}`, { file: check.reason });
  const key = pepperForRestore(ctx.pins, candidate, readPinHashes(candidate, ctx.nativeBinding));
  if ('refuse' in key) throw new CommandError('invalid_input', key.refuse, { file: key.refuse });
  // A backup whose audit trail or records were changed after it was taken is never brought back.
  const auditKeys = await keysForRestore(ctx.auditTrail.ring.all(), candidate, ctx.nativeBinding);
  if ('refuse' in auditKeys) throw new CommandError('invalid_input', auditKeys.refuse, { file: auditKeys.refuse });
  const at = nowIso(ctx);
  const asideDir = join(ctx.dataDir, BEFORE_RESTORE_FOLDER);
  makePrivateDir(asideDir);
  const keptAside = join(asideDir, `safe-hands-${stamp(at)}.db`);
  await backupTo(db, keptAside);
  keepKeyBeside(ctx.pins, keptAside);
  ctx.auditTrail.ring.keepBeside(keptAside);
  await restoreFrom(candidate, join(ctx.dataDir, DATABASE_FILE), ctx.nativeBinding);
  if (key.adopt) ctx.pins.adopt(key.adopt);
  migrate(db, migrations, () => ctx.clock.now());
  await ctx.auditTrail.adoptKeys(auditKeys.keys);
  await ctx.db.transaction(() => audit(ctx, 'backup.restore', 'backup', null, {
    restoredFrom: basename(candidate), keptAside: basename(keptAside), ...(key.adopt ? { pinKeyFrom: `${basename(candidate)}${PEPPER_BESIDE}` } : {}),
  }));
  ctx.sessions.closeAll();
  // Each copy kept aside holds every name the database held: kept by the same count as backups (and, like
  // them, removed by retention once taken before its cut-off, see retention-copies.ts).
  keepNewest(asideDir, await readSetting(ctx.db, 'backup.keep'));
  return { restoredFrom: candidate, keptAside };
}

/**
 * The newest backup taken since the last restore, as an anchor: the live trail must still hold its newest
 * entry, so entries removed from the live database show even when the head file went with them. (Backups
 * taken before a restore belong to the trail the restore replaced.)
 */
export async function newestBackupAnchors(ctx: Omit<BackupContext, 'actor'>): Promise<Anchor[]> {
  try {
    const lastRestore = await lastRestoreAt(ctx.db) ?? '';
    const newest = (await listBackups(ctx as BackupContext)).backups.find((b) => b.takenAt > lastRestore);
    const head = newest && await readBackupHead(newest.file, ctx.nativeBinding);
    return head ? [{ head, source: `the backup taken at ${newest.takenAt.slice(0, 16).replace('T', ' ')} UTC (${newest.fileName})` }] : [];
  } catch {
    return [];
  }
}

/** What the office is told when SQLite's check (quick at every start, full weekly) finds a problem; null when sound. */
export function healthProblem(kind: CheckKind, verdict: string): string | null {
  return verdict === 'ok' ? null : `The database failed its ${kind === 'quick_check' ? 'start-up' : 'weekly'} check (${verdict.slice(0, 200)}).`;
}
