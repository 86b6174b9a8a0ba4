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
