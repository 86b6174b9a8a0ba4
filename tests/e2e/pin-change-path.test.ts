import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  checkScreen, closeKioskInChromium, openConsolePage, openKioskInChromium, openSection, setUpThroughUi, unlockConsole,
  type RunningKiosk, type WatchedPage,
} from '../helpers/e2e.js';

/**
 * A DSL's PIN that is too short, end to end in a real Chromium against the app as `npm start` runs it: the
 * administrator makes an office account (4-digit PIN) a DSL; at their next unlock the console shows only
 * "Choose a new PIN", refuses a short one at the field, and opens once a 6-digit one is saved and typed.
 */
let kiosk: RunningKiosk;
let browser: Browser;
let watched: WatchedPage;
let consolePage: Page;
const consoleProblems: string[] = [];
const ADMIN_PIN = '482613';

const heading = () => consolePage.getByRole('heading', { level: 1 });

beforeAll(async () => {
  ({ kiosk, browser, watched } = await openKioskInChromium());
});

afterAll(() => closeKioskInChromium({ kiosk, browser, watched }));

describe.sequential('choosing a longer PIN in Chromium', () => {
  it('the administrator adds Olu with a 4-digit PIN, then makes Olu a DSL', async () => {
    await setUpThroughUi(watched.page, { settingName: 'Oak Tree Primary School', adminName: 'Priya Shah', pin: ADMIN_PIN });
    consolePage = await openConsolePage(watched, kiosk.origin, consoleProblems);
    await unlockConsole(consolePage, 'Priya Shah', ADMIN_PIN);
    await openSection(consolePage, 'Admin');
    await openSection(consolePage, 'Staff', 'Admin sections');
    await consolePage.getByRole('textbox', { name: 'Name' }).fill('Olu Adebayo');
    await consolePage.getByLabel('PIN', { exact: true }).fill('1357');
    await consolePage.getByLabel('PIN again').fill('1357');
    await consolePage.getByRole('button', { name: 'Add staff member' }).click();
    await expect.poll(() => consolePage.locator('main').textContent()).toContain('Olu Adebayo can now unlock the staff console');

    await consolePage.getByRole('button', { name: 'Edit roles… (Olu Adebayo)' }).click();
    const dialog = consolePage.getByRole('dialog');
    expect(await dialog.textContent()).toContain('If theirs is shorter, they will be asked to choose a new one when they next unlock.');
    await dialog.getByText('Designated Safeguarding Lead').click();
    await dialog.getByRole('button', { name: 'Save roles' }).click();
    await expect.poll(() => dialog.count()).toBe(0);
    await consolePage.getByRole('button', { name: 'Lock' }).click();
  });

  it('at Olu’s next unlock the console shows only the screen to choose a new PIN', async () => {
    await unlockConsole(consolePage, 'Olu Adebayo', '1357');
    await expect.poll(() => heading().textContent()).toBe('Choose a new PIN');
    expect(await consolePage.locator('main').textContent()).toContain('Choose a new PIN of at least 6 digits.');
    expect(await consolePage.getByRole('navigation').count()).toBe(0);
    await checkScreen(consolePage, '13a-console-choose-new-pin');
  });

  it('refuses a PIN that is still too short, at the field', async () => {
    await consolePage.getByLabel('Your current PIN').fill('1357');
    await consolePage.getByLabel('New PIN', { exact: true }).fill('24680');
    await consolePage.getByLabel('New PIN again').fill('24680');
    await consolePage.getByRole('button', { name: 'Save my new PIN' }).click();
    const field = consolePage.getByLabel('New PIN', { exact: true });
    await expect.poll(() => field.getAttribute('aria-invalid')).toBe('true');
    expect(await consolePage.locator('main').textContent()).toContain('needs a PIN of at least 6 digits');
    await checkScreen(consolePage, '13b-console-new-pin-too-short');
  });

  it('saves a 6-digit PIN, asks for it, and then opens the console', async () => {
    await consolePage.getByLabel('New PIN', { exact: true }).fill('246813');
    await consolePage.getByLabel('New PIN again').fill('246813');
    await consolePage.getByRole('button', { name: 'Save my new PIN' }).click();
    await expect.poll(() => heading().textContent()).toBe('Staff console');
    expect(await consolePage.locator('main').textContent()).toContain('Your new PIN is saved. Unlock the console with it now.');
    await unlockConsole(consolePage, 'Olu Adebayo', '246813');
    await expect.poll(() => consolePage.getByRole('heading', { name: 'On site now' }).count()).toBe(1);
  });

  it('later, Olu changes the PIN by choice from the top bar, and the console asks for the new one', async () => {
    await consolePage.getByRole('button', { name: 'Change my PIN' }).click();
    await expect.poll(() => heading().textContent()).toBe('Change my PIN');
    // Nothing forces it: going back leaves the PIN as it was.
    expect(await consolePage.getByRole('button', { name: 'Keep my PIN and go back' }).count()).toBe(1);
    await checkScreen(consolePage, '13c-console-change-my-pin');
    await consolePage.getByLabel('Your current PIN').fill('246813');
    await consolePage.getByLabel('New PIN', { exact: true }).fill('975310');
    await consolePage.getByLabel('New PIN again').fill('975310');
    await consolePage.getByRole('button', { name: 'Save my new PIN' }).click();
    await expect.poll(() => heading().textContent()).toBe('Staff console');
    await unlockConsole(consolePage, 'Olu Adebayo', '975310');
    await expect.poll(() => consolePage.getByRole('heading', { name: 'On site now' }).count()).toBe(1);
    expect(consoleProblems).toEqual([]);
  });
});
