import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { openSection } from './e2e.js';

/**
 * Steps several end-to-end stories take in the staff console, done the way a person does them, so each
 * story reads as what happens rather than which box is filled.
 */

/**
 * The administrator adds a staff account from Admin → Staff, ticking any roles beyond office work by their
 * labels (e.g. 'Headteacher or leadership'), and waits for the message that says it can be used.
 */
export async function addStaffAccount(page: Page, { name, pin, roles = [] }: { name: string; pin: string; roles?: string[] }): Promise<void> {
  await openSection(page, 'Admin');
  await openSection(page, 'Staff', 'Admin sections');
  await page.getByRole('textbox', { name: 'Name' }).fill(name);
  for (const role of roles) await page.getByText(role, { exact: true }).click();
  await page.getByLabel('PIN', { exact: true }).fill(pin);
  await page.getByLabel('PIN again').fill(pin);
  await page.getByRole('button', { name: 'Add staff member' }).click();
  await expect.poll(() => page.locator('main').textContent()).toContain(`${name} can now unlock the staff console`);
}

export interface Confiscation {
  pupil: string;
  classGroup: string;
  reason: string;
  /** Make and colour, as the office writes it on the bag. */
  device: string;
  bag: string;
}

/**
 * Logs a pupil's phone as confiscated from the Log items page, then leaves the receipt panel for an empty
 * form ("Log more items"); answers the receipt's number.
 */
export async function confiscate(page: Page, { pupil, classGroup, reason, device, bag }: Confiscation): Promise<string> {
  await openSection(page, 'Log items');
  await page.getByText('Pupil', { exact: true }).click();
  await page.getByLabel("Pupil's name").fill(pupil);
  await page.getByLabel('Class or year group (optional)').fill(classGroup);
  await page.getByText('Confiscated', { exact: true }).click();
  await page.getByLabel('Reason for confiscation').fill(reason);
  await page.getByLabel('Make and colour').fill(device);
  await page.getByLabel('Bag or slot number').fill(bag);
  await page.getByRole('button', { name: 'Log and print receipt' }).click();
  const panel = page.getByRole('region', { name: /^Receipt \d{4}-\d{4,6}$/ });
  await expect.poll(() => panel.count()).toBe(1);
  const number = (await panel.locator('.receipt-number').textContent()) ?? '';
  await panel.getByRole('button', { name: 'Log more items' }).click();
  return number;
}
