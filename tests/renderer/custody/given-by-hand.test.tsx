import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { EndOfDayReport, GivenByHand, SafeOwnerGroup } from '../../../src/shared/contract/index.js';
import { formatTime } from '../../../src/shared/domain/time.js';
import { installFakeApi, type FakeHandlers } from '../../helpers/fake-api.js';
import { fail, item, minutesAgo, NO_PRINTER, receipt, unlockedConsole } from '../../helpers/console-fixtures.js';
import { renderApp } from '../../helpers/harness.js';

/**
 * "Written by hand and given": the printer never took the receipt, so staff wrote its number on paper for the
 * owner. One tap records it (who, when); the receipt then stops being listed as not printed, and Reprint stays.
 */

const BY_SAM: GivenByHand = { at: minutesAgo(1), by: 'Sam Holt' };

function tomsSafe(givenByHand: GivenByHand | null): SafeOwnerGroup[] {
  return [{
    ownerType: 'visitor', ownerName: "Tom O'Neill", ownerDetail: 'Parent or carer', visitId: 2, collectionRequestedAt: null,
    oldestLoggedAt: minutesAgo(30), pastEndOfDay: false,
    receipts: [{ receiptId: 44, receiptNumber: '2026-0044', printCount: 0, printProblem: givenByHand ? null : NO_PRINTER, givenByHand }],
    items: [item(101), item(102, { kind: 'smart_watch' })], deviceUse: null,
  }];
}

/** A fake main whose receipt 2026-0044 never printed, until staff record it as written by hand. */
function neverPrinted(overrides: FakeHandlers = {}) {
  let givenByHand: GivenByHand | null = null;
  return installFakeApi(unlockedConsole({
    'custody.inSafe': () => ({ owners: tomsSafe(givenByHand), itemCount: 2 }),
    'custody.markGivenByHand': () => {
      givenByHand = BY_SAM;
      return receipt({ receiptId: 44, receiptNumber: '2026-0044', printCount: 0, givenByHand });
    },
    ...overrides,
  }));
}

describe('a receipt written by hand and given', () => {
  it('is recorded from Today with one tap, says who and when, and leaves nothing to print', async () => {
    const api = neverPrinted();
    const { user } = renderApp('#/console');
    const section = await screen.findByRole('region', { name: 'Receipts not printed' });
    expect(section.textContent).toContain('1 receipt to print');
    expect(section.textContent).toContain('If it will not print, write the receipt number on paper for them and choose “Written by hand and given”.');

    await user.click(within(section).getByRole('button', { name: 'Written by hand and given (receipt 2026-0044)' }));
    expect(api.inputsOf('custody.markGivenByHand')).toEqual([{ receiptId: 44 }]);
    expect((await within(section).findByRole('status')).textContent).toBe(`✓Receipt 2026-0044 written by hand and given by Sam Holt at ${formatTime(BY_SAM.at)}.`);
    expect(section.textContent).toContain('None left to print.');
    expect(section.textContent).not.toContain('Receipt 2026-0044 not printed');
    // Done once: the button goes, and Reprint stays for when the printer works again.
    expect(within(section).queryByRole('button', { name: /Written by hand/ })).toBeNull();
    expect(within(section).getByRole('button', { name: 'Reprint receipt 2026-0044' })).toBeTruthy();
  });

  it('is no longer on Today once recorded, and In the safe says who gave it, with Reprint', async () => {
    installFakeApi(unlockedConsole({ 'custody.inSafe': () => ({ owners: tomsSafe(BY_SAM), itemCount: 2 }) }));
    const { user } = renderApp('#/console');
    expect(await screen.findByRole('heading', { name: 'Waiting to be logged into the safe' })).toBeTruthy();
    await screen.findAllByText(/Updated at/);
    expect(screen.queryByRole('region', { name: 'Receipts not printed' })).toBeNull();

    await user.click(screen.getByRole('button', { name: 'In the safe' }));
    const group = (await screen.findByRole('heading', { level: 2, name: "Tom O'Neill" })).closest('li')!;
    expect(group.textContent).toContain(`Receipt 2026-0044 written by hand and given by Sam Holt at ${formatTime(BY_SAM.at)}.`);
    expect(group.textContent).not.toContain('Receipt 2026-0044 not printed');
    expect(within(group).getByRole('button', { name: 'Reprint receipt 2026-0044' })).toBeTruthy();
  });

  it('is recorded from End of day too, and a refusal says why without hiding the receipt', async () => {
    const report: EndOfDayReport = {
      auditMark: null, date: '2026-11-23', endOfDay: '17:30', notSignedOut: [], inSafe: tomsSafe(null), noShows: 0,
    };
    const api = neverPrinted({
      'endOfDay.report': () => report,
      'custody.markGivenByHand': () => fail('conflict', 'Receipt 2026-0044 was already recorded as written by hand, by Priya Shah on 23 Nov 2026, 09:00.'),
    });
    const { user } = renderApp('#/console');
    const nav = await screen.findByRole('navigation', { name: 'Console sections' });
    await user.click(within(nav).getByRole('button', { name: 'Office' }));
    await user.click(within(nav).getByRole('button', { name: 'End of day' }));
    const safe = await screen.findByRole('list', { name: 'Still in the safe, by owner' });
    expect(safe.textContent).toContain('Receipt 2026-0044 not printed');
    await user.click(within(safe).getByRole('button', { name: 'Written by hand and given (receipt 2026-0044)' }));
    expect(api.inputsOf('custody.markGivenByHand')).toEqual([{ receiptId: 44 }]);
    expect((await within(safe).findByRole('alert')).textContent).toContain('It was not recorded. Receipt 2026-0044 was already recorded as written by hand, by Priya Shah');
    expect(safe.textContent).toContain('Receipt 2026-0044 not printed');
  });
});
