import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  checkScreen, closeKioskInChromium, openKioskInChromium, setUpThroughUi, unlockConsole, type RunningKiosk, type WatchedPage,
} from '../helpers/e2e.js';

/**
 * Visitors whose names do not fit "first name, surname", in a real Chromium against the app as `npm start`
 * runs it: the name form is photographed and checked with axe (WCAG 2.2 AA).
 */
let kiosk: RunningKiosk;
let browser: Browser;
let watched: WatchedPage;
let page: Page;

const heading = () => page.getByRole('heading', { level: 1 });

async function answerTheRest(): Promise<void> {
  await page.getByLabel('Who are you visiting, or why are you here?').fill('SEND review');
  await page.getByRole('radio', { name: /Visiting professional/ }).click();
}

async function finishSigningIn(): Promise<void> {
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByRole('button', { name: 'I have read and will follow these' }).click();
  await page.getByRole('button', { name: 'I have none of these' }).click();
}

beforeAll(async () => {
  ({ kiosk, browser, watched } = await openKioskInChromium());
  page = watched.page;
});

afterAll(() => closeKioskInChromium({ kiosk, browser, watched }));

describe.sequential('names the way visitors write them, in Chromium', () => {
  it('first run: sets up the setting', async () => {
    await setUpThroughUi(page, { settingName: 'Oak Tree Primary School', adminName: 'Priya Shah', pin: '482613' });
  });

  it('王芳 types her name in her own order, ticks "family name first", and is 王芳 on the staff console', async () => {
    await page.getByRole('button', { name: /^Sign in/ }).click();
    await expect.poll(() => heading().textContent()).toBe('About you');
    await page.getByLabel('First name').fill('王');
    await page.getByLabel('Surname').fill('芳');
    await page.getByRole('checkbox', { name: /My family name comes first/ }).check();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'shown as' }).textContent()).toBe('Your name will be shown as 王芳');
    expect(await page.getByLabel('Family name', { exact: true }).inputValue()).toBe('王');
    await answerTheRest();
    await checkScreen(page, '03a-details-family-name-first', { scroll: 'top' });
    await finishSigningIn();
    await expect.poll(() => heading().textContent()).toMatch(/signed in, 芳/);
    await page.getByRole('button', { name: 'Finish' }).click();
  });

  it('someone with one name ticks "I have only one name", signs in, and signs out by it', async () => {
    await page.getByRole('button', { name: /^Sign in/ }).click();
    await page.getByLabel('First name').fill('Suharto');
    await page.getByRole('checkbox', { name: 'I have only one name' }).check();
    await expect.poll(() => page.getByLabel('Surname', { exact: true }).count()).toBe(0);
    await answerTheRest();
    await checkScreen(page, '03b-details-one-name', { scroll: 'top' });
    await finishSigningIn();
    await expect.poll(() => heading().textContent()).toMatch(/signed in, Suharto/);
    await page.getByRole('button', { name: 'Finish' }).click();

    await page.getByRole('button', { name: /^Sign out/ }).click();
    await page.getByLabel('Type the first letters of your surname').fill('suh');
    // Other visitors see only the initial of a one-word name, as of a surname.
    const match = page.getByRole('button', { name: /^S\./ });
    await expect.poll(() => match.count()).toBe(1);
    expect(await page.locator('main').textContent()).not.toContain('Suharto');
    await match.click();
    await page.getByRole('button', { name: 'Yes, sign me out' }).click();
    await expect.poll(() => heading().textContent()).toMatch(/Goodbye, Suharto/);
    await page.getByRole('button', { name: 'Finish' }).click();
  });

  it('the staff console lists 王芳 written her way', async () => {
    await page.getByRole('link', { name: 'Staff' }).click();
    await unlockConsole(page, 'Priya Shah', '482613');
    await expect.poll(() => page.getByRole('heading', { name: 'On site now' }).count()).toBe(1);
    await expect.poll(() => page.getByRole('rowheader', { name: '王芳' }).count()).toBe(1);
    expect(watched.problems).toEqual([]);
  });
});
