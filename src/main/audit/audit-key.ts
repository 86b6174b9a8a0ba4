import { createHash, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AUDIT_KEY_FILE } from '../core/paths.js';
import { replacePrivateFile, writePrivateFile } from '../core/private-files.js';

/**
 * The audit trail's seal key: 32 random bytes in `audit-trail.key` in the data folder (0600), never in the
 * database. Every audit entry from `from` on is sealed with HMAC-SHA-256 under it, so someone who edits
 * the database with another program cannot make a changed entry, or the entries after it, look right:
 * they would need this file as well. (Entries written before this version are plain SHA-256, checked as
 * before; the key starts at the first entry after them.)
 *
 * The file lists every key this data folder has used, oldest first. A new one is started only when the
 * file is missing at start: the entries sealed with the lost key can then no longer be checked, and the
 * audit check says so, loudly and for good, until the old file is copied back.
 *
 * A copy goes beside every backup (`<backup>.audit-key`), so a backup restored on another computer can
 * still be checked; restoring brings its keys in.
 */
export interface AuditKey {
  /** The first audit entry sealed with it. */
  from: number;
  key: Buffer;
  /** Names the key in audit entries (a hash of it, never the key). */
  id: string;
}

export const AUDIT_KEY_BESIDE = '.audit-key';

/** The key an entry was sealed with: the newest that starts at or before it (keys are oldest first). */
export function keyCovering(keys: readonly AuditKey[], entryId: number): AuditKey | null {
  let found: AuditKey | null = null;
  for (const k of keys) if (k.from <= entryId) found = k;
  return found;
}

const KEY_BYTES = 32;

export function auditKeyId(key: Buffer): string {
  return createHash('sha256').update('safe-hands audit key id').update(key).digest('hex').slice(0, 16);
}

export type KeyRingFile = AuditKey[] | 'missing' | 'damaged';

/** Reads a key file; 'damaged' for anything that is not a list of whole keys in order. */
export function readKeyRing(file: string): KeyRingFile {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'ENOENT' ? 'missing' : 'damaged';
  }
  try {
    const parsed = JSON.parse(text) as { keys?: { from?: unknown; key?: unknown }[] };
    const keys = (parsed.keys ?? []).map(({ from, key }) => {
      const bytes = typeof key === 'string' && /^[0-9a-f]{64}$/.test(key) ? Buffer.from(key, 'hex') : null;
      if (!bytes || !Number.isSafeInteger(from) || (from as number) < 1) throw new Error('bad key');
      return { from: from as number, key: bytes, id: auditKeyId(bytes) };
    });
    if (keys.length === 0 || keys.some((k, i) => i > 0 && k.from <= keys[i - 1]!.from)) return 'damaged';
    return keys;
  } catch {
    return 'damaged';
  }
}

function serialise(keys: readonly AuditKey[]): string {
  return `${JSON.stringify({ keys: keys.map((k) => ({ from: k.from, key: k.key.toString('hex') })) }, null, 1)}\n`;
}

/** The keys of one data folder: reads them, starts a new one, takes on a restored backup's. */
export class AuditKeyRing {
  readonly file: string;

  constructor(dataDir: string, private keys: AuditKey[]) {
    this.file = join(dataDir, AUDIT_KEY_FILE);
  }

  /** The data folder's keys, oldest first; empty while none has been started. */
  all(): readonly AuditKey[] {
    return this.keys;
  }

  /** The key new entries are sealed with, or null before the first is started. */
  current(): AuditKey | null {
    return this.keys[this.keys.length - 1] ?? null;
  }

  /** Starts a key for entries from `from` on, on disk (synced) before any entry is sealed with it. */
  start(from: number): AuditKey {
    const key = randomBytes(KEY_BYTES);
    const started = { from, key, id: auditKeyId(key) };
    const keys = [...this.keys.filter((k) => k.from < from), started];
    replacePrivateFile(this.file, serialise(keys));
    this.keys = keys;
    return started;
  }

  /** Uses a restored database's keys from now on (the ones beside the backup, or this folder's own). */
  adopt(keys: readonly AuditKey[]): void {
    replacePrivateFile(this.file, serialise(keys));
    this.keys = [...keys];
  }

  /** Keeps the keys beside a copy of the database (a backup, or the copy a restore sets aside). */
  keepBeside(databaseCopy: string): void {
    if (this.keys.length > 0) writePrivateFile(`${databaseCopy}${AUDIT_KEY_BESIDE}`, serialise(this.keys));
  }
}

/** The data folder's key ring as found: a damaged file is set aside by the caller's choice, never overwritten here. */
export function openAuditKeyRing(dataDir: string): { ring: AuditKeyRing; found: 'ok' | 'missing' | 'damaged' } {
  const found = readKeyRing(join(dataDir, AUDIT_KEY_FILE));
  if (typeof found === 'string') return { ring: new AuditKeyRing(dataDir, []), found };
  return { ring: new AuditKeyRing(dataDir, found), found: 'ok' };
}
