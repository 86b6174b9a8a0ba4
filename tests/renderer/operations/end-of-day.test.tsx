import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { EndOfDayReport, SafeOwnerGroup } from '../../../src/shared/contract/index.js';
import { fail, installFakeApi, kioskConfig } from '../../helpers/fake-api.js';
import { amira, item, minutesAgo, tom, unlockedConsole } from '../../helpers/console-fixtures.js';
import { descriptionOf, renderApp } from '../../helpers/harness.js';

const tomsItems: SafeOwnerGroup = {
  ownerType: 'visitor', ownerName: "Tom O'Neill", ownerDetail: 'Parent or carer', visitId: 2, collectionRequestedAt: null,
  oldestLoggedAt: minutesAgo(80), pastEndOfDay: true, receipts: [{ receiptId: 41, receiptNumber: '2026-0041', printCount: 1, printProblem: null, givenByHand: null }],
  items: [item(101, { bagSlot: '12', description: 'Black iPhone' }), item(102, { kind: 'smart_watch', bagSlot: '12' })], deviceUse: null,
};

function report(overrides: Partial<EndOfDayReport> = {}): EndOfDayReport {
  return { auditMark: { entry: 4321, code: '3F9A1C2D' }, date: '2026-11-22', endOfDay: '17:30', notSignedOut: [amira, tom], inSafe: [tomsItems], noShows: 1, ...overrides };
}

async function openEndOfDay() {
  const app = renderApp('#/console');
  const nav = await screen.findByRole('navigation', { name: 'Console sections' });
  await app.user.click(within(nav).getByRole('button', { name: 'Office' }));
  await app.user.click(within(nav).getByRole('button', { name: 'End of day' }));
  await screen.findByRole('table', { name: 'Visitors who have not signed out' });
  return app;
}

