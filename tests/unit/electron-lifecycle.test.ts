import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { IPC_CHANNEL } from '../../src/shared/contract/index.js';

/**
 * Drives the real Electron shell (index.ts and the files it wires) against a stand-in for the `electron`
 * module, since the binary cannot run here. It checks what the type checker cannot: the order of the
 * lifecycle, that the pieces are actually connected, and that a real database opens and answers over IPC.
 * The stand-in records calls; it imitates just enough of Electron's API surface for the shell to run.
 */

type Listener = (...args: any[]) => unknown;

const fake = vi.hoisted(() => {
  // Belt and braces: if the mock below ever failed to apply, electron's index.js would return a path
  // under this folder instead of trying to download the binary.
  process.env.ELECTRON_OVERRIDE_DIST_PATH = '/nonexistent-electron-dist';

  class Emitter {
    readonly listeners = new Map<string, Listener[]>();
    on(event: string, fn: Listener): this {
      this.listeners.set(event, [...(this.listeners.get(event) ?? []), fn]);
      return this;
    }
    once(event: string, fn: Listener): this {
      const wrapped: Listener = (...args) => {
        this.listeners.set(event, (this.listeners.get(event) ?? []).filter((f) => f !== wrapped));
        return fn(...args);
      };
      return this.on(event, wrapped);
    }
    emit(event: string, ...args: unknown[]): void {
      for (const fn of [...(this.listeners.get(event) ?? [])]) fn(...args);
    }
  }

  const calls: string[] = [];
  let ready = false;
  let resolveReady!: () => void;
  const whenReadyPromise = new Promise<void>((r) => (resolveReady = r));
  const paths = new Map<string, string>();

  const app = Object.assign(new Emitter(), {
    isPackaged: false,
    commandLine: { hasSwitch: () => false },
    setName: (name: string) => calls.push(`setName:${name}`),
    setPath: (name: string, value: string) => (paths.set(name, value), calls.push(`setPath:${name}`)),
    getPath: (name: string) => paths.get(name) ?? '/unset',
    requestSingleInstanceLock: () => (calls.push('lock'), true),
    enableSandbox: () => calls.push(`enableSandbox:${ready ? 'after' : 'before'}-ready`),
    whenReady: () => whenReadyPromise,
    quit: () => calls.push('quit'),
    exit: (code: number) => calls.push(`exit:${code}`),
  });

  let nextId = 1;
  class WebContents extends Emitter {
    readonly id = nextId++;
    readonly mainFrame = { url: 'app://kiosk/index.html', parent: null, processId: 10 + this.id, routingId: 1 };
    windowOpenHandler: ((details: unknown) => unknown) | null = null;
    setWindowOpenHandler(handler: (details: unknown) => unknown): void {
      this.windowOpenHandler = handler;
    }
  }

  const windows: BrowserWindow[] = [];
  class BrowserWindow extends Emitter {
    readonly webContents = new WebContents();
    readonly loaded: string[] = [];
    shown = false;
    focused = false;
    destroyed = false;
    constructor(readonly options: Record<string, any>) {
      super();
      windows.push(this);
      app.emit('web-contents-created', {}, this.webContents);
    }
    static getAllWindows(): BrowserWindow[] {
      return windows.filter((w) => !w.destroyed);
    }
    loadURL(url: string): Promise<void> {
      this.loaded.push(url);
      return Promise.resolve();
    }
    show(): void {
      this.shown = true;
    }
    focus(): void {
      this.focused = true;
    }
    isMinimized(): boolean {
      return false;
    }
    restore(): void {}
    isDestroyed(): boolean {
      return this.destroyed;
    }
  }

  const handlers = new Map<string, Listener>();
  const ipcMain = {
    handle: (channel: string, fn: Listener) => (handlers.set(channel, fn), calls.push(`ipc.handle:${channel}`)),
    removeHandler: (channel: string) => (handlers.delete(channel), calls.push(`ipc.remove:${channel}`)),
  };

  const schemes: unknown[] = [];
  const protocolHandlers = new Map<string, (request: Request) => Response | Promise<Response>>();
  const protocol = {
    registerSchemesAsPrivileged: (list: unknown[]) => {
      schemes.push(...list);
      calls.push(`registerSchemes:${ready ? 'after' : 'before'}-ready`);
    },
    handle: (scheme: string, fn: (request: Request) => Response | Promise<Response>) => protocolHandlers.set(scheme, fn),
  };

  const sessionHandlers: Record<string, Listener> = {};
  const defaultSession = Object.assign(new Emitter(), {
    setPermissionRequestHandler: (fn: Listener) => (sessionHandlers.request = fn),
    setPermissionCheckHandler: (fn: Listener) => (sessionHandlers.check = fn),
    setDevicePermissionHandler: (fn: Listener) => (sessionHandlers.device = fn),
    webRequest: { onHeadersReceived: (fn: Listener) => (sessionHandlers.headers = fn) },
  });

  return {
    calls,
    windows,
    handlers,
    schemes,
    protocolHandlers,
    sessionHandlers,
    markReady: () => {
      ready = true;
      resolveReady();
    },
    electron: {
      app,
      BrowserWindow,
      ipcMain,
      protocol,
      session: { defaultSession },
      Menu: { setApplicationMenu: () => calls.push('menu') },
      dialog: { showErrorBox: (_t: string, m: string) => calls.push(`error:${m}`) },
    },
  };
});

