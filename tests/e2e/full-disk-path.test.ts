import { execFileSync } from 'node:child_process';
import { closeSync, cpSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDueJobs } from '../../src/main/jobs/scheduled-jobs.js';
import { logIntoSafe } from '../helpers/custody.js';
import {
  checkScreen, launchChromium, openConsolePage, openPage, openSection, startKiosk, unlockConsole, type RunningKiosk, type WatchedPage,
} from '../helpers/e2e.js';
import { ADMIN_PIN, createTestApp, newVisitor } from '../helpers/test-app.js';

/**
 * The end of a day on which the disk filled up, in a real Chromium against the app as `npm start` runs it,
 * with its data folder on a real 16 MB disk (a tmpfs) that is then filled to the last byte:
 * - the automatic sign-out at the end of the day fails, and the console's banner says which job, when and
 *   what to do;
 * - End of day shows a receipt the printer never took, with "Written by hand and given", beside one already
 *   given by hand;
 * - the roll call can be neither saved nor printed, but the whole list and who is missing stay on screen,
 *   with the reason in a few words.
 * Each screen is photographed for the README and checked with axe. Mounting a disk needs root, as the
 * test machines run (tests/prerequisites.mjs installs CUPS and fonts as root too).
 */
const AS_ROOT = process.getuid?.() === 0;

/** After the end of the day (17:30) on the e2e clock's Tuesday, so the automatic sign-out is due at once. */
const HOST_CLOCK = '2027-01-12T17:36:00.000Z';
const JOBS_FIRST_RUN_MS = 30_000;

let mountPoint: string;
let kiosk: RunningKiosk | undefined;
let browser: Browser;
let watched: WatchedPage;
let consolePage: Page;
const problems: string[] = [];

/** The day so far, made through the real commands: two visitors with phones in the safe, no printer set up. */
async function seedTheDay(dataDir: string): Promise<void> {
  // The production PIN cost: the host unlocks with the hash as stored, with nothing to re-hash on a full disk.
  const app = await createTestApp('2027-01-12T15:10:00.000Z', { pinHashCost: undefined });
  const { staffId } = await app.ok('setup.create', {
    settingName: 'Oak Tree Primary School', settingKind: 'school', adminName: 'Priya Shah', pin: ADMIN_PIN, pinAgain: ADMIN_PIN, expectationsTemplate: 'school',
  });
  await app.ok('staff.unlock', { staffId, pin: ADMIN_PIN }, 'staff');
  await app.ok('settings.update', { autoSignOut: true }, 'staff');
  const zoe = await logIntoSafe(app);
  app.clock.advance(4 * 60_000);
  await newVisitor(app, { firstName: 'Amira', lastName: 'Khan', organisation: 'Bright Sparks Ltd', visiting: 'Fixing the boiler' });
  const amiras = await app.ok('custody.log', {
    owner: { type: 'visitor', visitId: (await app.ok('visit.onSite', {}, 'staff')).visits.find((v) => v.firstName === 'Amira')!.visitId },
    items: [{ kind: 'phone', description: 'Blue Samsung', marks: null, bagSlot: '7' }],
  }, 'staff');
  // Zoë's receipt was written out by hand at the time; Amira's is still owed.
  await app.ok('custody.markGivenByHand', { receiptId: zoe.receipt.receiptId }, 'staff');
  expect(amiras.receipt.printCount).toBe(0);
  // The day's backup, retention run and weekly check are done: only the end-of-day sign-out is due later.
  expect((await runDueJobs(app)).failed).toEqual([]);
  app.close();
  cpSync(app.dir, dataDir, { recursive: true });
  rmSync(app.dir, { recursive: true, force: true });
}

/** Fills the disk under `dir` to the last byte, as a full disk is. */
function fillDisk(dir: string): void {
  const fd = openSync(join(dir, 'someone-elses-video.mp4'), 'w');
  const chunk = Buffer.alloc(256 * 1024, 7);
  try {
    // The last write takes what still fits; the one after it is refused.
    for (;;) writeSync(fd, chunk);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOSPC') throw err;
  } finally {
    closeSync(fd);
  }
}

const consoleMain = () => consolePage.locator('main');

