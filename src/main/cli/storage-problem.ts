import { pgStorageProblem } from '../db/storage-errors.js';

/**
 * What to tell the person starting Safe Hands when its data folder cannot be used, in words and with what to
 * do, instead of a stack trace. Null: not a storage problem (it is thrown on as it is).
 */
export function storageProblem(err: unknown, dataDir: string): string | null {
  const code = String((err as { code?: unknown } | null)?.code ?? '');
  const where = `the data folder ${dataDir}`;
  if (code === 'EROFS' || code === 'SQLITE_READONLY' || code.startsWith('SQLITE_READONLY_')) {
    return `Safe Hands cannot write to ${where}: the disk is read-only. Every sign-in is saved there, so Safe Hands ` +
      'will not start on it. Ask IT to make the disk writable, or start with --data-dir on a disk that is. Meanwhile, use the paper visitor book.';
  }
  if (code === 'ENOSPC' || code === 'SQLITE_FULL') {
    return `The disk that holds ${where} is full. Free some space on it (not Safe Hands' own files), then start Safe Hands again. ` +
      'Meanwhile, use the paper visitor book.';
  }
  if (code === 'EACCES' || code === 'EPERM' || code === 'SQLITE_CANTOPEN' || code === 'SQLITE_PERM') {
    return `Safe Hands is not allowed to use ${where}. Start it as the account that owns the folder, or start with --data-dir ` +
      'on a folder this account owns. Meanwhile, use the paper visitor book.';
  }
  if (code === 'EEXIST' || code === 'ENOTDIR') {
    return `${dataDir} is a file, not a folder (or a file stands somewhere along its path). Give --data-dir a folder.`;
  }
  return null;
}

/**
 * The same for a desk started on a PostgreSQL server (`--database`) that cannot be used. The address is
 * shown without its password.
 */
export function serverProblem(err: unknown, address: string): string | null {
  const kind = pgStorageProblem(err);
  const where = `the database server at ${withoutPassword(address)}`;
  if (kind === 'unreachable') {
    return `Safe Hands cannot reach ${where} (${err instanceof Error ? err.message : String(err)}). Check this PC's network `
      + 'connection and the address; if other desks cannot reach it either, call IT: the server may be down. Meanwhile, use the paper visitor book.';
  }
  if (kind === 'not_allowed') {
    return `${where} refused Safe Hands' login (${err instanceof Error ? err.message : String(err)}). Check the user name in the address `
      + 'and the password in this account\'s .pgpass file (see the README). Meanwhile, use the paper visitor book.';
  }
  return null;
}

function withoutPassword(address: string): string {
  try {
    const url = new URL(address);
    if (url.password) url.password = '***';
    return url.toString();
  } catch {
    return address;
  }
}
