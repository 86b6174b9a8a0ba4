import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ParsedInput, PrintStatus, ReceiptView, SafeOwnerGroup } from '../../../src/shared/contract/index.js';
import { checkedByContract, installFakeApi, type FakeHandlers } from '../../helpers/fake-api.js';
import { fail, item, minutesAgo, receipt, unlockedConsole } from '../../helpers/console-fixtures.js';
import { descriptionOf, renderApp } from '../../helpers/harness.js';

const REASON = 'Logged in the wrong bag: it is in bag 14.';

/**
 * What main does with a correction: the original row is kept, and the receipt comes back with the newest
 * correction applied to what staff see and the item marked as corrected.
 */
function withCorrection(r: ReceiptView, c: ParsedInput<'custody.correct'>): ReceiptView {
  return {
    ...r,
    items: r.items.map((i) => (i.itemId === c.itemId
      ? { ...i, description: c.description, marks: c.marks, bagSlot: c.bagSlot, corrected: true }
      : i)),
  };
}

/** A receipt with the watch still in the safe and the phone already handed back. */
const partly = receipt({
  items: [
    item(101, { kind: 'phone', description: 'Black iPhone', marks: 'Fox sticker', state: 'returned', closedAt: minutesAgo(5), closedBy: 'Sam Holt', closedTo: "Tom O'Neill" }),
    item(102, { kind: 'smart_watch', description: 'Silver watch' }),
  ],
});

function correcting(r: ReceiptView): FakeHandlers {
  return { 'custody.correct': checkedByContract('custody.correct', (input) => withCorrection(r, input)) };
}

async function openAtDesk(r: ReceiptView, overrides: FakeHandlers = {}) {
  const api = installFakeApi(unlockedConsole({ 'custody.findReceipt': () => r, ...correcting(r), ...overrides }));
  const app = renderApp('#/console');
  await app.user.click(await screen.findByRole('button', { name: 'Collect' }));
  await app.user.type(screen.getByLabelText('Scan the receipt QR code or type the receipt number'), '2026-0041{Enter}');
  const desk = await screen.findByRole('region', { name: 'Receipt 2026-0041' });
  return { api, user: app.user, view: desk };
}

function box(dialog: HTMLElement, label: string): HTMLInputElement {
  return within(dialog).getByLabelText(label) as HTMLInputElement;
}

