import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  checkScreen, closeKioskInChromium, openConsolePage, openKioskInChromium, openSection, SCREENSHOT_DIR, setUpThroughUi, unlockConsole,
  type RunningKiosk, type WatchedPage,
} from '../helpers/e2e.js';
import { decodeQr, flatten, pdfText, renderFirstPageToFile, renderPdfToPngs } from '../helpers/pdf.js';
import { addStaffAccount } from '../helpers/e2e-console-steps.js';

/**
 * Staff days end to end, in a real Chromium against the app as `npm start` runs it: the administrator says
 * staff phones go in the safe during working hours and adds a member of staff; at the kiosk he signs in with
 * his phone into the safe (name, Sign in, his pouch, his PIN); at the console the administrator, signed in
 * without hers, is listed on Today as on duty without her phone in the safe; on Staff on site his phone goes
 * out for his break and back in, two taps each; the roll call lists both of them apart from the visitors; the
 * administrator issues him a staff badge and he signs out by scanning it. Each screen is photographed for the
 * README and checked with axe (WCAG 2.2 AA).
 */
let kiosk: RunningKiosk;
let browser: Browser;
let watched: WatchedPage;
let consolePage: Page;
const consoleProblems: string[] = [];
const ADMIN = 'Priya Shah';
const ADMIN_PIN = '482613';
const TOM = 'Tom Reilly';
const TOM_PIN = '1470';

const kioskPage = () => watched.page;
const kioskHeading = () => kioskPage().getByRole('heading', { level: 1 });
const main = () => consolePage.locator('main');

beforeAll(async () => {
  ({ kiosk, browser, watched } = await openKioskInChromium());
});

afterAll(() => closeKioskInChromium({ kiosk, browser, watched }));

