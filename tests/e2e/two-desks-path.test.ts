import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AUDIT_KEY_FILE, PIN_PEPPER_FILE } from '../../src/main/core/paths.js';
import {
  checkScreen, E2E_CLOCK_START, launchChromium, openConsolePage, openPage, openSection, setUpThroughUi, startKiosk, unlockConsole,
  type RunningKiosk, type WatchedPage,
} from '../helpers/e2e.js';
import { startPgCluster, type PgCluster } from '../helpers/pg-cluster.js';

/**
 * Two desks of one school on one PostgreSQL database (issue 15), each the app as `npm start -- --database`
 * runs it, each with its own data folder, in a real Chromium: a visitor signs in at the front entrance, the
 * office puts her phone in the safe, the front desk's console sees it there, and she collects it and signs
 * out at the office.
 */
let cluster: PgCluster;
let browser: Browser;
let front: RunningKiosk;
let office: RunningKiosk;
let frontScreen: WatchedPage;
let officeScreen: WatchedPage;
let frontConsole: Page;
let officeConsole: Page;
const consoleProblems: string[] = [];
let receiptNumber = '';

const VISITOR = "Zoë O'Brien-Łukasz";
const PIN = '482613';
const heading = (page: Page) => page.getByRole('heading', { level: 1 });
const database = () => ['--database', cluster.url('safehands')];

beforeAll(async () => {
  cluster = await startPgCluster();
  const server = new pg.Client({ connectionString: cluster.url('postgres') });
  await server.connect();
  await server.query("CREATE DATABASE safehands TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C'");
  await server.end();
  front = await startKiosk(['--browser', '--no-open', ...database()]);
  browser = await launchChromium();
  frontScreen = await openPage(browser);
  await frontScreen.page.goto(front.launchUrl);
}, 120_000);

afterAll(async () => {
  await frontScreen?.context.close();
  await officeScreen?.context.close();
  await browser?.close();
  await front?.stop();
  await office?.stop();
  await cluster?.stop();
});

