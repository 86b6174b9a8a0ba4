import { closeSync, openSync, readSync, rmSync, statSync } from 'node:fs';
import Database from 'better-sqlite3';
import { preparePrivateFile } from '../core/private-files.js';
import type { Db } from './connection.js';
import { checkAppliedMigrations, MigrationError, type MigrationFile } from './migrate.js';

const SQLITE_HEADER = 'SQLite format 3\0';

/** SQLite's own verdict on a database: "ok", or the first problems it found. */
export function integrityCheck(db: Db, kind: 'quick_check' | 'integrity_check' = 'integrity_check'): string {
  const rows = db.pragma(`${kind}(20)`) as Record<string, string>[];
  const messages = rows.map((r) => Object.values(r)[0] ?? '');
  return messages.length === 1 && messages[0] === 'ok' ? 'ok' : messages.join('; ');
}

/**
 * A consistent copy of a live database through SQLite's online backup, while the kiosk keeps writing. The
 * copy is made 0600 before SQLite writes into it (in a folder the admin chose too: the folder is theirs, the
 * copy of every visitor's name is not for other accounts). A copy that fails is not left behind.
 */
export async function backupTo(db: Db, file: string): Promise<void> {
  const created = preparePrivateFile(file);
  try {
    await db.backup(file);
  } catch (err) {
    if (created) rmSync(file, { force: true });
    throw err;
  }
}

export type CandidateCheck = { ok: true; schemaVersion: number } | { ok: false; reason: string };

/**
 * Whether a file is a Safe Hands database this version can open: a real SQLite file, undamaged, made by this
 * product's migrations and not by a newer version. Never changes the file.
 */
export function checkDatabaseFile(file: string, migrations: readonly MigrationFile[], nativeBinding?: string): CandidateCheck {
  let size: number;
  try {
    size = statSync(file).size;
  } catch {
    return { ok: false, reason: 'That backup file could not be found.' };
  }
  if (size < 512) return { ok: false, reason: 'That file is not a Safe Hands backup: it is empty or too small.' };
  const header = Buffer.alloc(16);
  const fd = openSync(file, 'r');
  try {
    readSync(fd, header, 0, 16, 0);
  } finally {
    closeSync(fd);
  }
  if (header.toString('latin1') !== SQLITE_HEADER) return { ok: false, reason: 'That file is not a Safe Hands backup: it is not a database.' };

  let db: Db | undefined;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
    const verdict = integrityCheck(db);
    if (verdict !== 'ok') return { ok: false, reason: `That backup is damaged (${verdict.slice(0, 200)}).` };
    const hasMigrations = db.prepare(`SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = 'schema_migrations'`).pluck().get();
    if (hasMigrations !== 1) return { ok: false, reason: 'That database was not made by Safe Hands.' };
    const applied = checkAppliedMigrations(db, migrations);
    return { ok: true, schemaVersion: applied.length };
  } catch (err) {
    if (err instanceof MigrationError) return { ok: false, reason: err.message };
    return { ok: false, reason: `That backup cannot be read (${err instanceof Error ? err.message : String(err)}).` };
  } finally {
    db?.close();
  }
}

/** Every staff PIN hash in a database file (one that passed checkDatabaseFile), read without changing it. */
export function readPinHashes(file: string, nativeBinding?: string): string[] {
  const db = new Database(file, { readonly: true, fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
  try {
    return db.prepare('SELECT pin_hash FROM staff').pluck().all() as string[];
  } finally {
    db.close();
  }
}

/**
 * Replaces the live database's content with the backup's, through the same online-backup mechanism, so the
 * open connection sees the restored pages under SQLite's own locking.
 */
export async function restoreFrom(candidate: string, liveFile: string, nativeBinding?: string): Promise<void> {
  const source = new Database(candidate, { readonly: true, fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
  try {
    await source.backup(liveFile);
  } finally {
    source.close();
  }
}
