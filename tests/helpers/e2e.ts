import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { APP_ROOT } from '../../src/main/core/paths.js';

export const SCREENSHOT_DIR = join(APP_ROOT, 'docs', 'screenshots');
const START_SCRIPT = join(APP_ROOT, 'dist', 'main', 'cli', 'start.js');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * The instant the app's clock starts at in end-to-end tests (SAFE_HANDS_TEST_CLOCK): a Tuesday morning in
 * winter, before any time the tests book, so a run at any hour on any date sees the same day.
 */
export const E2E_CLOCK_START = '2027-01-12T08:05:00.000Z';

export interface RunningKiosk {
  /** The launch address exactly as `npm start` printed it. */
  launchUrl: string;
  origin: string;
  dataDir: string;
  output: () => string;
  /** Stops the app and removes its data folder, unless asked to keep it (to start again on it). */
  stop(options?: { keepData?: boolean }): Promise<void>;
}

/**
 * Starts the built app the way `npm start` does (dist/main/cli/start.js), on a fresh data folder, and
 * waits for its "Kiosk: URL" line.
 */
export async function startKiosk(
  args: string[] = ['--browser', '--no-open'],
  dataDir = mkdtempSync(join(tmpdir(), 'safe-hands-e2e-')),
  clockStart: string = E2E_CLOCK_START,
): Promise<RunningKiosk> {
  if (!existsSync(START_SCRIPT)) throw new Error('Build first: npm run build');
  const child: ChildProcess = spawn(process.execPath, [START_SCRIPT, ...args, '--data-dir', dataDir], {
    cwd: APP_ROOT,
    env: { ...process.env, DISPLAY: '', WAYLAND_DISPLAY: '', SAFE_HANDS_TEST_CLOCK: clockStart },
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
    stop: ({ keepData = false } = {}) =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => {
          if (!keepData) rmSync(dataDir, { recursive: true, force: true });
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
  watchProblems(page, problems);
  return { page, context, problems };
}

function watchProblems(page: Page, problems: string[]): void {
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`console: ${msg.text()}`);
  });
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
}

export interface KioskInChromium {
  kiosk: RunningKiosk;
  browser: Browser;
  /** The reception screen, already at the launch address. */
  watched: WatchedPage;
}

/** The built app on a fresh data folder, its clock starting at `clockStart`, with its kiosk open in a new Chromium. */
export async function openKioskInChromium(clockStart: string = E2E_CLOCK_START): Promise<KioskInChromium> {
  const kiosk = await startKiosk(['--browser', '--no-open'], undefined, clockStart);
  let browser: Browser | undefined;
  try {
    browser = await launchChromium();
    const watched = await openPage(browser);
    await watched.page.goto(kiosk.launchUrl);
    return { kiosk, browser, watched };
  } catch (error) {
    // The caller gets nothing to close when this fails, so nothing may be left running.
    await browser?.close();
    await kiosk.stop();
    throw error;
  }
}

/** Takes partial parts so an afterAll can call it whether or not its beforeAll got that far. */
export async function closeKioskInChromium({ kiosk, browser, watched }: Partial<KioskInChromium>): Promise<void> {
  await watched?.context.close();
  await browser?.close();
  await kiosk?.stop();
}

/** The staff console in a second tab beside the kiosk; its console errors and crashes go into problems. */
export async function openConsolePage(watched: WatchedPage, origin: string, problems: string[]): Promise<Page> {
  const page = await watched.context.newPage();
  watchProblems(page, problems);
  await page.goto(`${origin}/#/console`);
  return page;
}

/** First run through the setup screen, as a school, ending on the kiosk's welcome screen. */
export async function setUpThroughUi(page: Page, { settingName, adminName, pin }: { settingName: string; adminName: string; pin: string }): Promise<void> {
  const heading = () => page.getByRole('heading', { level: 1 });
  await expect.poll(() => heading().textContent()).toBe('Set up Safe Hands');
  await page.getByLabel('Setting name', { exact: true }).fill(settingName);
  await page.getByRole('radio', { name: 'School', exact: true }).check();
  await page.getByLabel('Your name', { exact: true }).fill(adminName);
  await page.getByLabel('Choose a PIN', { exact: true }).fill(pin);
  await page.getByLabel('Type the PIN again', { exact: true }).fill(pin);
  await page.getByRole('button', { name: 'Finish setup' }).click();
  await expect.poll(() => heading().textContent()).toContain(`Welcome to ${settingName}`);
}