describe.sequential('staff days in Chromium', () => {
  it('the administrator keeps staff phones in the safe and adds a member of staff', async () => {
    await setUpThroughUi(kioskPage(), { settingName: 'Squirrel Lodge Nursery', adminName: ADMIN, pin: ADMIN_PIN });
    consolePage = await openConsolePage(watched, kiosk.origin, consoleProblems);
    await unlockConsole(consolePage, ADMIN, ADMIN_PIN);
    await openSection(consolePage, 'Admin');
    await openSection(consolePage, 'Settings', 'Admin sections');
    const setting = consolePage.getByRole('group', { name: 'Staff phones go in the safe during working hours' });
    await setting.getByRole('radio', { name: /^Yes/ }).check();
    await setting.evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await checkScreen(consolePage, '50a-admin-staff-phones-setting');
    await consolePage.getByRole('button', { name: 'Save settings' }).click();
    await expect.poll(() => main().textContent()).toContain('Settings saved.');

    await addStaffAccount(consolePage, { name: TOM, pin: TOM_PIN });
  });

  it('at the kiosk, he signs in with his phone into the safe: name, Sign in, pouch, PIN', async () => {
    await kioskPage().reload();
    await kioskPage().getByRole('button', { name: 'Staff: sign in or out' }).waitFor();
    await checkScreen(kioskPage(), '50a1-kiosk-welcome-staff');
    await kioskPage().getByRole('button', { name: 'Staff: sign in or out' }).click();
    await expect.poll(() => kioskHeading().textContent()).toBe('Staff: sign in or out');
    await kioskPage().getByRole('button', { name: TOM }).waitFor();
    await checkScreen(kioskPage(), '50b-kiosk-staff-names');
    await kioskPage().getByRole('button', { name: TOM }).click();
    await kioskPage().getByRole('button', { name: /^Sign in/ }).click();
    await expect.poll(() => kioskHeading().textContent()).toBe('Your phone into the safe');
    await kioskPage().getByLabel('Bag or slot number').fill('Pouch 4');
    await checkScreen(kioskPage(), '50c-kiosk-staff-phone');
    await kioskPage().getByRole('button', { name: 'Next' }).click();
    await expect.poll(() => kioskHeading().textContent()).toBe('Type your PIN');
    await kioskPage().getByLabel('PIN', { exact: true }).fill('9999');
    await kioskPage().getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => kioskPage().locator('main').textContent()).toContain('That PIN is not right.');
    await checkScreen(kioskPage(), '50d-kiosk-staff-wrong-pin');
    await kioskPage().getByLabel('PIN', { exact: true }).fill(TOM_PIN);
    await kioskPage().getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => kioskHeading().textContent()).toBe("You're signed in, Tom.");
    expect(await kioskPage().locator('main').textContent()).toMatch(/Your phone is logged in the safe, pouch 4 \(receipt \d{4}-\d{4}\)\./);
    await checkScreen(kioskPage(), '50e-kiosk-staff-done');
    await kioskPage().getByRole('button', { name: 'Finish' }).click();
  });

  it('at the console, the administrator signs in without her phone and Today lists her as on duty without it', async () => {
    await openSection(consolePage, 'Staff on site');
    const me = consolePage.getByRole('region', { name: ADMIN });
    await me.getByRole('button', { name: 'Sign in without my phone' }).click();
    await expect.poll(() => main().textContent()).toMatch(/You signed in at \d\d:\d\d\./);
    await openSection(consolePage, 'Today');
    const missing = consolePage.getByRole('region', { name: 'Staff on duty whose phone is not in the safe' });
    await expect.poll(() => missing.getByRole('listitem').allTextContents()).toEqual([expect.stringContaining(`${ADMIN} · signed in`)]);
    await missing.evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await checkScreen(consolePage, '50f-today-staff-phones-missing');
  });

  it('on Staff on site, his phone goes out for his break and back in, two taps each', async () => {
    await consolePage.getByRole('region', { name: 'Staff on duty whose phone is not in the safe' }).getByRole('button', { name: 'Open Staff on site' }).click();
    const table = consolePage.getByRole('table', { name: 'Signed in now' });
    const tom = table.getByRole('row', { name: new RegExp(TOM) });
    await expect.poll(() => tom.textContent()).toContain('Phone in the safe, pouch 4');
    await checkScreen(consolePage, '50g-staff-on-site', { scroll: 'top', fullPage: true });

    await tom.getByRole('button', { name: `Out for a break for ${TOM}` }).click();
    const out = consolePage.getByRole('dialog', { name: 'Out of the safe for a break' });
    expect(await out.textContent()).toContain(`Give ${TOM}'s phone from pouch 4.`);
    await checkScreen(consolePage, '50h-staff-break-out');
    await out.getByRole('button', { name: 'Given to them' }).click();
    await expect.poll(() => tom.textContent()).toMatch(/Phone out since \d\d:\d\d/);

    await tom.getByRole('button', { name: `Back in the safe for ${TOM}` }).click();
    await consolePage.getByRole('dialog', { name: 'Back into the safe' }).getByRole('button', { name: 'Back in the safe' }).click();
    // Under the receipt he was given at sign-in: nothing new is printed at every break.
    await expect.poll(() => main().textContent()).toMatch(new RegExp(`${TOM}'s phone is back in the safe under receipt \\d{4}-\\d{4}, the one it first went in with\\.`));
    await expect.poll(() => tom.textContent()).toContain('Phone in the safe, pouch 4');
  });

  it('the roll call lists the staff signed in apart from the visitors, and saving it records both', async () => {
    await openSection(consolePage, 'Roll call');
    const staffList = consolePage.getByRole('list', { name: 'Staff signed in' });
    await expect.poll(() => staffList.getByRole('checkbox').count()).toBe(2);
    await staffList.getByText(ADMIN, { exact: true }).click();
    await consolePage.getByRole('button', { name: 'Finish roll call' }).click();
    const result = consolePage.getByRole('region', { name: 'Still missing: 1 person' });
    await expect.poll(() => result.count()).toBe(1);
    expect(await result.getByRole('list', { name: 'Staff still missing' }).getByRole('listitem').allTextContents()).toEqual([TOM]);
    await checkScreen(consolePage, '50i-roll-call-with-staff', { scroll: 'top', fullPage: true });
    expect(consoleProblems).toEqual([]);
    expect(watched.problems).toEqual([]);
  });

  it('the administrator issues him a staff badge, and he signs out at the kiosk by scanning it, with no PIN', async () => {
    await openSection(consolePage, 'Admin');
    await openSection(consolePage, 'Staff', 'Admin sections');
    await consolePage.getByRole('button', { name: `Issue badge… (${TOM})` }).click();
    await consolePage.getByRole('dialog', { name: `Issue a staff badge for ${TOM}?` }).getByRole('button', { name: 'Issue and print' }).click();
    await expect.poll(() => main().textContent()).toContain(`${TOM} has a staff badge`);
    // No badge printer here: the badge's PDF is offered to print by hand, and read back as the scanner would.
    const link = consolePage.getByRole('link', { name: 'Open the badge PDF' });
    const pdf = await (await consolePage.request.get(new URL((await link.getAttribute('href'))!, consolePage.url()).toString())).body();
    const [page] = await renderPdfToPngs(pdf, 300);
    const code = decodeQr(page!);
    expect(code).toMatch(/^[A-Z2-7]{26}$/);
    expect(flatten(await pdfText(pdf))).toContain(TOM);
    if (process.env.SAFE_HANDS_UPDATE_SCREENSHOTS === '1') await renderFirstPageToFile(pdf, join(SCREENSHOT_DIR, '74a-staff-badge.png'), 150);
    expect(await consolePage.getByRole('button', { name: `Replace badge… (${TOM})` }).count()).toBe(1);

    await kioskPage().getByRole('button', { name: 'Staff: sign in or out' }).click();
    const box = kioskPage().getByRole('textbox', { name: 'Scan your staff badge' });
    await expect.poll(() => box.evaluate((el) => el === document.activeElement)).toBe(true);
    await checkScreen(kioskPage(), '74b-kiosk-staff-badge-scan');
    // The USB scanner is a keyboard: the code, fast, then Enter.
    await box.pressSequentially(code!, { delay: 5 });
    await box.press('Enter');
    await expect.poll(() => kioskHeading().textContent()).toBe('Hello, Tom.');
    expect(await kioskPage().locator('main').textContent()).toMatch(/You signed in at \d\d:\d\d\. Are you leaving\?/);
    await kioskPage().getByRole('button', { name: /^Sign out/ }).click();
    await kioskPage().getByRole('button', { name: /Yes, I'm taking my phone/ }).click();
    await expect.poll(() => kioskHeading().textContent()).toBe('Goodbye, Tom.');
    expect(await kioskPage().getByRole('button', { name: 'Start again' }).count()).toBe(0);
    await kioskPage().getByRole('button', { name: 'Finish' }).click();
    expect(watched.problems).toEqual([]);
  });
});