beforeAll(async () => {
  if (!AS_ROOT) return;
  mountPoint = mkdtempSync(join(tmpdir(), 'safe-hands-small-disk-'));
  execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=16m,mode=0700', 'tmpfs', mountPoint]);
  const dataDir = join(mountPoint, 'data');
  await seedTheDay(dataDir);
  kiosk = await startKiosk(['--browser', '--no-open'], dataDir, HOST_CLOCK);
  // Filled as soon as the host is up: the jobs first run half a minute after it starts.
  fillDisk(mountPoint);
  browser = await launchChromium();
  watched = await openPage(browser);
  await watched.page.goto(kiosk.launchUrl);
  consolePage = await openConsolePage(watched, kiosk.origin, problems);
}, 120_000);

afterAll(async () => {
  await watched?.context.close();
  await browser?.close();
  await kiosk?.stop();
  if (mountPoint) {
    execFileSync('umount', [mountPoint]);
    rmSync(mountPoint, { recursive: true, force: true });
  }
});

describe.runIf(AS_ROOT).sequential('a full disk at the end of the day, in Chromium', () => {
  it('the banner says the automatic sign-out did not work, when, and what to do', async () => {
    await unlockConsole(consolePage, 'Priya Shah', ADMIN_PIN);
    await openSection(consolePage, 'End of day');
    const banner = consolePage.getByRole('region', { name: 'Reminders' });
    // The host's first run of the jobs comes half a minute after it started; the banner is read every 15 s.
    await expect
      .poll(() => banner.textContent().catch(() => ''), { timeout: JOBS_FIRST_RUN_MS + 45_000, interval: 1000 })
      .toContain('The automatic sign-out at the end of the day did not work at 17:3');
    const text = (await banner.textContent())!;
    expect(text).toContain('Visitors still signed in were not signed out: the disk is full. Free some space on that disk');
    expect(text).toContain('Safe Hands tries again by itself; this message goes once it works.');
  }, 120_000);

  it('End of day: the receipt still owed, with "Written by hand and given", and the one already given', async () => {
    const safe = consolePage.getByRole('list', { name: 'Still in the safe, by owner' });
    await expect.poll(() => safe.textContent()).toContain('not printed');
    const text = (await safe.textContent())!;
    expect(text).toMatch(/Receipt \d{4}-\d{4,6} not printed/);
    expect(text).toMatch(/Receipt \d{4}-\d{4,6} written by hand and given by Priya Shah at 15:/);
    expect(await safe.getByRole('button', { name: /^Written by hand and given/ }).count()).toBe(1);
    expect(await safe.getByRole('button', { name: /^Reprint/ }).count()).toBe(2);
    await checkScreen(consolePage, '31a-end-of-day-disk-full', { scroll: 'top', fullPage: true });
  });

  it('the roll call cannot be printed or saved, but the list and who is missing stay on screen, with why', async () => {
    await openSection(consolePage, 'Roll call');
    await expect.poll(() => consolePage.getByRole('checkbox').count()).toBe(2);
    await consolePage.getByRole('button', { name: 'Print the evacuation list' }).click();
    const notPrinted = consoleMain().locator('.rollcall-print-outcome').getByRole('alert');
    await expect.poll(() => notPrinted.textContent().catch(() => '')).toContain('The evacuation list was not printed.');
    expect(await notPrinted.textContent()).toContain('The evacuation list was not printed. Its PDF could not be saved: the disk is full, so nothing was sent to the printer.');
    expect(await notPrinted.textContent()).toContain('The list on screen is complete: read it out, or print this page from the browser.');

    await consolePage.getByRole('checkbox', { name: "Zoë O'Brien-Łukasz" }).check();
    await consolePage.getByRole('button', { name: 'Finish roll call' }).click();
    const result = consolePage.getByRole('region', { name: 'Still missing: 1 person' });
    await expect.poll(() => result.count()).toBe(1);
    expect(await result.getByRole('list', { name: 'Still missing' }).getByRole('listitem').allTextContents()).toEqual(['Amira Khan']);
    const notSaved = consoleMain().locator('.rollcall-after').getByRole('alert');
    expect(await notSaved.textContent()).toContain('The roll call could not be saved: the disk is full.');
    expect(await notSaved.getByRole('button', { name: 'Print this page' }).count()).toBe(1);
    await checkScreen(consolePage, '30a-roll-call-disk-full', { scroll: 'top', fullPage: true });
    expect(problems).toEqual([]);
  });
});
