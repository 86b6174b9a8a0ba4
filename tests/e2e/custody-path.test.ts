import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  checkScreen, closeKioskInChromium, openConsolePage, openKioskInChromium, openSection, setUpThroughUi, unlockConsole,
  type RunningKiosk, type WatchedPage,
} from '../helpers/e2e.js';
import { decodeQr, renderPdfToPngs } from '../helpers/pdf.js';

/**
 * Device custody end to end, in a real Chromium against the app as `npm start` runs it: a visitor declares a
 * phone and a smart watch at the kiosk, the office logs them into bag 12 and gets a receipt (no printer is
 * set up, so the PDF is offered instead), the visitor is stopped at sign-out until the office hands them
 * back, and the office finds the receipt by number and by a scanner burst of the QR code's token.
 * Each console screen is photographed for the README and checked with axe (WCAG 2.2 AA).
 */
let kiosk: RunningKiosk;
let browser: Browser;
let watched: WatchedPage;
let kioskPage: Page;
let consolePage: Page;
const consoleProblems: string[] = [];

let receiptNumber = '';
let token = '';

const VISITOR = "Zoë O'Brien-Łukasz";

const kioskHeading = () => kioskPage.getByRole('heading', { level: 1 });
const consoleMain = () => consolePage.locator('main');

beforeAll(async () => {
  ({ kiosk, browser, watched } = await openKioskInChromium());
  kioskPage = watched.page;
});

afterAll(() => closeKioskInChromium({ kiosk, browser, watched }));

