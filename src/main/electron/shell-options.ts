import { join, resolve } from 'node:path';

/**
 * The Electron shell's start-up and recovery decisions, kept free of `electron` so they are unit-tested
 * in plain Node. index.ts and window.ts only apply what these return.
 */

export interface ShellArgs {
  /** `--data-dir <path>` or `--data-dir=<path>`; null when not given. */
  dataDir: string | null;
  /** `--kiosk`: full screen, no frame, no way out to the desktop. Off by default so development is usable. */
  kiosk: boolean;
  /** `--console`: also open the staff console in a second window (a second screen on the desk). */
  console: boolean;
  /** `--database <postgres://...>`: a PostgreSQL database several desks share; null when not given. */
  database: string | null;
}

export class ShellArgsError extends Error {
  override name = 'ShellArgsError';
}

/**
 * Reads only our own switches from the whole argv. Electron's argv starts with the executable (and, when
 * unpackaged, the app folder), and Chromium may add switches of its own, so unknown arguments are ignored
 * rather than refused.
 */
export function parseShellArgs(argv: readonly string[]): ShellArgs {
  const args: ShellArgs = { dataDir: null, kiosk: false, console: false, database: null };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--kiosk') args.kiosk = true;
    else if (arg === '--console') args.console = true;
    else if (arg === '--data-dir' || arg.startsWith('--data-dir=')) {
      const value = arg === '--data-dir' ? argv[++i] : arg.slice('--data-dir='.length);
      if (!value || value.startsWith('--')) throw new ShellArgsError('--data-dir needs a folder, e.g. --data-dir "D:\\Safe Hands"');
      args.dataDir = value;
    } else if (arg === '--database' || arg.startsWith('--database=')) {
      const value = arg === '--database' ? argv[++i] : arg.slice('--database='.length);
      if (!value || value.startsWith('--')) throw new ShellArgsError('--database needs an address, e.g. --database postgres://safehands@db.school.lan/safehands');
      args.database = value;
    }
  }
  return args;
}

/**
 * Where the database lives: `--data-dir`, else SAFE_HANDS_DATA_DIR, else Electron's per-user folder
 * (which, with the app named PRODUCT_NAME, is the same folder the browser mode uses). Relative paths are
 * taken from the working directory so a shortcut's "Start in" folder means what it says.
 */
export function chooseDataDir(options: { argDir: string | null; env: NodeJS.ProcessEnv; userDataDir: string; cwd: string }): string {
  const fromEnv = options.env.SAFE_HANDS_DATA_DIR?.trim();
  return resolve(options.cwd, options.argDir ?? (fromEnv ? fromEnv : options.userDataDir));
}

export interface NativeTarget {
  platform: string;
  arch: string;
  /** NODE_MODULE_VERSION of the running Electron: process.versions.modules. */
  abi: string;
}

/**
 * better-sqlite3 is a native module: node_modules holds a build for Node's ABI (tests, CLI, browser
 * mode), which Electron cannot load. A second build for Electron may sit at
 * `<app root>/native/electron/<platform>-<arch>-<abi>/better_sqlite3.node` (see README.md beside this
 * file). The folder names exactly what the file was built for, so a build for another OS, CPU or
 * Electron version is never picked up (a wrong .node would stop the kiosk opening its database); then,
 * and when there is none, node_modules' own build is used (electron-builder rebuilds that one for
 * Electron when it packages the app).
 */
export function electronNativeBinding(appRoot: string, target: NativeTarget, exists: (path: string) => boolean): string | undefined {
  const candidate = join(appRoot, 'native', 'electron', nativeFolderName(target), 'better_sqlite3.node');
  return exists(candidate) ? candidate : undefined;
}

export function nativeFolderName(target: NativeTarget): string {
  return `${target.platform}-${target.arch}-${target.abi}`;
}

/** Crashes within this window count towards the back-off. */
export const CRASH_WINDOW_MS = 60_000;
/** Crashes in one window before reloads slow down, so a page that dies on load does not spin the CPU. */
export const QUICK_RELOADS = 3;
export const SLOW_RELOAD_MS = 10_000;

/**
 * What to do when a window's renderer process goes away: null for a clean exit (the window is closing),
 * otherwise how long to wait before loading the page again. A reception kiosk must come back on its own.
 */
export function reloadDelayMs(reason: string, recentCrashTimes: readonly number[], now: number): number | null {
  if (reason === 'clean-exit') return null;
  const recent = recentCrashTimes.filter((t) => now - t < CRASH_WINDOW_MS).length;
  return recent < QUICK_RELOADS ? 0 : SLOW_RELOAD_MS;
}
