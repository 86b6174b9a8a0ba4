import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { flatten, pdfText } from '../helpers/pdf.js';
import {
  checkScreen, closeKioskInChromium, openConsolePage, openKioskInChromium, openSection, setUpThroughUi, unlockConsole,
  type RunningKiosk, type WatchedPage,
} from '../helpers/e2e.js';
import { addStaffAccount } from '../helpers/e2e-console-steps.js';

/**
 * A member of staff's permission to use their own phone, end to end in a real Chromium against the app as
 * `npm start` runs it: in a school that keeps staff phones in the safe, Tom signs in without his phone and
 * Today lists him. The office records the headteacher's permission for his phone for remote learning (after
 * a risk assessment), the headteacher typing her own PIN at the office's console; it is not in force until
 * signed, so Today still lists him. The office opens the written permission as a PDF (browser mode, no
 * printer), records Tom's signature, and Today stops asking for his phone while Staff on site says he may
 * keep it. Only the headteacher is offered to end it; once she has, his phone is asked for again. Each
 * screen is photographed for the README and checked with axe (WCAG 2.2 AA).
 */
let kiosk: RunningKiosk;
let browser: Browser;
let watched: WatchedPage;
let consolePage: Page;
const consoleProblems: string[] = [];
const ADMIN = 'Priya Shah';
const ADMIN_PIN = '482613';
const HEAD = 'Helen Bradley';
const HEAD_PIN = '246813';
const TOM = 'Tom Reilly';
const TOM_PIN = '1470';

const heading = () => consolePage.getByRole('heading', { level: 1 });
const main = () => consolePage.locator('main');
const current = () => consolePage.getByRole('table', { name: 'Current permissions' });
const missingOnToday = () => consolePage.getByRole('region', { name: 'Staff on duty whose phone is not in the safe' });

beforeAll(async () => {
  ({ kiosk, browser, watched } = await openKioskInChromium());
});

afterAll(() => closeKioskInChromium({ kiosk, browser, watched }));

