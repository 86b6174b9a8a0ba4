import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { app, BrowserWindow, dialog, Menu, session } from 'electron';
import { openApp, StartRefused, type App } from '../app.js';
import { chooseDatabase } from '../db/database-address.js';
import { DataFolderInUse, lockDataFolder } from '../cli/data-folder-lock.js';
import { serverProblem, storageProblem } from '../cli/storage-problem.js';
import { MigrationError } from '../db/migrate.js';
import { startScheduledJobs } from '../jobs/scheduled-jobs.js';
import { APP_ROOT, PRODUCT_NAME, RENDERER_DIR } from '../core/paths.js';
import { makePrivateDir } from '../core/private-files.js';
import { pinThrottledDispatch } from '../server/pin-gate.js';
import { PIN_THROTTLE_FILE, pinThrottleFile } from '../server/pin-throttle-file.js';
import { PinThrottle } from '../server/pin-throttle.js';
import { registerIpc } from './ipc.js';
import { registerAppScheme, serveRenderer } from './protocol.js';
import { applySessionPolicy, guardAllWebContents } from './security.js';
import { ipcSessionKey } from './security-policy.js';
import { chooseDataDir, electronNativeBinding, parseShellArgs, type ShellArgs } from './shell-options.js';
import { createAppWindow, isOurWebContents } from './window.js';

/**
 * Electron entry: lifecycle only. The order matters and is the point of this file:
 *   before ready  -> name, single-instance lock, app:// privileges, sandbox everywhere, WebContents guards
 *   on ready      -> open the database, session policy, app:// handler, IPC, windows
 *   on quit       -> stop answering IPC, close the database
 * No top-level await: Electron's ready event waits for this ES module to finish evaluating, so awaiting
 * whenReady() at the top level would hang (Electron's ESM guide).
 */

// Electron derives userData from package.json's name ("safe-hands") before this file runs, and setName
// does not move it. Point it at "<appData>/Safe Hands", the folder the browser mode's defaultDataDir()
// picks, so both modes open one database. The single-instance lock lives there too, so this comes first.
app.setName(PRODUCT_NAME);
if (!app.commandLine.hasSwitch('user-data-dir')) app.setPath('userData', join(app.getPath('appData'), PRODUCT_NAME));

function fail(message: string): void {
  console.error(message);
  dialog.showErrorBox(PRODUCT_NAME, message);
  app.exit(1);
}

let args: ShellArgs | null = null;
try {
  args = parseShellArgs(process.argv);
} catch (err) {
  // dialog works before ready only for showErrorBox, which is exactly what it is for.
  fail(err instanceof Error ? err.message : String(err));
}

if (args && !app.requestSingleInstanceLock()) {
  // One kiosk per PC: a second launch (a double-clicked shortcut) just brings the first to the front.
  app.quit();
} else if (args) {
  startPrimary(args);
}

function startPrimary(args: ShellArgs): void {
  registerAppScheme();
  app.enableSandbox();
  guardAllWebContents();
  // Kiosk and packaged builds get no menu: its accelerators include reload and the inspector.
  if (args.kiosk || app.isPackaged) Menu.setApplicationMenu(null);

  app.on('second-instance', () => {
    const win = BrowserWindow.getAllWindows().find((w) => isOurWebContents(w.webContents.id));
    if (!win) return;
    if (win.isMinimized()) win.restore();
    win.focus();
  });
  // A kiosk has no dock life without a window: closing the last one ends the app on every platform.
  app.on('window-all-closed', () => app.quit());

  void app.whenReady().then(() => onReady(args));
}

async function onReady(args: ShellArgs): Promise<void> {
  const dataDir = chooseDataDir({ argDir: args.dataDir, env: process.env, userDataDir: app.getPath('userData'), cwd: process.cwd() });
  let core: App;
  let releaseDataFolder: (() => void) | null = null;
  let database: string | null = null;
  try {
    makePrivateDir(dataDir);
    // Electron's single-instance lock is per userData folder: a window started with another --user-data-dir,
    // or a browser-mode host (npm start --browser) on the same --data-dir, would still write beside this one.
    // The data folder's own lock is the one both modes take (cli/data-folder-lock.ts).
    releaseDataFolder = lockDataFolder(dataDir);
    const target = { platform: process.platform, arch: process.arch, abi: process.versions.modules };
    // The database's start-up check waits a few seconds, so it does not slow the window's first page.
    database = chooseDatabase(args.database, process.env, (problem) => new StartRefused(problem));
    core = await openApp({
      dataDir, nativeBinding: electronNativeBinding(APP_ROOT, target, existsSync), startupCheckAfterMs: 3000, ...(database ? { database } : {}),
    });
  } catch (err) {
    releaseDataFolder?.();
    // The same words as npm start's browser mode: a second host, a newer database, a folder that cannot be used.
    const problem = err instanceof DataFolderInUse || err instanceof StartRefused ? err.message
      : err instanceof MigrationError ? `${PRODUCT_NAME} cannot open its database in ${dataDir}:\n${err.message}`
        : (database ? serverProblem(err, database) : null) ?? storageProblem(err, dataDir);
    fail(problem ?? `${PRODUCT_NAME} could not open its database in ${dataDir}.\n\n${err instanceof Error ? err.message : String(err)}`);
    return;
  }

  // Each window is a screen for the PIN throttle, as a tab is in browser mode, with its counts kept in the same file.
  const pinThrottle = new PinThrottle({ now: () => core.clock.now().getTime(), store: pinThrottleFile(join(dataDir, PIN_THROTTLE_FILE)) });
  const unregisterIpc = registerIpc(pinThrottledDispatch(pinThrottle, core.dispatch), isOurWebContents);
  const stopJobs = startScheduledJobs(core);
  let closed = false;
  app.on('will-quit', () => {
    if (closed) return;
    closed = true;
    stopJobs();
    unregisterIpc();
    core.close();
    releaseDataFolder?.();
  });

  applySessionPolicy(session.defaultSession);
  serveRenderer(RENDERER_DIR);

  let announced = false;
  const endSession = (webContentsId: number): void => core.sessions.close(ipcSessionKey(webContentsId));
  createAppWindow({
    kiosk: args.kiosk,
    onDocumentReset: endSession,
    onReady: () => {
      // One line for whoever launched us (a supervisor script, the README's smoke check), printed once.
      if (announced) return;
      announced = true;
      process.stdout.write('Kiosk: electron\n');
    },
  });
  if (args.console) createAppWindow({ kiosk: false, route: '#/console', onDocumentReset: endSession });
}
