import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runInNewContext } from 'node:vm';
// Types only (erased): the compiler checks the permission list below against Electron's own union.
import type { Session } from 'electron';
import { transformWithOxc } from 'vite';
import { describe, expect, it } from 'vitest';
import { IPC_CHANNEL } from '../../src/shared/contract/index.js';
import {
  APP_ENTRY_URL,
  buildWebPreferences,
  CONTENT_SECURITY_POLICY,
  contentTypeFor,
  ipcSessionKey,
  isAllowedNavigation,
  isPermissionGranted,
  isTrustedSender,
  refuseSender,
  resolveProtocolPath,
  responseHeaders,
  withContentSecurityPolicy,
} from '../../src/main/electron/security-policy.js';
import {
  chooseDataDir,
  electronNativeBinding,
  parseShellArgs,
  reloadDelayMs,
  ShellArgsError,
  SLOW_RELOAD_MS,
} from '../../src/main/electron/shell-options.js';

// The Electron binary cannot run here, so the shell keeps every decision in Electron-free modules and
// these tests hold them. Nothing in this file loads `electron` at run time.

const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const SRC = join(ROOT, 'src');
const ELECTRON_DIR = join(SRC, 'main', 'electron');
const PRELOAD_FILE = join(ELECTRON_DIR, 'preload.cts');
const RENDERER = resolve('/opt/safe-hands/dist/renderer');

/** Source text without comments, so a comment that names a forbidden call does not count as one. */
function withoutComments(code: string): string {
  return code.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"\\])\/\/.*$/gm, '$1');
}

describe('window web preferences', () => {
  it('isolate, sandbox and strip Node from the renderer, exactly', () => {
    expect(buildWebPreferences('/app/dist/main/electron/preload.cjs', false)).toEqual({
      preload: '/app/dist/main/electron/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      navigateOnDragDrop: false,
      disableBlinkFeatures: 'Auxclick',
      spellcheck: false,
      devTools: true,
    });
  });

  it('offer no developer tools in a packaged build', () => {
    expect(buildWebPreferences('/p.cjs', true).devTools).toBe(false);
  });
});

describe('content security policy', () => {
  const directives = new Map(
    CONTENT_SECURITY_POLICY.split(';').map((d) => {
      const [name, ...values] = d.trim().split(/\s+/);
      return [name!, values];
    }),
  );

  it('allows no eval and no inline script or style', () => {
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval');
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-inline');
    expect(CONTENT_SECURITY_POLICY).not.toContain('*');
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('default-src')).toEqual(["'self'"]);
  });

  it('blocks plugins, frames, framing, <base> and form posts', () => {
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('frame-src')).toEqual(["'none'"]);
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
    expect(directives.get('base-uri')).toEqual(["'none'"]);
    expect(directives.get('form-action')).toEqual(["'none'"]);
  });

  it('is on every app:// response and replaces any CSP a response brings, in any letter case', () => {
    expect(responseHeaders('text/html; charset=utf-8')).toMatchObject({
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'X-Content-Type-Options': 'nosniff',
    });
    const merged = withContentSecurityPolicy('app://kiosk/index.html', {
      'content-security-policy': ["default-src *"],
      'Content-Type': ['text/html'],
    });
    expect(merged).toEqual({ 'Content-Type': ['text/html'], 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] });
    expect(withContentSecurityPolicy('https://elsewhere.example/', undefined)).toEqual({
      'Content-Security-Policy': [CONTENT_SECURITY_POLICY],
    });
  });
});

describe('navigation guard', () => {
  it.each([
    'https://evil.example/',
    'http://kiosk/index.html',
    'file:///etc/passwd',
    'app://other/index.html',
    'app://kiosk.evil.example/index.html',
    'app://kiosk:8080/index.html',
    'app://user@kiosk/index.html',
    'javascript:alert(1)',
    'data:text/html,<h1>hi</h1>',
    'not a url',
    '',
  ])('refuses %j', (url) => {
    expect(isAllowedNavigation(url)).toBe(false);
  });

  it.each([APP_ENTRY_URL, 'app://kiosk/index.html#/console', 'app://kiosk/'])('allows %j', (url) => {
    expect(isAllowedNavigation(url)).toBe(true);
  });
});

