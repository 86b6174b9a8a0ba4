import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addStaffAccount, confiscate } from '../helpers/e2e-console-steps.js';
import {
  checkScreen, closeKioskInChromium, openConsolePage, openKioskInChromium, openSection, setUpThroughUi, startKiosk, unlockConsole,
  type RunningKiosk, type WatchedPage,
} from '../helpers/e2e.js';
import { flatten, pdfText } from '../helpers/pdf.js';

/**
 * One school day at Hollingbourne Primary, end to end, in a real Chromium against one app as `npm start`
 * runs it (browser kiosk mode), on Tuesday 12 January 2027. Each step is a moment of the day; the app is
 * restarted on the same data folder with its clock at that moment (SAFE_HANDS_TEST_CLOCK).
 *
 *  07:30  The administrator (the DSL) sets the school up: the headteacher and two staff accounts, staff
 *         phones in the safe, the day ending at 15:30. The head records her agreement for Amy's phone.
 *  08:05  Jo signs in at the kiosk with her phone into the safe; Tom signs in without his, and Today lists
 *         him. A contractor signs in. In the morning queue the office logs Amy's phone under the agreement.
 *  09:15  A medical exception for Maya, approved with the DSL's PIN, waits in the DSL's inbox until Maya
 *         and her mother sign the printed agreement; then it is in force at hand-in.
 *  10:30  Kai's phone is confiscated; the head searches it with his mother's consent.
 *  11:00  Fire drill: the roll call lists the visitor and the staff signed in, and is saved.
 *  15:15  Amy's phone goes back to her with one tap; Jo signs out and takes her phone.
 *  15:40  After the end of the day the DSL's inbox shows Kai's phone still held; it is released to his
 *         mother, named and checked, with no early agreement asked for.
 *
 * The day's key moments are photographed (70a-… in docs/screenshots) and checked with axe (WCAG 2.2 AA);
 * neither page may log an error.
 */
let kiosk: RunningKiosk;
let browser: Browser;
let watched: WatchedPage;
let consolePage: Page;
const consoleProblems: string[] = [];

const SCHOOL = 'Hollingbourne Primary';
const DAY = '2027-01-12';
const DSL = 'Priya Shah';
const DSL_PIN = '482613';
const HEAD = 'Helen Bradley-Wyatt';
const HEAD_PIN = '246810';
const JO = 'Jo Turner';
const JO_PIN = '1357';
const TOM = 'Tom Reilly';
const TOM_PIN = '1470';
const VISITOR = { first: 'Amira', last: 'Khan', org: 'Bright Sparks Ltd', visiting: 'Fixing the boiler' };

const kioskPage = () => watched.page;
const kioskHeading = () => kioskPage().getByRole('heading', { level: 1 });
const heading = () => consolePage.getByRole('heading', { level: 1 });
const main = () => consolePage.locator('main');

/**
 * Later the same day: the app stops and starts again on the same data folder, its clock at `time` (UK time,
 * which is UTC in January). Both screens are put away first: a page left asking a stopped app would log a
 * refused connection that says nothing about the app.
 */
async function restartAt(time: string): Promise<void> {
  await consolePage.close();
  await kioskPage().goto('about:blank');
  await kiosk.stop({ keepData: true });
  kiosk = await startKiosk(['--browser', '--no-open'], kiosk.dataDir, `${DAY}T${time}:00.000Z`);
  await kioskPage().goto(kiosk.launchUrl);
  consolePage = await openConsolePage(watched, kiosk.origin, consoleProblems);
}

async function lock(): Promise<void> {
  await consolePage.getByRole('button', { name: 'Lock' }).click();
  await expect.poll(() => consolePage.getByLabel('PIN', { exact: true }).isVisible()).toBe(true);
}

/** The DSL's inbox: Safeguarding, then Inbox. */
async function openInbox(): Promise<void> {
  await openSection(consolePage, 'Safeguarding');
  await openSection(consolePage, 'Inbox', 'Safeguarding sections');
  await expect.poll(() => main().textContent()).not.toContain('Reading what waits for you');
}

