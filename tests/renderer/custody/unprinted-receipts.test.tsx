import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { PrintStatus, ReceiptView, SafeOwnerGroup } from '../../../src/shared/contract/index.js';
import { installFakeApi, type FakeHandlers } from '../../helpers/fake-api.js';
import { fail, item, minutesAgo, NO_PRINTER, receipt, unlockedConsole } from '../../helpers/console-fixtures.js';
import { renderApp } from '../../helpers/harness.js';

/** Receipts the printer never took: said so on Today, In the safe and Collect, with Reprint there. */

const PRINTED: PrintStatus = { printed: true, printer: 'Reception-Receipts', documentId: 'doc-0123456789abcdef' };
const JAMMED = 'The printer "Reception-Receipts" did not answer within 15 seconds. Check that it is switched on and connected, then try again.';

function tomsSafe(printCount: number): SafeOwnerGroup[] {
  return [{
    ownerType: 'visitor', ownerName: "Tom O'Neill", ownerDetail: 'Parent or carer', visitId: 2, collectionRequestedAt: null,
    oldestLoggedAt: minutesAgo(30), pastEndOfDay: false,
    receipts: [
      { receiptId: 41, receiptNumber: '2026-0041', printCount: 1, printProblem: null, givenByHand: null },
      { receiptId: 44, receiptNumber: '2026-0044', printCount, printProblem: printCount === 0 ? NO_PRINTER : null, givenByHand: null },
    ],
    items: [item(101), item(102, { kind: 'smart_watch' })], deviceUse: null,
  }];
}

/** A fake main whose receipt 2026-0044 prints (or not) when reprinted, and whose safe then says so. */
function reprintable(print: PrintStatus | ReturnType<typeof fail>, overrides: FakeHandlers = {}) {
  let printCount = 0;
  return installFakeApi(unlockedConsole({
    'custody.inSafe': () => ({ owners: tomsSafe(printCount), itemCount: 2 }),
    'custody.reprint': () => {
      if ('code' in print) return print;
      if (print.printed) printCount = 1;
      return { receipt: receipt({ receiptId: 44, receiptNumber: '2026-0044', printCount, printProblem: printCount === 0 ? NO_PRINTER : null, givenByHand: null }), print };
    },
    ...overrides,
  }));
}

describe('a receipt that never printed', () => {
  it('is listed on Today with the reason, and Reprint prints it', async () => {
    const api = reprintable(PRINTED);
    const { user } = renderApp('#/console');
    const section = await screen.findByRole('region', { name: 'Receipts not printed' });
    expect(section.textContent).toContain('1 receipt to print');
    expect(section.textContent).toContain("Tom O'Neill · Parent or carer · receipt 2026-0044");
    expect(section.textContent).toContain(`Last try: ${NO_PRINTER}`);
    // The receipt that did print is not listed.
    expect(section.textContent).not.toContain('2026-0041');

    await user.click(within(section).getByRole('button', { name: 'Reprint receipt 2026-0044' }));
    expect(api.inputsOf('custody.reprint')).toEqual([{ receiptId: 44 }]);
    expect((await within(section).findByRole('status')).textContent).toBe('✓Receipt 2026-0044 printed on Reception-Receipts.');
    expect(section.textContent).toContain('All printed now.');
    expect(within(section).queryByRole('button', { name: /Reprint/ })).toBeNull();
  });

  it('is not on Today when every receipt printed', async () => {
    installFakeApi(unlockedConsole({ 'custody.inSafe': () => ({ owners: tomsSafe(1), itemCount: 2 }) }));
    renderApp('#/console');
    expect(await screen.findByRole('heading', { name: 'Waiting to be logged into the safe' })).toBeTruthy();
    await screen.findAllByText(/Updated at/);
    expect(screen.queryByRole('region', { name: 'Receipts not printed' })).toBeNull();
  });

  it('is marked in the safe list, and a Reprint that fails says why and offers it again', async () => {
    const api = reprintable({ printed: false, reason: JAMMED, documentId: 'doc-0123456789abcdef' });
    const { user } = renderApp('#/console');
    await user.click(await screen.findByRole('button', { name: 'In the safe' }));
    const group = (await screen.findByRole('heading', { level: 2, name: "Tom O'Neill" })).closest('li')!;
    expect(within(group).getByText('Receipt 2026-0044 not printed')).toBeTruthy();
    expect(within(group).queryByText('Receipt 2026-0041 not printed')).toBeNull();

    await user.click(within(group).getByRole('button', { name: 'Reprint receipt 2026-0044' }));
    const alert = await within(group).findByRole('alert');
    expect(alert.textContent).toContain(`It did not print. ${JAMMED}`);
    expect(within(group).getByRole('link', { name: 'Open the receipt PDF (opens in a new tab)' }).getAttribute('href')).toContain('doc-0123456789abcdef');
    expect(within(group).getByRole('button', { name: 'Reprint receipt 2026-0044' })).toBeTruthy();
    expect(api.inputsOf('custody.reprint')).toEqual([{ receiptId: 44 }]);
  });

  it('is marked at the collection desk, where Reprint prints it and the desk shows it printed', async () => {
    const unprinted: ReceiptView = receipt({ receiptId: 44, receiptNumber: '2026-0044', printCount: 0, printProblem: NO_PRINTER, givenByHand: null });
    const api = reprintable(PRINTED, { 'custody.findReceipt': () => unprinted });
    const { user } = renderApp('#/console');
    await user.click(await screen.findByRole('button', { name: 'Collect' }));
    await user.type(screen.getByLabelText('Scan the receipt QR code or type the receipt number'), '2026-0044');
    await user.click(screen.getByRole('button', { name: 'Find' }));
    const desk = await screen.findByRole('region', { name: 'Receipt 2026-0044' });
    expect(within(desk).getByText('Receipt 2026-0044 not printed')).toBeTruthy();
    expect(desk.textContent).toContain("Tom O'Neill has no paper receipt for these items.");

    await user.click(within(desk).getByRole('button', { name: 'Reprint receipt 2026-0044' }));
    expect(await within(desk).findByText('Receipt 2026-0044 printed on Reception-Receipts.')).toBeTruthy();
    expect(within(desk).queryByText('Receipt 2026-0044 not printed')).toBeNull();
    expect(api.inputsOf('custody.reprint')).toEqual([{ receiptId: 44 }]);
    // The items can still be handed back as before.
    expect(within(desk).getByRole('button', { name: 'Mark returned' })).toBeTruthy();
  });

  it('says plainly when the receipt can no longer be printed', async () => {
    reprintable(fail('conflict', 'Everything on receipt 2026-0044 has left the safe, so there is nothing to collect with it.'));
    const { user } = renderApp('#/console');
    const section = await screen.findByRole('region', { name: 'Receipts not printed' });
    await user.click(within(section).getByRole('button', { name: 'Reprint receipt 2026-0044' }));
    expect((await within(section).findByRole('alert')).textContent).toContain('nothing to collect with it');
  });
});
