import type { Browser, Page } from 'playwright-core';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '../../src/main/core/paths.js';
import {
  accessibilityViolations, launchChromium, openPage, openSection as openConsoleSection, screenshot, startKiosk, type RunningKiosk, type WatchedPage,
} from '../helpers/e2e.js';

/**
 * The audit trail and subject access requests end to end, in a real Chromium against the app as `npm start`
 * runs it: after first run a visitor signs in at the kiosk, the administrator opens the audit trail, filters
 * it, checks that it is intact, then finds the visitor under Admin → People and gathers their records.
 * Each screen is photographed for the README and checked with axe (WCAG 2.2 AA).
 */
let kiosk: RunningKiosk;
let browser: Browser;
let watched: WatchedPage;
let kioskPage: Page;
let consolePage: Page;
const consoleProblems: string[] = [];

async function checkScreen(page: Page, name: string): Promise<void> {
  await page.waitForLoadState('networkidle');
  // The section's own content, not the navigation above it, is what the picture is for.
  await page.evaluate(() => window.scrollTo(0, document.querySelector('main')!.offsetTop));
  await page.waitForTimeout(150);
  await screenshot(page, name);
  expect(await accessibilityViolations(page), `${name}: axe violations`).toEqual([]);
}

const kioskHeading = () => kioskPage.getByRole('heading', { level: 1 });
const consoleMain = () => consolePage.locator('main');

async function openSection(name: string): Promise<void> {
  await openConsoleSection(consolePage, name);
}

beforeAll(async () => {
  kiosk = await startKiosk();
  browser = await launchChromium();
  watched = await openPage(browser);
  kioskPage = watched.page;
  await kioskPage.goto(kiosk.launchUrl);
});

afterAll(async () => {
  await watched?.context.close();
  await browser?.close();
  await kiosk?.stop();
});

