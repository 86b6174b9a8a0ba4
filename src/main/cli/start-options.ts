import { defaultDataDir } from '../paths.js';

export interface StartOptions {
  forceBrowser: boolean;
  open: boolean;
  port: number;
  dataDir: string;
  fullscreen: boolean;
  help: boolean;
}

export const USAGE = `Usage: npm start -- [options]
  --browser          use browser kiosk mode even where Electron is available
  --no-open          do not open a browser window (browser mode)
  --port N           serve on 127.0.0.1:N (browser mode; default: any free port)
  --data-dir DIR     where the database and documents live (or env SAFE_HANDS_DATA_DIR)
  --kiosk            full-screen kiosk window
  --help             show this help`;

export class UsageError extends Error {
  override name = 'UsageError';
}

export function parseStartArgs(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): StartOptions {
  const options: StartOptions = {
    forceBrowser: false,
    open: true,
    port: 0,
    dataDir: env.SAFE_HANDS_DATA_DIR?.trim() || defaultDataDir(),
    fullscreen: false,
    help: false,
  };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i]!;
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = (): string => {
      const v = inline ?? argv[++i];
      if (v === undefined || v === '') throw new UsageError(`${flag} needs a value.`);
      return v;
    };
    switch (flag) {
      case '--browser': options.forceBrowser = true; break;
      case '--no-open': options.open = false; break;
      case '--kiosk': options.fullscreen = true; break;
      case '--help': case '-h': options.help = true; break;
      case '--data-dir': options.dataDir = value(); break;
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
  }
  return options;
}
