import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_RISK_CHECKLIST } from '../../src/shared/domain/exceptions.js';
import {
  checkScreen, closeKioskInChromium, openConsolePage, openKioskInChromium, openSection, setUpThroughUi, unlockConsole,
  type RunningKiosk, type WatchedPage,
} from '../helpers/e2e.js';

/**
 * A visitor asks at the kiosk to keep their phone for their work, end to end in a real Chromium against the
 * app as `npm start` runs it: the kiosk says the DSL will decide and the phone goes in the safe until then;
 * the office sees who is waiting; the DSL finds the request in the inbox, opens the approval form started
 * from it and approves with their PIN (a wrong one first, which leaves the request waiting). Each screen is
 * photographed for the README and checked with axe (WCAG 2.2 AA).
 */
let kiosk: RunningKiosk;
let browser: Browser;
let watched: WatchedPage;
let kioskPage: Page;
let consolePage: Page;
const consoleProblems: string[] = [];

const PIN = '482613';
const VISITOR = 'Ines Duarte';
const TITLE = `${VISITOR} asks to keep a phone: Notes for the EHCP review meeting`;
const kioskHeading = () => kioskPage.getByRole('heading', { level: 1 });
const consoleHeading = () => consolePage.getByRole('heading', { level: 1 });

beforeAll(async () => {
  ({ kiosk, browser, watched } = await openKioskInChromium());
  kioskPage = watched.page;
});

afterAll(() => closeKioskInChromium({ kiosk, browser, watched }));

describe.sequential('a visitor asks to keep a device, and the DSL decides, in Chromium', () => {
  it('the visitor asks at the kiosk, and is told the DSL decides while the phone is in the safe', async () => {
    await setUpThroughUi(kioskPage, { settingName: 'Oak Tree Primary', adminName: 'Priya Shah', pin: PIN });
    await kioskPage.getByRole('button', { name: /^Sign in/ }).click();
    await expect.poll(() => kioskHeading().textContent()).toBe('About you');
    await kioskPage.getByLabel('First name').fill('Ines');
    await kioskPage.getByLabel('Surname').fill('Duarte');
    await kioskPage.getByLabel('Organisation (optional)').fill('Kent County Council');
    await kioskPage.getByLabel('Who are you visiting, or why are you here?').fill('The SENCo');
    await kioskPage.getByRole('radio', { name: /Local authority officer/ }).click();
    await kioskPage.getByRole('button', { name: 'Next' }).click();
    await kioskPage.getByRole('button', { name: 'I have read and will follow these' }).click();
    await expect.poll(() => kioskHeading().textContent()).toBe('Do you have any of these with you?');
    await kioskPage.getByRole('button', { name: 'Laptop' }).click();

    // Reached from the keyboard, as from a finger.
    const keep = kioskPage.getByRole('button', { name: 'I need to keep a device for my work' });
    await keep.focus();
    await kioskPage.keyboard.press('Enter');
    await expect.poll(() => kioskHeading().textContent()).toBe('Keeping a device for your work');
    await kioskPage.getByRole('radio', { name: 'Phone' }).check();
    await kioskPage.getByLabel('What do you need it for?').fill('Notes for the EHCP review meeting');
    await checkScreen(kioskPage, '73a-kiosk-keep-device-request', { scroll: 'top', fullPage: true });
    await kioskPage.getByRole('button', { name: 'Ask the DSL and sign in' }).click();

    await expect.poll(() => kioskHeading().textContent()).toBe("You're signed in, Ines.");
    await expect.poll(() => kioskPage.getByRole('heading', { name: 'You have asked to keep your phone' }).count()).toBe(1);
    const main = await kioskPage.locator('main').textContent();
    expect(main).toContain('Until then, your phone goes in the office safe with everything else, because our policy lets visitors use a device only once the DSL has agreed.');
    expect(main).toContain('Please hand your phone and laptop to the office now.');
    await checkScreen(kioskPage, '73c-kiosk-keep-device-asked');
  });

  it("the office sees she is waiting for the DSL; the DSL finds her request in the inbox", async () => {
    consolePage = await openConsolePage(watched, kiosk.origin, consoleProblems);
    await unlockConsole(consolePage, 'Priya Shah', PIN);
    const onSite = consolePage.getByRole('table', { name: /On site/ });
    await expect.poll(() => onSite.textContent()).toContain('Asked to keep a phone: waiting for the DSL');

    await openSection(consolePage, 'Safeguarding');
    await expect.poll(() => consoleHeading().textContent()).toBe('Inbox');
    const group = consolePage.getByRole('region', { name: 'Visitors asking to keep a device (1)' });
    await expect.poll(() => group.textContent()).toContain(TITLE);
    await checkScreen(consolePage, '73b-inbox-exception-request', { scroll: 'top' });
  });

  it('the DSL opens the approval started from the request; a wrong PIN is refused, the right one approves it and the request leaves the inbox', async () => {
    await consolePage.getByRole('region', { name: 'Visitors asking to keep a device (1)' }).getByRole('button', { name: /^Approve…/ }).click();
    await expect.poll(() => consoleHeading().textContent()).toBe(`Approve device use for ${VISITOR}`);
    expect(await consolePage.locator('main').textContent()).toContain('to keep a phone: “Notes for the EHCP review meeting”');
    expect(await consolePage.getByLabel('Permitted use', { exact: true }).inputValue()).toBe('Notes for the EHCP review meeting');
    await consolePage.getByRole('radio', { name: /Local authority/ }).check();
    await consolePage.getByLabel('Permitted areas', { exact: true }).fill('The meeting room');
    for (const item of DEFAULT_RISK_CHECKLIST) await consolePage.getByRole('checkbox', { name: item }).check();

    await consolePage.getByLabel("DSL's PIN", { exact: true }).fill('1111');
    await consolePage.getByRole('button', { name: 'Approve as DSL' }).click();
    await expect.poll(() => consolePage.getByRole('alert').first().textContent()).toContain('That PIN is not right.');
    await consolePage.getByLabel("DSL's PIN", { exact: true }).fill(PIN);
    await consolePage.getByRole('button', { name: 'Approve as DSL' }).click();
    await expect.poll(() => consolePage.locator('main').textContent()).toContain(`Device use approved for ${VISITOR}.`);
    await expect.poll(() => consolePage.locator('main').textContent()).toContain('Nothing is waiting for the Designated Safeguarding Lead.');

    await openSection(consolePage, 'Today');
    const onSite = consolePage.getByRole('table', { name: /On site/ });
    await expect.poll(() => onSite.textContent()).toContain('Device use approved: Notes for the EHCP review meeting; The meeting room');
    expect(await onSite.textContent()).not.toContain('waiting for the DSL');
    expect(watched.problems).toEqual([]);
    expect(consoleProblems).toEqual([]);
  });
});
