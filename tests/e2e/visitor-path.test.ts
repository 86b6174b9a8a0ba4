import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  checkScreen, closeKioskInChromium, openKioskInChromium, setUpThroughUi, unlockConsole, type RunningKiosk, type WatchedPage,
} from '../helpers/e2e.js';

/**
 * The whole visitor path in a real Chromium against the app as `npm start` runs it, on a fresh data folder:
 * every screen is photographed for the README and checked with axe (WCAG 2.2 AA).
 */
let kiosk: RunningKiosk;
let browser: Browser;
let watched: WatchedPage;
let page: Page;
let taps = 0;

async function tap(target: Locator): Promise<void> {
  taps += 1;
  await target.click();
}

const heading = () => page.getByRole('heading', { level: 1 });

beforeAll(async () => {
  ({ kiosk, browser, watched } = await openKioskInChromium());
  page = watched.page;
});

afterAll(() => closeKioskInChromium({ kiosk, browser, watched }));

describe.sequential('the reception kiosk in Chromium', () => {
  it('first run: sets up the setting and its first administrator', async () => {
    await expect.poll(() => heading().textContent()).toBe('Set up Safe Hands');
    await checkScreen(page, '01-setup');
    // The default text can be read and changed before anything is saved, and the receipt printer chosen.
    await page.getByRole('radio', { name: 'School', exact: true }).check();
    await page.getByRole('button', { name: 'Read and change the text' }).click();
    await expect.poll(() => page.getByLabel('Title', { exact: true }).inputValue()).not.toBe('');
    expect(await page.getByRole('region', { name: 'Receipts' }).count()).toBe(1);
    await checkScreen(page, '01a-setup-expectations-and-printer', { fullPage: true });
    await page.getByRole('button', { name: 'Use the default text as it is' }).click();
    await setUpThroughUi(page, { settingName: 'Oak Tree Primary School', adminName: 'Priya Shah', pin: '482613' });
    await checkScreen(page, '02-welcome');
  });

  it('a first-time visitor reads the expectations and declares a phone and a smart watch in 7 taps', async () => {
    taps = 0;
    await tap(page.getByRole('button', { name: /^Sign in/ }));
    await expect.poll(() => heading().textContent()).toBe('About you');
    await page.getByLabel('First name').fill('Zoë');
    await page.getByLabel('Surname').fill("O'Brien-Łukasz");
    await page.getByLabel('Organisation (optional)').fill('Kent County Council');
    await page.getByLabel('Who are you visiting, or why are you here?').fill('Meeting with the SENCo');
    await tap(page.getByRole('radio', { name: /Visiting professional/ }));
    await checkScreen(page, '03-details');
    await tap(page.getByRole('button', { name: 'Next' }));

    await expect.poll(() => page.getByRole('button', { name: 'I have read and will follow these' }).isVisible()).toBe(true);
    await checkScreen(page, '04-expectations');
    await page.getByRole('button', { name: 'Read the full text' }).click();
    await expect.poll(() => page.getByRole('region', { name: 'The full text' }).isVisible()).toBe(true);
    await checkScreen(page, '05-expectations-full');
    await tap(page.getByRole('button', { name: 'I have read and will follow these' }));

    await expect.poll(() => heading().textContent()).toBe('Do you have any of these with you?');
    await tap(page.getByRole('button', { name: /^Phone/ }));
    await tap(page.getByRole('button', { name: /^Smart watch/ }));
    await expect.poll(() => page.getByRole('button', { name: 'Phone, 1 selected' }).count()).toBe(1);
    await checkScreen(page, '06-devices');
    await tap(page.getByRole('button', { name: 'Continue' }));

    await expect.poll(() => heading().textContent()).toMatch(/signed in, Zoë/);
    await expect.poll(() => page.locator('main').textContent()).toMatch(/hand your phone and smart watch to the office now\. They will lock them/);
    await checkScreen(page, '07-done');
    expect(taps).toBeLessThanOrEqual(8);
    await page.getByRole('button', { name: 'Finish' }).click();
    await expect.poll(() => heading().textContent()).toContain('Welcome to');
  });

  it('signs out by surname, showing only a first name and initial, and reminds about undelivered devices', async () => {
    await page.getByRole('button', { name: /^Sign out/ }).click();
    await page.getByLabel('Type the first letters of your surname').fill('obr');
    const match = page.getByRole('button', { name: /Zoë O\./ });
    await expect.poll(() => match.count()).toBe(1);
    expect(await page.locator('main').textContent()).not.toContain('Brien');
    await checkScreen(page, '10-sign-out');
    await match.click();
    await page.getByRole('button', { name: 'Yes, sign me out' }).click();
    await expect.poll(() => page.locator('main').textContent()).toMatch(/collect/i);
    await checkScreen(page, '11-goodbye');
    await page.getByRole('button', { name: 'Finish' }).click();
    await expect.poll(() => heading().textContent()).toContain('Welcome to');
  });

  it('a returning visitor signs in with one phone in 5 taps and 3 letters', async () => {
    taps = 0;
    await tap(page.getByRole('button', { name: /^I've been here before/ }));
    await page.getByLabel('Type the first letters of your surname').pressSequentially('obr');
    const match = page.getByRole('button', { name: /Zoë O\./ });
    await expect.poll(() => match.count()).toBe(1);
    await checkScreen(page, '08-returning-search');
    await tap(match);
    await expect.poll(() => heading().textContent()).toMatch(/Is this you\?/);
    await checkScreen(page, '09-returning-confirm');
    await tap(page.getByRole('button', { name: "Yes, that's me" }));
    // The expectations have not changed since her last visit, so she goes straight to devices.
    await expect.poll(() => heading().textContent()).toBe('Do you have any of these with you?');
    await tap(page.getByRole('button', { name: /^Phone/ }));
    await tap(page.getByRole('button', { name: 'Continue' }));
    await expect.poll(() => heading().textContent()).toMatch(/signed in, Zoë/);
    expect(taps).toBeLessThanOrEqual(5);
    await page.getByRole('button', { name: 'Finish' }).click();
  });

  it('staff unlock the console with a PIN and see full names of everyone on site', async () => {
    await page.getByRole('link', { name: 'Staff' }).click();
    await expect.poll(() => heading().textContent()).toBe('Staff console');
    await checkScreen(page, '13-console-locked');
    await unlockConsole(page, 'Priya Shah', '1111');
    await expect.poll(() => page.getByRole('alert').first().textContent()).toMatch(/not right/);
    await page.getByLabel('PIN').fill('482613');
    await page.getByRole('button', { name: 'Unlock' }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'On site now' }).count()).toBe(1);
    await expect.poll(() => page.locator('main').textContent()).toContain("Zoë O'Brien-Łukasz");
    await expect.poll(() => page.getByRole('heading', { name: 'Waiting to be logged into the safe' }).count()).toBe(1);
    await checkScreen(page, '14-console');
    await page.getByRole('button', { name: 'Lock' }).click();
    await expect.poll(() => page.getByLabel('PIN').isVisible()).toBe(true);
  });

  it('an idle kiosk warns for at least 20 seconds, then returns to welcome and forgets what was typed', async () => {
    const idlePage = await watched.context.newPage();
    await idlePage.clock.install();
    await idlePage.goto(kiosk.origin);
    page = idlePage;
    await page.getByRole('button', { name: /^Sign in/ }).click();
    await page.getByLabel('First name').fill('Harriet');
    await page.clock.runFor(89_000);
    expect(await page.getByRole('alertdialog').count()).toBe(0);
    await page.clock.runFor(2_000);
    await expect.poll(() => page.getByRole('alertdialog', { name: 'Are you still there?' }).isVisible()).toBe(true);
    await checkScreen(page, '12-idle-warning');
    await page.clock.runFor(20_000);
    expect(await page.getByRole('alertdialog').isVisible()).toBe(true);
    await page.clock.runFor(11_000);
    await expect.poll(() => heading().textContent()).toContain('Welcome to');
    await page.getByRole('button', { name: /^Sign in/ }).click();
    expect(await page.getByLabel('First name').inputValue()).toBe('');
  });

  it('showed no console errors on any screen', () => {
    expect(watched.problems).toEqual([]);
  });
});
