import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { openApp, StartRefused, type App } from '../app.js';
import { clockStartingAt, systemClock } from '../core/clock.js';
import { MigrationError } from '../db/migrate.js';
import { APP_ROOT, RENDERER_DIR } from '../core/paths.js';
import { startScheduledJobs } from '../jobs/scheduled-jobs.js';
import { startHttpHost, type HttpHost } from '../server/http-host.js';
import { readLaunchAddress, writeLaunchAddress } from '../server/launch-address.js';
import { PIN_THROTTLE_FILE, pinThrottleFile } from '../server/pin-throttle-file.js';
import { DataFolderInUse, lockDataFolder } from './data-folder-lock.js';
import { serverProblem, storageProblem } from './storage-problem.js';
import { chromiumArgs, findChromium, hasDisplay } from './find-browser.js';
import { findElectronBinary } from './find-electron.js';
import { parseStartArgs, USAGE, UsageError, type StartOptions } from './start-options.js';

/** How long Electron gets to prove it can start before we fall back to the browser. */
const ELECTRON_GRACE_MS = 4000;
/** The database's start-up check waits this long, so it does not slow the kiosk's first page. */
const STARTUP_CHECK_AFTER_MS = 3000;

/**
 * `npm start`: the Electron window where Electron is installed, otherwise (or with --browser) the loopback
 * host in browser kiosk mode. Either way one line says where the kiosk is.
 */
async function main(): Promise<void> {
  let options: StartOptions;
  try {
    options = parseStartArgs(process.argv.slice(2));
  } catch (err) {
    if (err instanceof UsageError) {
      console.error(`${err.message}\n${USAGE}`);
      process.exit(2);
    }
    throw err;
  }
  if (options.help) {
    console.log(USAGE);
    return;
  }
  if (!options.forceBrowser && (await tryElectron(options))) return;
  await runBrowserMode(options);
}

function tryElectron(options: StartOptions): Promise<boolean> {
  const binary = findElectronBinary();
  if (!binary) {
    console.error('Electron is not installed here; starting browser kiosk mode instead.');
    return Promise.resolve(false);
  }
  const args = [APP_ROOT, '--data-dir', options.dataDir, ...(options.database ? ['--database', options.database] : []), ...(options.fullscreen ? ['--kiosk'] : [])];
  return new Promise((resolve) => {
    const child = spawn(binary, args, { stdio: 'inherit' });
    let settled = false;
    const fallBack = (why: string) => {
      if (settled) return;
      settled = true;
      console.error(`Electron could not start (${why}); starting browser kiosk mode instead.`);
      resolve(false);
    };
    child.once('error', (err) => fallBack(err.message));
    child.once('exit', (code, signal) => {
      if (!settled) fallBack(signal ? `signal ${signal}` : `exit code ${code}`);
      else process.exit(code ?? 0);
    });
    setTimeout(() => {
      if (settled) return;
      settled = true;
      resolve(true);
    }, ELECTRON_GRACE_MS).unref();
  });
}

async function runBrowserMode(options: StartOptions): Promise<void> {
  let app: App;
  if (options.clockStart) console.error(`Clock: starts at ${options.clockStart} (SAFE_HANDS_TEST_CLOCK), not the PC's time.`);
  const clock = options.clockStart ? clockStartingAt(options.clockStart) : systemClock;
  try {
    mkdirSync(options.dataDir, { recursive: true, mode: 0o700 });
    process.once('exit', lockDataFolder(options.dataDir));
    app = await openApp({ dataDir: options.dataDir, clock, startupCheckAfterMs: STARTUP_CHECK_AFTER_MS, ...(options.database ? { database: options.database } : {}) });
  } catch (err) {
    // A second host, a database from a newer version, or a folder that cannot be used: said plainly, no stack.
    const problem = err instanceof DataFolderInUse || err instanceof StartRefused ? err.message
      : err instanceof MigrationError ? `Safe Hands cannot open its database in ${options.dataDir}:\n${err.message}`
      : (options.database ? serverProblem(err, options.database) : null) ?? storageProblem(err, options.dataDir);
    if (problem === null) throw err;
    console.error(problem);
    process.exit(1);
  }
  const saved = readLaunchAddress(options.dataDir, options.newAddress);
  const pinThrottleStore = pinThrottleFile(join(options.dataDir, PIN_THROTTLE_FILE));
  const serve = (port: number): Promise<HttpHost> => startHttpHost({
    dispatch: app.dispatch,
    resolveDocument: (id) => app.documentLinks.resolve(id),
    secret: saved.key,
    rendererDir: RENDERER_DIR,
    port,
    pinThrottleStore,
    // The PIN back-off runs on the app's clock, like the accounts' own lockout it comes before.
    now: () => clock.now().getTime(),
  });
  const host = await serve(options.port || saved.port || 0)
    .catch((err: unknown) => {
      // The port the kiosk had last time is only a preference; a port asked for with --port is not.
      if (options.port || !saved.port || (err as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw err;
      console.error(`Port ${saved.port}, where the kiosk was last time, is in use by another program: the kiosk has a new address.`);
      return serve(0);
    })
    .catch((err: unknown) => {
      app.close();
      const message = err instanceof Error ? err.message : String(err);
      console.error(`Safe Hands could not listen on port ${options.port || '(any)'}: ${message}`);
      process.exit(1);
    });
  if (host.port !== saved.port) writeLaunchAddress(options.dataDir, { key: saved.key, port: host.port });
  const url = host.launchUrl();
  console.log(`Kiosk: ${url}`);
  console.error(`Data folder: ${options.dataDir}`);

  if (options.open) openBrowser(url, options);
  const stopJobs = startScheduledJobs(app);

  const shutdown = () => {
    stopJobs();
    void host.close().then(() => {
      app.close();
      process.exit(0);
    });
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

function openBrowser(url: string, options: StartOptions): void {
  const browser = findChromium();
  if (!browser || !hasDisplay()) {
    console.error(browser ? 'No display to open a window on; open the address above in a browser.' : 'No Chromium, Chrome or Edge found; open the address above in a browser.');
    return;
  }
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const child = spawn(browser, chromiumArgs(url, join(options.dataDir, 'browser-profile'), options.fullscreen, isRoot), {
    stdio: 'ignore',
    detached: true,
  });
  child.on('error', (err) => console.error(`Could not open ${browser}: ${err.message}`));
  child.unref();
}

void main();
