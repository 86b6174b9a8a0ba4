import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_RISK_CHECKLIST } from '../../src/shared/domain/exceptions.js';
import {
  accessibilityViolations, checkScreen, closeKioskInChromium, openConsolePage, openKioskInChromium, openSection, setUpThroughUi,
  unlockConsole, type RunningKiosk, type WatchedPage,
} from '../helpers/e2e.js';
import { decodeQr, renderPdfToPngs } from '../helpers/pdf.js';

/**
 * Safeguarding end to end, in a real Chromium against the app as `npm start` runs it: the first
 * administrator (also the DSL) books an Ofsted inspector for today and approves her laptop in advance,
 * re-entering the PIN; the invitation PDF's QR code signs her in at the kiosk with one scan; the on-site list
 * shows the approval, the DSL revokes it, and the list then says the device should be in the safe. Along the
 * way a concern is recorded, the parents are told, and the DSL closes it and writes its debrief; and a new
 * version of the expectations is written. Each screen is photographed
 * for the README and checked with axe (WCAG 2.2 AA).
 */
let kiosk: RunningKiosk;
let browser: Browser;
let watched: WatchedPage;
let kioskPage: Page;
let consolePage: Page;
const consoleProblems: string[] = [];
let token = '';
/** The record code on her printed approval record, read from its QR code. */
let recordCode = '';

const PIN = '482613';
const INSPECTOR = 'Helen Marsh';

const kioskHeading = () => kioskPage.getByRole('heading', { level: 1 });
const consoleHeading = () => consolePage.getByRole('heading', { level: 1 });
const onSiteTable = () => consolePage.getByRole('table', { name: 'On site now' });

/** The Today page's "On site now" card at the top of the screen, for its photograph. */
async function showOnSiteSection(): Promise<void> {
  await consolePage.evaluate(() => {
    const section = document.getElementById('onsite-heading')?.closest('section');
    if (section) window.scrollTo(0, section.getBoundingClientRect().top + window.scrollY - 16);
  });
}

/** The PDF behind the record page's "Open the record PDF" link, after "Print record" (no A4 printer is set up). */
async function printedRecordCode(): Promise<string> {
  await consolePage.getByRole('button', { name: 'Print record' }).click();
  const recordLink = consolePage.getByRole('link', { name: 'Open the record PDF' });
  await expect.poll(() => recordLink.count()).toBe(1);
  const recordPdf = await consolePage.request.get(new URL((await recordLink.getAttribute('href'))!, consolePage.url()).toString());
  expect(recordPdf.headers()['content-type']).toBe('application/pdf');
  const [page] = await renderPdfToPngs(await recordPdf.body());
  return decodeQr(page!) ?? '';
}

/** Opens "Check an approval" and scans a record code the way the USB scanner types it: a burst, then Enter. */
async function scanApproval(code: string, { open = true } = {}) {
  if (open) await openSection(consolePage, 'Check an approval');
  await expect.poll(() => consoleHeading().textContent()).toBe('Check a device approval');
  const box = consolePage.getByLabel('Scan the QR code on the approval record or type its record code', { exact: true });
  await expect.poll(() => box.evaluate((el) => el === document.activeElement)).toBe(true);
  await consolePage.keyboard.type(code, { delay: 5 });
  await consolePage.keyboard.press('Enter');
  const verdict = consolePage.getByRole('region', { name: /^(Approved|Not)/ });
  await expect.poll(() => verdict.count()).toBe(1);
  expect(await box.inputValue()).toBe('');
  return verdict;
}

async function openPart(name: string): Promise<void> {
  await openSection(consolePage, 'Safeguarding');
  await openSection(consolePage, name, 'Safeguarding sections');
}

beforeAll(async () => {
  ({ kiosk, browser, watched } = await openKioskInChromium());
  kioskPage = watched.page;
});

afterAll(() => closeKioskInChromium({ kiosk, browser, watched }));

