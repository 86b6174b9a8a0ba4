import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { systemClock, type Clock } from './core/clock.js';
import { createDispatcher, type Core, type Dispatch } from './commands/dispatcher.js';
import { openDatabase } from './db/connection.js';
import { PgStorage } from './db/pg-storage.js';
import { describeMove, movedAway } from './db/moved-away.js';
import { SqliteStorage, sqliteOf } from './db/sqlite-storage.js';
import type { Storage } from './db/storage.js';
import { CANCELLED, checkInBackground, type BackgroundCheck, type CheckKind } from './db/integrity-check.js';
import { migrate, readMigrations } from './db/migrate.js';
import { AUDIT_KEY_FILE, DATABASE_FILE, MIGRATIONS_DIR, PIN_PEPPER_FILE } from './core/paths.js';
import { auditHead } from './db/repositories/audit-repo.js';
import { makePrivateDir, tightenDataFolder } from './core/private-files.js';
import { DocumentLinks } from './documents/document-links.js';
import { AuditTrail, type AuditCheckScope } from './audit/audit-trail.js';
import type { Anchor } from './audit/audit-check.js';
import { healthProblem, newestBackupAnchors } from './services/admin/backups.js';
import { rebuildMissingReceipts } from './services/custody/receipt-rebuild.js';
import type { ScryptCost } from './services/staff/pin-hash.js';
import { openPinHasher } from './services/staff/pin-pepper.js';
import { StaffSessions } from './core/staff-sessions.js';

export type CheckOutcome = 'ok' | 'failed' | 'cancelled';

export interface App extends Core {
  dispatch: Dispatch;
  dataDir: string;
  /**
   * Runs SQLite's check in a worker thread, so the kiosk keeps answering while it reads every page. A
   * problem it finds is put on the status every screen reads. Cancelled when the app closes first.
   */
  checkDatabase(kind: CheckKind): Promise<CheckOutcome>;
  /**
   * Checks the audit trail and the records it vouches for (audit/audit-check.ts), a step at a time. A
   * problem is shown to the DSL and administrators and recorded in the trail; the kiosk keeps working.
   */
  checkAuditTrail(scope?: AuditCheckScope): Promise<CheckOutcome>;
  /** The quick check started when the app opened (already settled for a database created just now). */
  startupCheck: Promise<CheckOutcome>;
  /** The receipt numbers whose missing PDF was made again at start (see receipt-rebuild.ts). */
  receiptsRebuilt: Promise<string[]>;
  close(): void;
}

export interface OpenAppOptions {
  dataDir: string;
  clock?: Clock;
  /** better-sqlite3 built for Electron's ABI, when running inside the Electron window. */
  nativeBinding?: string;
  /**
   * How long after opening to start the quick check. The launchers wait a few seconds so the check's worker
   * does not compete for the CPU and disk while the kiosk's first page loads.
   */
  startupCheckAfterMs?: number;
  /** scrypt's cost for new PIN hashes; OWASP's N=2^17, r=8, p=1 unless a test asks for less. */
  pinHashCost?: ScryptCost;
  /**
   * A PostgreSQL database that several desks share (postgres://user@host/db?sslmode=verify-full). Without
   * it, the embedded SQLite file in the data folder.
   */
  database?: string;
}

