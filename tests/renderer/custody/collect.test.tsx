import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useCollectStore } from '../../../src/renderer/custody/collect-store.js';
import type { ReceiptView } from '../../../src/shared/contract/index.js';
import { formatTime } from '../../../src/shared/domain/time.js';
import { installFakeApi, type FakeHandlers } from '../../helpers/fake-api.js';
import { fail, item, minutesAgo, receipt, unlockedConsole } from '../../helpers/console-fixtures.js';
import { descriptionOf, keyboardClock, renderApp } from '../../helpers/harness.js';

const TOKEN = 'ABCDEFGHJKLMNPQRSTUVWXYZ23';
const SCAN_LABEL = 'Scan the receipt QR code or type the receipt number';

async function openDesk(overrides: FakeHandlers = {}) {
  const api = installFakeApi(unlockedConsole({ 'custody.findReceipt': () => receipt(), ...overrides }));
  const app = renderApp('#/console');
  await app.user.click(await screen.findByRole('button', { name: 'Collect' }));
  const box = screen.getByLabelText(SCAN_LABEL) as HTMLInputElement;
  return { api, box, ...app };
}

function returned(r: ReceiptView, itemIds: number[], to: string): ReceiptView {
  return {
    ...r,
    items: r.items.map((i) => itemIds.includes(i.itemId)
      ? { ...i, state: 'returned', closedAt: minutesAgo(0), closedBy: 'Sam Holt', closedTo: to }
      : i),
  };
}

