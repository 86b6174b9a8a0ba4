import Database from 'better-sqlite3';
import { basename } from 'node:path';
import { SqliteStorage } from '../db/sqlite-storage.js';
import type { Storage } from '../db/storage.js';
import { auditHead, type AuditHead } from '../db/repositories/audit-repo.js';
import { checkAuditNow } from './audit-check.js';
import { AUDIT_KEY_BESIDE, readKeyRing, type AuditKey } from './audit-key.js';

async function openReadOnly<T>(file: string, nativeBinding: string | undefined, read: (db: Storage) => Promise<T>): Promise<T> {
  const db = new Database(file, { readonly: true, fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
  try {
    return await read(new SqliteStorage(db));
  } finally {
    db.close();
  }
}

/** A backup's newest audit entry, or null when it has none or cannot be read. */
export async function readBackupHead(file: string, nativeBinding?: string): Promise<AuditHead | null> {
  try {
    return await openReadOnly(file, nativeBinding, auditHead);
  } catch {
    return null;
  }
}

/**
 * The audit keys under which a backup's trail and records hold: this data folder's (a backup taken here),
 * or the ones kept beside it (taken on another computer). Neither: the restore is refused with the first
 * thing found, since bringing back an altered record would hide the alteration for good.
 */
export function keysForRestore(own: readonly AuditKey[], candidate: string, nativeBinding?: string): Promise<{ keys: readonly AuditKey[] } | { refuse: string }> {
  const beside = readKeyRing(`${candidate}${AUDIT_KEY_BESIDE}`);
  return openReadOnly(candidate, nativeBinding, async (db) => {
    const withOwn = await checkAuditNow(db, own);
    if (withOwn.ok) return { keys: own };
    if (typeof beside !== 'string') {
      const withBeside = await checkAuditNow(db, beside);
      if (withBeside.ok) return { keys: beside };
    }
    const name = basename(candidate);
    return {
      refuse: `Nothing was changed. The audit trail in ${name} does not hold: ${withOwn.problems[0] ?? 'it could not be checked.'} `
        + `It may have been altered after it was taken. Choose an older backup, and tell the DSL. `
        + (typeof beside === 'string' ? `(If it was taken on another computer, copy ${name}${AUDIT_KEY_BESIDE} from beside it there into this folder first.)` : ''),
    };
  });
}