describe.sequential('safeguarding in Chromium', () => {
  it('first run: the first administrator is also the DSL', async () => {
    await setUpThroughUi(kioskPage, { settingName: 'Oak Tree Primary School', adminName: 'Priya Shah', pin: PIN });

    consolePage = await openConsolePage(watched, kiosk.origin, consoleProblems);
    await unlockConsole(consolePage, 'Priya Shah', PIN);
    await expect.poll(() => consolePage.locator('.console-user-roles').textContent()).toContain('Designated Safeguarding Lead');
  });

  it('the DSL books an inspector for today', async () => {
    await openPart('Expected visitors');
    await expect.poll(() => consolePage.locator('main').textContent()).toContain('Nobody is booked today.');
    // "Today" is the host's day (its clock starts at E2E_CLOCK_START), whatever the browser's own clock says.
    expect(await consolePage.locator('.date-bar-summary').textContent()).toBe('Tue, 12 Jan 2027 (today): 0 bookings, 0 still expected');
    await consolePage.getByRole('button', { name: 'Book a visitor' }).click();
    await consolePage.getByLabel('First name', { exact: true }).fill('Helen');
    await consolePage.getByLabel('Surname', { exact: true }).fill('Marsh');
    await consolePage.getByLabel('Organisation (optional)', { exact: true }).fill('Ofsted');
    await consolePage.getByLabel('Kind of visitor', { exact: true }).selectOption('inspector');
    await consolePage.getByLabel('Who they are visiting', { exact: true }).fill('Headteacher');
    await consolePage.getByLabel('Expected time (optional)', { exact: true }).fill('09:30');
    await consolePage.getByRole('button', { name: 'Book the visit' }).click();
    await expect.poll(() => consolePage.getByRole('status').filter({ hasText: 'is booked for' }).count()).toBe(1);
    expect(await consolePage.getByRole('listitem', { name: INSPECTOR }).textContent()).toContain('Expected at 09:30');
  });

  it('approves her laptop in advance, with the risk assessment, re-entering the PIN', async () => {
    await consolePage.getByRole('button', { name: `Approve device use in advance… for ${INSPECTOR}` }).click();
    await expect.poll(() => consoleHeading().textContent()).toBe(`Approve device use for ${INSPECTOR}`);
    await consolePage.getByRole('radio', { name: 'Inspection (Ofsted or ISI)' }).check();
    await consolePage.getByRole('button', { name: 'One more: laptop' }).click();
    await consolePage.getByLabel('Permitted use', { exact: true }).fill('Note-taking and photos of documents only. No photos of children.');
    await consolePage.getByLabel('Permitted areas', { exact: true }).fill('Office, staff room and library');
    await consolePage.getByLabel('Conditions (optional)', { exact: true }).fill('Laptop stays closed when children are in the room.');
    for (const item of DEFAULT_RISK_CHECKLIST) await consolePage.getByRole('checkbox', { name: item }).check();
    await consolePage.getByLabel('Risk assessment notes', { exact: true }).fill('Inspection team briefed by the head.');
    expect(await consolePage.getByRole('radio', { name: 'Priya Shah' }).isChecked()).toBe(true);
    await consolePage.getByLabel("DSL's PIN", { exact: true }).fill(PIN);
    await checkScreen(consolePage, '22-exception-approve', { scroll: 'main' });

    // A wrong PIN is refused plainly and changes nothing.
    await consolePage.getByLabel("DSL's PIN", { exact: true }).fill('1111');
    await consolePage.getByRole('button', { name: 'Approve as DSL' }).click();
    await expect.poll(() => consolePage.getByRole('alert').first().textContent()).toContain('That PIN is not right.');
    expect(await consolePage.getByLabel("DSL's PIN", { exact: true }).inputValue()).toBe('');
    await consolePage.getByLabel("DSL's PIN", { exact: true }).fill(PIN);
    await consolePage.getByRole('button', { name: 'Approve as DSL' }).click();
    await expect.poll(() => consolePage.locator('main').textContent()).toContain(`Device use approved for ${INSPECTOR}.`);
    await expect.poll(() => consolePage.getByRole('listitem', { name: INSPECTOR }).textContent())
      .toContain('Device use approved: Note-taking and photos of documents only. No photos of children; Office, staff room and library');
  });

  it('the invitation PDF carries a QR code with her sign-in code', async () => {
    await consolePage.getByRole('button', { name: `Invitation (PDF) for ${INSPECTOR}` }).click();
    const link = consolePage.getByRole('link', { name: `Open the invitation PDF for ${INSPECTOR}` });
    await expect.poll(() => link.count()).toBe(1);
    const href = await link.getAttribute('href');
    expect(href).toMatch(/^documents\//);
    const response = await consolePage.request.get(new URL(href!, consolePage.url()).toString());
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toBe('application/pdf');
    const [page] = await renderPdfToPngs(await response.body());
    token = decodeQr(page!) ?? '';
    expect(token).toMatch(/^[A-Z2-7]{26}$/);
    await checkScreen(consolePage, '23-expected-visitors', { scroll: 'main' });
  });

  it('at the kiosk she signs in with one scan of the invitation', async () => {
    // The invitation button is on the welcome screen without scrolling, under the three main choices.
    const invitation = kioskPage.getByRole('button', { name: 'I have an invitation' });
    const box0 = await invitation.boundingBox();
    expect(box0!.y + box0!.height).toBeLessThanOrEqual(800);
    await invitation.click();
    const box = kioskPage.getByLabel('Scan the QR code on your invitation', { exact: true });
    await expect.poll(() => box.evaluate((el) => el === document.activeElement)).toBe(true);
    await checkScreen(kioskPage, '24-kiosk-invite');
    // The reception scanner types the code in a burst and presses Enter.
    await kioskPage.keyboard.type(token, { delay: 5 });
    await kioskPage.keyboard.press('Enter');
    await expect.poll(() => kioskHeading().textContent()).toBe('Welcome, Helen M.');
    await kioskPage.getByRole('button', { name: 'Continue' }).click();
    await kioskPage.getByRole('button', { name: 'I have read and will follow these' }).click();
    await expect.poll(() => kioskPage.locator('main').textContent())
      .toContain('Your device use has been approved by the DSL; the office will explain the limits.');
    expect(await accessibilityViolations(kioskPage), 'devices step: axe violations').toEqual([]);
    await kioskPage.getByRole('button', { name: /^Laptop/ }).click();
    await kioskPage.getByRole('button', { name: 'Continue' }).click();
    await expect.poll(() => kioskHeading().textContent()).toBe("You're signed in, Helen.");
    await kioskPage.getByRole('button', { name: 'Finish' }).click();
    await expect.poll(() => kioskHeading().textContent()).toContain('Welcome to');
  });

  it('the on-site list shows the approval and its limits, and the checks for an inspector', async () => {
    await openSection(consolePage, 'Today');
    await consolePage.getByRole('button', { name: 'Refresh' }).click();
    const row = onSiteTable().getByRole('row', { name: new RegExp(INSPECTOR) });
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.textContent()).toContain('Device use approved: Note-taking and photos of documents only.');
    await row.getByRole('checkbox', { name: /Photo ID checked/ }).check();
    await expect.poll(() => row.textContent()).toMatch(/Photo ID checked\s*at \d\d:\d\d/);
    await row.getByRole('checkbox', { name: /DBS assurance seen/ }).check();
    await expect.poll(() => row.textContent()).toMatch(/DBS assurance seen\s*at \d\d:\d\d/);
    await showOnSiteSection();
    await checkScreen(consolePage, '27-onsite-approved');

    await openPart('Device exceptions');
    const approved = onSiteTable().getByRole('row', { name: new RegExp(INSPECTOR) });
    await expect.poll(() => approved.textContent()).toContain('Device use approved');
    await checkScreen(consolePage, '21-safeguarding-exceptions', { scroll: 'main' });
  });

  it('a member of staff scans her printed approval record: genuine and in force now', async () => {
    const row = onSiteTable().getByRole('row', { name: new RegExp(INSPECTOR) });
    await row.getByRole('button', { name: `View record for ${INSPECTOR}` }).click();
    await expect.poll(() => consoleHeading().textContent()).toBe(`Device use record: ${INSPECTOR}`);
    recordCode = await printedRecordCode();
    expect(recordCode).toMatch(/^[A-Z2-7]{26}$/);
    await consolePage.getByRole('button', { name: 'Back', exact: true }).click();

    const verdict = await scanApproval(recordCode);
    expect(await verdict.getAttribute('aria-labelledby')).toBeTruthy();
    expect(await verdict.getByRole('heading', { level: 2 }).textContent()).toBe('Approved: in force now');
    const text = await verdict.textContent();
    expect(text).toContain('Genuine approval');
    expect(text).toContain(`${INSPECTOR} may keep the devices below`);
    expect(text).toContain('1 laptop');
    expect(text).toContain('Note-taking and photos of documents only. No photos of children.');
    expect(text).toContain('Office, staff room and library');
    expect(text).toContain('Laptop stays closed when children are in the room.');
    expect(text).toContain('Until they sign out');
    expect(text).toMatch(/Approved byPriya Shah, \d/);
    expect(text).not.toMatch(/not in force/i);
    await checkScreen(consolePage, '38-check-approval-in-force');

    await openPart('Device exceptions');
  });

  it('the DSL revokes it with a reason, and the list says the device should be in the safe', async () => {
    const row = onSiteTable().getByRole('row', { name: new RegExp(INSPECTOR) });
    await row.getByRole('button', { name: `Revoke… device use for ${INSPECTOR}` }).click();
    const dialog = consolePage.getByRole('dialog', { name: `Revoke device use for ${INSPECTOR}?` });
    await dialog.getByRole('button', { name: 'Revoke device use' }).click();
    await expect.poll(() => dialog.textContent()).toContain('Say why the approval is revoked.');
    await dialog.getByLabel('Reason', { exact: true }).fill('Photographed a classroom display with children in the room.');
    await dialog.getByRole('button', { name: 'Revoke device use' }).click();
    await expect.poll(() => dialog.count()).toBe(0);
    await expect.poll(() => row.textContent()).toContain('Approval ended (revoked): device should be in the safe');
    await row.getByRole('button', { name: `View record for ${INSPECTOR}` }).click();
    await expect.poll(() => consoleHeading().textContent()).toBe(`Device use record: ${INSPECTOR}`);
    expect(await accessibilityViolations(consolePage), 'approval record: axe violations').toEqual([]);
    expect(await consolePage.locator('main').textContent()).toContain('by Priya Shah: Photographed a classroom display with children in the room.');
    // The printed record: with no A4 printer set up, the reason is said and the PDF is offered instead.
    // The record printed again after revoking carries the same record code: the paper she holds is still checkable.
    expect(await printedRecordCode()).toBe(recordCode);
    await consolePage.getByRole('button', { name: 'Back', exact: true }).click();

    await openSection(consolePage, 'Today');
    const today = onSiteTable().getByRole('row', { name: new RegExp(INSPECTOR) });
    await expect.poll(() => today.textContent()).toContain('Approval ended (revoked): device should be in the safe');
    await showOnSiteSection();
    await checkScreen(consolePage, '28-onsite-revoked');
  });

  it('scanning the same record now says plainly that it is not in force, and why', async () => {
    const verdict = await scanApproval(recordCode);
    expect(await verdict.getByRole('heading', { level: 2 }).textContent()).toBe('Not in force: approval revoked');
    const text = await verdict.textContent();
    expect(text).toContain('Genuine Safe Hands record');
    expect(text).toContain('by Priya Shah: Photographed a classroom display with children in the room.');
    expect(text).toContain('The device should be in the office safe: ask them to hand it in.');
    expect(text).toContain(INSPECTOR);
    expect(text).not.toContain('in force now');
    await checkScreen(consolePage, '39-check-approval-revoked');

    // A well-formed code Safe Hands never issued gets main's own message; so does something that is not a code.
    await consolePage.getByRole('button', { name: 'Check another' }).click();
    const unknown = await scanApproval('ZZZZZZZZZZZZZZZZZZZZZZZZZZ', { open: false });
    expect(await unknown.getByRole('heading', { level: 2 }).textContent()).toBe('Not approved');
    expect(await unknown.textContent()).toContain('This is not an approval Safe Hands knows. Treat the device as not approved and ask the DSL.');
    const box = consolePage.getByLabel('Scan the QR code on the approval record or type its record code', { exact: true });
    await box.fill('2026-0001');
    await consolePage.getByRole('button', { name: 'Check', exact: true }).click();
    await expect.poll(() => box.getAttribute('aria-invalid')).toBe('true');
    expect(await consolePage.locator('main').textContent()).toContain('That is not a Safe Hands exception record.');
  });

  it('a concern is recorded against her visit, and the DSL can review it', async () => {
    await openPart('Concerns');
    await consolePage.getByRole('button', { name: 'Record a concern' }).click();
    await consolePage.getByRole('radio', { name: 'A visitor' }).check();
    await consolePage.getByLabel('Linked visit (optional)', { exact: true }).selectOption({ label: `${INSPECTOR} · Ofsted` });
    expect(await consolePage.getByLabel('Their name, or a description', { exact: true }).inputValue()).toBe(INSPECTOR);
    await consolePage.getByLabel('Where it happened', { exact: true }).fill('Year 2 classroom');
    await consolePage.getByLabel('What happened', { exact: true }).fill('Took a photo of a wall display while two children were standing beside it.');
    await consolePage.getByLabel('What was done', { exact: true }).fill('Asked her to delete it in front of me; told the DSL straight away.');
    await consolePage.getByRole('button', { name: 'Record the concern' }).click();
    const card = consolePage.getByRole('listitem', { name: INSPECTOR });
    await expect.poll(() => card.count()).toBe(1);
    expect(await card.textContent()).toContain(`Linked to the visit of ${INSPECTOR}`);
    expect(await card.getByRole('button', { name: `Review… the concern about ${INSPECTOR}` }).count()).toBe(1);
    await checkScreen(consolePage, '25-concerns', { scroll: 'top' });
  });

  it("the new concern waits in the DSL's inbox, counted beside Safeguarding, and opens from there", async () => {
    const group = consolePage.getByRole('navigation', { name: 'Console sections' }).getByRole('button', { name: 'Safeguarding', exact: true });
    // The count is read with the records-changed event after the concern was saved.
    await expect.poll(() => group.textContent()).toBe('Safeguarding1');
    await group.click();
    await expect.poll(() => consolePage.getByRole('heading', { level: 1 }).textContent()).toBe('Inbox');
    const concerns = consolePage.getByRole('region', { name: 'New concerns to review (1)' });
    expect(await concerns.textContent()).toContain(`A visitor: ${INSPECTOR}`);
    expect(await accessibilityViolations(consolePage)).toEqual([]);
    await checkScreen(consolePage, '25c-dsl-inbox');
    await concerns.getByRole('button', { name: new RegExp(`^Open Concerns.*${INSPECTOR}`) }).click();
    await expect.poll(() => consolePage.getByRole('heading', { level: 1 }).textContent()).toBe('Concerns');
  });

  it('the parents of the children in view are told; the DSL closes the concern and writes its debrief', async () => {
    const card = consolePage.getByRole('listitem', { name: INSPECTOR });
    expect(await card.textContent()).toContain('Not recorded yet.');
    await card.getByRole('button', { name: `Parents informed… for the concern about ${INSPECTOR}` }).click();
    const told = consolePage.getByRole('dialog', { name: 'Parents or carers informed' });
    // The DSL is told in plain words that not telling them is a choice they may have to make, and why.
    expect(await told.textContent()).toContain('sometimes it could put a child at more risk');
    await told.getByLabel('Who told them', { exact: true }).fill('Mrs Patel, Year 2 teacher');
    await told.getByLabel('Who was told (optional)', { exact: true }).fill('The parents of the two children beside the display');
    // From its top, where the hint says whose decision it is.
    await told.evaluate((el) => el.scrollTo(0, 0));
    await checkScreen(consolePage, '25a-parents-informed');
    await told.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => card.textContent()).toContain('by Mrs Patel, Year 2 teacher. Who was told: The parents of the two children beside the display.');

    // No debrief while the concern is open.
    expect(await card.getByRole('button', { name: /^Debrief/ }).count()).toBe(0);
    await card.getByRole('button', { name: `Review… the concern about ${INSPECTOR}` }).click();
    const review = consolePage.getByRole('dialog', { name: `Review the concern about ${INSPECTOR}` });
    await review.getByLabel('Outcome', { exact: true }).fill('Photo deleted in front of the class teacher; Ofsted told. No further action.');
    await review.getByRole('checkbox', { name: /Close the concern/ }).check();
    await review.getByRole('button', { name: 'Save and close' }).click();
    await expect.poll(() => card.getByRole('button', { name: `Review… the concern about ${INSPECTOR}` }).count()).toBe(0);
    expect(await card.textContent()).toContain('Closed');

    await card.getByRole('button', { name: `Debrief… for the concern about ${INSPECTOR}` }).click();
    const debrief = consolePage.getByRole('dialog', { name: `Debrief: the concern about ${INSPECTOR}` });
    await debrief.getByLabel('What was learnt', { exact: true }).fill('Visitors with approved devices were not told which walls show children’s names and photos.');
    await debrief.getByLabel('Changes to practice or to the policy (optional)', { exact: true })
      .fill('The approval now lists the displays not to photograph, and the host walks the visitor round first.');
    await debrief.getByRole('button', { name: 'Save the debrief' }).click();
    await expect.poll(() => card.textContent()).toContain('Lessons learntVisitors with approved devices were not told');
    expect(await card.getByRole('button', { name: /^Debrief/ }).count()).toBe(0);
    expect(await consolePage.locator('main').textContent()).toContain('The debrief is recorded.');
    // The card itself, with what followed the concern, for the photograph.
    await card.evaluate((el) => window.scrollTo(0, el.getBoundingClientRect().top + window.scrollY - 16));
    await checkScreen(consolePage, '25b-concern-debrief');
  });

  it('the DSL writes the next version of the expectations with a live preview', async () => {
    await openPart('Expectations');
    await expect.poll(() => consolePage.locator('main').textContent()).toContain('Version 1 is current');
    await consolePage.getByRole('button', { name: 'Edit and publish a new version' }).click();
    await expect.poll(() => consoleHeading().textContent()).toBe('Edit the expectations');
    await consolePage.getByLabel('Line 1', { exact: true }).fill('Please hand phones and smart watches to the office when you arrive.');
    const full = consolePage.getByLabel('Full text', { exact: true });
    await full.fill(`${await full.inputValue()}\n\n### Inspectors and visiting professionals\nThe DSL may approve a device for your work. The office will explain the limits.`);
    const preview = consolePage.getByRole('region', { name: 'Preview' });
    await expect.poll(() => preview.getByRole('heading', { name: 'Inspectors and visiting professionals' }).count()).toBe(1);
    await checkScreen(consolePage, '26-expectations-editor', { scroll: 'main' });
    await consolePage.getByRole('button', { name: 'Publish version 2' }).click();
    await expect.poll(() => consolePage.locator('main').textContent()).toContain('Version 2 is current');
  });

  it('showed no console errors on any screen', () => {
    expect(watched.problems).toEqual([]);
    expect(consoleProblems).toEqual([]);
  });
});
