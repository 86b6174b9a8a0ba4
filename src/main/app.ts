import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { systemClock, type Clock } from './clock.js';
import { createDispatcher, type Core, type Dispatch } from './commands/dispatcher.js';
import { openDatabase, type Db } from './db/connection.js';
import { migrate, readMigrations } from './db/migrate.js';
import { DATABASE_FILE, MIGRATIONS_DIR } from './paths.js';
import { DocumentLinks } from './services/document-links.js';
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
  try {
    migrate(db, readMigrations(MIGRATIONS_DIR), () => clock.now());
  } catch (err) {
    db.close();
    throw err;
  }
  return createAppFromDb(db, clock, options.dataDir);
}

export function createAppFromDb(db: Db, clock: Clock, dataDir: string): App {
  const core: Core = { db, clock, sessions: new StaffSessions(clock), dataDir, documentLinks: new DocumentLinks(clock) };
  return {
    ...core,
    dispatch: createDispatcher(core),
    close: () => db.close(),
  };
}
