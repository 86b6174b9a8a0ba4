import { extname, isAbsolute, relative, resolve } from 'node:path';
// Types only: erased at compile time, so this module loads in plain Node and in the unit tests.
import type { WebPreferences } from 'electron';
import type { CommandFailure } from '../../shared/domain/errors.js';
import { CONTENT_SECURITY_POLICY } from '../../shared/csp.js';

/**
 * Every security decision of the Electron shell, as pure functions with no `electron` import at run time.
 * The files that do import electron only wire these to events, so what they decide is unit-tested here
 * even though the Electron binary cannot run on the build machine.
 */

/** The renderer's one origin. A custom standard scheme, not file://, so it has a real origin to check. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'kiosk';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/**
 * The window's web preferences. Every flag is spelled out, even where it matches Electron's default, so a
 * reader (and the test) sees the whole policy and a future default change cannot loosen it.
 */
export function buildWebPreferences(preloadPath: string, isPackaged: boolean): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webviewTag: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    // A dropped file would otherwise navigate the kiosk away to file://.
    navigateOnDragDrop: false,
    // A middle click would ask for a new window; the kiosk has no use for one (and denies it anyway).
    disableBlinkFeatures: 'Auxclick',
    spellcheck: false,
    // Developers need the inspector; a reception PC must not offer one.
    devTools: !isPackaged,
  };
}

export { CONTENT_SECURITY_POLICY };

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/**
 * True only for URLs on app://kiosk. Compared field by field rather than by `URL.origin`: Node reports
 * "null" as the origin of any non-http scheme, and a userinfo or port trick must not pass.
 */
export function isAppUrl(url: string): boolean {
  const parsed = parse(url);
  return (
    parsed !== null &&
    parsed.protocol === `${APP_SCHEME}:` &&
    parsed.host === APP_HOST &&
    parsed.username === '' &&
    parsed.password === ''
  );
}

/** The kiosk only ever shows its own bundle; any other destination (web, file, javascript:) is refused. */
export function isAllowedNavigation(url: string): boolean {
  return isAppUrl(url);
}

/** Only pages served from our own origin may call commands over IPC. */
export function isTrustedSender(frameUrl: string): boolean {
  return isAppUrl(frameUrl);
}

export interface SenderFacts {
  /** The sending frame's URL, or null when the frame has gone (navigated away or destroyed). */
  frameUrl: string | null;
  /** The top-level document of its window, not an iframe inside it. */
  isMainFrame: boolean;
  /** The WebContents belongs to a window this process created. */
  isOurWindow: boolean;
}

/** Why an IPC message is refused, or null when its sender may use the command table. */
export function refuseSender(facts: SenderFacts): CommandFailure | null {
  const ok = facts.frameUrl !== null && facts.isMainFrame && facts.isOurWindow && isTrustedSender(facts.frameUrl);
  return ok ? null : { code: 'unauthorised_client', message: 'This screen is not allowed to use the kiosk service.' };
}

/** Staff sessions belong to one window (one WebContents), never to the renderer's word. */
export function ipcSessionKey(webContentsId: number): string {
  return `ipc:${webContentsId}`;
}

/**
 * The file under `rendererDir` that an app:// request names, or null when it must not be served: another
 * scheme or host, credentials or a port, an undecodable or NUL-carrying path, a backslash (a Windows
 * separator in disguise), or a path that resolves outside the folder after decoding (`..%2f`).
 */
export function resolveProtocolPath(rendererDir: string, requestUrl: string): string | null {
  if (!isAppUrl(requestUrl)) return null;
  const parsed = new URL(requestUrl);
  if (parsed.port !== '') return null;

  let pathname: string;
  try {
    pathname = decodeURIComponent(parsed.pathname);
  } catch {
    return null;
  }
  if (pathname.includes('\0') || pathname.includes('\\')) return null;
  if (pathname === '' || pathname.endsWith('/')) pathname += 'index.html';

  const root = resolve(rendererDir);
  const file = resolve(root, `.${pathname.startsWith('/') ? pathname : `/${pathname}`}`);
  const inside = relative(root, file);
  if (inside === '' || inside.startsWith('..') || isAbsolute(inside)) return null;
  return file;
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
  '.pdf': 'application/pdf',
};

/** Module scripts load only with a JavaScript MIME type, and nosniff makes a wrong type fatal, so be exact. */
export function contentTypeFor(filePath: string): string {
  return CONTENT_TYPES[extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

/** Headers on every app:// response, errors included. */
export function responseHeaders(contentType: string): Record<string, string> {
  return {
    'Content-Type': contentType,
    // electronegativity cannot follow the shared constant (src/shared/csp.ts) and reports the policy as
    // unparseable; tests/unit/electron-shell.test.ts checks the header carries it.
    'Content-Security-Policy': CONTENT_SECURITY_POLICY, // eng-disable CSP_JS_CHECK
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    // The bundle changes with each install; never serve a stale one after an update.
    'Cache-Control': 'no-store',
  };
}

/**
 * A response's headers with our CSP in place of any the response brought (in any letter case). Applied to
 * every response the session sees, so a page that somehow loads from elsewhere is still locked down; the
 * DevTools front end (devtools://) keeps its own policy so the inspector still works in development.
 */
export function withContentSecurityPolicy(
  url: string,
  headers: Record<string, string | string[]> | undefined,
): Record<string, string | string[]> {
  if (url.startsWith('devtools:')) return { ...(headers ?? {}) };
  const out: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (name.toLowerCase() !== 'content-security-policy') out[name] = value;
  }
  // The same shared constant as above, which electronegativity cannot resolve; the unit test checks it.
  out['Content-Security-Policy'] = [CONTENT_SECURITY_POLICY]; // eng-disable CSP_JS_CHECK
  return out;
}

/**
 * The kiosk needs no browser permission: no camera, microphone, location, notifications, clipboard read,
 * HID/serial/USB, fullscreen requests from the page (the window itself is put in kiosk mode by main), or
 * opening external apps. Every request and every check is denied, whatever the permission or origin.
 */
export function isPermissionGranted(_permission: string, _origin?: string): boolean {
  return false;
}