/**
 * A member of staff at the kiosk: Staff, their name, Sign in or out, the phone step, their PIN. The kiosk's
 * tab comes to the front first, as the console's tab usually is: Chromium paces a tab behind another, and
 * each tap there waits for it.
 */
async function staffAtKiosk(name: string, action: 'Sign in' | 'Sign out', phone: () => Promise<void>, pin: string): Promise<void> {
  await kioskPage().bringToFront();
  await kioskPage().getByRole('button', { name: 'Staff: sign in or out' }).click();
  await kioskPage().getByRole('button', { name }).click();
  await kioskPage().getByRole('button', { name: new RegExp(`^${action}`) }).click();
  await phone();
  await expect.poll(() => kioskHeading().textContent()).toBe('Type your PIN');
  await kioskPage().getByLabel('PIN', { exact: true }).fill(pin);
  await kioskPage().getByRole('button', { name: action }).click();
}

/** A document the console offers as a PDF link (browser mode, no printer), read as text. */
async function pdfBehind(linkName: string): Promise<string> {
  const link = consolePage.getByRole('link', { name: linkName });
  await expect.poll(() => link.count()).toBe(1);
  const response = await consolePage.request.get(new URL((await link.getAttribute('href'))!, consolePage.url()).toString());
  expect(response.status()).toBe(200);
  return flatten(await pdfText(Buffer.from(await response.body())));
}

beforeAll(async () => {
  ({ kiosk, browser, watched } = await openKioskInChromium(`${DAY}T07:30:00.000Z`));
});

afterAll(() => closeKioskInChromium({ kiosk, browser, watched }));

