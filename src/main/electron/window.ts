import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow } from 'electron';
import { PRODUCT_NAME } from '../core/paths.js';
import { APP_ENTRY_URL, buildWebPreferences } from './security-policy.js';
import { reloadDelayMs } from './shell-options.js';

/**
 * Creates the app's windows and keeps them alive. Security flags come from buildWebPreferences; this
 * file only decides size, kiosk mode and crash recovery.
 */

// tsc compiles preload.cts beside this file as preload.cjs (sandboxed preloads must be CommonJS).
const here = import.meta.dirname ?? dirname(fileURLToPath(import.meta.url));
const PRELOAD_PATH = join(here, 'preload.cjs');

/** Painted before the bundle loads, so a starting or reloading kiosk shows a calm blank screen, not a flash. */
const BACKGROUND_COLOR = '#ffffff';

/** WebContents ids of the windows this process made: the IPC handler serves these and nothing else. */
const ourWebContents = new Set<number>();

export function isOurWebContents(webContentsId: number): boolean {
  return ourWebContents.has(webContentsId);
}

export interface WindowOptions {
  /** Full screen with no frame or way out, for the reception PC (`--kiosk`). */
  kiosk: boolean;
  /** Hash route inside the bundle, e.g. '#/console'. */
  route?: string;
  /** Called once, when the window is first shown. */
  onReady?: () => void;
  /**
   * Called whenever this window starts a new document (first load, reload after a crash) and when it is
   * destroyed: the staff session tied to it must end, as a new tab does in browser mode.
   */
  onDocumentReset?: (webContentsId: number) => void;
}

export function createAppWindow(options: WindowOptions): BrowserWindow {
  const url = `${APP_ENTRY_URL}${options.route ?? ''}`;
  // electronegativity reads only literal options here, and webPreferences comes from buildWebPreferences
  // (contextIsolation, sandbox and Auxclick off are set there, and tests/unit/electron-shell.test.ts checks
  // every flag), so it reports them missing; those three reports are suppressed for that reason alone.
  const win = new BrowserWindow({ // eng-disable CONTEXT_ISOLATION_JS_CHECK SANDBOX_JS_CHECK AUXCLICK_JS_CHECK
    title: PRODUCT_NAME,
    backgroundColor: BACKGROUND_COLOR,
    show: false,
    autoHideMenuBar: true,
    ...(options.kiosk ? { kiosk: true, fullscreen: true, frame: false } : { width: 1280, height: 800, minWidth: 1024, minHeight: 700 }),
    webPreferences: buildWebPreferences(PRELOAD_PATH, app.isPackaged),
  });

  const contents = win.webContents;
  const id = contents.id;
  ourWebContents.add(id);

  win.once('ready-to-show', () => {
    win.show();
    options.onReady?.();
  });

  contents.on('did-navigate', () => options.onDocumentReset?.(id));
  contents.on('destroyed', () => {
    ourWebContents.delete(id);
    options.onDocumentReset?.(id);
  });

  // A crashed or killed renderer leaves a dead grey window at reception; load the page again, slowing
  // down if it keeps dying. A clean exit means the window is closing, so leave it be.
  const crashes: number[] = [];
  contents.on('render-process-gone', (_event, details) => {
    const now = Date.now();
    const delay = reloadDelayMs(details.reason, crashes, now);
    if (delay === null) return;
    crashes.push(now);
    console.error(`Renderer gone (${details.reason}, exit ${details.exitCode}); reloading in ${delay} ms`);
    setTimeout(() => {
      if (!win.isDestroyed()) void win.loadURL(url);
    }, delay);
  });

  void win.loadURL(url);
  return win;
}
