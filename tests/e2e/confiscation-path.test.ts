import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  checkScreen, closeKioskInChromium, openConsolePage, openKioskInChromium, openSection, setUpThroughUi, unlockConsole,
  type RunningKiosk, type WatchedPage,
} from '../helpers/e2e.js';
import { confiscate } from '../helpers/e2e-console-steps.js';

/**
 * A confiscated device leaving the safe, end to end in a real Chromium against the app as `npm start` runs
 * it, on a Tuesday at 08:05 (before the end of the school day): the office logs two pupils' phones as
 * confiscated; one goes to the pupil's mother with the DSL agreeing early, typing her own PIN; the DSL hands
 * the other to the police; the collection desk shows how the first left and gives nothing back. The
 * dialogs and screens are photographed for the README and checked with axe (WCAG 2.2 AA).
 */
let kiosk: RunningKiosk;
let browser: Browser;
let watched: WatchedPage;
let consolePage: Page;
const consoleProblems: string[] = [];
const ADMIN_PIN = '482613';

const main = () => consolePage.locator('main');
const inTheSafe = () => consolePage.getByRole('table', { name: 'In the safe' });

/** A dialog taller than the 800 px screen is photographed whole on a taller one. */
async function checkTallDialog(name: string): Promise<void> {
  await consolePage.setViewportSize({ width: 1280, height: 2000 });
  await consolePage.locator('.dialog').evaluate((el) => el.scrollTo(0, 0));
  await checkScreen(consolePage, name);
  await consolePage.setViewportSize({ width: 1280, height: 800 });
}

beforeAll(async () => {
  ({ kiosk, browser, watched } = await openKioskInChromium());
});

afterAll(() => closeKioskInChromium({ kiosk, browser, watched }));

describe.sequential('a confiscated device leaving the safe, in Chromium', () => {
  let kaiReceipt = '';

  it('the office logs two pupils\' phones as confiscated; the Confiscated page lists them', async () => {
    await setUpThroughUi(watched.page, { settingName: 'Hollingbourne Primary', adminName: 'Priya Shah', pin: ADMIN_PIN });
    consolePage = await openConsolePage(watched, kiosk.origin, consoleProblems);
    await unlockConsole(consolePage, 'Priya Shah', ADMIN_PIN);
    kaiReceipt = await confiscate(consolePage, { pupil: 'Kai Morgan', classGroup: '6B', reason: 'Filming other pupils at break', device: 'Black iPhone', bag: 'C1' });
    await confiscate(consolePage, { pupil: 'Lily Chen', classGroup: '6B', reason: 'Sharing a video of a fight', device: 'Black iPhone', bag: 'C2' });
    await openSection(consolePage, 'Confiscated');
    await expect.poll(() => inTheSafe().getByRole('row').count()).toBe(3);
    await checkScreen(consolePage, '45a-pupils-confiscated');
  });

  it('before the end of the day, Kai\'s phone goes to his mother only once the DSL agrees with her own PIN and a reason', async () => {
    await inTheSafe().getByRole('row', { name: /Kai Morgan/ }).getByRole('button', { name: /Release to a parent or carer/ }).click();
    const dialog = consolePage.getByRole('dialog', { name: 'Release to a parent or carer: Kai Morgan, 6B' });
    await expect.poll(() => dialog.count()).toBe(1);
    const early = dialog.getByRole('region', { name: 'Before the end of the day' });
    expect(await early.textContent()).toContain('The school day ends at 17:30.');
    await dialog.getByLabel("Parent or carer's full name").fill('Dawn Morgan');
    await dialog.getByRole('radio', { name: 'Mother' }).check();
    await dialog.getByRole('radio', { name: 'Photo ID seen' }).check();
    // A wrong PIN is said under the box, and the PIN is typed again.
    await early.getByRole('radio', { name: 'Priya Shah' }).check();
    await early.getByLabel('Their PIN').fill('999999');
    await early.getByLabel('Why it cannot wait').fill('Hospital appointment at 11');
    await dialog.getByRole('button', { name: 'Release', exact: true }).click();
    await expect.poll(() => early.textContent()).toContain('That PIN is not right.');
    expect(await early.getByLabel('Their PIN').inputValue()).toBe('');
    await early.getByLabel('Their PIN').fill(ADMIN_PIN);
    await checkTallDialog('45b-pupils-release-early');
    await dialog.getByRole('button', { name: 'Release', exact: true }).click();
    await expect.poll(() => main().textContent()).toContain('Phone released to Dawn Morgan (mother).');
    await expect.poll(() => inTheSafe().getByRole('row', { name: /Kai Morgan/ }).count()).toBe(0);
  });

  it('the DSL hands Lily\'s phone to the police, with the officer, force and reference', async () => {
    await inTheSafe().getByRole('row', { name: /Lily Chen/ }).getByRole('button', { name: /Hand to the police/ }).click();
    const dialog = consolePage.getByRole('dialog', { name: 'Hand to the police: Lily Chen, 6B' });
    await dialog.getByLabel("Officer's name").fill('PC Amir Khan');
    await dialog.getByLabel('Shoulder or collar number (optional)').fill('4471');
    await dialog.getByLabel('Police force').fill('Kent Police');
    await dialog.getByLabel('Police reference number').fill('46/123456/27');
    await checkTallDialog('45c-pupils-police');
    await dialog.getByRole('button', { name: 'Hand to the police' }).click();
    await expect.poll(() => main().textContent()).toContain('Phone handed to PC Amir Khan 4471, Kent Police, reference 46/123456/27.');
    await expect.poll(() => main().textContent()).toContain('No confiscated device is in the safe.');
  });

  it('at the collection desk, Kai\'s receipt says who it went to, how they were checked and who agreed early', async () => {
    await openSection(consolePage, 'Collect');
    await consolePage.getByLabel('Scan the receipt QR code or type the receipt number').fill(kaiReceipt);
    await consolePage.getByRole('button', { name: 'Find' }).click();
    const panel = consolePage.getByRole('region', { name: `Receipt ${kaiReceipt}` });
    await expect.poll(() => panel.textContent()).toContain('Released to Dawn Morgan (mother) by Priya Shah');
    expect(await panel.textContent()).toContain('ID: Photo ID seen · before the end of the day, agreed by Priya Shah: Hospital appointment at 11');
    await panel.evaluate((el) => el.scrollIntoView());
    await checkScreen(consolePage, '45d-collect-confiscated-released');
    expect(consoleProblems).toEqual([]);
  });
});