describe.sequential("a member of staff's device permission in Chromium", () => {
  it('in a school that keeps staff phones in the safe, Tom signs in without his phone and Today lists him', async () => {
    await setUpThroughUi(watched.page, { settingName: 'Hollingbourne Primary', adminName: ADMIN, pin: ADMIN_PIN });
    consolePage = await openConsolePage(watched, kiosk.origin, consoleProblems);
    await unlockConsole(consolePage, ADMIN, ADMIN_PIN);
    await openSection(consolePage, 'Admin');
    await openSection(consolePage, 'Settings', 'Admin sections');
    await consolePage.getByRole('group', { name: 'Staff phones go in the safe during working hours' }).getByRole('radio', { name: /^Yes/ }).check();
    await consolePage.getByRole('button', { name: 'Save settings' }).click();
    await expect.poll(() => main().textContent()).toContain('Settings saved.');
    await addStaffAccount(consolePage, { name: HEAD, pin: HEAD_PIN, roles: ['Headteacher or leadership'] });
    await addStaffAccount(consolePage, { name: TOM, pin: TOM_PIN });
    await consolePage.getByRole('button', { name: 'Lock' }).click();

    await unlockConsole(consolePage, TOM, TOM_PIN);
    await openSection(consolePage, 'Staff on site');
    await consolePage.getByRole('region', { name: TOM }).getByRole('button', { name: 'Sign in without my phone' }).click();
    await expect.poll(() => main().textContent()).toMatch(/You signed in at \d\d:\d\d\./);
    await consolePage.getByRole('button', { name: 'Lock' }).click();
  });

  it('the office records the permission for remote learning, the headteacher typing her own PIN; it waits for his signature', async () => {
    await unlockConsole(consolePage, ADMIN, ADMIN_PIN);
    await expect.poll(() => missingOnToday().getByRole('listitem').allTextContents()).toEqual([expect.stringContaining(`${TOM} · signed in`)]);
    await openSection(consolePage, 'Staff device permissions');
    await expect.poll(() => main().textContent()).toContain('No member of staff has a permission at the moment.');
    await consolePage.getByRole('button', { name: 'Record a permission' }).click();
    await expect.poll(() => heading().textContent()).toBe('Record a device permission');
    await consolePage.getByLabel('Member of staff').selectOption({ label: TOM });
    await consolePage.getByLabel('Description', { exact: true }).fill('Black iPhone 13 in a green case');
    await consolePage.getByRole('radio', { name: /Remote learning/ }).check();
    await consolePage.getByLabel(/^More about what it is for/).fill('Year 5 live lessons while the class is at home');
    await consolePage.getByLabel('What it may be used for').fill('Teaching the Year 5 live lessons on the school Teams account, and nothing else.');
    await consolePage.getByLabel('Where on site').fill('The Year 5 classroom and the staffroom');
    await consolePage.getByLabel('Day of the risk assessment').fill('2027-01-11');
    await consolePage.getByLabel('Last day (optional)').fill('2027-02-12');
    await consolePage.getByRole('radio', { name: HEAD }).check();
    await consolePage.getByLabel('Their PIN').fill(HEAD_PIN);
    await checkScreen(consolePage, '71a-staff-permission-record', { fullPage: true });
    await consolePage.getByRole('button', { name: 'Record the permission' }).click();

    await expect.poll(() => main().textContent()).toContain(`Permission recorded for ${TOM}.`);
    const row = current().getByRole('row', { name: new RegExp(TOM) });
    expect(await row.textContent()).toContain('Not in force: waiting for their signature');
    expect(await row.textContent()).toContain(HEAD);
    // Ending is the headteacher's: the administrator, who is not in leadership, is not offered it.
    expect(await consolePage.getByRole('button', { name: /^End…/ }).count()).toBe(0);
    // Not signed yet, so not in force: Today still asks for his phone.
    await openSection(consolePage, 'Today');
    await expect.poll(() => missingOnToday().getByRole('listitem').allTextContents()).toEqual([expect.stringContaining(TOM)]);
  });

  it('the written permission opens as a PDF, with lines for the headteacher and Tom to sign', async () => {
    await openSection(consolePage, 'Staff device permissions');
    await current().getByRole('button', { name: `Print the permission for ${TOM}` }).click();
    const link = consolePage.getByRole('link', { name: 'Open the permission PDF' });
    await expect.poll(() => link.count()).toBe(1);
    await checkScreen(consolePage, '71b-staff-permissions', { fullPage: true });
    const response = await consolePage.request.get(new URL((await link.getAttribute('href'))!, consolePage.url()).toString());
    expect(response.status()).toBe(200);
    const text = flatten(await pdfText(Buffer.from(await response.body())));
    for (const expected of ['Hollingbourne Primary', 'Permission to use a personal device at work', TOM, 'Not in force yet',
      'Remote learning: Year 5 live lessons', 'Done on Mon, 11 Jan 2027', 'Headteacher or leader', 'Member of staff', 'Name in capitals']) {
      expect(text).toContain(expected);
    }
  });

  it('the office records his signature: in force, Today stops asking for his phone and Staff on site says why', async () => {
    await current().getByRole('button', { name: `Record their signature… for ${TOM}` }).click();
    const dialog = consolePage.getByRole('dialog', { name: `Record ${TOM}'s signature` });
    await checkScreen(consolePage, '71c-staff-permission-signature');
    await dialog.getByRole('button', { name: 'Record the signature' }).click();
    await expect.poll(() => dialog.count()).toBe(0);
    await expect.poll(() => main().textContent()).toContain(`The signed permission is recorded. ${TOM} may now use the device as it says.`);
    expect(await current().getByRole('row', { name: new RegExp(TOM) }).textContent()).toContain('In force until Fri, 12 Feb 2027');

    await openSection(consolePage, 'Today');
    await expect.poll(() => heading().textContent()).toBe('Today');
    await expect.poll(() => missingOnToday().count()).toBe(0);
    await openSection(consolePage, 'Staff on site');
    const tom = consolePage.getByRole('table', { name: 'Signed in now' }).getByRole('row', { name: new RegExp(TOM) });
    await expect.poll(() => tom.textContent()).toContain('May keep phone: remote learning');
    expect(await tom.textContent()).not.toContain('Phone not in the safe');
    expect(await main().textContent()).toContain('1 member of staff signed in · no phone missing · 1 with permission to keep theirs');
    await checkScreen(consolePage, '71d-staff-on-site-may-keep-phone', { scroll: 'top' });
    await consolePage.getByRole('button', { name: 'Lock' }).click();
  });

  it('the headteacher ends it with a reason, and his phone is asked for again', async () => {
    await unlockConsole(consolePage, HEAD, HEAD_PIN);
    await openSection(consolePage, 'Staff device permissions');
    await current().getByRole('button', { name: `End… the permission for ${TOM}` }).click();
    const dialog = consolePage.getByRole('dialog', { name: `End the permission for ${TOM}?` });
    await dialog.getByLabel('Reason').fill('The class is back in school');
    await checkScreen(consolePage, '71e-staff-permission-end');
    await dialog.getByRole('button', { name: 'End the permission' }).click();
    await expect.poll(() => main().textContent()).toContain(`The permission for ${TOM} has ended.`);
    expect(await consolePage.getByRole('table', { name: 'Ended or run out' }).getByRole('row', { name: new RegExp(TOM) }).textContent())
      .toContain(`By ${HEAD}: The class is back in school`);
    await openSection(consolePage, 'Today');
    await expect.poll(() => missingOnToday().getByRole('listitem').allTextContents()).toEqual([expect.stringContaining(TOM)]);
    expect(consoleProblems).toEqual([]);
    expect(watched.problems).toEqual([]);
  });
});