describe.sequential('the audit trail and subject access requests in Chromium', () => {
  it('first run, then a visitor signs in at the kiosk', async () => {
    await expect.poll(() => kioskHeading().textContent()).toBe('Set up Safe Hands');
    await kioskPage.getByLabel('Setting name').fill('Oak Tree Primary School');
    await kioskPage.getByRole('radio', { name: 'School', exact: true }).check();
    await kioskPage.getByLabel('Your name').fill('Priya Shah');
    await kioskPage.getByLabel('Choose a PIN').fill('482613');
    await kioskPage.getByLabel('Type the PIN again').fill('482613');
    await kioskPage.getByRole('button', { name: 'Finish setup' }).click();
    await expect.poll(() => kioskHeading().textContent()).toContain('Welcome to Oak Tree Primary School');

    await kioskPage.getByRole('button', { name: /^Sign in/ }).click();
    await kioskPage.getByLabel('First name').fill('Amira');
    await kioskPage.getByLabel('Surname').fill('Khan');
    await kioskPage.getByLabel('Organisation (optional)').fill('Bright Sparks Ltd');
    await kioskPage.getByLabel('Who are you visiting, or why are you here?').fill('Fixing the boiler');
    await kioskPage.getByRole('radio', { name: /Contractor/ }).click();
    await kioskPage.getByRole('button', { name: 'Next' }).click();
    await kioskPage.getByRole('button', { name: 'I have read and will follow these' }).click();
    await kioskPage.getByRole('button', { name: /^Phone/ }).click();
    await kioskPage.getByRole('button', { name: 'Continue' }).click();
    await expect.poll(() => kioskHeading().textContent()).toContain('signed in, Amira');
    await kioskPage.getByRole('button', { name: 'Finish' }).click();
    await expect.poll(() => kioskHeading().textContent()).toContain('Welcome to');
  });

  it('Audit trail: newest first, filtered by action, and the check says it is intact', async () => {
    consolePage = await watched.context.newPage();
    consolePage.on('console', (msg) => {
      if (msg.type() === 'error') consoleProblems.push(`console: ${msg.text()}`);
    });
    consolePage.on('pageerror', (err) => consoleProblems.push(`page error: ${err.message}`));
    await consolePage.goto(`${kiosk.origin}/#/console`);
    await consolePage.getByRole('radio', { name: 'Priya Shah' }).check();
    await consolePage.getByLabel('PIN').fill('482613');
    await consolePage.getByRole('button', { name: 'Unlock' }).click();
    await expect.poll(() => consolePage.getByRole('heading', { name: 'On site now' }).count()).toBe(1);

    await openSection('Audit trail');
    const table = consolePage.getByRole('table', { name: 'Entries, newest first' });
    await expect.poll(() => table.getByRole('rowheader').count()).toBeGreaterThanOrEqual(3);
    const actions = await table.locator('.audit-action').allTextContents();
    expect(actions).toContain('visit.sign_in');
    expect(actions).toContain('setup.create');
    // Newest first: the entry numbers only go down.
    const ids = (await table.getByRole('rowheader').allTextContents()).map((t) => Number(t.replace(/\D/g, '')));
    expect(ids).toEqual([...ids].sort((a, b) => b - a));

    await consolePage.getByRole('textbox', { name: 'Action' }).fill('visit.sign_in');
    await consolePage.getByRole('button', { name: 'Show entries' }).click();
    await expect.poll(() => table.locator('.audit-action').allTextContents()).toEqual(['visit.sign_in']);
    expect(await table.getByRole('row').nth(1).textContent()).toContain('kiosk');
    await consolePage.getByRole('button', { name: 'Clear the filters' }).click();
    await expect.poll(() => table.getByRole('rowheader').count()).toBeGreaterThanOrEqual(3);

    await consolePage.getByRole('button', { name: 'Check the trail' }).click();
    const status = consoleMain().getByRole('status').filter({ hasText: 'The audit trail is intact' });
    await expect.poll(() => status.count()).toBe(1);
    expect(await status.textContent()).toMatch(/The audit trail is intact \(\d+ entries checked\)\./);
    expect(await consoleMain().getByRole('alert').count()).toBe(0);
    await checkScreen(consolePage, '36-audit-trail');
  });

  it('Admin → People: finds the visitor and gathers their records for a subject access request', async () => {
    await openSection('Admin');
    const tabs = consolePage.getByRole('navigation', { name: 'Admin sections' });
    await tabs.getByRole('button', { name: 'People', exact: true }).click();
    await expect.poll(() => tabs.getByRole('button', { name: 'People', exact: true }).getAttribute('aria-current')).toBe('page');
    expect(await consoleMain().textContent()).toContain('subject access requests');

    await consolePage.getByRole('textbox', { name: 'Visitor’s name' }).fill('Khan');
    await consolePage.getByRole('button', { name: 'Search', exact: true }).click();
    const found = consolePage.getByRole('table', { name: 'People found' });
    await expect.poll(() => found.getByRole('rowheader').allTextContents()).toEqual(['Amira Khan']);
    await found.getByRole('button', { name: 'Gather their records (Amira Khan)' }).click();

    const records = consolePage.getByRole('region', { name: 'Records held about Amira Khan' });
    await expect.poll(() => records.count()).toBe(1);
    expect(await records.getByRole('table', { name: 'Visits (1)' }).textContent()).toContain('Fixing the boiler');
    expect(await records.textContent()).toContain('No concerns were raised about their visits.');
    const link = records.getByRole('link', { name: 'Download as a file' });
    expect(await link.getAttribute('download')).toMatch(/^subject-access-amira-khan-\d{4}-\d{2}-\d{2}\.json$/);
    expect(await link.getAttribute('href')).toMatch(/^blob:/);

    // The file is what the link really downloads.
    const [download] = await Promise.all([consolePage.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toBe(await link.getAttribute('download'));
    const saved = JSON.parse((await streamText(await download.createReadStream()))) as { visitor: { firstName: string }; visits: unknown[] };
    expect(saved.visitor.firstName).toBe('Amira');
    expect(saved.visits).toHaveLength(1);

    await consolePage.evaluate(() => window.scrollTo(0, document.querySelector('main')!.offsetTop));
    await consolePage.waitForTimeout(150);
    await screenshot(consolePage, '37-admin-people');
    expect(await accessibilityViolations(consolePage), '37-admin-people: axe violations').toEqual([]);

    // Gathering records is itself written in the audit trail.
    await openSection('Audit trail');
    await expect.poll(() => consolePage.getByRole('table', { name: 'Entries, newest first' }).locator('.audit-action').first().textContent()).toBe('person.export');
  });

  it('Admin → People: old details are removed now on request, after a question, and the run says what went', async () => {
    await openSection('Admin');
    await consolePage.getByRole('navigation', { name: 'Admin sections' }).getByRole('button', { name: 'People', exact: true }).click();
    const panel = consolePage.getByRole('region', { name: 'Removing old details' });
    await panel.getByRole('button', { name: 'Remove old details now' }).click();
    const dialog = consolePage.getByRole('dialog', { name: 'Remove old details now?' });
    await dialog.getByRole('button', { name: 'Remove them now' }).click();
    // Nothing here is older than six years: the run says so rather than claiming it removed something.
    await expect.poll(() => panel.getByRole('status').textContent()).toContain('there were none left to remove');
    await panel.evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await consolePage.waitForTimeout(150);
    await screenshot(consolePage, '37a-admin-remove-old-details');
    expect(await accessibilityViolations(consolePage), '37a: axe violations').toEqual([]);
    await openSection('Audit trail');
    await expect.poll(() => consolePage.getByRole('table', { name: 'Entries, newest first' }).locator('.audit-action').first().textContent()).toBe('retention.purge');
  });

  it('a printed sheet checks against the trail, and a record edited behind the app is found and shown to the DSL', async () => {
    // The end-of-day page carries the mark it would print.
    await openSection('End of day');
    const mark = consoleMain().locator('.audit-mark');
    await expect.poll(() => mark.count()).toBe(1);
    const printed = /Audit trail: entry (\d+), check code ([0-9A-F]{4}-[0-9A-F]{4})/.exec((await mark.textContent()) ?? '');
    expect(printed).not.toBeNull();

    await openSection('Audit trail');
    const sheet = consolePage.getByRole('region', { name: 'Check a printed sheet' });
    await sheet.getByLabel('Entry number').fill(printed![1]!);
    await sheet.getByLabel('Check code').fill(printed![2]!.toLowerCase());
    await sheet.getByRole('button', { name: 'Check this sheet' }).click();
    await expect.poll(() => sheet.getByRole('status').textContent()).toContain(`Entry ${printed![1]} is as it was when the sheet was printed.`);
    await sheet.scrollIntoViewIfNeeded();
    await screenshot(consolePage, '36b-audit-check-sheet');
    expect(await accessibilityViolations(consolePage), '36b-audit-check-sheet: axe violations').toEqual([]);

    // Someone with the database file changes what Amira came for, with another program.
    const other = new Database(join(kiosk.dataDir, DATABASE_FILE));
    other.prepare(`UPDATE visits SET visiting = 'Nothing to see'`).run();
    other.close();
    await consolePage.getByRole('button', { name: 'Check the trail' }).click();
    const alert = consoleMain().getByRole('alert').filter({ hasText: 'The audit trail or the records it describes have been altered.' });
    await expect.poll(() => alert.count()).toBe(1);
    expect(await alert.textContent()).toMatch(/Visit 1 has been changed outside Safe Hands since audit entry \d+\./);
    // The banner at the top of every console page says so too.
    await openSection('End of day');
    const banner = consolePage.getByRole('region', { name: 'Reminders' }).getByRole('alert');
    await expect.poll(() => banner.count()).toBe(1);
    expect(await banner.textContent()).toContain('Visit 1 has been changed outside Safe Hands');
    await consolePage.evaluate(() => window.scrollTo(0, 0));
    await screenshot(consolePage, '36c-audit-problem-banner');
    expect(await accessibilityViolations(consolePage), '36c-audit-problem-banner: axe violations').toEqual([]);
  });

  it('showed no console errors on any screen', () => {
    expect(watched.problems).toEqual([]);
    expect(consoleProblems).toEqual([]);
  });
});

async function streamText(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}