describe('IPC sender check', () => {
  it('trusts only pages on app://kiosk', () => {
    expect(isTrustedSender('app://kiosk/index.html#/console')).toBe(true);
    for (const url of ['https://kiosk/', 'app://other/', 'file:///app/index.html', 'about:blank', 'devtools://devtools/']) {
      expect(isTrustedSender(url)).toBe(false);
    }
  });

  const good = { frameUrl: 'app://kiosk/index.html', isMainFrame: true, isOurWindow: true };

  it('lets our own window\'s main frame through', () => {
    expect(refuseSender(good)).toBeNull();
  });

  it.each([
    ['a frame that has gone', { ...good, frameUrl: null }],
    ['an iframe', { ...good, isMainFrame: false }],
    ['a window we did not create', { ...good, isOurWindow: false }],
    ['a foreign page', { ...good, frameUrl: 'https://evil.example/' }],
  ])('refuses %s with a typed error', (_label, facts) => {
    expect(refuseSender(facts)).toEqual({ code: 'unauthorised_client', message: expect.any(String) });
  });

  it('keys staff sessions by window', () => {
    expect(ipcSessionKey(7)).toBe('ipc:7');
  });
});

describe('app:// file resolution', () => {
  it('serves files inside the renderer folder, index.html for the root', () => {
    expect(resolveProtocolPath(RENDERER, 'app://kiosk/index.html')).toBe(join(RENDERER, 'index.html'));
    expect(resolveProtocolPath(RENDERER, 'app://kiosk/')).toBe(join(RENDERER, 'index.html'));
    expect(resolveProtocolPath(RENDERER, 'app://kiosk/assets/index-abc.js?v=1#x')).toBe(join(RENDERER, 'assets', 'index-abc.js'));
    expect(resolveProtocolPath(RENDERER, 'app://kiosk/assets/a%20b.css')).toBe(join(RENDERER, 'assets', 'a b.css'));
  });

  it.each([
    'app://kiosk/assets/..%2f..%2f..%2fetc%2fpasswd',
    'app://kiosk/%2E%2E%2F%2E%2E%2Fpackage.json',
    'app://kiosk/..%5c..%5cpackage.json',
    'app://kiosk/index.html%00.png',
    'app://kiosk/%E0%A4%A',
    'app://other/index.html',
    'app://kiosk:1234/index.html',
    'app://user:pw@kiosk/index.html',
    'https://kiosk/index.html',
    'file:///etc/passwd',
  ])('refuses %j', (url) => {
    expect(resolveProtocolPath(RENDERER, url)).toBeNull();
  });

  it.each([
    ['app://kiosk/../../etc/passwd', join(RENDERER, 'etc', 'passwd')],
    ['app://kiosk/%2e%2e/%2e%2e/etc/passwd', join(RENDERER, 'etc', 'passwd')],
    ['app://kiosk/.%2e/x', join(RENDERER, 'x')],
    ['app://kiosk//etc/passwd', join(RENDERER, 'etc', 'passwd')],
  ])('keeps %j inside the folder (the URL parser drops literal dot segments first)', (url, expected) => {
    expect(resolveProtocolPath(RENDERER, url)).toBe(expected);
  });

  it('labels what it serves so module scripts load and nosniff holds', () => {
    expect(contentTypeFor('/x/index.html')).toBe('text/html; charset=utf-8');
    expect(contentTypeFor('/x/assets/index-1.JS')).toBe('text/javascript; charset=utf-8');
    expect(contentTypeFor('/x/assets/index-1.css')).toBe('text/css; charset=utf-8');
    expect(contentTypeFor('/x/logo.svg')).toBe('image/svg+xml');
    expect(contentTypeFor('/x/font.woff2')).toBe('font/woff2');
    expect(contentTypeFor('/x/unknown.bin')).toBe('application/octet-stream');
  });
});

describe('permissions', () => {
  type Permission = Parameters<NonNullable<Parameters<Session['setPermissionCheckHandler']>[0]>>[1];
  // A Record forces every member of Electron's permission union to be listed: a new one fails to compile.
  const every: Record<Permission, true> = {
    ar: true, 'automatic-fullscreen': true, 'background-fetch': true, 'background-sync': true,
    'captured-surface-control': true, 'clipboard-read': true, 'clipboard-sanitized-write': true,
    'deprecated-sync-clipboard-read': true, 'display-capture': true, fileSystem: true, fullscreen: true,
    geolocation: true, 'geolocation-approximate': true, 'hand-tracking': true, hid: true, 'idle-detection': true,
    keyboardLock: true, 'local-fonts': true, 'local-network': true, 'local-network-access': true,
    'loopback-network': true, media: true, mediaKeySystem: true, midi: true, midiSysex: true, nfc: true,
    notifications: true, openExternal: true, 'payment-handler': true, 'periodic-background-sync': true,
    'persistent-storage': true, pointerLock: true, 'screen-wake-lock': true, sensors: true, serial: true,
    'smart-card': true, 'speaker-selection': true, 'storage-access': true, 'system-wake-lock': true,
    'top-level-storage-access': true, usb: true, vr: true, 'web-app-installation': true, 'web-printing': true,
    'window-management': true, unknown: true,
  };

  it.each(Object.keys(every))('denies %s, even to our own origin', (permission) => {
    expect(isPermissionGranted(permission, 'app://kiosk')).toBe(false);
    expect(isPermissionGranted(permission, 'https://evil.example')).toBe(false);
  });
});