describe.sequential('device custody in Chromium', () => {
  it('first run: sets up the setting and its administrator', async () => {
    await setUpThroughUi(kioskPage, { settingName: 'Oak Tree Primary School', adminName: 'Priya Shah', pin: '482613' });
  });

  it('a visitor declares a phone and a smart watch at the kiosk', async () => {
    await kioskPage.getByRole('button', { name: /^Sign in/ }).click();
    await kioskPage.getByLabel('First name').fill('Zoë');
    await kioskPage.getByLabel('Surname').fill("O'Brien-Łukasz");
    await kioskPage.getByLabel('Organisation (optional)').fill('Kent County Council');
    await kioskPage.getByLabel('Who are you visiting, or why are you here?').fill('Meeting with the SENCo');
    await kioskPage.getByRole('radio', { name: /Visiting professional/ }).click();
    await kioskPage.getByRole('button', { name: 'Next' }).click();
    await kioskPage.getByRole('button', { name: 'I have read and will follow these' }).click();
    await kioskPage.getByRole('button', { name: /^Phone/ }).click();
    await kioskPage.getByRole('button', { name: /^Smart watch/ }).click();
    await kioskPage.getByRole('button', { name: 'Continue' }).click();
    await expect.poll(() => kioskHeading().textContent()).toMatch(/signed in, Zoë/);
    await kioskPage.getByRole('button', { name: 'Finish' }).click();
    await expect.poll(() => kioskHeading().textContent()).toContain('Welcome to');
  });

  it('staff unlock the console and log both items into bag 12', async () => {
    consolePage = await openConsolePage(watched, kiosk.origin, consoleProblems);
    await unlockConsole(consolePage, 'Priya Shah', '482613');

    const waiting = consolePage.getByRole('table', { name: 'Waiting to be logged into the safe' });
    const row = waiting.getByRole('row', { name: new RegExp(VISITOR) });
    await expect.poll(() => row.count()).toBe(1);
    expect(await consolePage.getByRole('button', { name: 'Today', exact: true }).getAttribute('aria-current')).toBe('page');
    await row.getByRole('button', { name: /^Log into safe/ }).click();

    await expect.poll(() => consolePage.getByRole('heading', { level: 1 }).textContent()).toBe('Log items into the safe');
    const item = (n: number) => consolePage.getByRole('group', { name: `Item ${n}`, exact: true });
    expect(await item(1).getByLabel('Kind of device').inputValue()).toBe('phone');
    expect(await item(2).getByLabel('Kind of device').inputValue()).toBe('smart_watch');
    await item(1).getByLabel('Make and colour').fill('Black iPhone 13');
    await item(1).getByLabel('Identifying marks').fill('Fox sticker on the case');
    await item(2).getByLabel('Make and colour').fill('Silver Apple Watch');
    await consolePage.getByLabel('Same bag for all').fill('12');
    expect(await item(2).getByLabel('Bag or slot number').inputValue()).toBe('12');
    await checkScreen(consolePage, '15-console-log-items', { scroll: 'top' });
    await consolePage.getByRole('button', { name: 'Log and print receipt' }).click();

    const panel = consolePage.getByRole('region', { name: /^Receipt \d{4}-\d{4,6}$/ });
    await expect.poll(() => panel.count()).toBe(1);
    receiptNumber = (await panel.locator('.receipt-number').textContent()) ?? '';
    expect(receiptNumber).toMatch(/^\d{4}-\d{4,6}$/);
    expect(await panel.textContent()).toContain(VISITOR);
    // No printer is set up in this test: the reason is said plainly and the PDF is offered instead.
    const alert = panel.getByRole('alert');
    expect(await alert.textContent()).toContain('The receipt was not printed.');
    expect(await alert.textContent()).toContain('No printer is set up for receipts');
    await checkScreen(consolePage, '16-console-receipt', { scroll: 'top' });
  });

  it('a detail typed wrongly is corrected from the receipt panel, with a reason, and the panel shows the correction', async () => {
    const panel = consolePage.getByRole('region', { name: `Receipt ${receiptNumber}` });
    await panel.getByRole('button', { name: 'Correct details… (Smart watch, bag 12)' }).click();
    const dialog = consolePage.getByRole('dialog', { name: 'Correct details: smart watch, bag 12' });
    expect(await dialog.getByLabel('Make and colour').inputValue()).toBe('Silver Apple Watch');
    expect(await dialog.getByLabel('Identifying marks').inputValue()).toBe('');
    expect(await dialog.getByLabel('Bag or slot number').inputValue()).toBe('12');
    await dialog.getByLabel('Identifying marks').fill('Black sport strap');
    const reason = dialog.getByLabel('Reason for the correction');
    await reason.fill('The strap was missed when it was logged.');
    await checkScreen(consolePage, '40-console-correct-item');
    // Without a reason nothing is saved: the box says so.
    await reason.fill('');
    await dialog.getByRole('button', { name: 'Save correction' }).click();
    await expect.poll(() => reason.getAttribute('aria-invalid')).toBe('true');
    expect(await dialog.textContent()).toContain('Say why the details are being corrected.');
    await reason.fill('The strap was missed when it was logged.');
    await dialog.getByRole('button', { name: 'Save correction' }).click();
    await expect.poll(() => dialog.count()).toBe(0);

    // What main answers, read back from the database: the corrected details, marked as a correction.
    const watch = panel.getByRole('row', { name: /Smart watch/ });
    await expect.poll(() => watch.textContent()).toContain('Black sport strap');
    expect(await watch.textContent()).toContain('Details corrected');
    expect(await watch.textContent()).toContain('Silver Apple Watch');
    expect(await panel.getByRole('row', { name: /Phone/ }).textContent()).not.toContain('Details corrected');
    expect(await panel.textContent()).toContain('Details of the smart watch corrected.');
  });

  it('the receipt PDF opens from the link and carries a QR code with the receipt token', async () => {
    const link = consolePage.getByRole('link', { name: 'Open the receipt PDF' });
    const href = await link.getAttribute('href');
    expect(href).toMatch(/^documents\//);
    const response = await consolePage.request.get(new URL(href!, consolePage.url()).toString());
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toBe('application/pdf');
    const pdf = await response.body();
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const [page] = await renderPdfToPngs(pdf);
    token = decodeQr(page!) ?? '';
    expect(token).toMatch(/^[A-Z2-7]{26}$/);
  });

  it('the visitor cannot sign out at the kiosk while their items are in the safe', async () => {
    await kioskPage.getByRole('button', { name: /^Sign out/ }).click();
    await kioskPage.getByLabel('Type the first letters of your surname').fill('obr');
    const match = kioskPage.getByRole('button', { name: /Zoë O\./ });
    await expect.poll(() => match.count()).toBe(1);
    await match.click();
    await kioskPage.getByRole('button', { name: 'Yes, sign me out' }).click();
    await expect.poll(() => kioskHeading().textContent()).toBe('Nearly done, Zoë.');
    expect(await kioskPage.locator('main').textContent()).toContain('Please collect your things from the office');
    await checkScreen(kioskPage, '20-kiosk-collect-items');
    await kioskPage.getByRole('button', { name: 'Finish' }).click();
    await expect.poll(() => kioskHeading().textContent()).toContain('Welcome to');
  });

  it('the console highlights the visitor, and the safe list shows whose items are waiting', async () => {
    await consolePage.getByRole('button', { name: 'Back to Today' }).click();
    await consolePage.getByRole('button', { name: 'Refresh' }).click();
    const wants = consolePage.getByRole('region', { name: /Wants to collect their items/ });
    await expect.poll(() => wants.count()).toBe(1);
    expect(await wants.textContent()).toContain(VISITOR);
    expect(await wants.textContent()).toContain('2 items in the safe');
    // Zoë is still signed in: the kiosk did not close her visit.
    expect(await consolePage.getByRole('table', { name: 'On site now' }).textContent()).toContain(VISITOR);
    // No printer is set up, so her receipt never printed: Today says so, with Reprint beside it.
    const unprinted = consolePage.getByRole('region', { name: 'Receipts not printed' });
    await expect.poll(() => unprinted.textContent()).toContain(`receipt ${receiptNumber}`);
    expect(await unprinted.textContent()).toContain(VISITOR);
    expect(await unprinted.getByRole('button', { name: `Reprint receipt ${receiptNumber}` }).count()).toBe(1);

    // Priya's own phone goes in too, so the safe list has a staff member as well as a visitor.
    await consolePage.getByRole('button', { name: 'My phone into the safe' }).click();
    const dialog = consolePage.getByRole('dialog', { name: 'Put your phone in the safe' });
    await dialog.getByLabel('Bag or slot number').fill('S1');
    await dialog.getByRole('button', { name: 'Log my phone' }).click();
    await expect.poll(() => consolePage.getByRole('region', { name: /^Receipt / }).textContent()).toContain('Priya Shah');

    await openSection(consolePage, 'In the safe');
    await expect.poll(() => consoleMain().textContent()).toContain('3 items in the safe');
    const groups = consolePage.locator('.safe-group');
    await expect.poll(() => groups.count()).toBe(2);
    expect(await groups.nth(0).textContent()).toContain(VISITOR);
    expect(await groups.nth(0).textContent()).toContain('Waiting at the office to collect');
    expect(await groups.nth(0).textContent()).toContain(receiptNumber);
    expect(await groups.nth(0).textContent()).toContain(`Receipt ${receiptNumber} not printed`);
    expect(await groups.nth(1).textContent()).toContain('Priya Shah');
    await checkScreen(consolePage, '19-console-in-safe');
  });

  it('staff find the receipt by its number and by a scanner burst of the QR token', async () => {
    await openSection(consolePage, 'Today');
    const wants = consolePage.getByRole('region', { name: /Wants to collect their items/ });
    await wants.getByRole('button', { name: /^Collect items for/ }).click();
    await expect.poll(() => consolePage.getByRole('heading', { level: 1 }).textContent()).toBe('Collect items');
    const box = consolePage.getByLabel('Scan the receipt QR code or type the receipt number');
    await expect.poll(() => box.evaluate((el) => el === document.activeElement)).toBe(true);
    // The desk opens with a search for her surname already run, in case the receipt is lost.
    const found = consolePage.getByRole('list', { name: 'Receipts found' }).getByRole('button');
    await expect.poll(() => found.count()).toBe(1);
    expect(await found.textContent()).toContain(`Receipt ${receiptNumber}`);
    const view = consolePage.getByRole('region', { name: `Receipt ${receiptNumber}` });

    // Typed by hand, then Enter.
    await consolePage.keyboard.type(receiptNumber, { delay: 60 });
    await consolePage.keyboard.press('Enter');
    await expect.poll(() => view.count()).toBe(1);
    expect(await box.inputValue()).toBe('');

    // A USB scanner: the 26-character token in a burst of keystrokes, then Enter.
    await consolePage.getByRole('button', { name: 'Next receipt' }).click();
    await expect.poll(() => view.count()).toBe(0);
    await expect.poll(() => box.evaluate((el) => el === document.activeElement)).toBe(true);
    await consolePage.keyboard.type(token, { delay: 5 });
    await consolePage.keyboard.press('Enter');
    await expect.poll(() => view.count()).toBe(1);
    expect(await box.inputValue()).toBe('');

    // A scanner set up without Enter at the end: the burst alone is enough.
    await consolePage.getByRole('button', { name: 'Next receipt' }).click();
    await expect.poll(() => view.count()).toBe(0);
    await consolePage.keyboard.type(token, { delay: 5 });
    await expect.poll(() => view.count()).toBe(1);

    expect(await view.getByRole('checkbox', { name: /Phone, bag 12/ }).isChecked()).toBe(true);
    expect(await view.getByRole('checkbox', { name: /Smart watch, bag 12/ }).isChecked()).toBe(true);
    expect(await view.getByLabel('Returned to').inputValue()).toBe(VISITOR);
    await checkScreen(consolePage, '17-console-collect', { scroll: 'main' });

    // The desk says the receipt never printed; Reprint tries the printer again and says why it did not.
    expect(await view.textContent()).toContain(`Receipt ${receiptNumber} not printed`);
    await view.getByRole('button', { name: `Reprint receipt ${receiptNumber}` }).click();
    await expect.poll(() => view.getByRole('alert').textContent()).toContain('It did not print. No printer is set up for receipts');
  });

  it('both items are marked returned and the visitor is signed out', async () => {
    const view = consolePage.getByRole('region', { name: `Receipt ${receiptNumber}` });
    await view.getByRole('button', { name: 'Mark returned' }).click();
    await expect.poll(() => view.textContent()).toContain(`${VISITOR} is now signed out.`);
    expect(await view.textContent()).toContain(`2 items returned to ${VISITOR}.`);
    expect(await view.getByRole('checkbox').count()).toBe(0);
    expect(await view.getByText(new RegExp(`^✓ ?Returned to ${VISITOR} by Priya Shah at \\d\\d:\\d\\d$`)).count()).toBe(2);
    expect(await view.textContent()).toContain('Nothing on this receipt is in the safe any more.');
    await checkScreen(consolePage, '18-console-returned', { scroll: 'main' });

    await openSection(consolePage, 'Today');
    await consolePage.getByRole('button', { name: 'Refresh' }).click();
    await expect.poll(() => consolePage.getByRole('region', { name: /Wants to collect their items/ }).count()).toBe(0);
    await expect.poll(() => consoleMain().textContent()).toContain('Nobody is signed in at the moment.');
    expect(await consoleMain().textContent()).not.toContain(VISITOR);
  });

  it('showed no console errors on any screen', () => {
    expect(watched.problems).toEqual([]);
    expect(consoleProblems).toEqual([]);
  });
});
