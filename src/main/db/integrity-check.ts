import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

export type CheckKind = 'quick_check' | 'integrity_check';

export interface BackgroundCheck {
  /** SQLite's verdict: "ok", the first problems it found, or why the check could not run. */
  verdict: Promise<string>;
  /** Stops the check (the app is closing); the verdict then reads "cancelled". */
  cancel(): void;
}

export const CANCELLED = 'cancelled';

// Given as source text rather than a file, so the worker runs the same from the TypeScript sources (the
// tests), the compiled build, and Electron's asar archive. It opens its own read-only connection.
// Its verdict is worded as integrityCheck (db/backup.ts) words it, which it cannot import; change both together.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
let verdict;
try {
  const db = new Database(workerData.file, { readonly: true, fileMustExist: true, ...(workerData.nativeBinding ? { nativeBinding: workerData.nativeBinding } : {}) });
  try {
    const messages = db.pragma(workerData.kind + '(20)').map((row) => Object.values(row)[0] ?? '');
    verdict = messages.length === 1 && messages[0] === 'ok' ? 'ok' : messages.join('; ');
  } finally {
    db.close();
  }
} catch (err) {
  verdict = err && err.message ? err.message : String(err);
}
parentPort.postMessage(verdict);
`;

const driver = createRequire(import.meta.url).resolve('better-sqlite3');

/**
 * Runs SQLite's quick or full check in a worker thread. On a large database the check reads every page and
 * takes seconds; on the main thread the kiosk would stop answering for that long.
 */
export function checkInBackground(file: string, kind: CheckKind, nativeBinding?: string): BackgroundCheck {
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { driver, file, kind, nativeBinding } });
  // A check still running must not keep a closing process alive.
  worker.unref();
  let cancelled = false;
  const verdict = new Promise<string>((resolve) => {
    worker.once('message', (message: unknown) => resolve(String(message)));
    worker.once('error', (err) => resolve(err.message));
    worker.once('exit', (code) => resolve(cancelled ? CANCELLED : `the check stopped unexpectedly (exit code ${code})`));
  });
  return {
    verdict,
    cancel: () => {
      cancelled = true;
      void worker.terminate();
    },
  };
}
