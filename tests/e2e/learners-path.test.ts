import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  checkScreen, closeKioskInChromium, openConsolePage, openKioskInChromium, openSection, setUpThroughUi, startKiosk, unlockConsole,
  type RunningKiosk, type WatchedPage,
} from '../helpers/e2e.js';
import { addStaffAccount } from '../helpers/e2e-console-steps.js';

/**
 * Pupils' devices end to end, in a real Chromium against the app as `npm start` runs it: the administrator
 * gives the headteacher the Headteacher or leadership role; the head records her agreement for a Year 6
 * pupil's phone, typing her own PIN; at hand-in the office sees on the Log items page that the agreement
 * is in force (and that another pupil has none). In the morning queue the office logs her phone under the
 * agreement, and a watch with none for another pupil; at 15:15 the phone goes back to her with one tap; the
 * watch nobody collected is flagged on Today and on Pupils' devices the next morning. The head then ends the
 * agreement early with a reason and it stays on the list. The app is restarted on the same data folder at
 * each new time of day (its clock starts where the test says). Each screen is photographed for the README
 * and checked with axe (WCAG 2.2 AA).
 */
let kiosk: RunningKiosk;
let browser: Browser;
let watched: WatchedPage;
let consolePage: Page;
const consoleProblems: string[] = [];
const ADMIN_PIN = '482613';
const HEAD = 'Helen Bradley-Wyatt';
const HEAD_PIN = '246810';

const heading = () => consolePage.getByRole('heading', { level: 1 });
const main = () => consolePage.locator('main');
const queue = () => consolePage.getByRole('region', { name: 'Handed in on arrival' });
const homeTime = () => consolePage.getByRole('table', { name: 'Back at the end of the day' });

/** Later the same day, or the next: the app stops and starts again on the same data folder, its clock at `instant`. */
async function restartAt(instant: string): Promise<void> {
  await consolePage.close();
  await kiosk.stop({ keepData: true });
  kiosk = await startKiosk(['--browser', '--no-open'], kiosk.dataDir, instant);
  await watched.page.goto(kiosk.launchUrl);
  consolePage = await openConsolePage(watched, kiosk.origin, consoleProblems);
}

beforeAll(async () => {
  ({ kiosk, browser, watched } = await openKioskInChromium());
});

afterAll(() => closeKioskInChromium({ kiosk, browser, watched }));

