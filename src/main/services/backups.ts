import { accessSync, constants, readdirSync, rmSync, statSync } from 'node:fs';
import { basename, isAbsolute, join } from 'node:path';
import type { BackupFile, ParsedInput } from '../../shared/contract.js';
import { backupTo, checkDatabaseFile, readPinHashes, restoreFrom } from '../db/backup.js';
import type { CheckKind } from '../db/integrity-check.js';
import { inTransaction } from '../db/connection.js';
import { migrate, readMigrations } from '../db/migrate.js';
import { DATABASE_FILE, MIGRATIONS_DIR } from '../paths.js';
import { makePrivateDir } from '../private-files.js';
import { CommandError } from './command-error.js';
import { audit, nowIso, type ServiceContext } from './context.js';
import { keepKeyBeside, PEPPER_BESIDE, pepperForRestore, type PinHasher } from './pin-pepper.js';
import { keysForRestore, readBackupHead } from './audit-restore.js';
import { AUDIT_KEY_BESIDE } from './audit-key.js';
import type { AuditTrail } from './audit-trail.js';
import type { Anchor } from './audit-check.js';
import { readSetting, saveSetting } from './settings-store.js';
import type { StaffSessions } from './staff-sessions.js';

export interface BackupContext extends ServiceContext {
  dataDir: string;
  sessions: StaffSessions;
  nativeBinding?: string | undefined;
  pins: PinHasher;
  auditTrail: AuditTrail;
}

const BACKUP_NAME = /^safe-hands-(\d{8})-(\d{6})\.db$/;