vi.mock('electron', () => fake.electron);

const flush = () => new Promise((r) => setTimeout(r, 10));

let appData: string;
const savedArgv = process.argv;
const savedEnv = process.env.SAFE_HANDS_DATA_DIR;
const stdout: string[] = [];

beforeAll(async () => {
  appData = mkdtempSync(join(tmpdir(), 'safe-hands-electron-'));
  fake.electron.app.setPath('appData', appData);
  fake.calls.length = 0;
  delete process.env.SAFE_HANDS_DATA_DIR;
  process.argv = [...savedArgv, '--console'];
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => (stdout.push(String(chunk)), true));
  try {
    await import('../../src/main/electron/index.js');
  } finally {
    process.argv = savedArgv;
  }
});

afterAll(() => {
  vi.restoreAllMocks();
  if (savedEnv !== undefined) process.env.SAFE_HANDS_DATA_DIR = savedEnv;
  delete process.env.ELECTRON_OVERRIDE_DIST_PATH;
  fake.electron.app.emit('will-quit');
  rmSync(appData, { recursive: true, force: true });
});

describe('Electron shell lifecycle (stand-in electron)', () => {
  it('before ready: names the app, takes the lock, registers app:// and sandboxes everything', () => {
    expect(fake.calls).toEqual([
      'setName:Safe Hands',
      'setPath:userData',
      'lock',
      'registerSchemes:before-ready',
      'enableSandbox:before-ready',
    ]);
    expect(fake.electron.app.getPath('userData')).toBe(join(appData, 'Safe Hands'));
    expect(fake.schemes).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
    expect(fake.windows).toHaveLength(0);
    expect(fake.electron.app.listeners.get('web-contents-created')).toHaveLength(1);
  });

  it('on ready: opens the database in userData, registers IPC and app://, opens the kiosk and console windows', async () => {
    fake.markReady();
    await flush();
    expect(existsSync(join(appData, 'Safe Hands', 'safe-hands.db'))).toBe(true);
    expect(fake.calls).toContain(`ipc.handle:${IPC_CHANNEL}`);
    expect(fake.protocolHandlers.has('app')).toBe(true);
    expect(Object.keys(fake.sessionHandlers).sort()).toEqual(['check', 'device', 'headers', 'request']);

    expect(fake.windows).toHaveLength(2);
    const [kiosk, staffConsole] = fake.windows;
    expect(kiosk!.loaded).toEqual(['app://kiosk/index.html']);
    expect(staffConsole!.loaded).toEqual(['app://kiosk/index.html#/console']);
    expect(kiosk!.options).toMatchObject({ show: false, webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false } });
    expect(kiosk!.options.webPreferences.preload).toMatch(/[\\/]src[\\/]main[\\/]electron[\\/]preload\.cjs$/);
    expect(kiosk!.options.kiosk).toBeUndefined();
  });

  it('holds the data folder, as browser mode does, so no second host writes beside it', () => {
    expect(readFileSync(join(appData, 'Safe Hands', 'host.lock'), 'utf8')).toBe(`${process.pid}\n`);
  });

  it('prints "Kiosk: electron" exactly once, when the kiosk window is ready', () => {
    const [kiosk, staffConsole] = fake.windows;
    expect(stdout).toEqual([]);
    kiosk!.emit('ready-to-show');
    staffConsole!.emit('ready-to-show');
    expect(kiosk!.shown && staffConsole!.shown).toBe(true);
    expect(stdout).toEqual(['Kiosk: electron\n']);
  });

  it('answers commands from our window over IPC, through the real dispatcher', async () => {
    const handler = fake.handlers.get(IPC_CHANNEL)!;
    const contents = fake.windows[0]!.webContents;
    const answer = await handler({ sender: contents, senderFrame: contents.mainFrame }, 'app.status', {});
    expect(answer).toMatchObject({ ok: true });
    expect(await handler({ sender: contents, senderFrame: contents.mainFrame }, 'no.such', {})).toMatchObject({
      ok: false, error: { code: 'unknown_command' },
    });
  });

  it('refuses a gone frame, an iframe, a foreign page and a window it did not make', async () => {
    const handler = fake.handlers.get(IPC_CHANNEL)!;
    const contents = fake.windows[0]!.webContents;
    const refused = { ok: false, error: { code: 'unauthorised_client' } };
    expect(await handler({ sender: contents, senderFrame: null }, 'app.status', {})).toMatchObject(refused);
    const iframe = { url: 'app://kiosk/index.html', parent: contents.mainFrame, processId: 99, routingId: 7 };
    expect(await handler({ sender: contents, senderFrame: iframe }, 'app.status', {})).toMatchObject(refused);
    const foreign = { ...contents.mainFrame, url: 'https://evil.example/' };
    expect(await handler({ sender: contents, senderFrame: foreign }, 'app.status', {})).toMatchObject(refused);
    const stranger = { id: 999, mainFrame: contents.mainFrame };
    expect(await handler({ sender: stranger, senderFrame: contents.mainFrame }, 'app.status', {})).toMatchObject(refused);
  });

  it('guards every WebContents: foreign navigation, redirects, pop-ups and webviews', () => {
    const contents = fake.windows[0]!.webContents;
    const attempt = (event: string, url: string): boolean => {
      const preventDefault = vi.fn();
      contents.emit(event, { url, preventDefault });
      return preventDefault.mock.calls.length > 0;
    };
    for (const event of ['will-navigate', 'will-frame-navigate', 'will-redirect']) {
      expect(attempt(event, 'https://evil.example/')).toBe(true);
      expect(attempt(event, 'file:///etc/passwd')).toBe(true);
      expect(attempt(event, 'app://kiosk/index.html#/console')).toBe(false);
    }
    expect(contents.windowOpenHandler?.({ url: 'app://kiosk/index.html' })).toEqual({ action: 'deny' });
    const preventDefault = vi.fn();
    contents.emit('will-attach-webview', { preventDefault }, {}, {});
    expect(preventDefault).toHaveBeenCalled();
  });

  it('denies permissions and stamps the CSP on responses', () => {
    const { request, check, device, headers } = fake.sessionHandlers;
    const callback = vi.fn();
    request!({}, 'media', callback, { requestingUrl: 'app://kiosk/index.html', isMainFrame: true });
    expect(callback).toHaveBeenCalledWith(false);
    expect(check!(null, 'clipboard-read', 'app://kiosk', {})).toBe(false);
    expect(device!({ deviceType: 'usb', origin: 'app://kiosk' })).toBe(false);
    const respond = vi.fn();
    headers!({ url: 'app://kiosk/index.html', responseHeaders: {} }, respond);
    expect(respond.mock.calls[0]![0].responseHeaders['Content-Security-Policy'][0]).toContain("object-src 'none'");
  });

  it('reloads a crashed renderer but not a cleanly closed one', async () => {
    const kiosk = fake.windows[0]!;
    kiosk.webContents.emit('render-process-gone', {}, { reason: 'clean-exit', exitCode: 0 });
    await flush();
    expect(kiosk.loaded).toHaveLength(1);
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => {});
    kiosk.webContents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 139 });
    await flush();
    quiet.mockRestore();
    expect(kiosk.loaded).toEqual(['app://kiosk/index.html', 'app://kiosk/index.html']);
  });

  it('focuses the existing window when a second copy is launched', () => {
    fake.electron.app.emit('second-instance', {}, [], '/');
    expect(fake.windows[0]!.focused).toBe(true);
  });

  it('stops serving a window once it is destroyed', async () => {
    const staffConsole = fake.windows[1]!;
    staffConsole.destroyed = true;
    staffConsole.webContents.emit('destroyed');
    const { webContents } = staffConsole;
    const answer = await fake.handlers.get(IPC_CHANNEL)!({ sender: webContents, senderFrame: webContents.mainFrame }, 'app.status', {});
    expect(answer).toMatchObject({ ok: false, error: { code: 'unauthorised_client' } });
  });

  it('quits when the last window closes, and closes the database on quit', () => {
    fake.electron.app.emit('window-all-closed');
    expect(fake.calls).toContain('quit');
    const wal = join(appData, 'Safe Hands', 'safe-hands.db-wal');
    expect(existsSync(wal)).toBe(true);
    fake.electron.app.emit('will-quit');
    expect(fake.calls).toContain(`ipc.remove:${IPC_CHANNEL}`);
    // SQLite checkpoints and removes the WAL file when the last connection closes.
    expect(existsSync(wal)).toBe(false);
    expect(existsSync(join(appData, 'Safe Hands', 'host.lock'))).toBe(false);
  });
});