describe.sequential('two desks on one PostgreSQL database, in Chromium', () => {
  it('the front desk sets the school up; the office desk, given its keys, opens on the same school', async () => {
    await setUpThroughUi(frontScreen.page, { settingName: 'Oak Tree Primary School', adminName: 'Priya Shah', pin: PIN });
    // The office PC gets the first desk's two keys, as the README tells IT to do. Its clock runs two minutes
    // ahead, as two PCs' clocks may: nothing the desks share depends on them agreeing.
    const officeDir = mkdtempSync(join(tmpdir(), 'safe-hands-e2e-office-'));
    for (const key of [AUDIT_KEY_FILE, PIN_PEPPER_FILE]) copyFileSync(join(front.dataDir, key), join(officeDir, key));
    office = await startKiosk(['--browser', '--no-open', ...database()], officeDir, new Date(Date.parse(E2E_CLOCK_START) + 120_000).toISOString());
    officeScreen = await openPage(browser);
    await officeScreen.page.goto(office.launchUrl);
    await expect.poll(() => heading(officeScreen.page).textContent()).toContain('Welcome to Oak Tree Primary School');
  });

  it('a visitor signs in at the front entrance with her phone', async () => {
    const kiosk = frontScreen.page;
    await kiosk.getByRole('button', { name: /^Sign in/ }).click();
    await kiosk.getByLabel('First name').fill('Zoë');
    await kiosk.getByLabel('Surname').fill("O'Brien-Łukasz");
    await kiosk.getByLabel('Who are you visiting, or why are you here?').fill('Meeting with the SENCo');
    await kiosk.getByRole('radio', { name: /Visiting professional/ }).click();
    await kiosk.getByRole('button', { name: 'Next' }).click();
    await kiosk.getByRole('button', { name: 'I have read and will follow these' }).click();
    await kiosk.getByRole('button', { name: /^Phone/ }).click();
    await kiosk.getByRole('button', { name: 'Continue' }).click();
    await expect.poll(() => heading(kiosk).textContent()).toMatch(/signed in, Zoë/);
    await kiosk.getByRole('button', { name: 'Finish' }).click();
    await expect.poll(() => heading(kiosk).textContent()).toContain('Welcome to');
  });

  it('the office sees her handover waiting and logs the phone into bag 7', async () => {
    officeConsole = await openConsolePage(officeScreen, office.origin, consoleProblems);
    await unlockConsole(officeConsole, 'Priya Shah', PIN);
    const row = officeConsole.getByRole('table', { name: 'Waiting to be logged into the safe' }).getByRole('row', { name: new RegExp(VISITOR) });
    await expect.poll(() => row.count()).toBe(1);
    await row.getByRole('button', { name: /^Log into safe/ }).click();
    await expect.poll(() => heading(officeConsole).textContent()).toBe('Log items into the safe');
    const item = officeConsole.getByRole('group', { name: 'Item 1', exact: true });
    await item.getByLabel('Make and colour').fill('Black iPhone 13');
    await item.getByLabel('Bag or slot number').fill('7');
    await officeConsole.getByRole('button', { name: 'Log and print receipt' }).click();
    const panel = officeConsole.getByRole('region', { name: /^Receipt \d{4}-\d{4,6}$/ });
    await expect.poll(() => panel.count()).toBe(1);
    receiptNumber = (await panel.locator('.receipt-number').textContent()) ?? '';
    expect(receiptNumber).toBe('2027-0001');
  });

  it('the front desk\'s console shows the phone in the office safe, with her receipt', async () => {
    frontConsole = await openConsolePage(frontScreen, front.origin, consoleProblems);
    await unlockConsole(frontConsole, 'Priya Shah', PIN);
    await expect.poll(() => frontConsole.getByRole('table', { name: 'On site now' }).textContent()).toContain(VISITOR);
    await openSection(frontConsole, 'In the safe');
    await expect.poll(() => frontConsole.locator('main').textContent()).toContain('1 item in the safe');
    const group = frontConsole.locator('.safe-group');
    expect(await group.textContent()).toContain(VISITOR);
    expect(await group.textContent()).toContain(receiptNumber);
    await checkScreen(frontConsole, '36-two-desks-front-sees-office-safe');
  });

  it('she signs out at the office kiosk, which sends her to collect her phone first', async () => {
    const kiosk = officeScreen.page;
    await kiosk.getByRole('button', { name: /^Sign out/ }).click();
    await kiosk.getByLabel('Type the first letters of your surname').fill('obr');
    const match = kiosk.getByRole('button', { name: /Zoë O\./ });
    await expect.poll(() => match.count()).toBe(1);
    await match.click();
    await kiosk.getByRole('button', { name: 'Yes, sign me out' }).click();
    await expect.poll(() => heading(kiosk).textContent()).toBe('Nearly done, Zoë.');
    await kiosk.getByRole('button', { name: 'Finish' }).click();
    await expect.poll(() => heading(kiosk).textContent()).toContain('Welcome to');
  });

  it('the office gives the phone back, she is signed out, and the front desk sees nobody on site', async () => {
    await openSection(officeConsole, 'Today');
    await officeConsole.getByRole('button', { name: 'Refresh' }).click();
    const wants = officeConsole.getByRole('region', { name: /Wants to collect their items/ });
    await expect.poll(() => wants.count()).toBe(1);
    await wants.getByRole('button', { name: /^Collect items for/ }).click();
    const view = officeConsole.getByRole('region', { name: `Receipt ${receiptNumber}` });
    await officeConsole.keyboard.type(receiptNumber, { delay: 30 });
    await officeConsole.keyboard.press('Enter');
    await expect.poll(() => view.count()).toBe(1);
    await view.getByRole('button', { name: 'Mark returned' }).click();
    await expect.poll(() => view.textContent()).toContain(`${VISITOR} is now signed out.`);
    await checkScreen(officeConsole, '37-two-desks-office-returned', { scroll: 'main' });

    await openSection(frontConsole, 'Today');
    await frontConsole.getByRole('button', { name: 'Refresh' }).click();
    await expect.poll(() => frontConsole.locator('main').textContent()).toContain('Nobody is signed in at the moment.');
    await openSection(frontConsole, 'In the safe');
    await expect.poll(() => frontConsole.locator('main').textContent()).not.toContain(VISITOR);
  });

  it('neither desk\'s console warns of changes outside Safe Hands: the office began its own record when it joined', async () => {
    for (const page of [frontConsole, officeConsole]) {
      await openSection(page, 'Today');
      await page.getByRole('button', { name: 'Refresh' }).click();
      await expect.poll(() => page.locator('main').textContent()).toContain('Nobody is signed in at the moment.');
      expect(await page.getByText('The audit check found changes made outside Safe Hands').count()).toBe(0);
    }
  });

  it('the office\'s Admin → Backups says the server keeps the backups, with nothing to press', async () => {
    await openSection(officeConsole, 'Admin');
    await openSection(officeConsole, 'Backups', 'Admin sections');
    const section = officeConsole.getByRole('region', { name: 'Backups' });
    await expect.poll(() => section.textContent()).toContain('keeps its records on a shared PostgreSQL database server');
    expect(await section.getByRole('button').count()).toBe(0);
    await checkScreen(officeConsole, '38-two-desks-backups-on-server', { scroll: 'main' });
  });

  it('showed no console errors on any screen of either desk', () => {
    expect(frontScreen.problems).toEqual([]);
    expect(officeScreen.problems).toEqual([]);
    expect(consoleProblems).toEqual([]);
  });
});