describe('preload', () => {
  const source = readFileSync(PRELOAD_FILE, 'utf8');

  it('repeats the IPC channel exactly', () => {
    const literal = /const CHANNEL = '([^']+)';/.exec(source);
    expect(literal?.[1]).toBe(IPC_CHANNEL);
  });

  it('exposes one object with invoke only, never ipcRenderer (static read)', () => {
    expect(source.match(/exposeInMainWorld\(/g)).toHaveLength(1);
    expect(source).toMatch(/exposeInMainWorld\('safeHands', \{ invoke \}\);/);
    // In code, ipcRenderer appears only where it is destructured and where invoke uses it, on our channel.
    const uses = [...withoutComments(source).matchAll(/ipcRenderer(\s*\.\s*\w+)?/g)].map((m) => m[0].replace(/\s/g, ''));
    expect(uses).toEqual(['ipcRenderer', 'ipcRenderer.invoke']);
    expect(source).toMatch(/ipcRenderer\s*\.invoke\(CHANNEL, name, input\)/);
  });

  it('behaves: exposes only invoke, sends only on the channel, refuses a non-string name (run with fake electron)', async () => {
    // Strip the types, then run the script in a bare context with a stand-in for require('electron').
    const { code } = await transformWithOxc(source, 'preload.cts', { lang: 'ts' });
    // Oxc marks any TypeScript file as a module with `export {}`; the preload is a CommonJS script.
    const script = code.replace(/^export \{\};?\s*$/m, '');
    const exposed: Array<[string, Record<string, unknown>]> = [];
    const sent: unknown[][] = [];
    const fakeElectron = {
      contextBridge: { exposeInMainWorld: (key: string, api: Record<string, unknown>) => exposed.push([key, api]) },
      ipcRenderer: { invoke: (...args: unknown[]) => (sent.push(args), Promise.resolve({ ok: true, value: 1 })) },
    };
    const requested: string[] = [];
    const fakeRequire = (id: string): unknown => {
      requested.push(id);
      if (id !== 'electron') throw new Error(`preload required ${id}`);
      return fakeElectron;
    };
    runInNewContext(script, { require: fakeRequire, exports: {}, module: { exports: {} }, Promise });

    expect(requested).toEqual(['electron']);
    expect(exposed).toHaveLength(1);
    const [key, api] = exposed[0]!;
    expect(key).toBe('safeHands');
    expect(Object.keys(api)).toEqual(['invoke']);
    const invoke = api.invoke as (name: unknown, input: unknown) => Promise<unknown>;

    await expect(invoke('visit.findOnSite', { q: 'a' })).resolves.toEqual({ ok: true, value: 1 });
    expect(sent).toEqual([[IPC_CHANNEL, 'visit.findOnSite', { q: 'a' }]]);

    await expect(invoke(42, {})).resolves.toMatchObject({ ok: false, error: { code: 'unknown_command' } });
    expect(sent).toHaveLength(1);

    fakeElectron.ipcRenderer.invoke = () => Promise.reject(new Error('An object could not be cloned.'));
    await expect(invoke('visit.findOnSite', { f: 1 })).resolves.toMatchObject({ ok: false, error: { code: 'internal' } });
  });
});