describe('the collection desk', () => {
  it('puts the cursor in the scan box and looks up a scanner burst by itself, with exactly the scanned code', async () => {
    const { api, box } = await openDesk();
    expect(screen.getByRole('heading', { level: 1, name: 'Collect items' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Collect' }).getAttribute('aria-current')).toBe('page');
    expect(document.activeElement).toBe(box);

    // A person starts typing, stops, and then the scanner fires: only the burst is the code.
    const { person, scanner, pause } = keyboardClock();
    await person.type(box, '20');
    pause(150);
    await scanner.keyboard(`${TOKEN}{Enter}`);

    expect(api.inputsOf('custody.findReceipt')).toEqual([{ code: TOKEN }]);
    expect(await screen.findByRole('region', { name: 'Receipt 2026-0041' })).toBeTruthy();
    expect(box.value).toBe('');
  });

  it('looks up a scanner burst that has no Enter at the end', async () => {
    const { api } = await openDesk();
    const { scanner } = keyboardClock();
    await scanner.keyboard(TOKEN);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(api.inputsOf('custody.findReceipt')).toEqual([{ code: TOKEN }]);
  });

  it('does not look up a code typed by hand until "Find" is pressed', async () => {
    const { api, box } = await openDesk();
    const { person } = keyboardClock();
    await person.type(box, TOKEN);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(api.inputsOf('custody.findReceipt')).toEqual([]);

    await person.click(screen.getByRole('button', { name: 'Find' }));
    expect(api.inputsOf('custody.findReceipt')).toEqual([{ code: TOKEN }]);
  }, 10_000);

  it('finds a typed receipt number with Enter, and says when there is no such receipt', async () => {
    const { api, box, user } = await openDesk({
      'custody.findReceipt': ({ code }) => code === '2026-0041' ? receipt() : fail('not_found', 'There is no receipt 2026-0999. Check the number, or search by name.'),
    });
    await user.type(box, '2026-0999{Enter}');
    expect(descriptionOf(box)).toContain('There is no receipt 2026-0999');
    expect(box.getAttribute('aria-invalid')).toBe('true');
    await user.clear(box);
    await user.type(box, '2026-0041{Enter}');
    expect(api.inputsOf('custody.findReceipt')).toEqual([{ code: '2026-0999' }, { code: '2026-0041' }]);
    expect(await screen.findByRole('region', { name: 'Receipt 2026-0041' })).toBeTruthy();
  });

  it('after losing a race with another desk, shows the receipt as it now is and offers nothing that has gone', async () => {
    const r = receipt();
    const gone = returned(r, [101, 102], "Tom O'Neill");
    let otherDeskDone = false;
    const { api, box, user } = await openDesk({
      'custody.findReceipt': () => (otherDeskDone ? gone : r),
      'custody.return': () => {
        otherDeskDone = true;
        return fail('conflict', "Phone (bag 12) was already returned by Priya Shah on 23 Nov 2026, 09:00. Nothing was changed.");
      },
    });
    await user.type(box, '2026-0041{Enter}');
    const view = await screen.findByRole('region', { name: 'Receipt 2026-0041' });
    await user.click(within(view).getByRole('button', { name: 'Mark returned' }));

    expect((await within(view).findByRole('alert')).textContent).toContain('was already returned by Priya Shah');
    expect(await within(view).findByText('Nothing on this receipt is in the safe any more.')).toBeTruthy();
    expect(within(view).queryByRole('checkbox')).toBeNull();
    expect(within(view).queryByRole('button', { name: 'Mark returned' })).toBeNull();
    expect(api.inputsOf('custody.findReceipt').at(-1)).toEqual({ code: '2026-0041' });
  });

  it('returns the ticked items to the person named, and says when the visitor is signed out', async () => {
    const r = receipt();
    const { api, box, user } = await openDesk({
      'custody.return': ({ itemIds, returnedTo }) => ({ receipt: returned(r, itemIds as number[], returnedTo as string), visitSignedOut: true }),
    });
    await user.type(box, '2026-0041{Enter}');
    const view = await screen.findByRole('region', { name: 'Receipt 2026-0041' });
    expect(within(view).getByText("Tom O'Neill")).toBeTruthy();
    const phone = within(view).getByRole('checkbox', { name: /Phone, bag 12/ }) as HTMLInputElement;
    const watch = within(view).getByRole('checkbox', { name: /Smart watch, bag 12/ }) as HTMLInputElement;
    expect(phone.checked && watch.checked).toBe(true);
    expect(within(view).getByRole('checkbox', { name: /Black iPhone · marks: Fox sticker/ })).toBe(phone);
    const to = within(view).getByLabelText('Returned to') as HTMLInputElement;
    expect(to.value).toBe("Tom O'Neill");

    await user.click(watch);
    await user.clear(to);
    await user.type(to, 'Sara Lee (partner)');
    await user.click(within(view).getByRole('button', { name: 'Mark returned' }));
    expect(api.inputsOf('custody.return')).toEqual([{ receiptId: 41, itemIds: [101], returnedTo: 'Sara Lee (partner)', note: null }]);

    expect((await within(view).findByText("Tom O'Neill is now signed out."))).toBeTruthy();
    expect(within(view).getByText('1 item returned to Sara Lee (partner).')).toBeTruthy();
    expect(within(view).queryByRole('checkbox', { name: /Phone/ })).toBeNull();
    expect(within(view).getByText(new RegExp(`Returned to Sara Lee \\(partner\\) by Sam Holt at ${formatTime(minutesAgo(0))}`))).toBeTruthy();
    expect(within(view).getByRole('checkbox', { name: /Smart watch/ })).toBeTruthy();
  });

  it('shows a receipt with nothing left as finished, with no boxes to tick', async () => {
    const done = returned(receipt(), [101, 102], "Tom O'Neill");
    const { box, user } = await openDesk({ 'custody.findReceipt': () => done });
    await user.type(box, '2026-0041{Enter}');
    const view = await screen.findByRole('region', { name: 'Receipt 2026-0041' });
    expect(within(view).queryAllByRole('checkbox')).toEqual([]);
    expect(within(view).getByText('Nothing on this receipt is in the safe any more.')).toBeTruthy();
    expect(within(view).queryByRole('button', { name: 'Mark returned' })).toBeNull();
    expect(within(view).getAllByText(/Returned to Tom O'Neill by Sam Holt at \d\d:\d\d/)).toHaveLength(2);
  });

  it('finds a lost receipt by name, and will not hand back without a note on how the person was checked', async () => {
    const r = receipt();
    const { api, user } = await openDesk({
      'custody.searchByOwner': () => ({ receipts: [r] }),
      'custody.return': ({ itemIds, returnedTo }) => ({ receipt: returned(r, itemIds as number[], returnedTo as string), visitSignedOut: false }),
    });
    await user.click(screen.getByRole('button', { name: 'Lost receipt? Search by name' }));
    await user.type(screen.getByLabelText('Name'), "o'neill{Enter}");
    expect(api.inputsOf('custody.searchByOwner')).toEqual([{ name: "o'neill" }]);
    await user.click(await screen.findByRole('button', { name: /Tom O'Neill.*Receipt 2026-0041.*2 items in the safe/ }));

    const view = screen.getByRole('region', { name: 'Receipt 2026-0041' });
    await user.click(within(view).getByRole('button', { name: 'Mark returned' }));
    expect(api.inputsOf('custody.return')).toEqual([]);
    const note = within(view).getByLabelText('Receipt lost: how did you check who they are?');
    expect(note.getAttribute('aria-invalid')).toBe('true');
    expect(descriptionOf(note)).toContain('say how you checked who they are');

    await user.type(note, 'Photo ID checked');
    await user.click(within(view).getByRole('button', { name: 'Mark returned' }));
    expect(api.inputsOf('custody.return')).toEqual([
      { receiptId: 41, itemIds: [101, 102], returnedTo: "Tom O'Neill", note: 'Photo ID checked' },
    ]);
  });

  it('hands an item on to someone else only after a confirm with who and why', async () => {
    const r = receipt();
    const { api, box, user } = await openDesk({
      'custody.handOn': ({ itemId, handedTo, reason }) => ({
        ...r,
        items: r.items.map((i) => i.itemId === itemId
          ? { ...i, state: 'handed_on' as const, closedAt: minutesAgo(0), closedBy: 'Sam Holt', closedTo: handedTo as string, closedNote: reason as string }
          : i),
      }),
    });
    await user.type(box, '2026-0041{Enter}');
    const view = await screen.findByRole('region', { name: 'Receipt 2026-0041' });
    await user.click(within(view).getByRole('button', { name: /^Hand on instead… \(Phone, bag 12\)/ }));
    const dialog = screen.getByRole('dialog', { name: 'Hand on the phone, bag 12?' });
    await user.click(within(dialog).getByRole('button', { name: 'Hand on' }));
    expect(api.inputsOf('custody.handOn')).toEqual([]);
    await user.type(within(dialog).getByLabelText('Handed to'), 'PC Patel, Kent Police');
    await user.type(within(dialog).getByLabelText('Why it was handed on'), 'Evidence in an investigation');
    await user.click(within(dialog).getByRole('button', { name: 'Hand on' }));
    expect(api.inputsOf('custody.handOn')).toEqual([{ itemId: 101, handedTo: 'PC Patel, Kent Police', reason: 'Evidence in an investigation' }]);
    expect(await within(view).findByText(/Handed on to PC Patel, Kent Police by Sam Holt at .*: Evidence in an investigation/)).toBeTruthy();
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('refuses a collector’s name with characters that turn text around, in main’s words, without returning anything', async () => {
    const r = receipt();
    const { api, box, user } = await openDesk({
      'custody.return': ({ itemIds, returnedTo }) => ({ receipt: returned(r, itemIds as number[], returnedTo as string), visitSignedOut: false }),
    });
    await user.type(box, '2026-0041{Enter}');
    const view = await screen.findByRole('region', { name: 'Receipt 2026-0041' });
    const to = within(view).getByLabelText('Returned to');
    await user.click(to);
    await user.paste('\u202e');
    await user.click(within(view).getByRole('button', { name: 'Mark returned' }));

    expect(api.inputsOf('custody.return')).toEqual([]);
    expect(descriptionOf(to)).toContain('Who collected it contains hidden characters that change how text is shown. Please type it again.');
  });

  it('refuses a hand-on to a name longer than main takes, in main’s words, without sending it', async () => {
    const { api, box, user } = await openDesk({ 'custody.handOn': () => receipt() });
    await user.type(box, '2026-0041{Enter}');
    const view = await screen.findByRole('region', { name: 'Receipt 2026-0041' });
    await user.click(within(view).getByRole('button', { name: /^Hand on instead… \(Phone, bag 12\)/ }));
    const dialog = screen.getByRole('dialog', { name: 'Hand on the phone, bag 12?' });
    await user.click(within(dialog).getByLabelText('Handed to'));
    await user.paste('P'.repeat(121));
    await user.type(within(dialog).getByLabelText('Why it was handed on'), 'Evidence in an investigation');
    await user.click(within(dialog).getByRole('button', { name: 'Hand on' }));

    expect(api.inputsOf('custody.handOn')).toEqual([]);
    expect(descriptionOf(within(dialog).getByLabelText('Handed to'))).toContain('Who it was handed to is too long (at most 120 characters).');
  });

  it('opens the desk from a visitor waiting on Today, with their name searched for', async () => {
    const api = installFakeApi(unlockedConsole({ 'custody.searchByOwner': () => ({ receipts: [receipt()] }) }));
    const { user } = renderApp('#/console');
    const waiting = await screen.findByRole('region', { name: /Wants to collect their items/ });
    expect(within(waiting).getByText("Tom O'Neill")).toBeTruthy();
    expect(within(waiting).getByText(/2 items in the safe/)).toBeTruthy();
    await user.click(within(waiting).getByRole('button', { name: "Collect items for Tom O'Neill" }));

    expect(api.inputsOf('custody.searchByOwner')).toEqual([{ name: "O'Neill" }]);
    expect((screen.getByLabelText('Name') as HTMLInputElement).value).toBe("O'Neill");
    expect(screen.getByRole('button', { name: 'Collect' }).getAttribute('aria-current')).toBe('page');
    expect(document.activeElement).toBe(screen.getByLabelText(SCAN_LABEL));
    expect(await screen.findByRole('button', { name: /Tom O'Neill.*Receipt 2026-0041/ })).toBeTruthy();
  });

  it('keeps items in receipt order whatever order they were ticked in', async () => {
    const r = receipt({ items: [item(101), item(102, { kind: 'tablet' }), item(103, { kind: 'camera' })] });
    const { api, box, user } = await openDesk({
      'custody.findReceipt': () => r,
      'custody.return': ({ itemIds, returnedTo }) => ({ receipt: returned(r, itemIds as number[], returnedTo as string), visitSignedOut: false }),
    });
    await user.type(box, '2026-0041{Enter}');
    const view = await screen.findByRole('region', { name: 'Receipt 2026-0041' });
    for (const name of [/Phone/, /Tablet/, /Camera/]) await user.click(within(view).getByRole('checkbox', { name }));
    await user.click(within(view).getByRole('checkbox', { name: /Camera/ }));
    await user.click(within(view).getByRole('checkbox', { name: /Phone/ }));
    await user.click(within(view).getByRole('button', { name: 'Mark returned' }));
    expect(api.inputsOf('custody.return')[0]?.itemIds).toEqual([101, 103]);
  });
});

describe('locking the console', () => {
  it('forgets the receipt on the desk, so the next person to unlock does not see it', async () => {
    const { box, user } = await openDesk();
    await user.type(box, '2026-0041{Enter}');
    await screen.findByRole('region', { name: 'Receipt 2026-0041' });
    await user.click(screen.getByRole('button', { name: 'Lock' }));
    expect(await screen.findByRole('button', { name: 'Unlock' })).toBeTruthy();
    expect(screen.queryByText("Tom O'Neill")).toBeNull();
    expect(useCollectStore.getState().receipt).toBeNull();
  });
});
