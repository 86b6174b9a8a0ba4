import { defaultDataDir } from '../core/paths.js';
import { chooseDatabase } from '../db/database-address.js';

export interface StartOptions {
  forceBrowser: boolean;
  open: boolean;
  port: number;
  dataDir: string;
  fullscreen: boolean;
  help: boolean;
  /** Make a new launch address: the old one, and every tab opened with it, stop working. */
  newAddress: boolean;
  /**
   * SAFE_HANDS_TEST_CLOCK: the instant the app's clock starts at (ISO 8601 with a time zone), for end-to-end
   * tests that must see the same day whenever they run. Null: the PC's clock.
   */
  clockStart: string | null;
  /**
   * --database or SAFE_HANDS_DATABASE_URL: a PostgreSQL database several desks share
   * (postgres://user@host/db?sslmode=verify-full). Null: the SQLite file in the data folder.
   */
  database: string | null;
}

export const USAGE = `Usage: npm start -- [options]
  --browser          use browser kiosk mode even where Electron is available
  --no-open          do not open a browser window (browser mode)
  --port N           serve on 127.0.0.1:N (browser mode; default: the port used last time, else any free one)
  --data-dir DIR     where the database and documents live (or env SAFE_HANDS_DATA_DIR)
  --database URL     keep the records on a PostgreSQL server that several desks share, e.g.
                     postgres://safehands@db.school.lan/safehands?sslmode=verify-full
                     (or env SAFE_HANDS_DATABASE_URL); without it, SQLite in the data folder
  --kiosk            full-screen kiosk window
  --new-address      make a new launch address (browser mode); the old one stops working
  --help             show this help`;

export class UsageError extends Error {
  override name = 'UsageError';
}

/**
 * Walks a command line's flags, as `--flag value` or `--flag=value`: `value()` takes the flag's value (and
 * refuses a missing or empty one). Shared by npm start and npm run move-to-postgres.
 */
export function readFlags(argv: readonly string[], handle: (flag: string, value: () => string, arg: string) => void): void {
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i]!;
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    handle(flag, () => {
      const v = inline ?? argv[++i];
      if (v === undefined || v === '') throw new UsageError(`${flag} needs a value.`);
      return v;
    }, arg);
  }
}

export function parseStartArgs(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): StartOptions {
  const options: StartOptions = {
    forceBrowser: false,
    open: true,
    port: 0,
    dataDir: env.SAFE_HANDS_DATA_DIR?.trim() || defaultDataDir(),
    fullscreen: false,
    help: false,
    newAddress: false,
    clockStart: parseClockStart(env.SAFE_HANDS_TEST_CLOCK),
    database: null,
  };
  let database: string | null = null;
  readFlags(argv, (flag, value, arg) => {
    switch (flag) {
      case '--browser': options.forceBrowser = true; break;
      case '--no-open': options.open = false; break;
      case '--kiosk': options.fullscreen = true; break;
      case '--new-address': options.newAddress = true; break;
      case '--help': case '-h': options.help = true; break;
      case '--data-dir': options.dataDir = value(); break;
      case '--database': database = value(); break;
      case '--port': {
        const text = value();
        const port = Number(text);
        if (!/^\d+$/.test(text) || port < 1 || port > 65535) throw new UsageError(`--port must be a number from 1 to 65535, not "${text}".`);
        options.port = port;
        break;
      }
      default:
        throw new UsageError(`Unknown option ${arg}.`);
    }
  });
  options.database = chooseDatabase(database, env, (problem) => new UsageError(problem));
  return options;
}

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

function parseClockStart(value: string | undefined): string | null {
  const text = value?.trim();
  if (!text) return null;
  const ms = Date.parse(text);
  // Date.parse rolls 30 February over into March: the calendar date must exist as written.
  const day = new Date(`${text.slice(0, 10)}T00:00:00Z`);
  if (!INSTANT.test(text) || Number.isNaN(ms) || Number.isNaN(day.getTime()) || day.toISOString().slice(0, 10) !== text.slice(0, 10)) {
    throw new UsageError(`SAFE_HANDS_TEST_CLOCK must be an instant such as 2027-01-12T08:05:00Z, not "${text}".`);
  }
  return new Date(ms).toISOString();
}