describe('app:// handler (stand-in electron)', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'safe-hands-renderer-'));
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>t</title>');
    writeFileSync(join(dir, 'assets', 'index-1.js'), 'export {};');
    // A file beside the renderer folder: what a traversal would try to reach.
    writeFileSync(`${dir}-secret.txt`, 'secret');
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
    rmSync(`${dir}-secret.txt`, { force: true });
  });

  async function serve(url: string, method = 'GET'): Promise<Response> {
    const { serveRenderer } = await import('../../src/main/electron/protocol.js');
    serveRenderer(dir);
    return fake.protocolHandlers.get('app')!(new Request(url, { method }));
  }

  it('serves the bundle with its type, the CSP and nosniff', async () => {
    const page = await serve('app://kiosk/index.html');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await page.text()).toContain('<title>t</title>');
    const script = await serve('app://kiosk/assets/index-1.js');
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  });

  it('refuses traversal, other hosts, missing files and writes, still with the CSP', async () => {
    const name = `${basename(dir)}-secret.txt`;
    for (const url of [`app://kiosk/..%2f${name}`, `app://kiosk/%2e%2e%2f${name}`, 'app://other/index.html', 'app://kiosk/missing.js', 'app://kiosk/assets/']) {
      const response = await serve(url);
      expect(response.status, url).toBe(404);
      expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
    }
    expect((await serve('app://kiosk/index.html', 'POST')).status).toBe(405);
  });
});

