import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  checkScreen, closeKioskInChromium, openConsolePage, openKioskInChromium, openSection, setUpThroughUi, unlockConsole,
  type RunningKiosk, type WatchedPage,
} from '../helpers/e2e.js';

/**
 * The drawn signature end to end, in a real Chromium against the app as `npm start` runs it: the
 * administrator asks for signatures in Settings; a visitor signs with the mouse (Chromium's pointer events,
 * as a finger or a pen sends them) on the expectations screen and signs in; the office sees the signature
 * on the visitor log. Each screen is photographed for the README and checked with axe (WCAG 2.2 AA).
 */
let kiosk: RunningKiosk;
let browser: Browser;
let watched: WatchedPage;
let kioskPage: Page;
let consolePage: Page;
const consoleProblems: string[] = [];

const PIN = '482613';
const AGREE = 'I have read and will follow these';
const kioskHeading = () => kioskPage.getByRole('heading', { level: 1 });

beforeAll(async () => {
  ({ kiosk, browser, watched } = await openKioskInChromium());
  kioskPage = watched.page;
});

afterAll(() => closeKioskInChromium({ kiosk, browser, watched }));

/** Draws one stroke through `points`, given as fractions of the box's width and height. */
async function stroke(page: Page, box: { x: number; y: number; width: number; height: number }, points: [number, number][]): Promise<void> {
  const at = ([fx, fy]: [number, number]) => [box.x + fx * box.width, box.y + fy * box.height] as const;
  const [first, ...rest] = points;
  await page.mouse.move(...at(first!));
  await page.mouse.down();
  for (const point of rest) await page.mouse.move(...at(point), { steps: 8 });
  await page.mouse.up();
}

describe.sequential('the drawn signature in Chromium', () => {
  it('the administrator asks visitors to sign on the expectations screen', async () => {
    await setUpThroughUi(kioskPage, { settingName: 'Oak Tree Primary', adminName: 'Priya Shah', pin: PIN });
    consolePage = await openConsolePage(watched, kiosk.origin, consoleProblems);
    await unlockConsole(consolePage, 'Priya Shah', PIN);
    await openSection(consolePage, 'Admin');
    await openSection(consolePage, 'Settings', 'Admin sections');
    const choice = consolePage.locator('fieldset', { hasText: 'Ask visitors to sign with a finger on the expectations screen' });
    await expect.poll(() => choice.count()).toBe(1);
    expect(await choice.getByRole('radio', { name: /^No/ }).isChecked()).toBe(true);
    await choice.getByRole('radio', { name: /^Yes/ }).check();
    await consolePage.getByRole('button', { name: 'Save settings' }).click();
    await expect.poll(() => consolePage.getByText('Settings saved.').count()).toBe(1);
  });

  it('a visitor signs with a finger (here the mouse) before agreeing, and signs in', async () => {
    await kioskPage.bringToFront();
    await kioskPage.getByRole('button', { name: /^Sign in/ }).click();
    await expect.poll(() => kioskHeading().textContent()).toBe('About you');
    await kioskPage.getByLabel('First name').fill('Amira');
    await kioskPage.getByLabel('Surname').fill('Khan');
    await kioskPage.getByLabel('Who are you visiting, or why are you here?').fill('Fixing the boiler');
    await kioskPage.getByRole('radio', { name: /Contractor/ }).click();
    await kioskPage.getByRole('button', { name: 'Next' }).click();

    const pad = kioskPage.getByRole('img', { name: 'Signature box: sign your name here with your finger' });
    await expect.poll(() => pad.count()).toBe(1);
    expect(await kioskPage.getByRole('button', { name: AGREE }).isDisabled()).toBe(true);
    await pad.scrollIntoViewIfNeeded();
    const box = (await pad.boundingBox())!;
    // "AK" and a line under it.
    await stroke(kioskPage, box, [[0.1, 0.7], [0.17, 0.2], [0.24, 0.7]]);
    await stroke(kioskPage, box, [[0.13, 0.5], [0.21, 0.5]]);
    await stroke(kioskPage, box, [[0.32, 0.2], [0.32, 0.7]]);
    await stroke(kioskPage, box, [[0.45, 0.2], [0.33, 0.45], [0.46, 0.7]]);
    await stroke(kioskPage, box, [[0.08, 0.82], [0.55, 0.8]]);
    await expect.poll(() => kioskPage.getByRole('button', { name: AGREE }).isEnabled()).toBe(true);
    expect(await kioskPage.getByText('Signed. Tap “Clear” to sign again.').count()).toBe(1);
    await kioskPage.getByRole('heading', { name: 'Sign to say you agree' }).evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await checkScreen(kioskPage, '72a-kiosk-signature');

    await kioskPage.getByRole('button', { name: AGREE }).click();
    await kioskPage.getByRole('button', { name: 'I have none of these' }).click();
    await expect.poll(() => kioskHeading().textContent()).toBe("You're signed in, Amira.");
  });

  it('the office sees the signature on the visitor log', async () => {
    await consolePage.bringToFront();
    await openSection(consolePage, 'Reports');
    await consolePage.getByRole('radio', { name: 'Visitor log' }).check();
    await consolePage.getByRole('button', { name: 'Show the report' }).click();
    const log = consolePage.getByRole('table', { name: /Visitor log: 1 row/ });
    await expect.poll(() => log.count()).toBe(1);
    const signature = log.getByRole('img', { name: 'Signature drawn at the kiosk on 12 Jan 2027, 08:05' });
    await expect.poll(() => signature.count()).toBe(1);
    // The strokes drawn in Chromium, kept as a path of whole numbers in the pad's box.
    expect(await signature.locator('path').getAttribute('d')).toMatch(/^(M\d+ \d+(L\d+ \d+)+){5}$/);
    await checkScreen(consolePage, '72b-visitor-log-signature', { scroll: 'main' });
    expect(watched.problems).toEqual([]);
    expect(consoleProblems).toEqual([]);
  });
});