export function backupFolder(ctx: BackupContext): string {
  return readSetting(ctx.db, 'backup.folder') ?? join(ctx.dataDir, 'backups');
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

function describe(file: string): BackupFile | null {
  const match = BACKUP_NAME.exec(basename(file));
  if (!match) return null;
  const [, d, t] = match as unknown as [string, string, string];
  return {
    file,
    fileName: basename(file),
    takenAt: `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)}T${t.slice(0, 2)}:${t.slice(2, 4)}:${t.slice(4, 6)}.000Z`,
    sizeBytes: statSync(file).size,
  };
}

export function listBackups(ctx: BackupContext): { folder: string; backups: BackupFile[] } {
  const folder = backupFolder(ctx);
  let names: string[] = [];
  try {
    names = readdirSync(folder);
  } catch {
    names = [];
  }
  const backups = names.map((n) => describe(join(folder, n))).filter((b): b is BackupFile => b !== null);
  return { folder, backups: backups.sort((a, b) => b.takenAt.localeCompare(a.takenAt)) };
}

/**
 * Copies the live database to the backup folder while the kiosk keeps working, checks the copy, then keeps
 * only the newest N. A copy that fails its check is deleted and reported, never kept as a "good" backup.
 * The PIN key goes beside it (never into it), so the backup can be restored on another computer.
 */
export async function backupNow(ctx: BackupContext): Promise<BackupFile> {
  const folder = backupFolder(ctx);
  // The data folder's own backups/ is made private; a folder the admin chose is left as they set it up.
  if (readSetting(ctx.db, 'backup.folder') === null) makePrivateDir(folder);
  const problem = checkWritableFolder(folder);
  if (problem) throw new CommandError('conflict', `The backup could not be made: ${problem}`);
  const at = nowIso(ctx);
  const file = join(folder, `safe-hands-${stamp(at)}.db`);
  await backupTo(ctx.db, file);
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
  inTransaction(ctx.db, () => {
    saveSetting(ctx.db, 'backup.lastAt', at, at);
    audit(ctx, 'backup.create', 'backup', null, { fileName: basename(file) });
  });
  const keep = readSetting(ctx.db, 'backup.keep');
  for (const old of listBackups(ctx).backups.slice(keep)) {
    rmSync(old.file, { force: true });
    rmSync(`${old.file}${PEPPER_BESIDE}`, { force: true });
    rmSync(`${old.file}${AUDIT_KEY_BESIDE}`, { force: true });
  }
  return describe(file)!;
}

/**
 * Restores a backup after checking it. The current database is first copied aside (never overwritten), the
 * backup's content then replaces it, the schema is brought up to date, and every console is locked, since
 * the staff accounts may differ. A backup whose PINs were set with another PIN key (another computer's)
 * brings that key in from beside it; without it the restore is refused, since nobody could unlock after.
 */
export async function restoreBackup(ctx: BackupContext, input: ParsedInput<'backup.restore'>): Promise<{ restoredFrom: string; keptAside: string }> {
  const candidate = isAbsolute(input.file) ? input.file : join(backupFolder(ctx), input.file);
  const migrations = readMigrations(MIGRATIONS_DIR);
  const check = checkDatabaseFile(candidate, migrations, ctx.nativeBinding);
  if (!check.ok) throw new CommandError('invalid_input', `Nothing was changed. ${check.reason}`, { file: check.reason });
  const key = pepperForRestore(ctx.pins, candidate, readPinHashes(candidate, ctx.nativeBinding));
  if ('refuse' in key) throw new CommandError('invalid_input', key.refuse, { file: key.refuse });
  // A backup whose audit trail or records were changed after it was taken is never brought back.
  const auditKeys = keysForRestore(ctx.auditTrail.ring.all(), candidate, ctx.nativeBinding);
  if ('refuse' in auditKeys) throw new CommandError('invalid_input', auditKeys.refuse, { file: auditKeys.refuse });
  const at = nowIso(ctx);
  const asideDir = join(ctx.dataDir, 'before-restore');
  makePrivateDir(asideDir);
  const keptAside = join(asideDir, `safe-hands-${stamp(at)}.db`);
  await backupTo(ctx.db, keptAside);
  keepKeyBeside(ctx.pins, keptAside);
  ctx.auditTrail.ring.keepBeside(keptAside);
  await restoreFrom(candidate, join(ctx.dataDir, DATABASE_FILE), ctx.nativeBinding);
  if (key.adopt) ctx.pins.adopt(key.adopt);
  migrate(ctx.db, migrations, () => ctx.clock.now());
  ctx.auditTrail.adoptKeys(auditKeys.keys);
  inTransaction(ctx.db, () => audit(ctx, 'backup.restore', 'backup', null, {
    restoredFrom: basename(candidate), keptAside: basename(keptAside), ...(key.adopt ? { pinKeyFrom: `${basename(candidate)}${PEPPER_BESIDE}` } : {}),
  }));
  ctx.sessions.closeAll();
  return { restoredFrom: candidate, keptAside };
}

/**
 * The newest backup taken since the last restore, as an anchor: the live trail must still hold its newest
 * entry, so entries removed from the live database show even when the head file went with them. (Backups
 * taken before a restore belong to the trail the restore replaced.)
 */
export function newestBackupAnchors(ctx: Omit<BackupContext, 'actor'>): Anchor[] {
  try {
    const lastRestore = (ctx.db.prepare("SELECT max(at) AS at FROM audit_log WHERE action = 'backup.restore'").get() as { at: string | null }).at ?? '';
    const newest = listBackups(ctx as BackupContext).backups.find((b) => b.takenAt > lastRestore);
    const head = newest && readBackupHead(newest.file, ctx.nativeBinding);
    return head ? [{ head, source: `the backup taken at ${newest.takenAt.slice(0, 16).replace('T', ' ')} UTC (${newest.fileName})` }] : [];
  } catch {
    return [];
  }
}

/** What the office is told when SQLite's check (quick at every start, full weekly) finds a problem; null when sound. */
export function healthProblem(kind: CheckKind, verdict: string): string | null {
  return verdict === 'ok' ? null : `The database failed its ${kind === 'quick_check' ? 'start-up' : 'weekly'} check (${verdict.slice(0, 200)}).`;
}