describe('the end of the day', () => {
  it('shows who never signed out, what is still in the safe by owner with bags, and the no-shows', async () => {
    installFakeApi(unlockedConsole({ 'endOfDay.report': () => report() }));
    await openEndOfDay();
    const table = screen.getByRole('table', { name: 'Visitors who have not signed out' });
    expect(within(table).getAllByRole('rowheader').map((h) => h.textContent)).toEqual(['Amira Khan', "Tom O'Neill"]);
    const safe = screen.getByRole('list', { name: 'Still in the safe, by owner' });
    expect(safe.textContent).toContain("Tom O'Neill");
    expect(safe.textContent).toContain('Phone, bag 12');
    expect(safe.textContent).toContain('Smart watch, bag 12');
    expect(safe.textContent).toContain('After the end of the day');
    expect(safe.textContent).toContain('Receipt 2026-0041');
    expect(screen.getByText('1 booked visitor did not arrive.')).toBeTruthy();
    expect(screen.getByText(/2 visitors have not signed out; 2 items are still in the safe/)).toBeTruthy();
    // At the foot of the printed page, for the DSL to check against the trail later.
    expect(screen.getByText('Audit trail: entry 4321, check code 3F9A-1C2D')).toBeTruthy();
  });

  it('signs out someone who left only with a reason, then reads the report again', async () => {
    let notSignedOut = [amira, tom];
    const api = installFakeApi(unlockedConsole({
      'endOfDay.report': () => report({ notSignedOut }),
      'visit.overrideSignOut': () => {
        notSignedOut = [tom];
        return { signedOut: true, itemsStillInSafe: 0 };
      },
    }));
    const { user } = await openEndOfDay();
    await user.click(screen.getByRole('button', { name: 'Sign out… (Amira Khan)' }));
    const dialog = screen.getByRole('dialog', { name: 'Sign out Amira Khan?' });
    await user.click(within(dialog).getByRole('button', { name: 'Sign out' }));
    expect(within(dialog).getByText(/Say why you are signing them out/)).toBeTruthy();
    expect(api.inputsOf('visit.overrideSignOut')).toEqual([]);

    await user.type(within(dialog).getByLabelText('Reason'), 'Left by the side gate');
    await user.click(within(dialog).getByRole('button', { name: 'Sign out' }));
    expect(await screen.findByText('Amira Khan is signed out.')).toBeTruthy();
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(api.inputsOf('visit.overrideSignOut')).toEqual([{ visitId: amira.visitId, reason: 'Left by the side gate' }]);
    const table = screen.getByRole('table', { name: 'Visitors who have not signed out' });
    expect(within(table).getAllByRole('rowheader').map((h) => h.textContent)).toEqual(["Tom O'Neill"]);
  });

  it('says what happens to one item in the safe in the singular', async () => {
    installFakeApi(unlockedConsole({ 'endOfDay.report': () => report({ notSignedOut: [{ ...tom, itemsInSafe: 1 }] }) }));
    const { user } = await openEndOfDay();
    await user.click(screen.getByRole('button', { name: "Sign out… (Tom O'Neill)" }));
    expect(screen.getByRole('dialog', { name: "Sign out Tom O'Neill?" }).textContent)
      .toContain('Their item stays in the safe, flagged, until someone collects it.');
  });

  it('refuses a reason with characters that turn text around, in main’s words, without signing them out', async () => {
    const api = installFakeApi(unlockedConsole({
      'endOfDay.report': () => report({ notSignedOut: [amira, tom] }),
      'visit.overrideSignOut': () => ({ signedOut: true, itemsStillInSafe: 0 }),
    }));
    const { user } = await openEndOfDay();
    await user.click(screen.getByRole('button', { name: 'Sign out… (Amira Khan)' }));
    const dialog = screen.getByRole('dialog', { name: 'Sign out Amira Khan?' });
    await user.click(within(dialog).getByLabelText('Reason'));
    await user.paste('Left by the side gate\u202e');
    await user.click(within(dialog).getByRole('button', { name: 'Sign out' }));

    expect(api.inputsOf('visit.overrideSignOut')).toEqual([]);
    expect(descriptionOf(within(dialog).getByLabelText('Reason')))
      .toContain('The reason contains hidden characters that change how text is shown. Please type it again.');
  });

  it('offers the report as a PDF with the setting’s name, like the roll call, when it does not print', async () => {
    const api = installFakeApi(unlockedConsole({
      'endOfDay.report': () => report(),
      'endOfDay.print': () => ({ print: { printed: false, reason: 'No printer is set up for A4 documents. An administrator can choose one in Settings.', documentId: 'eod-1' } }),
    }));
    const { user } = await openEndOfDay();
    await user.click(screen.getByRole('button', { name: 'Print the end-of-day report' }));
    expect((await screen.findByText(/The end-of-day report was not printed\./)).closest('[role="alert"]')?.textContent)
      .toContain('No printer is set up for A4 documents.');
    const link = screen.getByRole('link', { name: 'Open the end-of-day report PDF' });
    expect(link.getAttribute('href')).toBe('documents/eod-1');
    expect(link.getAttribute('target')).toBe('_blank');
    expect(api.inputsOf('endOfDay.print')).toEqual([{}]);
    // The browser's own print of the page is kept, and that page is headed with the setting's name too.
    expect(screen.getByRole('button', { name: 'Print this page' })).toBeTruthy();
    expect(document.querySelector('.eod-setting.print-only')?.textContent).toBe(kioskConfig().settingName);
  });

  it('says where it printed when it did', async () => {
    installFakeApi(unlockedConsole({
      'endOfDay.report': () => report(),
      'endOfDay.print': () => ({ print: { printed: true, printer: 'Office-A4', documentId: 'eod-2' } }),
    }));
    const { user } = await openEndOfDay();
    await user.click(screen.getByRole('button', { name: 'Print the end-of-day report' }));
    expect((await screen.findByText(/End-of-day report printed on Office-A4\./))).toBeTruthy();
    expect(screen.queryByRole('link', { name: 'Open the end-of-day report PDF' })).toBeNull();
  });

  it('prints with the browser’s print, and says when the day is clear', async () => {
    installFakeApi(unlockedConsole({ 'endOfDay.report': () => report({ notSignedOut: [], inSafe: [], noShows: 0 }) }));
    const print = vi.spyOn(window, 'print').mockImplementation(() => undefined);
    const app = renderApp('#/console');
    await app.user.click(await screen.findByRole('button', { name: 'Office' }));
    await app.user.click(screen.getByRole('button', { name: 'End of day' }));
    expect(await screen.findByText('Everyone who signed in today has signed out.')).toBeTruthy();
    expect(screen.getByText('The safe is empty.')).toBeTruthy();
    expect(screen.getByText('None today.')).toBeTruthy();
    await app.user.click(screen.getByRole('button', { name: 'Print this page' }));
    expect(print).toHaveBeenCalledTimes(1);
    print.mockRestore();
  });
});

describe('a receipt the printer never took, at the end of the day', () => {
  it('is marked under its owner, with Reprint, before anyone locks up', async () => {
    const unprinted = { ...tomsItems, receipts: [{ receiptId: 41, receiptNumber: '2026-0041', printCount: 0, printProblem: 'No printer is set up for receipts.', givenByHand: null }] };
    const api = installFakeApi(unlockedConsole({
      'endOfDay.report': () => report({ inSafe: [unprinted] }),
      'custody.reprint': () => fail('conflict', 'The printer is out of paper.'),
    }));
    const { user } = await openEndOfDay();
    const safe = screen.getByRole('list', { name: 'Still in the safe, by owner' });
    expect(safe.textContent).toContain('Receipt 2026-0041 not printed');
    expect(safe.textContent).toContain('No printer is set up for receipts.');
    await user.click(within(safe).getByRole('button', { name: 'Reprint receipt 2026-0041' }));
    expect(api.inputsOf('custody.reprint')).toEqual([{ receiptId: 41 }]);
    expect((await within(safe).findByRole('alert')).textContent).toContain('The printer is out of paper.');
  });

  it('says nothing more for a receipt that printed', async () => {
    installFakeApi(unlockedConsole({ 'endOfDay.report': () => report() }));
    await openEndOfDay();
    const safe = screen.getByRole('list', { name: 'Still in the safe, by owner' });
    expect(safe.textContent).not.toContain('not printed');
    expect(within(safe).queryByRole('button', { name: /Reprint/ })).toBeNull();
  });
});