/** Opens (creating if need be) the data folder and its database, brings the schema up to date, wires commands. */
export async function openApp(options: OpenAppOptions): Promise<App> {
  makePrivateDir(options.dataDir);
  // Before the database opens, so a -wal or -shm an earlier version left readable is narrowed before use.
  const { refused } = tightenDataFolder(options.dataDir);
  if (refused.length > 0) {
    console.warn(`Safe Hands could not make ${refused.length} item(s) in its data folder private to this account, for example ${refused[0]}.`);
  }
  const clock = options.clock ?? systemClock;
  if (options.database !== undefined) return openOnPostgres(options, options.database, clock);
  const moved = movedAway(options.dataDir);
  if (moved) {
    throw new StartRefused(`This desk's records were moved ${describeMove(moved)} (npm run move-to-postgres). Start it with --database and that `
      + 'database\'s address, so it works on the shared records: on its old SQLite file it would keep a log that no other desk sees. Nothing was changed.');
  }
  const file = join(options.dataDir, DATABASE_FILE);
  const existed = existsSync(file);
  const sqlite = openDatabase(file, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  const db = new SqliteStorage(sqlite);
  let problem: string | null = null;
  let auditTrail: AuditTrail | null = null;
  try {
    // Before the schema update, so rows a migration rewrites are sealed as Safe Hands' own change.
    auditTrail = new AuditTrail(db, clock, options.dataDir);
    migrate(sqlite, readMigrations(MIGRATIONS_DIR), () => clock.now());
    await auditTrail.start();
  } catch (err) {
    // A damaged file still opens, so the office sees what is wrong and can restore a backup.
    if (!isCorruption(err)) {
      sqlite.close();
      throw err;
    }
    problem = `The database is damaged (${(err as Error).message}).`;
  }
  const app = await createAppFromDb(db, clock, options.dataDir, auditTrail ?? new AuditTrail(db, clock, options.dataDir), problem, options.nativeBinding, options.pinHashCost);
  // A database made a moment ago has nothing to check; one already known to be damaged needs no second opinion.
  if (problem !== null) app.startupCheck = Promise.resolve('failed');
  else if (existed) {
    app.startupCheck = afterDelay(options.startupCheckAfterMs ?? 0).then(async () => {
      const sqlite = await app.checkDatabase('quick_check');
      // A damaged file is already the office's problem to fix (restore a backup); reading every record of it
      // for the audit check would only fail again on the damaged pages.
      if (sqlite !== 'ok') return sqlite;
      return app.checkAuditTrail('since_last_check');
    });
  }
  if (existed && problem === null) app.receiptsRebuilt = rebuildAfterStart(app, options.dataDir);
  return app;
}

/**
 * The same app on a PostgreSQL database that other desks share (issue 15). The data folder still holds this
 * desk's own files: its keys (which every desk of the database must share, see the README), documents and
 * launch address. The server keeps the records, checks its own storage and takes the backups.
 */
async function openOnPostgres(options: OpenAppOptions, connectionString: string, clock: Clock): Promise<App> {
  const db = new PgStorage({ connectionString });
  let app: App;
  try {
    await db.migrate(() => clock.now());
    const auditTrail = new AuditTrail(db, clock, options.dataDir);
    // A desk joining a database whose trail another desk sealed needs that desk's key. Starting a key of its
    // own instead would leave every other desk unable to check what this one writes.
    if (auditTrail.ring.current() === null && (await auditHead(db)) !== null) throw new StartRefused(missingDeskKeys(options.dataDir));
    await auditTrail.start();
    await auditTrail.noteFromNow();
    app = await createAppFromDb(db, clock, options.dataDir, auditTrail, null, options.nativeBinding, options.pinHashCost);
  } catch (err) {
    await db.close();
    throw err;
  }
  app.startupCheck = afterDelay(options.startupCheckAfterMs ?? 0)
    .then(() => app.checkAuditTrail('since_last_check'))
    // The server went away meanwhile: the desk says so on its next request; the check runs again next start.
    .catch((err: unknown) => {
      console.error(`The start-up audit check could not finish: ${err instanceof Error ? err.message : String(err)}`);
      return 'cancelled' as const;
    });
  app.receiptsRebuilt = rebuildAfterStart(app, options.dataDir);
  return app;
}

/** Safe Hands will not start as asked, for a reason said in words (the launchers print it as it is). */
export class StartRefused extends Error {
  override name = 'StartRefused';
}

function missingDeskKeys(dataDir: string): string {
  return `This desk has no ${AUDIT_KEY_FILE} in its data folder (${dataDir}), and the shared database already has an audit trail `
    + `sealed by another desk. Copy ${AUDIT_KEY_FILE} and ${PIN_PEPPER_FILE} from the first desk's data folder into this one, `
    + 'then start Safe Hands again. Nothing was changed. Meanwhile, use the paper visitor book at this desk.';
}

/** Next turn of the event loop, so the launcher is serving before any PDF is drawn. */
function rebuildAfterStart(app: App, dataDir: string): Promise<string[]> {
  return new Promise((resolve) => setImmediate(resolve))
    // Closed meanwhile (a restart, a test): there is nothing to rebuild into.
    .then(async () => (app.db.open ? await rebuildMissingReceipts(app.db, dataDir) : []))
    .catch((err: unknown) => {
      console.error('Missing receipt PDFs could not be made again:', err);
      return [];
    });
}

function afterDelay(ms: number): Promise<void> {
  return new Promise((resolve) => {
    if (ms <= 0) resolve();
    // Unreferenced: a pending check must not keep a closing process alive.
    else setTimeout(resolve, ms).unref();
  });
}

function isCorruption(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return code === 'SQLITE_CORRUPT' || code === 'SQLITE_NOTADB';
}

export async function createAppFromDb(
  db: Storage, clock: Clock, dataDir: string, auditTrail: AuditTrail, databaseProblem: string | null = null, nativeBinding?: string, pinHashCost?: ScryptCost,
): Promise<App> {
  const sessions = new StaffSessions(clock);
  const core: Core = {
    db,
    clock,
    sessions,
    dataDir,
    documentLinks: new DocumentLinks(clock, sessions),
    health: { databaseProblem, storageProblem: null, restores: 0, failedJobs: {} },
    nativeBinding,
    pins: await openPinHasher(dataDir, db, pinHashCost),
    auditTrail,
  };
  const running = new Set<BackgroundCheck>();
  let closed = false;
  return {
    ...core,
    dispatch: createDispatcher(core),
    async checkDatabase(kind) {
      if (closed) return 'cancelled';
      const restoresAtStart = core.health.restores;
      // SQLite's own check of its file; a PostgreSQL server checks its own storage.
      const file = sqliteOf(db)?.name;
      if (file === undefined) return 'ok';
      const check = checkInBackground(file, kind, nativeBinding);
      running.add(check);
      const verdict = await check.verdict;
      running.delete(check);
      // A backup restored meanwhile replaced the file being read: its verdict says nothing about this one.
      if (verdict === CANCELLED || closed || core.health.restores !== restoresAtStart) return 'cancelled';
      const found = healthProblem(kind, verdict);
      // The first problem found stays on screen until a restore clears it.
      if (found && !core.health.databaseProblem) core.health.databaseProblem = found;
      return found ? 'failed' : 'ok';
    },
    async checkAuditTrail(scope = 'all') {
      if (closed) return 'cancelled';
      const restoresAtStart = core.health.restores;
      let anchors: Anchor[];
      try {
        anchors = await newestBackupAnchors(core);
      } catch (err) {
        // Closed while the backups were being read (the app quitting, a test ending): nothing to check.
        if (closed) return 'cancelled';
        throw err;
      }
      const result = await auditTrail.check(anchors, scope);
      if (result.cancelled || closed || core.health.restores !== restoresAtStart) return 'cancelled';
      return result.ok ? 'ok' : 'failed';
    },
    startupCheck: Promise.resolve('ok'),
    receiptsRebuilt: Promise.resolve([]),
    close: () => {
      closed = true;
      for (const check of running) check.cancel();
      if (db.open) auditTrail.flush();
      // not awaited: SQLite closes at once; a PostgreSQL pool ends its connections in the background.
      void db.close();
    },
  };
}
