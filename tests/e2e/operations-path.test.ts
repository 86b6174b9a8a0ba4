import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  accessibilityViolations, checkScreen, closeKioskInChromium, openConsolePage, openKioskInChromium, openPage, openSection,
  setUpThroughUi, startKiosk, unlockConsole, type RunningKiosk, type WatchedPage,
} from '../helpers/e2e.js';
import { createSetUpApp, newVisitor, sqlite } from '../helpers/test-app.js';
import { flatten, pdfText } from '../helpers/pdf.js';

/**
 * Roll call, end of day and administration end to end, in a real Chromium against the app as `npm start`
 * runs it: two visitors sign in at the kiosk, the office prints the evacuation list (no printer is set up,
 * so the PDF is offered), ticks one of the two and sees the other listed as missing, makes a backup, adds
 * a staff account, and sees both visitors still signed in at the end of the day. A second app, started on a
 * deliberately damaged database, shows the kiosk's "needs attention" screen.
 * Each screen is photographed for the README and checked with axe (WCAG 2.2 AA).
 */
let kiosk: RunningKiosk;
let browser: Browser;
let watched: WatchedPage;
let kioskPage: Page;
let consolePage: Page;
const consoleProblems: string[] = [];

const FIRST = { first: 'Amira', last: 'Khan', org: 'Bright Sparks Ltd', visiting: 'Fixing the boiler' };
const SECOND = { first: 'Tomás', last: "O'Neill", org: '', visiting: 'Settling-in session' };
const fullName = (v: { first: string; last: string }) => `${v.first} ${v.last}`;

const kioskHeading = () => kioskPage.getByRole('heading', { level: 1 });
const consoleMain = () => consolePage.locator('main');

const openAdminTab = (name: 'Settings' | 'Backups' | 'Staff') => openSection(consolePage, name, 'Admin sections');

async function signIn(visitor: typeof FIRST, type: RegExp, devices: RegExp[]): Promise<void> {
  await kioskPage.getByRole('button', { name: /^Sign in/ }).click();
  await kioskPage.getByLabel('First name').fill(visitor.first);
  await kioskPage.getByLabel('Surname').fill(visitor.last);
  if (visitor.org) await kioskPage.getByLabel('Organisation (optional)').fill(visitor.org);
  await kioskPage.getByLabel('Who are you visiting, or why are you here?').fill(visitor.visiting);
  await kioskPage.getByRole('radio', { name: type }).click();
  await kioskPage.getByRole('button', { name: 'Next' }).click();
  await kioskPage.getByRole('button', { name: 'I have read and will follow these' }).click();
  for (const device of devices) await kioskPage.getByRole('button', { name: device }).click();
  await kioskPage.getByRole('button', { name: devices.length ? 'Continue' : 'I have none of these' }).click();
  await expect.poll(() => kioskHeading().textContent()).toContain(`signed in, ${visitor.first}`);
  await kioskPage.getByRole('button', { name: 'Finish' }).click();
  await expect.poll(() => kioskHeading().textContent()).toContain('Welcome to');
}

beforeAll(async () => {
  ({ kiosk, browser, watched } = await openKioskInChromium());
  kioskPage = watched.page;
});

afterAll(() => closeKioskInChromium({ kiosk, browser, watched }));

