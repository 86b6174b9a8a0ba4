import { defaultDataDir } from '../core/paths.js';
import { chooseDatabase } from '../db/database-address.js';
import { readFlags, UsageError } from './start-options.js';

export interface MoveCommandOptions {
  dataDir: string;
  /** The empty PostgreSQL database the records go to; required. */
  database: string;
  help: boolean;
}

export const MOVE_USAGE = `Usage: npm run move-to-postgres -- --database URL [--data-dir DIR]
  Moves this desk's records from its SQLite file into an empty PostgreSQL database, checks the
  counts and the audit trail there, and leaves the SQLite file as it was. Close Safe Hands first.
  --database URL     the empty database, e.g. postgres://safehands@db.school.lan/safehands?sslmode=verify-full
                     (or env SAFE_HANDS_DATABASE_URL)
  --data-dir DIR     the desk's data folder (or env SAFE_HANDS_DATA_DIR; default: this account's)
  --help             show this help`;

export function parseMoveArgs(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): MoveCommandOptions {
  let dataDir = env.SAFE_HANDS_DATA_DIR?.trim() || defaultDataDir();
  let database: string | null = null;
  let help = false;
  readFlags(argv, (flag, value, arg) => {
    switch (flag) {
      case '--help': case '-h': help = true; break;
      case '--data-dir': dataDir = value(); break;
      case '--database': database = value(); break;
      default: throw new UsageError(`Unknown option ${arg}.`);
    }
  });
  const chosen = chooseDatabase(database, env, (problem) => new UsageError(problem));
  if (chosen === null && !help) throw new UsageError('Say which PostgreSQL database to move the records into, with --database postgres://...');
  return { dataDir, database: chosen ?? '', help };
}
