import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { APP_ROOT } from '../../src/main/paths.js';

export const SCREENSHOT_DIR = join(APP_ROOT, 'docs', 'screenshots');
const START_SCRIPT = join(APP_ROOT, 'dist', 'main', 'cli', 'start.js');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface RunningKiosk {
  /** The launch address exactly as `npm start` printed it. */
  launchUrl: string;
  origin: string;
  dataDir: string;
  output: () => string;
  stop(): Promise<void>;
}

/**
 * Starts the built app the way `npm start` does (dist/main/cli/start.js), on a fresh data folder, and
 * waits for its "Kiosk: URL" line.
 */
export async function startKiosk(args: string[] = ['--browser', '--no-open'], dataDir = mkdtempSync(join(tmpdir(), 'safe-hands-e2e-'))): Promise<RunningKiosk> {
  if (!existsSync(START_SCRIPT)) throw new Error('Build first: npm run build');
  const child: ChildProcess = spawn(process.execPath, [START_SCRIPT, ...args, '--data-dir', dataDir], {
    cwd: APP_ROOT,
    env: { ...process.env, DISPLAY: '', WAYLAND_DISPLAY: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const launchUrl = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`No "Kiosk:" line within 15 s. Output:\n${out}`)), 15_000);
    const check = () => {
      const match = /^Kiosk: (http:\/\/127\.0\.0\.1:\d+\/\S*)$/m.exec(out);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    };
    child.stdout!.on('data', check);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`The app exited (${code}) before it was ready:\n${out}`));
    });
  });
  return {
    launchUrl,
    origin: new URL(launchUrl).origin,
    dataDir,
    output: () => out,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => {
          rmSync(dataDir, { recursive: true, force: true });
          resolve();
        });
        child.kill('SIGTERM');
      }),
  };
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync',
    ],
  });
}

export interface WatchedPage {
  page: Page;
  context: BrowserContext;
  /** Console errors and page crashes seen so far: a working screen has none. */
  problems: string[];
}

/** A reception touch screen: 1280x800, en-GB, UK time. */
export async function openPage(browser: Browser, viewport = { width: 1280, height: 800 }): Promise<WatchedPage> {
  const context = await browser.newContext({ viewport, locale: 'en-GB', timezoneId: 'Europe/London', hasTouch: true });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`console: ${msg.text()}`);
  });
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  return { page, context, problems };
}

/** Runs axe with the WCAG 2.2 AA rule set and returns its violations, summarised for a readable failure. */
export async function accessibilityViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  return results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')})`);
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path, fullPage: false });
  return path;
}
