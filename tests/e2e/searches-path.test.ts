import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  checkScreen, closeKioskInChromium, openConsolePage, openKioskInChromium, openSection, setUpThroughUi, unlockConsole,
  type RunningKiosk, type WatchedPage,
} from '../helpers/e2e.js';
import { addStaffAccount, confiscate } from '../helpers/e2e-console-steps.js';

/**
 * A search of a confiscated phone, end to end in a real Chromium against the app as `npm start` runs it: the
 * office logs a pupil's phone as confiscated; the headteacher records her search of it from the Confiscated
 * page, with the parent's consent (a consent time still to come is refused at its box); the search is listed
 * under Searches; the DSL, who is not leadership, sees it there but is offered no way to record one. The
 * dialog and the list are photographed for the README and checked with axe (WCAG 2.2 AA).
 */
let kiosk: RunningKiosk;
let browser: Browser;
let watched: WatchedPage;
let consolePage: Page;
const consoleProblems: string[] = [];
const ADMIN_PIN = '482613';
const HEAD = 'Helen Bradley-Wyatt';
const HEAD_PIN = '246810';

const main = () => consolePage.locator('main');
const searches = () => consolePage.getByRole('table', { name: 'Searches' });

beforeAll(async () => {
  ({ kiosk, browser, watched } = await openKioskInChromium());
});

afterAll(() => closeKioskInChromium({ kiosk, browser, watched }));

describe.sequential('a search of a confiscated phone in Chromium', () => {
  it('the office logs a pupil\'s phone as confiscated', async () => {
    await setUpThroughUi(watched.page, { settingName: 'Hollingbourne Primary', adminName: 'Priya Shah', pin: ADMIN_PIN });
    consolePage = await openConsolePage(watched, kiosk.origin, consoleProblems);
    await unlockConsole(consolePage, 'Priya Shah', ADMIN_PIN);
    await addStaffAccount(consolePage, { name: HEAD, pin: HEAD_PIN, roles: ['Headteacher or leadership'] });
    await confiscate(consolePage, { pupil: 'Kofi Mensah', classGroup: '6B', reason: 'Filming other pupils at break', device: 'Black iPhone', bag: 'C1' });
    await consolePage.getByRole('button', { name: 'Lock' }).click();
  });

  it('the head records her search with the parent\'s consent, and it is listed', async () => {
    await unlockConsole(consolePage, HEAD, HEAD_PIN);
    await openSection(consolePage, 'Confiscated');
    const row = consolePage.getByRole('table', { name: 'In the safe' }).getByRole('row', { name: /Kofi Mensah/ });
    await expect.poll(() => consolePage.getByRole('region', { name: 'Searches' }).textContent()).toContain('No device has been searched.');
    await row.getByRole('button', { name: /Record a search/ }).click();
    const dialog = consolePage.getByRole('dialog', { name: "Record a search of Kofi Mensah's phone" });
    await expect.poll(() => dialog.count()).toBe(1);
    const time = dialog.getByLabel('Time consent was given');
    const now = await time.inputValue();
    expect(now).toMatch(/^\d{2}:\d{2}$/);

    await dialog.getByRole('radio', { name: 'A parent or carer' }).check();
    await dialog.getByLabel('Name of the parent or carer').fill('Ama Mensah');
    await dialog.getByLabel('Relationship to the pupil').fill('Mother');
    await dialog.getByLabel('What was looked at').fill('Videos and photos taken today');
    await dialog.getByLabel('What was found').fill('One video of another pupil, filmed at break');
    await dialog.getByRole('radio', { name: 'Content deleted' }).check();
    await dialog.getByLabel('What was deleted').fill('The video, deleted with Kofi watching');
    await dialog.getByLabel('Who else was present (optional)').fill('Mr Evans, deputy head');
    // Consent that has not been given yet is refused by main, under the time box.
    await time.fill('23:59');
    await dialog.getByRole('button', { name: 'Record the search' }).click();
    await expect.poll(() => dialog.textContent()).toContain('That time has not come yet today');
    await time.fill(now);
    // The picture starts at the top of the dialog: whose device, and whose consent.
    await dialog.evaluate((el) => {
      for (const node of [el, ...el.querySelectorAll('*')]) if (node.scrollHeight > node.clientHeight) node.scrollTop = 0;
    });
    await checkScreen(consolePage, '44a-pupils-search-dialog');
    await dialog.getByRole('button', { name: 'Record the search' }).click();

    await expect.poll(() => main().textContent()).toContain("Search of Kofi Mensah's phone recorded.");
    const listed = searches().getByRole('row', { name: /Kofi Mensah/ });
    expect(await listed.textContent()).toContain(`by ${HEAD}`);
    expect(await listed.textContent()).toContain('Ama Mensah (Mother)');
    expect(await listed.textContent()).toContain('Content deleted');
    expect(await row.textContent()).toContain('Searched once');
    await consolePage.getByRole('region', { name: 'Searches' }).evaluate((el) => el.scrollIntoView());
    await checkScreen(consolePage, '44b-pupils-searches');
    await consolePage.getByRole('button', { name: 'Lock' }).click();
  });

  it('the DSL sees every search but is offered no way to record one', async () => {
    await unlockConsole(consolePage, 'Priya Shah', ADMIN_PIN);
    await openSection(consolePage, 'Confiscated');
    await expect.poll(() => searches().getByRole('row', { name: /Kofi Mensah/ }).count()).toBe(1);
    expect(await consolePage.getByRole('button', { name: /Record a search/ }).count()).toBe(0);
    expect(consoleProblems).toEqual([]);
  });
});