describe('electron stays in the shell', () => {
  function sourceFiles(dir: string): string[] {
    return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return sourceFiles(path);
      return /\.(c|m)?tsx?$/.test(entry.name) ? [path] : [];
    });
  }
  // A run-time import of electron (or a subpath): static, dynamic, require, or TypeScript's import = require.
  // Comments are dropped first: a file may say it never calls require('electron').
  const electronImport = /(?:^|[\s;])(?:import(?!\s+type\b)[^'";]*?from\s*|import\s*\(\s*|require\s*\(\s*)['"]electron(?:\/[\w-]+)?['"]/m;
  const importsElectron = { test: (code: string): boolean => electronImport.test(withoutComments(code)) };

  it('the scanner sees run-time imports and ignores type imports and comments', () => {
    expect(importsElectron.test("import { app } from 'electron';")).toBe(true);
    expect(importsElectron.test('const { shell } = require("electron/main");')).toBe(true);
    expect(importsElectron.test("import electron = require('electron');")).toBe(true);
    expect(importsElectron.test("const e = await import('electron');")).toBe(true);
    expect(importsElectron.test("import type { Session } from 'electron';")).toBe(false);
    expect(importsElectron.test("// never require('electron') here\n/* import { app } from 'electron' */")).toBe(false);
    expect(importsElectron.test("import { x } from 'electron-builder';")).toBe(false);
  });

  it('only files under src/main/electron import electron', () => {
    const offenders = sourceFiles(SRC).filter(
      (file) => importsElectron.test(readFileSync(file, 'utf8')) && !file.startsWith(ELECTRON_DIR + sep),
    );
    expect(offenders.map((f) => relative(ROOT, f))).toEqual([]);
  });

  it('the decision modules the tests load do not import electron at run time', () => {
    for (const name of ['security-policy.ts', 'shell-options.ts']) {
      expect(importsElectron.test(readFileSync(join(ELECTRON_DIR, name), 'utf8'))).toBe(false);
    }
    // The check itself must see the shell's real imports, or it proves nothing.
    expect(importsElectron.test(readFileSync(join(ELECTRON_DIR, 'index.ts'), 'utf8'))).toBe(true);
    expect(importsElectron.test(readFileSync(PRELOAD_FILE, 'utf8'))).toBe(true);
  });
});

describe('shell start-up options', () => {
  it('reads our switches among Electron\'s own arguments', () => {
    expect(parseShellArgs(['/usr/lib/electron', '.', '--no-sandbox'])).toEqual({ dataDir: null, kiosk: false, console: false, database: null });
    expect(parseShellArgs(['SafeHands.exe', '--kiosk', '--console', '--data-dir', 'D:\\Safe Hands', '--database', 'postgres://sh@db/sh'])).toEqual({
      dataDir: 'D:\\Safe Hands', kiosk: true, console: true, database: 'postgres://sh@db/sh',
    });
    expect(parseShellArgs(['x', '--data-dir=/srv/sh']).dataDir).toBe('/srv/sh');
    expect(parseShellArgs(['x', '--database=postgres://sh@db/sh']).database).toBe('postgres://sh@db/sh');
  });

  it.each([[['x', '--data-dir']], [['x', '--data-dir=']], [['x', '--data-dir', '--kiosk']], [['x', '--database']], [['x', '--database', '--kiosk']]])('refuses %j', (argv) => {
    expect(() => parseShellArgs(argv)).toThrow(ShellArgsError);
  });

  it('takes the data folder from the flag, then SAFE_HANDS_DATA_DIR, then userData', () => {
    const base = { userDataDir: '/home/a/.config/Safe Hands', cwd: '/work' };
    expect(chooseDataDir({ ...base, argDir: '/flag', env: { SAFE_HANDS_DATA_DIR: '/env' } })).toBe(resolve('/flag'));
    expect(chooseDataDir({ ...base, argDir: null, env: { SAFE_HANDS_DATA_DIR: '/env' } })).toBe(resolve('/env'));
    expect(chooseDataDir({ ...base, argDir: null, env: { SAFE_HANDS_DATA_DIR: '  ' } })).toBe(resolve(base.userDataDir));
    expect(chooseDataDir({ ...base, argDir: 'rel', env: {} })).toBe(resolve('/work', 'rel'));
  });

  it('uses an Electron-ABI better-sqlite3 build only when it is there, for this OS, CPU and ABI', () => {
    const target = { platform: 'win32', arch: 'x64', abi: '140' };
    const expected = join('/app', 'native', 'electron', 'win32-x64-140', 'better_sqlite3.node');
    expect(electronNativeBinding('/app', target, (p) => p === expected)).toBe(expected);
    expect(electronNativeBinding('/app', target, () => false)).toBeUndefined();
    // A build for another Electron (or OS) sits in another folder and is never picked up.
    expect(electronNativeBinding('/app', { ...target, abi: '139' }, (p) => p === expected)).toBeUndefined();
    expect(electronNativeBinding('/app', { ...target, platform: 'linux' }, (p) => p === expected)).toBeUndefined();
  });

  it('reloads a crashed renderer at once, slower if it keeps crashing, and not after a clean exit', () => {
    const now = 1_000_000;
    expect(reloadDelayMs('clean-exit', [], now)).toBeNull();
    expect(reloadDelayMs('crashed', [], now)).toBe(0);
    expect(reloadDelayMs('oom', [now - 1000, now - 2000], now)).toBe(0);
    expect(reloadDelayMs('killed', [now - 1000, now - 2000, now - 3000], now)).toBe(SLOW_RELOAD_MS);
    expect(reloadDelayMs('crashed', [now - 120_000, now - 130_000, now - 140_000], now)).toBe(0);
  });
});