describe('a data folder another Safe Hands is using (stand-in electron)', () => {
  let dataDir: string;
  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'safe-hands-electron-busy-'));
    // A browser-mode host (npm start --browser), or a window with its own --user-data-dir, on this folder:
    // Electron's single-instance lock, per userData folder, does not see it. Its process is running.
    writeFileSync(join(dataDir, 'host.lock'), `${process.ppid}\n`);
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('refuses to start on it, says so in a dialog, and opens nothing', async () => {
    fake.calls.length = 0;
    const windowsBefore = fake.windows.length;
    process.argv = [...savedArgv, '--data-dir', dataDir];
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      vi.resetModules();
      await import('../../src/main/electron/index.js');
      await flush();
    } finally {
      process.argv = savedArgv;
      quiet.mockRestore();
    }
    const error = fake.calls.find((c) => c.startsWith('error:'));
    expect(error).toBe(`error:Safe Hands is already running on the data folder ${dataDir} (process ${process.ppid}). Use the kiosk it opened, `
      + `or the address it printed, or stop it first. If no Safe Hands is running, delete ${join(dataDir, 'host.lock')} and start again.`);
    expect(fake.calls).toContain('exit:1');
    expect(fake.calls).not.toContain(`ipc.handle:${IPC_CHANNEL}`);
    expect(fake.windows).toHaveLength(windowsBefore);
    expect(existsSync(join(dataDir, 'safe-hands.db'))).toBe(false);
    // The other host's lock is left as it was.
    expect(readFileSync(join(dataDir, 'host.lock'), 'utf8')).toBe(`${process.ppid}\n`);
  });
});