describe('correcting a logged item at the collection desk', () => {
  it('pre-fills the dialog, needs a reason, sends exactly the correction, and then shows the corrected details', async () => {
    const { api, view, user } = await openAtDesk(partly);
    // Only what is still in the safe can be corrected.
    expect(within(view).queryByRole('button', { name: /Correct details… \(Phone/ })).toBeNull();
    await user.click(within(view).getByRole('button', { name: 'Correct details… (Smart watch, bag 12)' }));

    const dialog = screen.getByRole('dialog', { name: 'Correct details: smart watch, bag 12' });
    expect(dialog.textContent).toContain('The original record is kept, and the correction is saved beside it');
    expect(box(dialog, 'Make and colour').value).toBe('Silver watch');
    expect(box(dialog, 'Identifying marks').value).toBe('');
    expect(box(dialog, 'Bag or slot number').value).toBe('12');
    expect(box(dialog, 'Reason for the correction').value).toBe('');
    expect(document.activeElement).toBe(box(dialog, 'Make and colour'));

    await user.clear(box(dialog, 'Bag or slot number'));
    await user.type(box(dialog, 'Bag or slot number'), '14');
    await user.type(box(dialog, 'Identifying marks'), 'Cracked strap');
    await user.click(within(dialog).getByRole('button', { name: 'Save correction' }));
    // No reason: the field says so, and nothing is sent.
    expect(api.inputsOf('custody.correct')).toEqual([]);
    const reason = box(dialog, 'Reason for the correction');
    expect(reason.getAttribute('aria-invalid')).toBe('true');
    expect(descriptionOf(reason)).toContain('Say why the details are being corrected.');
    expect(screen.getByRole('dialog')).toBe(dialog);

    await user.type(reason, REASON);
    await user.click(within(dialog).getByRole('button', { name: 'Save correction' }));
    expect(api.inputsOf('custody.correct')).toEqual([
      { itemId: 102, description: 'Silver watch', marks: 'Cracked strap', bagSlot: '14', reason: REASON },
    ]);

    expect(screen.queryByRole('dialog')).toBeNull();
    const watch = within(view).getByRole('checkbox', { name: /Smart watch, bag 14/ }) as HTMLInputElement;
    expect(watch.checked).toBe(true);
    expect(watch.closest('label')!.textContent).toContain('Silver watch · marks: Cracked strap');
    expect(watch.closest('label')!.textContent).toContain('Details corrected');
    expect(within(view).queryByRole('checkbox', { name: /Smart watch, bag 12/ })).toBeNull();
    expect(view.textContent).toContain('Details of the smart watch corrected.');
    // The phone, handed back earlier, is untouched.
    expect(view.textContent).toMatch(/Phone, bag 12Black iPhone · marks: Fox sticker✓ Returned to Tom O'Neill by Sam Holt/);
  });

  it('sends a cleared description as "not given", and says when nothing was changed', async () => {
    const { api, view, user } = await openAtDesk(partly);
    await user.click(within(view).getByRole('button', { name: 'Correct details… (Smart watch, bag 12)' }));
    const dialog = screen.getByRole('dialog');
    await user.type(box(dialog, 'Reason for the correction'), 'Checked again');
    await user.click(within(dialog).getByRole('button', { name: 'Save correction' }));
    expect(api.inputsOf('custody.correct')).toEqual([]);
    expect(within(dialog).getByRole('alert').textContent).toContain('Nothing has changed. Change a detail, or cancel.');

    await user.clear(box(dialog, 'Make and colour'));
    await user.click(within(dialog).getByRole('button', { name: 'Save correction' }));
    expect(api.inputsOf('custody.correct')).toEqual([
      { itemId: 102, description: null, marks: null, bagSlot: '12', reason: 'Checked again' },
    ]);
    await user.click(within(view).getByRole('button', { name: 'Correct details… (Smart watch, bag 12)' }));
    expect(box(screen.getByRole('dialog'), 'Make and colour').value).toBe('');
  });

  it('keeps the dialog open with main’s message when the correction is refused', async () => {
    const { api, view, user } = await openAtDesk(partly, {
      'custody.correct': () => fail('not_found', 'That item could not be found.'),
    });
    await user.click(within(view).getByRole('button', { name: 'Correct details… (Smart watch, bag 12)' }));
    const dialog = screen.getByRole('dialog');
    await user.type(box(dialog, 'Make and colour'), ', black strap');
    await user.type(box(dialog, 'Reason for the correction'), 'Strap colour was missed');
    await user.click(within(dialog).getByRole('button', { name: 'Save correction' }));
    expect(api.inputsOf('custody.correct')).toHaveLength(1);
    expect((await within(dialog).findByRole('alert')).textContent).toContain('That item could not be found.');
    expect(view.textContent).not.toContain('Details corrected');
  });
});

describe('correcting an item on the receipt just logged', () => {
  it('offers it from the receipt panel and shows the corrected details there', async () => {
    const logged = receipt({ ownerName: 'Amira Khan', ownerDetail: 'Bright Sparks Ltd', visitId: 1 });
    const printed: PrintStatus = { printed: true, printer: 'Reception-Receipts', documentId: 'doc-0123456789abcdef' };
    const api = installFakeApi(unlockedConsole({ 'custody.log': () => ({ receipt: logged, print: printed }), ...correcting(logged) }));
    const { user } = renderApp('#/console');
    const waiting = await screen.findByRole('table', { name: 'Waiting to be logged into the safe' });
    await user.click(within(within(waiting).getByRole('row', { name: /Amira Khan/ })).getByRole('button', { name: /^Log into safe/ }));
    await user.type(screen.getByLabelText('Same bag for all'), '12');
    await user.click(screen.getByRole('button', { name: 'Log and print receipt' }));
    const panel = await screen.findByRole('region', { name: 'Receipt 2026-0041' });

    await user.click(within(panel).getByRole('button', { name: 'Correct details… (Phone, bag 12)' }));
    const dialog = screen.getByRole('dialog', { name: 'Correct details: phone, bag 12' });
    expect(box(dialog, 'Make and colour').value).toBe('Black iPhone');
    expect(box(dialog, 'Identifying marks').value).toBe('Fox sticker');
    await user.clear(box(dialog, 'Make and colour'));
    await user.type(box(dialog, 'Make and colour'), 'Blue iPhone');
    await user.type(box(dialog, 'Reason for the correction'), 'Colour written wrongly');
    await user.click(within(dialog).getByRole('button', { name: 'Save correction' }));

    expect(api.inputsOf('custody.correct')).toEqual([
      { itemId: 101, description: 'Blue iPhone', marks: 'Fox sticker', bagSlot: '12', reason: 'Colour written wrongly' },
    ]);
    expect(screen.queryByRole('dialog')).toBeNull();
    const row = within(panel).getByRole('row', { name: /Phone/ });
    expect(within(row).getAllByRole('cell').map((c) => c.textContent).slice(0, 3)).toEqual(['Blue iPhone', 'Fox sticker', '12']);
    expect(within(row).getByRole('rowheader').textContent).toContain('Details corrected');
    expect(within(panel).getByRole('row', { name: /Smart watch/ }).textContent).not.toContain('Details corrected');
    expect(panel.textContent).toContain('Details of the phone corrected.');
    // The print outcome is still the only status line in the panel.
    expect(within(panel).getByRole('status').textContent).toContain('Receipt printed on Reception-Receipts');
  });
});

describe('correcting an item from the safe list', () => {
  it('offers it for each item held and shows the corrected details in the list', async () => {
    const held = receipt({ items: [item(101, { description: 'Black iPhone' })] });
    const owners: SafeOwnerGroup[] = [{
      ownerType: 'visitor', ownerName: "Tom O'Neill", ownerDetail: 'Parent or carer', visitId: 2, collectionRequestedAt: null,
      oldestLoggedAt: minutesAgo(60), pastEndOfDay: false, receipts: [{ receiptId: 41, receiptNumber: '2026-0041', printCount: 1, printProblem: null, givenByHand: null }],
      items: held.items, deviceUse: null,
    }];
    let corrected: ReceiptView | null = null;
    const api = installFakeApi(unlockedConsole({
      'custody.inSafe': () => ({ owners: corrected ? [{ ...owners[0]!, items: corrected.items }] : owners, itemCount: 1 }),
      'custody.correct': checkedByContract('custody.correct', (input) => (corrected = withCorrection(held, input))),
    }));
    const { user } = renderApp('#/console');
    await user.click(await screen.findByRole('button', { name: 'In the safe' }));
    await user.click(await screen.findByRole('button', { name: "Correct details… (Phone, bag 12, Tom O'Neill)" }));
    const dialog = screen.getByRole('dialog', { name: 'Correct details: phone, bag 12' });
    await user.clear(box(dialog, 'Bag or slot number'));
    await user.type(box(dialog, 'Bag or slot number'), '7{Enter}');
    expect(api.inputsOf('custody.correct')).toEqual([]);
    await user.type(box(dialog, 'Reason for the correction'), REASON);
    await user.click(within(dialog).getByRole('button', { name: 'Save correction' }));

    expect(api.inputsOf('custody.correct')).toEqual([{ itemId: 101, description: 'Black iPhone', marks: null, bagSlot: '7', reason: REASON }]);
    expect(screen.queryByRole('dialog')).toBeNull();
    const list = screen.getByRole('list', { name: 'Items in the safe, longest held first' });
    expect(await within(list).findByText('Details corrected')).toBeTruthy();
    expect(list.textContent).toContain('Phone · bag 7 · Black iPhone');
    expect(list.textContent).not.toContain('bag 12');
    expect(screen.getByText('Details of the phone corrected.')).toBeTruthy();
  });
  it('refuses a make and colour longer than main takes, in main’s words, without sending it', async () => {
    const { api, view, user } = await openAtDesk(partly);
    await user.click(within(view).getByRole('button', { name: 'Correct details… (Smart watch, bag 12)' }));
    const dialog = screen.getByRole('dialog', { name: 'Correct details: smart watch, bag 12' });
    await user.clear(box(dialog, 'Make and colour'));
    await user.click(box(dialog, 'Make and colour'));
    await user.paste('S'.repeat(121));
    await user.type(box(dialog, 'Reason for the correction'), REASON);
    await user.click(within(dialog).getByRole('button', { name: 'Save correction' }));

    expect(api.inputsOf('custody.correct')).toEqual([]);
    expect(descriptionOf(box(dialog, 'Make and colour'))).toContain('Make and colour is too long (at most 120 characters).');
    expect(screen.getByRole('dialog')).toBe(dialog);
  });
});