describe.sequential('roll call, end of day and administration in Chromium', () => {
  it('first run, then two visitors sign in at the kiosk', async () => {
    await setUpThroughUi(kioskPage, { settingName: 'Oak Tree Primary School', adminName: 'Priya Shah', pin: '482613' });

    await signIn(FIRST, /Contractor/, [/^Phone/]);
    await signIn(SECOND, /Parent or carer/, []);
  });

  it('staff unlock and print the evacuation list: no printer, so the reason and the PDF', async () => {
    consolePage = await openConsolePage(watched, kiosk.origin, consoleProblems);
    await unlockConsole(consolePage, 'Priya Shah', '482613');
    await expect.poll(() => consolePage.getByRole('heading', { name: 'On site now' }).count()).toBe(1);

    await openSection(consolePage, 'Roll call');
    await expect.poll(() => consolePage.getByRole('checkbox').count()).toBe(2);
    await consolePage.getByRole('button', { name: 'Print the evacuation list' }).click();
    const alert = consoleMain().getByRole('alert');
    await expect.poll(() => alert.count()).toBe(1);
    expect(await alert.textContent()).toContain('The evacuation list was not printed.');
    expect(await alert.textContent()).toMatch(/printer/i);

    const link = consolePage.getByRole('link', { name: 'Open the evacuation list PDF' });
    const href = await link.getAttribute('href');
    expect(href).toMatch(/^documents\//);
    const response = await consolePage.request.get(new URL(href!, consolePage.url()).toString());
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toBe('application/pdf');
    expect((await response.body()).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it('ticks one of the two, and finishing lists the other as missing', async () => {
    await consolePage.getByRole('checkbox', { name: fullName(FIRST) }).check();
    expect(await consolePage.getByRole('checkbox', { name: fullName(FIRST) }).isChecked()).toBe(true);
    expect(await consolePage.getByRole('checkbox', { name: fullName(SECOND) }).isChecked()).toBe(false);
    await expect.poll(() => consolePage.locator('.rollcall-count').textContent()).toContain('1 of 2 accounted for');
    await checkScreen(consolePage, '29-roll-call', { scroll: 'top' });

    await consolePage.getByRole('button', { name: 'Finish roll call' }).click();
    const result = consolePage.getByRole('region', { name: 'Still missing: 1 person' });
    await expect.poll(() => result.count()).toBe(1);
    const missing = await result.getByRole('list', { name: 'Still missing' }).getByRole('listitem').allTextContents();
    expect(missing).toEqual([fullName(SECOND)]);
    await checkScreen(consolePage, '30-roll-call-finished', { scroll: 'main' });
  });

  it('Admin → Settings shows the printers, backup and end-of-day choices', async () => {
    await openSection(consolePage, 'Admin');
    await openAdminTab('Settings');
    await expect.poll(() => consolePage.getByLabel('Backup folder').count()).toBe(1);
    expect(await consolePage.getByLabel('A4 printer').count()).toBe(1);
    expect(await consoleMain().textContent()).toContain('No backup has been made yet.');
    // The picture shows the new part of the form: the end of the day and the backups.
    await consolePage.getByRole('heading', { name: 'The day', exact: true }).evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await checkScreen(consolePage, '32-admin-settings');
  });

  it('Admin → Backups: back up now, and the backup appears in the list', async () => {
    await openAdminTab('Backups');
    await expect.poll(() => consoleMain().textContent()).toContain('There are no backups in this folder yet.');
    await consolePage.getByRole('button', { name: 'Back up now' }).click();
    await expect.poll(() => consoleMain().textContent()).toMatch(/Backup made at .*safe-hands-\d{8}-\d{6}\.db/);
    const table = consolePage.getByRole('table', { name: 'Backups in this folder' });
    await expect.poll(() => table.getByRole('row').count()).toBe(2);
    expect(await table.textContent()).toMatch(/safe-hands-\d{8}-\d{6}\.db/);
    expect(await table.getByRole('button', { name: /^Restore…/ }).count()).toBe(1);
    await checkScreen(consolePage, '33-admin-backups', { scroll: 'main' });

    // The restore confirmation says plainly what will happen; cancelled here.
    await table.getByRole('button', { name: /^Restore…/ }).click();
    const dialog = consolePage.getByRole('dialog', { name: /^Restore the backup from / });
    await expect.poll(() => dialog.count()).toBe(1);
    expect(await dialog.textContent()).toContain('kept aside');
    expect(await dialog.textContent()).toContain('Everyone is locked out');
    expect(await accessibilityViolations(consolePage), 'restore dialog: axe violations').toEqual([]);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => dialog.count()).toBe(0);
  });

  it('Admin → Staff: adds an office account for Olu Office', async () => {
    await openAdminTab('Staff');
    const table = consolePage.getByRole('table', { name: 'Staff accounts' });
    await expect.poll(() => table.getByRole('row').count()).toBe(2);
    await consolePage.getByRole('textbox', { name: 'Name' }).fill('Olu Office');
    await consolePage.getByLabel('PIN', { exact: true }).fill('1357');
    await consolePage.getByLabel('PIN again').fill('1357');
    await consolePage.getByRole('button', { name: 'Add staff member' }).click();
    await expect.poll(() => consoleMain().textContent()).toContain('Olu Office can now unlock the staff console with their PIN.');
    const olu = table.getByRole('row', { name: /Olu Office/ });
    await expect.poll(() => olu.count()).toBe(1);
    expect(await olu.textContent()).toContain('Office');
    expect(await olu.textContent()).not.toContain('Administrator');
    await checkScreen(consolePage, '34-admin-staff', { scroll: 'main' });
  });

  it('End of day shows both visitors still signed in, and the phone still in the safe', async () => {
    // Amira's phone goes into bag 7 first, so the report has something in the safe.
    await openSection(consolePage, 'Today');
    const waiting = consolePage.getByRole('table', { name: 'Waiting to be logged into the safe' });
    await waiting.getByRole('row', { name: new RegExp(fullName(FIRST)) }).getByRole('button', { name: /^Log into safe/ }).click();
    await expect.poll(() => consolePage.getByRole('heading', { level: 1 }).textContent()).toBe('Log items into the safe');
    const item = consolePage.getByRole('group', { name: 'Item 1', exact: true });
    await item.getByLabel('Make and colour').fill('Blue Samsung');
    await item.getByLabel('Bag or slot number').fill('7');
    await consolePage.getByRole('button', { name: 'Log and print receipt' }).click();
    await expect.poll(() => consolePage.getByRole('region', { name: /^Receipt \d{4}-\d{4,6}$/ }).count()).toBe(1);

    await openSection(consolePage, 'End of day');
    const table = consolePage.getByRole('table', { name: 'Visitors who have not signed out' });
    await expect.poll(() => table.getByRole('rowheader').allTextContents()).toEqual([fullName(FIRST), fullName(SECOND)]);
    expect(await table.getByRole('button', { name: /^Sign out…/ }).count()).toBe(2);
    const safe = consolePage.getByRole('list', { name: 'Still in the safe, by owner' });
    expect(await safe.textContent()).toContain(fullName(FIRST));
    expect(await safe.textContent()).toContain('Phone, bag 7');
    await checkScreen(consolePage, '31-end-of-day', { scroll: 'top' });

    // In the browser the report comes as a PDF too, with the setting's name, as the evacuation list does.
    await consolePage.getByRole('button', { name: 'Print the end-of-day report' }).click();
    const alert = consoleMain().getByRole('alert');
    await expect.poll(() => alert.textContent()).toContain('The end-of-day report was not printed.');
    const link = consolePage.getByRole('link', { name: 'Open the end-of-day report PDF' });
    const href = await link.getAttribute('href');
    expect(href).toMatch(/^documents\//);
    const response = await consolePage.request.get(new URL(href!, consolePage.url()).toString());
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toBe('application/pdf');
    const text = flatten(await pdfText(await response.body()));
    for (const expected of ['Oak Tree Primary School', 'End of day:', fullName(FIRST), 'Phone, bag 7']) expect(text).toContain(expected);
    expect(await consolePage.getByRole('button', { name: 'Print this page' }).count()).toBe(1);
  });

  it('showed no console errors on any screen', () => {
    expect(watched.problems).toEqual([]);
    expect(consoleProblems).toEqual([]);
  });
});

describe.sequential('a damaged database', () => {
  let damaged: RunningKiosk | undefined;
  let page: WatchedPage | undefined;

  afterAll(async () => {
    await page?.context.close();
    await damaged?.stop();
  });

  it('pauses the kiosk with the "needs attention" screen', async () => {
    // Built with the real commands, then a page near the end (where the visits live) is spoilt, as the
    // backend's own start-up check test does.
    const app = await createSetUpApp();
    for (let i = 0; i < 200; i += 1) await newVisitor(app, { firstName: `P${i}`, lastName: `Q${i}` });
    sqlite(app).pragma('wal_checkpoint(TRUNCATE)');
    const pages = sqlite(app).pragma('page_count', { simple: true }) as number;
    const dir = app.dir;
    app.close();
    const file = join(dir, 'safe-hands.db');
    const bytes = readFileSync(file);
    for (let i = (pages - 2) * 4096; i < (pages - 2) * 4096 + 300 && i < bytes.length; i += 1) bytes[i] = bytes[i]! ^ 0xff;
    writeFileSync(file, bytes);

    damaged = await startKiosk(['--browser', '--no-open'], dir);
    page = await openPage(browser);
    await page.page.goto(damaged.launchUrl);
    // The host serves at once; its start-up check runs a few seconds later in a worker thread, and the running
    // kiosk, which asks again every few seconds, then pauses itself.
    await expect
      .poll(() => page!.page.getByRole('heading', { level: 1 }).textContent(), { timeout: 25_000, interval: 500 })
      .toBe('Safe Hands needs attention');
    const text = await page.page.locator('main').textContent();
    expect(text).toContain('sign the paper visitor book at the office');
    expect(text).toContain('restore the most recent backup');
    expect(await page.page.getByRole('link', { name: 'Staff console' }).getAttribute('href')).toBe('#/console');
    await checkScreen(page.page, '35-database-problem', { scroll: 'top' });
    expect(page.problems).toEqual([]);
  });
});