describe.sequential("pupils' devices in Chromium", () => {
  it('the administrator gives the headteacher the Headteacher or leadership role', async () => {
    await setUpThroughUi(watched.page, { settingName: 'Hollingbourne Primary', adminName: 'Priya Shah', pin: ADMIN_PIN });
    consolePage = await openConsolePage(watched, kiosk.origin, consoleProblems);
    await unlockConsole(consolePage, 'Priya Shah', ADMIN_PIN);
    await addStaffAccount(consolePage, { name: HEAD, pin: HEAD_PIN, roles: ['Headteacher or leadership'] });
    const row = consolePage.getByRole('table', { name: 'Staff accounts' }).getByRole('row', { name: new RegExp(HEAD) });
    expect(await row.textContent()).toContain('Office, Headteacher or leadership');

    // The administrator (a DSL, not leadership) reads the agreements but is not offered to record one.
    await openSection(consolePage, 'Agreements');
    await expect.poll(() => main().textContent()).toContain('No pupil has an agreement at the moment.');
    expect(await consolePage.getByRole('button', { name: 'Record an agreement' }).count()).toBe(0);
    await consolePage.getByRole('button', { name: 'Lock' }).click();
  });

  it('the head records her agreement for a Year 6 pupil\'s phone, with her own PIN', async () => {
    await unlockConsole(consolePage, HEAD, HEAD_PIN);
    await openSection(consolePage, 'Agreements');
    await consolePage.getByRole('button', { name: 'Record an agreement' }).click();
    await expect.poll(() => heading().textContent()).toBe('Record an agreement');
    await consolePage.getByLabel("Pupil's name").fill("Amy O'Brien");
    await consolePage.getByLabel('Class or year group').fill('Year 6');
    await consolePage.getByLabel('Kind of device').selectOption('phone');
    await consolePage.getByLabel('Description', { exact: true }).fill('Red Nokia, cracked case');
    await consolePage.getByLabel('Why the pupil needs it').fill('Walks home alone on Tuesdays and Thursdays');
    await consolePage.getByLabel('Conditions (optional)').fill('Switched off and handed in at the office on arrival');
    // A last day before the first is refused at the field, in the contract's words, before anything is sent.
    await consolePage.getByLabel('Last day').fill('2027-01-11');
    expect(await consolePage.getByRole('radio', { name: HEAD }).isChecked()).toBe(true);
    await consolePage.getByLabel('Their PIN').fill(HEAD_PIN);
    await consolePage.getByRole('button', { name: 'Record the agreement' }).click();
    await expect.poll(() => main().textContent()).toContain('The last day cannot be before the first day.');
    await consolePage.getByLabel('Last day').fill('2027-07-21');
    // Put right, the field's message and the summary above the form go.
    await expect.poll(() => main().textContent()).not.toContain('Please check the answers marked below.');
    await checkScreen(consolePage, '41-pupils-record-agreement', { fullPage: true });
    await consolePage.getByRole('button', { name: 'Record the agreement' }).click();

    await expect.poll(() => main().textContent()).toContain("Agreement recorded for Amy O'Brien.");
    const current = consolePage.getByRole('table', { name: 'Current agreements' });
    const row = current.getByRole('row', { name: /Amy O'Brien/ });
    expect(await row.textContent()).toContain('Agreement in force until Wed, 21 Jul 2027');
    expect(await row.textContent()).toContain(HEAD);
    await checkScreen(consolePage, '42-pupils-devices', { scroll: 'top' });
  });

  it('at hand-in the Log items page says whether the pupil has an agreement in force', async () => {
    await openSection(consolePage, 'Log items');
    await consolePage.getByText('Pupil', { exact: true }).click();
    // Typed as the office might, in another order and case: the whole name still finds her.
    await consolePage.getByLabel("Pupil's name").fill("o'brien amy");
    await expect.poll(() => main().textContent()).toContain('Agreement in force until Wed, 21 Jul 2027');
    expect(await main().textContent()).toContain('Phone: Red Nokia, cracked case · agreed by Helen Bradley-Wyatt');
    await consolePage.getByLabel('Class or year group (optional)').fill('Year 6');
    await consolePage.getByText('Held for the day', { exact: true }).click();
    await checkScreen(consolePage, '43-pupils-hand-in-agreement', { scroll: 'top' });

    await consolePage.getByLabel("Pupil's name").fill('Sam Fox');
    await expect.poll(() => main().textContent()).toContain('No agreement on record');
    expect(await main().textContent()).not.toContain('Agreement in force');
  });

  it('in the morning queue the office logs her phone under the agreement, then the next pupil, focus back on the name each time', async () => {
    await openSection(consolePage, 'Hand in and home time');
    const name = queue().getByRole('textbox', { name: /Pupil's name/ });
    // Typed in a hurry, in lower case with extra spaces: the whole name still finds her agreement.
    await name.fill("amy  o'brien ");
    await expect.poll(() => queue().textContent()).toContain('Agreement in force until Wed, 21 Jul 2027');
    expect(await queue().getByRole('checkbox', { name: /Phone: Red Nokia, cracked case/ }).isChecked()).toBe(true);
    await queue().getByLabel('Bag or slot number').fill('12');
    await queue().evaluate((el) => el.scrollIntoView());
    await checkScreen(consolePage, '43a-pupils-arrival');
    await queue().getByLabel('Bag or slot number').press('Enter');
    await expect.poll(() => queue().textContent()).toContain("Phone logged for Amy O'Brien, bag 12. Receipt 2027-0001.");
    // No printer is set up here: said, with Reprint, like any receipt that did not print.
    expect(await queue().textContent()).toContain('Receipt 2027-0001 not printed');
    await expect.poll(() => name.evaluate((el) => el === document.activeElement)).toBe(true);

    // The next child, no agreement: the name and Enter, as a scanner sends it, then the device described.
    await name.pressSequentially('Sam Fox');
    await name.press('Enter');
    await expect.poll(() => queue().textContent()).toContain('No agreement on record');
    await queue().getByLabel('Kind of device').selectOption('smart_watch');
    await queue().getByLabel('Make and colour (optional)').fill('Blue watch');
    await queue().getByLabel('Class or year group (optional)').fill('5C');
    await queue().getByLabel('Bag or slot number').fill('7');
    await queue().getByRole('button', { name: 'Log and print receipt' }).click();
    await expect.poll(() => queue().textContent()).toContain('Smart watch logged for Sam Fox, bag 7. Receipt 2027-0002.');
    await expect.poll(() => name.evaluate((el) => el === document.activeElement)).toBe(true);

    await expect.poll(() => homeTime().getByRole('row').count()).toBe(3);
    expect(await homeTime().getByRole('row', { name: /Amy O'Brien/ }).textContent()).toContain('Phone: Red Nokia, cracked case · bag 12');
    await consolePage.getByRole('button', { name: 'Lock' }).click();
  });

  it('at 15:15 the office gives Amy her phone back with one tap; Sam\'s watch waits', async () => {
    await restartAt('2027-01-12T15:15:00.000Z');
    await unlockConsole(consolePage, 'Priya Shah', ADMIN_PIN);
    await openSection(consolePage, 'Hand in and home time');
    await expect.poll(() => homeTime().getByRole('row').count()).toBe(3);
    const amy = homeTime().getByRole('row', { name: /Amy O'Brien/ });
    expect(await amy.textContent()).toContain('08:');
    await consolePage.getByRole('region', { name: 'Back at the end of the day' }).evaluate((el) => el.scrollIntoView());
    await checkScreen(consolePage, '43b-pupils-end-of-day');
    await amy.getByRole('button', { name: "Given back to Amy O'Brien" }).click();
    await expect.poll(() => main().textContent()).toContain("Phone given back to Amy O'Brien.");
    await expect.poll(() => homeTime().getByRole('row', { name: /Amy O'Brien/ }).count()).toBe(0);
    expect(await homeTime().getByRole('row', { name: /Sam Fox/ }).textContent()).not.toContain('Not collected');
    await consolePage.getByRole('button', { name: 'Lock' }).click();
  });

  it('the next morning Sam\'s watch, never collected, is flagged on Today and on Pupils\' devices', async () => {
    await restartAt('2027-01-13T08:10:00.000Z');
    await unlockConsole(consolePage, 'Priya Shah', ADMIN_PIN);
    const flag = consolePage.getByRole('region', { name: "Pupils' devices not collected" });
    await expect.poll(() => flag.textContent()).toContain('Sam Fox, 5C · Smart watch: Blue watch, bag 7 ⚠ Not collected on Tue, 12 Jan 2027');
    await flag.evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await checkScreen(consolePage, '43c-today-not-collected');
    await flag.getByRole('button', { name: "Open Pupils' devices" }).click();
    await expect.poll(() => heading().textContent()).toBe('Hand in and home time');
    await expect.poll(() => main().textContent()).toContain("1 pupil's device to give back · 1 not collected on an earlier day");
    expect(await homeTime().getByRole('row', { name: /Sam Fox/ }).textContent()).toContain('⚠ Not collected on Tue, 12 Jan 2027');
    await consolePage.getByRole('region', { name: 'Back at the end of the day' }).evaluate((el) => el.scrollIntoView());
    await checkScreen(consolePage, '43d-pupils-not-collected');
    await consolePage.getByRole('button', { name: 'Lock' }).click();
    await unlockConsole(consolePage, HEAD, HEAD_PIN);
  });

  it('the head ends the agreement early with a reason; it stays on record as ended', async () => {
    await openSection(consolePage, 'Agreements');
    await consolePage.getByRole('button', { name: "End early… the agreement for Amy O'Brien" }).click();
    const dialog = consolePage.getByRole('dialog', { name: "End the agreement for Amy O'Brien?" });
    await dialog.getByLabel('Reason').fill('Used the phone in class twice');
    await dialog.getByRole('button', { name: 'End the agreement' }).click();
    await expect.poll(() => dialog.count()).toBe(0);
    await expect.poll(() => main().textContent()).toContain('No pupil has an agreement at the moment.');
    const ended = consolePage.getByRole('table', { name: 'Ended agreements' });
    expect(await ended.getByRole('row', { name: /Amy O'Brien/ }).textContent()).toContain(`By ${HEAD}: Used the phone in class twice`);
    expect(consoleProblems).toEqual([]);
  });
});