describe.sequential(`a school day at ${SCHOOL}, in Chromium`, () => {
  it('07:30 the administrator, who is the DSL, sets the school up: the head, two staff, staff phones in the safe', async () => {
    await setUpThroughUi(kioskPage(), { settingName: SCHOOL, adminName: DSL, pin: DSL_PIN });
    consolePage = await openConsolePage(watched, kiosk.origin, consoleProblems);
    await unlockConsole(consolePage, DSL, DSL_PIN);

    await addStaffAccount(consolePage, { name: HEAD, pin: HEAD_PIN, roles: ['Headteacher or leadership'] });
    await addStaffAccount(consolePage, { name: JO, pin: JO_PIN });
    await addStaffAccount(consolePage, { name: TOM, pin: TOM_PIN });
    const accounts = consolePage.getByRole('table', { name: 'Staff accounts' });
    expect(await accounts.getByRole('row', { name: new RegExp(HEAD) }).textContent()).toContain('Office, Headteacher or leadership');
    expect(await accounts.getByRole('row', { name: new RegExp(JO) }).textContent()).toContain('Office');

    await openSection(consolePage, 'Settings', 'Admin sections');
    await consolePage.getByLabel('End of the day').fill('15:30');
    await consolePage.getByRole('group', { name: 'Staff phones go in the safe during working hours' }).getByRole('radio', { name: /^Yes/ }).check();
    await consolePage.getByRole('button', { name: 'Save settings' }).click();
    await expect.poll(() => main().textContent()).toContain('Settings saved.');
    expect(await consolePage.getByLabel('End of the day').inputValue()).toBe('15:30');
    await lock();
  });

  it("07:40 the head records her agreement for Amy's phone (Year 6), typing her own PIN", async () => {
    await unlockConsole(consolePage, HEAD, HEAD_PIN);
    await openSection(consolePage, 'Agreements');
    await consolePage.getByRole('button', { name: 'Record an agreement' }).click();
    await expect.poll(() => heading().textContent()).toBe('Record an agreement');
    await consolePage.getByLabel("Pupil's name").fill("Amy O'Brien");
    await consolePage.getByLabel('Class or year group').fill('Year 6');
    await consolePage.getByLabel('Kind of device').selectOption('phone');
    await consolePage.getByLabel('Description', { exact: true }).fill('Red Nokia, cracked case');
    await consolePage.getByLabel('Why the pupil needs it').fill('Walks home alone on Tuesdays and Thursdays');
    await consolePage.getByLabel('Last day').fill('2027-07-21');
    expect(await consolePage.getByRole('radio', { name: HEAD }).isChecked()).toBe(true);
    await consolePage.getByLabel('Their PIN').fill(HEAD_PIN);
    await consolePage.getByRole('button', { name: 'Record the agreement' }).click();
    await expect.poll(() => main().textContent()).toContain("Agreement recorded for Amy O'Brien.");
    const amy = consolePage.getByRole('table', { name: 'Current agreements' }).getByRole('row', { name: /Amy O'Brien/ });
    expect(await amy.textContent()).toContain('Agreement in force until Wed, 21 Jul 2027');
    await checkScreen(consolePage, '70a-school-day-agreement', { scroll: 'top' });
    await lock();
  });

  it('08:05 at the kiosk Jo signs in with her phone into the safe; Tom signs in without his', async () => {
    await restartAt('08:05');
    await staffAtKiosk(JO, 'Sign in', async () => {
      await expect.poll(() => kioskHeading().textContent()).toBe('Your phone into the safe');
      await kioskPage().getByLabel('Bag or slot number').fill('Pouch 3');
      await kioskPage().getByRole('button', { name: 'Next' }).click();
    }, JO_PIN);
    await expect.poll(() => kioskHeading().textContent()).toBe("You're signed in, Jo.");
    expect(await kioskPage().locator('main').textContent()).toMatch(/At 08:0\d\..*Your phone is logged in the safe, pouch 3 \(receipt 2027-\d{4}\)\./);
    await checkScreen(kioskPage(), '70b-school-day-kiosk-staff-phone-in');
    await kioskPage().getByRole('button', { name: 'Finish' }).click();

    await staffAtKiosk(TOM, 'Sign in', async () => {
      await expect.poll(() => kioskHeading().textContent()).toBe('Your phone into the safe');
      await kioskPage().getByRole('button', { name: 'I have no phone with me today' }).click();
    }, TOM_PIN);
    await expect.poll(() => kioskHeading().textContent()).toBe("You're signed in, Tom.");
    expect(await kioskPage().locator('main').textContent()).not.toContain('Your phone is logged in the safe');
    await kioskPage().getByRole('button', { name: 'Finish' }).click();
    await expect.poll(() => kioskHeading().textContent()).toContain(`Welcome to ${SCHOOL}`);
  });

  it('08:10 a contractor signs in at the kiosk for the first time', async () => {
    await kioskPage().bringToFront();
    await kioskPage().getByRole('button', { name: /^Sign in/ }).click();
    await kioskPage().getByLabel('First name').fill(VISITOR.first);
    await kioskPage().getByLabel('Surname').fill(VISITOR.last);
    await kioskPage().getByLabel('Organisation (optional)').fill(VISITOR.org);
    await kioskPage().getByLabel('Who are you visiting, or why are you here?').fill(VISITOR.visiting);
    await kioskPage().getByRole('radio', { name: /Contractor/ }).click();
    await kioskPage().getByRole('button', { name: 'Next' }).click();
    await kioskPage().getByRole('button', { name: 'I have read and will follow these' }).click();
    await kioskPage().getByRole('button', { name: 'I have none of these' }).click();
    await expect.poll(() => kioskHeading().textContent()).toContain(`signed in, ${VISITOR.first}`);
    await kioskPage().getByRole('button', { name: 'Finish' }).click();
    await expect.poll(() => kioskHeading().textContent()).toContain(`Welcome to ${SCHOOL}`);
  });

  it("08:15 at the console Today lists Tom as on duty without his phone in the safe, and the contractor on site", async () => {
    await consolePage.bringToFront();
    await unlockConsole(consolePage, JO, JO_PIN);
    const missing = consolePage.getByRole('region', { name: 'Staff on duty whose phone is not in the safe' });
    await expect.poll(() => missing.getByRole('listitem').allTextContents()).toEqual([expect.stringMatching(new RegExp(`^${TOM} · signed in`))]);
    await expect.poll(() => main().textContent()).toContain(`${VISITOR.first} ${VISITOR.last}`);
    await checkScreen(consolePage, '70c-school-day-today-phone-missing', { scroll: 'top', fullPage: true });
  });

  it("08:20 in the morning queue the office logs Amy's phone under the head's agreement", async () => {
    await openSection(consolePage, 'Hand in and home time');
    const queue = consolePage.getByRole('region', { name: 'Handed in on arrival' });
    await queue.getByRole('textbox', { name: /Pupil's name/ }).fill("Amy O'Brien");
    await expect.poll(() => queue.textContent()).toContain('Agreement in force until Wed, 21 Jul 2027');
    expect(await queue.getByRole('checkbox', { name: /Phone: Red Nokia, cracked case/ }).isChecked()).toBe(true);
    await queue.getByLabel('Bag or slot number').fill('12');
    await queue.getByLabel('Bag or slot number').press('Enter');
    await expect.poll(() => queue.textContent()).toMatch(/Phone logged for Amy O'Brien, bag 12\. Receipt 2027-\d{4}\./);
    const homeTime = consolePage.getByRole('table', { name: 'Back at the end of the day' });
    await expect.poll(() => homeTime.getByRole('row', { name: /Amy O'Brien/ }).count()).toBe(1);
    await lock();
  });

  it('09:15 a medical exception for Maya is approved with the DSL\'s PIN; it is not in force until signed', async () => {
    await restartAt('09:15');
    await unlockConsole(consolePage, JO, JO_PIN);
    await openSection(consolePage, 'Exceptions');
    await consolePage.getByRole('button', { name: 'Record an exception' }).click();
    await expect.poll(() => heading().textContent()).toBe('Record an exception');
    await consolePage.getByLabel("Pupil's name").fill('Maya Patel');
    await consolePage.getByLabel('Class or year group').fill('Year 4');
    await consolePage.getByLabel('Kind of device').selectOption('phone');
    await consolePage.getByLabel('Description', { exact: true }).fill('White iPhone SE in a blue case');
    await consolePage.getByLabel('Why the pupil needs it').fill('Medical monitoring: the phone reads her blood glucose monitor');
    await consolePage.getByLabel('What it may be used for').fill('Checking her glucose readings and answering the alarms. No calls, messages, photos or games.');
    await consolePage.getByLabel('What is expected of the pupil').fill('Kept on silent in her tray. She tells the adult in the room when she checks it.');
    await consolePage.getByLabel('Last day').fill('2027-07-21');
    await consolePage.getByRole('radio', { name: DSL }).check();
    await consolePage.getByLabel('Their PIN').fill(DSL_PIN);
    await consolePage.getByRole('button', { name: 'Record the exception' }).click();
    await expect.poll(() => main().textContent()).toContain('Exception recorded for Maya Patel.');
    const maya = consolePage.getByRole('table', { name: 'Current exceptions' }).getByRole('row', { name: /Maya Patel/ });
    expect(await maya.textContent()).toContain('Not in force: waiting for the signed agreement');

    // No printer here: the agreement comes as a PDF, with lines for Maya and a parent to sign.
    await maya.getByRole('button', { name: 'Print the agreement for Maya Patel' }).click();
    const agreement = await pdfBehind('Open the agreement PDF');
    for (const expected of [SCHOOL, 'Maya Patel', 'Not in force yet', 'What the device may be used for', 'Parent or carer']) {
      expect(agreement).toContain(expected);
    }
    await lock();
  });

  it("09:20 the DSL's inbox shows the unsigned agreement waiting, with a count on the navigation", async () => {
    await unlockConsole(consolePage, DSL, DSL_PIN);
    await expect.poll(() => consolePage.getByText("1 thing waits in the DSL's inbox").count()).toBe(1);
    await openInbox();
    expect(await main().textContent()).toContain('1 thing is waiting for the Designated Safeguarding Lead');
    const waiting = consolePage.getByRole('region', { name: "Pupils' exceptions waiting for signatures (1)" });
    expect(await waiting.textContent()).toContain('Maya Patel (Year 4): phone, Medical monitoring');
    expect(await waiting.textContent()).toContain(`Approved by ${DSL}. Not in force until the pupil and a parent or carer have signed the agreement.`);
    await checkScreen(consolePage, '70d-school-day-dsl-inbox-unsigned', { scroll: 'top' });
  });

  it('09:30 Maya and her mother sign the agreement at the office; it is in force at hand-in and leaves the inbox', async () => {
    await consolePage.getByRole('region', { name: "Pupils' exceptions waiting for signatures (1)" })
      .getByRole('button', { name: /^Open Pupils' exceptions/ }).click();
    await expect.poll(() => heading().textContent()).toBe('Exceptions');
    const current = consolePage.getByRole('table', { name: 'Current exceptions' });
    await current.getByRole('button', { name: 'Record signatures… for Maya Patel' }).click();
    const dialog = consolePage.getByRole('dialog', { name: 'Record the signed agreement for Maya Patel' });
    await dialog.getByLabel('Parent or carer who signed').fill('Anita Patel');
    await dialog.getByLabel('Relationship to the pupil').fill('Mother');
    await dialog.getByRole('button', { name: 'Record the signatures' }).click();
    await expect.poll(() => main().textContent()).toContain('The signed agreement is recorded. Maya Patel may now keep the device in school.');
    const maya = current.getByRole('row', { name: /Maya Patel/ });
    expect(await maya.textContent()).toContain('In force until Wed, 21 Jul 2027');
    expect(await maya.textContent()).toContain('Signed by Maya Patel and Anita Patel (Mother) on Tue, 12 Jan 2027');

    await openSection(consolePage, 'Log items');
    await consolePage.getByText('Pupil', { exact: true }).click();
    await consolePage.getByLabel("Pupil's name").fill('Maya Patel');
    await expect.poll(() => main().textContent()).toContain('Exception in force until Wed, 21 Jul 2027: the pupil may keep their phone with them');
    await checkScreen(consolePage, '70e-school-day-exception-in-force', { scroll: 'top' });

    await openInbox();
    expect(await main().textContent()).toContain('Nothing is waiting for the Designated Safeguarding Lead.');
    await lock();
  });

  it("10:30 Kai's phone is confiscated; the head searches it with his mother's consent", async () => {
    await restartAt('10:30');
    await unlockConsole(consolePage, JO, JO_PIN);
    await confiscate(consolePage, { pupil: 'Kai Morgan', classGroup: '6B', reason: 'Filming other pupils at break', device: 'Black iPhone', bag: 'C1' });
    await lock();

    await unlockConsole(consolePage, HEAD, HEAD_PIN);
    await openSection(consolePage, 'Confiscated');
    const kai = consolePage.getByRole('table', { name: 'In the safe' }).getByRole('row', { name: /Kai Morgan/ });
    await kai.getByRole('button', { name: /Record a search/ }).click();
    const dialog = consolePage.getByRole('dialog', { name: "Record a search of Kai Morgan's phone" });
    await expect.poll(() => dialog.getByLabel('Time consent was given').inputValue()).toMatch(/^10:3\d$/);
    await dialog.getByRole('radio', { name: 'A parent or carer' }).check();
    await dialog.getByLabel('Name of the parent or carer').fill('Dawn Morgan');
    await dialog.getByLabel('Relationship to the pupil').fill('Mother');
    await dialog.getByLabel('What was looked at').fill('Videos and photos taken today');
    await dialog.getByLabel('What was found').fill('One video of other pupils, filmed at break');
    await dialog.getByRole('radio', { name: 'Content deleted' }).check();
    await dialog.getByLabel('What was deleted').fill('The video, deleted with Kai watching');
    await dialog.getByLabel('Who else was present (optional)').fill('Mr Evans, deputy head');
    await dialog.getByRole('button', { name: 'Record the search' }).click();
    await expect.poll(() => main().textContent()).toContain("Search of Kai Morgan's phone recorded.");

    const search = consolePage.getByRole('table', { name: 'Searches' }).getByRole('row', { name: /Kai Morgan/ });
    for (const expected of [`by ${HEAD}`, 'Dawn Morgan (Mother)', 'Content deleted']) expect(await search.textContent()).toContain(expected);
    expect(await kai.textContent()).toContain('Searched once');
    await checkScreen(consolePage, '70f-school-day-confiscated-searched', { scroll: 'top', fullPage: true });
    await lock();
  });

  it('11:00 fire drill: the roll call lists the visitor and the staff signed in; both are saved', async () => {
    await restartAt('11:00');
    await unlockConsole(consolePage, JO, JO_PIN);
    await openSection(consolePage, 'Roll call');
    const visitors = consolePage.getByRole('checkbox', { name: `${VISITOR.first} ${VISITOR.last}` });
    const staff = consolePage.getByRole('list', { name: 'Staff signed in' });
    await expect.poll(() => staff.getByRole('checkbox').count()).toBe(2);
    expect(await visitors.count()).toBe(1);
    expect(await consolePage.locator('.rollcall-count').textContent()).toContain('0 of 3 accounted for');

    // The evacuation list goes out of the door with whoever leads the drill: the contractor and both staff on it.
    await consolePage.getByRole('button', { name: 'Print the evacuation list' }).click();
    const list = await pdfBehind('Open the evacuation list PDF');
    for (const expected of [SCHOOL, `${VISITOR.first} ${VISITOR.last}`, JO, TOM]) expect(list).toContain(expected);

    // At the assembly point Jo ticks herself; the contractor and Tom are not yet seen.
    await staff.getByText(JO, { exact: true }).click();
    await consolePage.getByRole('button', { name: 'Finish roll call' }).click();
    const result = consolePage.getByRole('region', { name: 'Still missing: 2 people' });
    await expect.poll(() => result.count()).toBe(1);
    expect(await result.getByRole('list', { name: 'Still missing', exact: true }).getByRole('listitem').allTextContents()).toEqual([`${VISITOR.first} ${VISITOR.last}`]);
    expect(await result.getByRole('list', { name: 'Staff still missing', exact: true }).getByRole('listitem').allTextContents()).toEqual([TOM]);
    expect(await result.textContent()).toMatch(new RegExp(`Roll call finished at 11:0\\d by ${JO}: 1 of 3 accounted for\\.`));
    await checkScreen(consolePage, '70g-school-day-roll-call-missing', { scroll: 'top', fullPage: true });

    // Both turn up from the far gate; ticked, the roll call is finished and saved again.
    await visitors.check();
    await staff.getByText(TOM, { exact: true }).click();
    await consolePage.getByRole('button', { name: 'Finish roll call' }).click();
    const done = consolePage.getByRole('region', { name: 'Everyone is accounted for' });
    await expect.poll(() => done.count()).toBe(1);
    expect(await done.textContent()).toMatch(new RegExp(`Roll call finished at 11:0\\d by ${JO}: 3 of 3 accounted for\\.`));
    expect(await main().textContent()).not.toContain('could not be saved');
    await lock();
  });

  it('15:15 Amy\'s phone goes back to her with one tap; Jo signs out at the kiosk and takes her phone', async () => {
    await restartAt('15:15');
    await unlockConsole(consolePage, JO, JO_PIN);
    await openSection(consolePage, 'Hand in and home time');
    const homeTime = consolePage.getByRole('table', { name: 'Back at the end of the day' });
    const amy = homeTime.getByRole('row', { name: /Amy O'Brien/ });
    await expect.poll(() => amy.textContent()).toContain('Phone: Red Nokia, cracked case · bag 12');
    await consolePage.getByRole('region', { name: 'Back at the end of the day' }).evaluate((el) => el.scrollIntoView());
    await checkScreen(consolePage, '70h-school-day-home-time');
    await amy.getByRole('button', { name: "Given back to Amy O'Brien" }).click();
    await expect.poll(() => main().textContent()).toContain("Phone given back to Amy O'Brien.");
    await expect.poll(() => amy.count()).toBe(0);
    await lock();

    await staffAtKiosk(JO, 'Sign out', async () => {
      await expect.poll(() => kioskHeading().textContent()).toBe('Your phone');
      await kioskPage().getByRole('button', { name: /^Yes, I'm taking my phone/ }).click();
    }, JO_PIN);
    await expect.poll(() => kioskHeading().textContent()).toBe('Goodbye, Jo.');
    expect(await kioskPage().locator('main').textContent()).toContain('Your phone is recorded as given back to you.');
    await kioskPage().getByRole('button', { name: 'Finish' }).click();
  });

  it("15:40 after the end of the day the DSL's inbox shows Kai's phone still held; it goes to his mother, no early agreement asked", async () => {
    await restartAt('15:40');
    await unlockConsole(consolePage, DSL, DSL_PIN);
    await openInbox();
    await expect.poll(() => main().textContent()).toContain('Held past the end of the day (1)');
    const held = consolePage.getByRole('region', { name: 'Held past the end of the day (1)' });
    expect(await held.textContent()).toContain('Phone: Kai Morgan');
    await checkScreen(consolePage, '70i-school-day-dsl-inbox-held', { scroll: 'top' });

    // A confiscated phone is dealt with on Confiscated, where it is released: the inbox leads there.
    await held.getByRole('button', { name: /^Open Confiscated/ }).click();
    await expect.poll(() => consolePage.getByRole('heading', { level: 1 }).textContent()).toBe('Confiscated');
    await consolePage.getByRole('table', { name: 'In the safe' }).getByRole('row', { name: /Kai Morgan/ })
      .getByRole('button', { name: /Release to a parent or carer/ }).click();
    const dialog = consolePage.getByRole('dialog', { name: 'Release to a parent or carer: Kai Morgan, 6B' });
    await expect.poll(() => dialog.count()).toBe(1);
    expect(await dialog.getByRole('region', { name: 'Before the end of the day' }).count()).toBe(0);
    await dialog.getByLabel("Parent or carer's full name").fill('Dawn Morgan');
    await dialog.getByRole('radio', { name: 'Mother' }).check();
    await dialog.getByRole('radio', { name: 'Photo ID seen' }).check();
    // The dialog is taller than the screen: photographed whole, from its top, on a taller one.
    await consolePage.setViewportSize({ width: 1280, height: 1400 });
    await consolePage.locator('.dialog').evaluate((el) => el.scrollTo(0, 0));
    await checkScreen(consolePage, '70j-school-day-release-to-parent');
    await consolePage.setViewportSize({ width: 1280, height: 800 });
    await dialog.getByRole('button', { name: 'Release', exact: true }).click();
    await expect.poll(() => main().textContent()).toContain('Phone released to Dawn Morgan (mother).');
    await expect.poll(() => main().textContent()).toContain('No confiscated device is in the safe.');

    await openInbox();
    expect(await main().textContent()).toContain('Nothing is waiting for the Designated Safeguarding Lead.');
    expect(await consolePage.getByRole('region', { name: /^Held past the end of the day/ }).count()).toBe(0);
  });

  it('showed no errors on the kiosk or the console all day', () => {
    expect(watched.problems).toEqual([]);
    expect(consoleProblems).toEqual([]);
  });
});
