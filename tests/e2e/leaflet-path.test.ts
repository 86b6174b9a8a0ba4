import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  checkScreen, closeKioskInChromium, openConsolePage, openKioskInChromium, openSection, SCREENSHOT_DIR, setUpThroughUi, unlockConsole,
  type RunningKiosk, type WatchedPage,
} from '../helpers/e2e.js';
import { flatten, pdfText, renderFirstPageToFile } from '../helpers/pdf.js';

/**
 * The safeguarding leaflet and the loss-and-damage line end to end, in a real Chromium against the app as
 * `npm start` runs it: the DSL writes the first leaflet from Safe Hands' suggested text and prints it at the
 * desk (the PDF offered, read back with poppler); the administrator sees the loss-and-damage line in
 * Settings; a visitor reads that line with the expectations and asks for a leaflet as they finish signing
 * in. Each screen is photographed for the README and checked with axe (WCAG 2.2 AA).
 */
let kiosk: RunningKiosk;
let browser: Browser;
let watched: WatchedPage;
let kioskPage: Page;
let consolePage: Page;
const consoleProblems: string[] = [];

const PIN = '482613';
const printing = process.env.SAFE_HANDS_SKIP_PRINTER_TESTS !== '1';
const kioskHeading = () => kioskPage.getByRole('heading', { level: 1 });
const consoleHeading = () => consolePage.getByRole('heading', { level: 1 });

beforeAll(async () => {
  ({ kiosk, browser, watched } = await openKioskInChromium());
  kioskPage = watched.page;
});

afterAll(() => closeKioskInChromium({ kiosk, browser, watched }));

describe.sequential('the safeguarding leaflet in Chromium', () => {
  it('the DSL writes the first leaflet from the suggested text, publishes it and prints one at the desk', async () => {
    await setUpThroughUi(kioskPage, { settingName: 'Oak Tree Primary', adminName: 'Priya Shah', pin: PIN });
    consolePage = await openConsolePage(watched, kiosk.origin, consoleProblems);
    await unlockConsole(consolePage, 'Priya Shah', PIN);
    await openSection(consolePage, 'Safeguarding');
    await openSection(consolePage, 'Leaflet', 'Safeguarding sections');
    await expect.poll(() => consolePage.locator('main').textContent()).toContain('There is no leaflet yet, so the kiosk does not offer one.');

    await consolePage.getByRole('button', { name: 'Write the leaflet' }).click();
    await expect.poll(() => consoleHeading().textContent()).toBe('Write the leaflet');
    expect(await consolePage.getByLabel('Leaflet text').inputValue()).toContain('Our Designated Safeguarding Lead (DSL) is Priya Shah.');
    await checkScreen(consolePage, '60-leaflet-editor', { scroll: 'top' });
    await consolePage.getByRole('button', { name: 'Publish version 1' }).click();
    await expect.poll(() => consolePage.getByRole('heading', { name: 'Version 1 is offered to visitors' }).count()).toBe(1);

    await consolePage.getByRole('button', { name: 'Print a leaflet' }).click();
    const link = consolePage.getByRole('link', { name: 'Open the leaflet PDF' });
    await expect.poll(() => link.count()).toBe(1);
    await checkScreen(consolePage, '60a-leaflet', { scroll: 'top' });
    const pdf = await consolePage.request.get(new URL((await link.getAttribute('href'))!, consolePage.url()).toString());
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    const body = await pdf.body();
    const text = flatten(await pdfText(body));
    expect(text).toContain('Keeping children safe: a guide for visitors');
    expect(text).toContain('Our Designated Safeguarding Lead (DSL) is Priya Shah.');
    expect(text).toContain('Safeguarding leaflet, version 1');
    if (process.env.SAFE_HANDS_UPDATE_SCREENSHOTS === '1') await renderFirstPageToFile(body, join(SCREENSHOT_DIR, 'leaflet.png'), 80);
  });

  it('Admin → Settings has the loss-and-damage line, and the A4 printer the kiosk prints leaflets on', async () => {
    await openSection(consolePage, 'Admin');
    await openSection(consolePage, 'Settings', 'Admin sections');
    const line = consolePage.getByLabel('What we accept for devices in the safe');
    await expect.poll(() => line.count()).toBe(1);
    expect(await line.inputValue()).toMatch(/^Devices handed in are kept locked in the office safe/);
    if (printing) {
      await consolePage.getByLabel('A4 printer').selectOption('SafeHandsPDF');
      await consolePage.getByRole('button', { name: 'Save settings' }).click();
      await expect.poll(() => consolePage.getByText('Settings saved.').count()).toBe(1);
    }
    await consolePage.getByRole('heading', { name: 'Loss and damage', exact: true }).evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await checkScreen(consolePage, '60b-settings-loss-and-damage');
  });

  it('a visitor reads what the setting accepts for devices in its safe, and asks for a leaflet as they finish', async () => {
    await kioskPage.bringToFront();
    await kioskPage.getByRole('button', { name: /^Sign in/ }).click();
    await expect.poll(() => kioskHeading().textContent()).toBe('About you');
    await kioskPage.getByLabel('First name').fill('Amira');
    await kioskPage.getByLabel('Surname').fill('Khan');
    await kioskPage.getByLabel('Who are you visiting, or why are you here?').fill('Fixing the boiler');
    await kioskPage.getByRole('radio', { name: /Contractor/ }).click();
    await kioskPage.getByRole('button', { name: 'Next' }).click();
    const loss = kioskPage.locator('main p').filter({ hasText: 'Devices in our safe.' });
    await expect.poll(() => loss.count()).toBe(1);
    expect(await loss.textContent()).toContain('We cannot accept responsibility for loss, theft or damage to devices you keep with you.');
    await loss.evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await checkScreen(kioskPage, '60c-kiosk-expectations-loss-and-damage');
    await kioskPage.getByRole('button', { name: 'I have read and will follow these' }).click();
    await kioskPage.getByRole('button', { name: 'I have none of these' }).click();

    await expect.poll(() => kioskHeading().textContent()).toBe("You're signed in, Amira.");
    expect(await kioskPage.locator('main').textContent()).toContain('A safeguarding leaflet is available: ask at the office or print one here.');
    await checkScreen(kioskPage, '60d-kiosk-leaflet-offer');
    await kioskPage.getByRole('button', { name: 'Print a leaflet' }).click();
    const outcome = printing ? 'Your leaflet is printing in the office. Please collect it there.' : 'Your leaflet could not be printed here. Please ask at the office for one.';
    await expect.poll(() => kioskPage.getByText(outcome).count()).toBe(1);
    expect(await kioskPage.getByRole('button', { name: 'Print a leaflet' }).count()).toBe(0);
    await checkScreen(kioskPage, '60e-kiosk-leaflet-printing');
  });

  it('the versions list counts the leaflet printed for the visitor, and nothing went wrong on either screen', async () => {
    await consolePage.bringToFront();
    await openSection(consolePage, 'Safeguarding');
    await openSection(consolePage, 'Leaflet', 'Safeguarding sections');
    const versions = consolePage.getByRole('table', { name: 'Versions' });
    await expect.poll(() => versions.count()).toBe(1);
    await expect.poll(() => versions.textContent()).toContain('1 visitor');
    expect(watched.problems).toEqual([]);
    expect(consoleProblems).toEqual([]);
  });
});
