import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import type { TestApp } from './test-app.js';
import { sqlite } from './test-app.js';

const FILLER = 'test.filler.';

/**
 * A full disk without filling one: SQLite's own limit on the app's connection, `max_page_count` set to the
 * pages the file has now, so a write that needs a new page fails with SQLITE_FULL exactly as on a full disk.
 * The room left in those pages is then filled too (rows of a setting no part of Safe Hands reads, smaller
 * and smaller), so even a single audit entry is refused, as on a disk with no byte to spare.
 */
export function fillDatabase(app: TestApp): void {
  const pages = sqlite(app).pragma('page_count', { simple: true }) as number;
  sqlite(app).pragma(`max_page_count = ${pages}`);
  const put = sqlite(app).prepare('INSERT INTO settings (key, value_json, updated_at) VALUES (?, ?, ?)');
  let n = 0;
  for (const size of [4000, 1000, 250, 60, 10]) {
    for (;;) {
      try {
        put.run(`${FILLER}${n++}`, JSON.stringify('x'.repeat(size)), '2026-01-01T00:00:00.000Z');
      } catch (err) {
        if ((err as { code?: string }).code === 'SQLITE_FULL') break;
        throw err;
      }
    }
  }
}

export function freeDatabase(app: TestApp): void {
  sqlite(app).pragma('max_page_count = 1073741823');
  sqlite(app).prepare('DELETE FROM settings WHERE key >= ? AND key < ?').run(FILLER, `${FILLER}~`);
}

/** Whether file modes stop this process (root ignores them). */
export const RUNS_AS_ROOT = process.getuid?.() === 0;

/**
 * A document Safe Hands is about to write that cannot be written. As root, file modes are ignored: the
 * kernel's always-full device (the one /dev/full is) goes where the file goes, so writing it fails with a
 * real ENOSPC. Anyone else: its folder is made one they may not write to (EACCES). Returns the undo.
 */
export function unwritableDocument(file: string): () => void {
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  if (RUNS_AS_ROOT) {
    execFileSync('mknod', [file, 'c', '1', '7']);
    return () => rmSync(file, { force: true });
  }
  chmodSync(dirname(file), 0o500);
  return () => chmodSync(dirname(file), 0o700);
}