/** Chooses the staff member on the lock screen and tries the PIN; whether it worked is the caller's check. */
export async function unlockConsole(page: Page, name: string, pin: string): Promise<void> {
  await page.getByRole('radio', { name }).check();
  await page.getByLabel('PIN', { exact: true }).fill(pin);
  await page.getByRole('button', { name: 'Unlock' }).click();
}

/**
 * The console's pages that sit in a group's second row rather than on the top row of the navigation
 * (src/renderer/console/nav-groups.ts): reaching one from another group takes the group's button first.
 */
const CONSOLE_PAGE_GROUPS: Record<string, string> = {
  Today: 'Front desk', Collect: 'Front desk', 'In the safe': 'Front desk', 'Check an approval': 'Front desk', 'Log items': 'Front desk',
  'Staff on site': 'Front desk',
  'Hand in and home time': "Pupils' devices", Agreements: "Pupils' devices", Exceptions: "Pupils' devices", Confiscated: "Pupils' devices",
  'End of day': 'Office', Reports: 'Office', 'Audit trail': 'Office', 'Staff device permissions': 'Office',
};

/** Opens a group of the console's navigation and waits until its pages show under it. */
export async function openGroup(page: Page, label: string): Promise<void> {
  const button = page.getByRole('navigation', { name: 'Console sections' }).getByRole('button', { name: label, exact: true });
  await button.click();
  await expect.poll(() => button.getAttribute('aria-expanded')).toBe('true');
}

/**
 * Opens a section from one of the console's navigation bars and waits until it is marked as the open one.
 * A console page in another group's row is reached the way a person would: that group's button, then it.
 */
export async function openSection(page: Page, label: string, navigation = 'Console sections'): Promise<void> {
  const button = page.getByRole('navigation', { name: navigation }).getByRole('button', { name: label, exact: true });
  const group = navigation === 'Console sections' ? CONSOLE_PAGE_GROUPS[label] : undefined;
  if (group && (await button.count()) === 0) await openGroup(page, group);
  await button.click();
  await expect.poll(() => button.getAttribute('aria-current')).toBe('page');
}

/** Runs axe with the WCAG 2.2 AA rule set and returns its violations, summarised for a readable failure. */
export async function accessibilityViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  return results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')})`);
}

export async function screenshot(page: Page, name: string, fullPage = false): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, `${name}.png`);
  if (!fullPage) {
    await page.screenshot({ path });
    return path;
  }
  // A screen as tall as the page, rather than Playwright's stitched full page: a bar kept at the foot of the
  // screen (the roll call's) then stays at the foot instead of landing across the middle of the picture.
  const viewport = page.viewportSize()!;
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  await page.setViewportSize({ width: viewport.width, height });
  await page.waitForTimeout(150);
  await page.screenshot({ path });
  await page.setViewportSize(viewport);
  return path;
}

/**
 * Photographs the screen for the README and fails on any axe (WCAG 2.2 AA) violation. Typing in a box low
 * on a tall form scrolls it: 'top' starts the picture from the top of the screen and 'main' from the top
 * of the section, for the tallest screens; without either the page stays where the test left it.
 * `fullPage` photographs the whole page, for a screen whose point is what a banner above says about a list below.
 */
export async function checkScreen(page: Page, name: string, { scroll, fullPage = false }: { scroll?: 'top' | 'main'; fullPage?: boolean } = {}): Promise<void> {
  await page.waitForLoadState('networkidle');
  if (scroll === 'top') await page.evaluate(() => window.scrollTo(0, 0));
  if (scroll === 'main') await page.evaluate(() => window.scrollTo(0, document.querySelector('main')!.offsetTop));
  // Let the screen settle so the picture and axe see the finished state.
  await page.waitForTimeout(150);
  await screenshot(page, name, fullPage);
  expect(await accessibilityViolations(page), `${name}: axe violations`).toEqual([]);
}
