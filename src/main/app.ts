import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { systemClock, type Clock } from './clock.js';
import { createDispatcher, type Core, type Dispatch } from './commands/dispatcher.js';
import { openDatabase, type Db } from './db/connection.js';
import { migrate, readMigrations } from './db/migrate.js';
import { DATABASE_FILE, MIGRATIONS_DIR } from './paths.js';
import { DocumentLinks } from './services/document-links.js';
import { startupHealth } from './services/backups.js';
import { StaffSessions } from './services/staff-sessions.js';

export interface App extends Core {
  dispatch: Dispatch;
  dataDir: string;
  close(): void;
}

export interface OpenAppOptions {
  dataDir: string;
  clock?: Clock;
  /** better-sqlite3 built for Electron's ABI, when running inside the Electron window. */
  nativeBinding?: string;
}

/** Opens (creating if need be) the data folder and its database, brings the schema up to date, wires commands. */
export function openApp(options: OpenAppOptions): App {
  mkdirSync(options.dataDir, { recursive: true });
  const clock = options.clock ?? systemClock;
  const db = openDatabase(join(options.dataDir, DATABASE_FILE), options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  let problem: string | null = null;
  try {
    migrate(db, readMigrations(MIGRATIONS_DIR), () => clock.now());
  } catch (err) {
    // A damaged file still opens, so the office sees what is wrong and can restore a backup.
    if (!isCorruption(err)) {
      db.close();
      throw err;
    }
    problem = `The database is damaged (${(err as Error).message}).`;
  }
  const app = createAppFromDb(db, clock, options.dataDir, problem ?? startupHealth({ db }));
  app.nativeBinding = options.nativeBinding;
  return app;
}

function isCorruption(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return code === 'SQLITE_CORRUPT' || code === 'SQLITE_NOTADB';
}

export function createAppFromDb(db: Db, clock: Clock, dataDir: string, databaseProblem: string | null = null): App {
  const core: Core = {
    db,
    clock,
    sessions: new StaffSessions(clock),
    dataDir,
    documentLinks: new DocumentLinks(clock),
    health: { databaseProblem },
  };
  return {
    ...core,
    dispatch: createDispatcher(core),
    close: () => db.close(),
  };
}
