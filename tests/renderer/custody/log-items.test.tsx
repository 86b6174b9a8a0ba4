import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { PrintStatus } from '../../../src/shared/contract/index.js';
import { installFakeApi } from '../../helpers/fake-api.js';
import { amiraHandover, fail, item, NO_PRINTER, receipt, session, unlockedConsole } from '../../helpers/console-fixtures.js';
import { descriptionOf, renderApp } from '../../helpers/harness.js';

const printed: PrintStatus = { printed: true, printer: 'Reception-Receipts', documentId: 'doc-0123456789abcdef' };
const notPrinted: PrintStatus = { printed: false, reason: NO_PRINTER, documentId: 'doc-0123456789abcdef' };

const amiraReceipt = receipt({
  ownerName: 'Amira Khan', ownerDetail: 'Bright Sparks Ltd', visitId: 1,
  items: [item(101, { kind: 'phone', description: 'Black iPhone', marks: 'Fox sticker' }), item(102, { kind: 'smart_watch' })],
});

function itemRow(n: number): HTMLElement {
  return screen.getByRole('group', { name: `Item ${n}` });
}

async function openHandover(overrides = {}) {
  const api = installFakeApi(unlockedConsole(overrides));
  const app = renderApp('#/console');
  const waiting = await screen.findByRole('table', { name: 'Waiting to be logged into the safe' });
  const row = within(waiting).getByRole('row', { name: /Amira Khan/ });
  await app.user.click(within(row).getByRole('button', { name: /^Log into safe/ }));
  await screen.findByRole('heading', { level: 1, name: 'Log items into the safe' });
  return { api, ...app };
}

afterEach(() => {
  delete window.safeHands;
});

describe('logging items into the safe', () => {
  it('logs a pending handover with one row per declared device and sends exactly what was typed', async () => {
    const { api, user } = await openHandover({ 'custody.log': () => ({ receipt: amiraReceipt, print: printed }) });

    expect(screen.getByRole('navigation', { name: 'Console sections' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Log items' }).getAttribute('aria-current')).toBe('page');
    expect(screen.getByText(/Said at the kiosk at .* that they have 1 phone and 1 smart watch/)).toBeTruthy();
    expect((within(itemRow(1)).getByLabelText('Kind of device') as HTMLSelectElement).value).toBe('phone');
    expect((within(itemRow(2)).getByLabelText('Kind of device') as HTMLSelectElement).value).toBe('smart_watch');

    await user.type(within(itemRow(1)).getByLabelText('Make and colour'), 'Black iPhone');
    await user.type(within(itemRow(1)).getByLabelText('Identifying marks'), 'Fox sticker');
    await user.type(screen.getByLabelText('Same bag for all'), '12');
    expect((within(itemRow(2)).getByLabelText('Bag or slot number') as HTMLInputElement).value).toBe('12');
    await user.click(screen.getByRole('button', { name: 'Log and print receipt' }));

    expect(api.inputsOf('custody.log')).toEqual([
      {
        handoverId: 3,
        owner: { type: 'visitor', visitId: 1 },
        items: [
          { kind: 'phone', description: 'Black iPhone', marks: 'Fox sticker', bagSlot: '12' },
          { kind: 'smart_watch', description: null, marks: null, bagSlot: '12' },
        ],
      },
    ]);
    const panel = await screen.findByRole('region', { name: 'Receipt 2026-0041' });
    expect(within(panel).getByText('Amira Khan')).toBeTruthy();
    expect(within(panel).getByRole('rowheader', { name: 'Phone' })).toBeTruthy();
    expect(within(panel).getAllByText('12')).toHaveLength(2);
    expect(within(panel).getByRole('status').textContent).toContain('Receipt printed on Reception-Receipts');
    expect(within(panel).queryByRole('link', { name: 'Open the receipt PDF' })).toBeNull();
  });

  it('says plainly when the receipt did not print, links the PDF, and prints again on request', async () => {
    const { api, user } = await openHandover({
      'custody.log': () => ({ receipt: { ...amiraReceipt, printCount: 0, printProblem: NO_PRINTER }, print: notPrinted }),
      'custody.reprint': () => ({ receipt: { ...amiraReceipt, printCount: 1 }, print: printed }),
    });
    await user.type(screen.getByLabelText('Same bag for all'), '12');
    await user.click(screen.getByRole('button', { name: 'Log and print receipt' }));

    const panel = await screen.findByRole('region', { name: 'Receipt 2026-0041' });
    const alert = within(panel).getByRole('alert');
    expect(alert.textContent).toContain('The receipt was not printed.');
    expect(alert.textContent).toContain(NO_PRINTER);
    const link = within(panel).getByRole('link', { name: 'Open the receipt PDF' });
    expect(link.getAttribute('href')).toBe('documents/doc-0123456789abcdef');
    expect(link.getAttribute('target')).toBe('_blank');

    await user.click(within(panel).getByRole('button', { name: 'Print again' }));
    expect(api.inputsOf('custody.reprint')).toEqual([{ receiptId: 41 }]);
    // The copy that came out is the first the visitor gets, so it is not called "printed again".
    expect((await within(panel).findByRole('status')).textContent).toContain('Receipt printed on Reception-Receipts');
  });

  it('calls a second copy "printed again"', async () => {
    const { user } = await openHandover({
      'custody.log': () => ({ receipt: amiraReceipt, print: printed }),
      'custody.reprint': () => ({ receipt: { ...amiraReceipt, printCount: 2 }, print: printed }),
    });
    await user.type(screen.getByLabelText('Same bag for all'), '12');
    await user.click(screen.getByRole('button', { name: 'Log and print receipt' }));
    const panel = await screen.findByRole('region', { name: 'Receipt 2026-0041' });
    await user.click(within(panel).getByRole('button', { name: 'Print again' }));
    await waitFor(() => expect(within(panel).getByRole('status').textContent).toContain('Receipt printed again on Reception-Receipts'));
  });

  it('in the desktop app says where the PDF was saved instead of offering a link', async () => {
    window.safeHands = { invoke: async () => ({ ok: false, error: { code: 'internal', message: 'not used' } }) };
    const { user } = await openHandover({ 'custody.log': () => ({ receipt: amiraReceipt, print: notPrinted }) });
    await user.type(screen.getByLabelText('Same bag for all'), '12');
    await user.click(screen.getByRole('button', { name: 'Log and print receipt' }));
    const panel = await screen.findByRole('region', { name: 'Receipt 2026-0041' });
    expect(within(panel).queryByRole('link')).toBeNull();
    expect(panel.textContent).toContain('The receipt PDF was saved in the Safe Hands data folder');
  });

  it('asks for a bag number before sending, and shows the service’s field messages under the right field', async () => {
    const { api, user } = await openHandover({
      'custody.log': () => fail('invalid_input', 'Bag or slot number is too long (at most 20 characters).', {
        'items.1.bagSlot': 'Bag or slot number is too long (at most 20 characters).',
      }),
    });
    await user.click(screen.getByRole('button', { name: 'Log and print receipt' }));
    expect(api.inputsOf('custody.log')).toEqual([]);
    const firstBag = within(itemRow(1)).getByLabelText('Bag or slot number');
    expect(firstBag.getAttribute('aria-invalid')).toBe('true');
    expect(descriptionOf(firstBag)).toContain('Enter the bag or slot number.');
    expect(document.activeElement).toBe(firstBag);

    await user.type(firstBag, '12');
    await user.type(within(itemRow(2)).getByLabelText('Bag or slot number'), '12');
    await user.click(screen.getByRole('button', { name: 'Log and print receipt' }));
    expect(api.inputsOf('custody.log')).toHaveLength(1);
    const secondBag = within(itemRow(2)).getByLabelText('Bag or slot number');
    expect(descriptionOf(secondBag)).toContain('at most 20 characters');
    expect(within(itemRow(1)).getByLabelText('Bag or slot number').getAttribute('aria-invalid')).toBeNull();
  });

  it('adds and removes item rows', async () => {
    const { user } = await openHandover();
    await user.click(screen.getByRole('button', { name: 'Add another item' }));
    expect(screen.getAllByRole('group', { name: /^Item \d$/ })).toHaveLength(3);
    await user.click(screen.getByRole('button', { name: 'Remove item 1' }));
    const rows = screen.getAllByRole('group', { name: /^Item \d$/ });
    expect(rows).toHaveLength(2);
    expect((within(itemRow(1)).getByLabelText('Kind of device') as HTMLSelectElement).value).toBe('smart_watch');
  });

  it('records that nothing was handed in, but only with a note', async () => {
    const { api, user } = await openHandover({ 'custody.markNotHandedIn': () => ({ closed: true }) });
    await user.click(screen.getByRole('button', { name: 'Nothing was handed in…' }));
    const dialog = screen.getByRole('dialog', { name: 'Nothing was handed in?' });
    await user.click(within(dialog).getByRole('button', { name: 'Confirm nothing was handed in' }));
    expect(api.inputsOf('custody.markNotHandedIn')).toEqual([]);
    expect(descriptionOf(within(dialog).getByLabelText('What happened?'))).toContain('Say what happened');

    await user.type(within(dialog).getByLabelText('What happened?'), 'Left it in the car');
    await user.click(within(dialog).getByRole('button', { name: 'Confirm nothing was handed in' }));
    expect(api.inputsOf('custody.markNotHandedIn')).toEqual([{ handoverId: 3, note: 'Left it in the car' }]);
    expect(await screen.findByText('Recorded that Amira Khan handed nothing in.')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Today' }).getAttribute('aria-current')).toBe('page');
  });

  it('offers only "Nothing handed in" for a visitor who has signed out, from Today', async () => {
    const lena = { ...amiraHandover, handoverId: 4, visitId: 9, firstName: 'Lena', lastName: 'Marsh', organisation: null, visitorSignedOut: true };
    const api = installFakeApi(unlockedConsole({
      'custody.pendingHandovers': () => ({ handovers: [amiraHandover, lena] }),
      'custody.markNotHandedIn': () => ({ closed: true }),
    }));
    const { user } = renderApp('#/console');
    const waiting = await screen.findByRole('table', { name: 'Waiting to be logged into the safe' });
    const row = within(waiting).getByRole('row', { name: /Lena Marsh/ });
    expect(within(row).queryByRole('button', { name: /^Log into safe/ })).toBeNull();
    await user.click(within(row).getByRole('button', { name: 'Nothing handed in… (Lena Marsh)' }));
    const dialog = screen.getByRole('dialog', { name: 'Nothing was handed in?' });
    await user.type(within(dialog).getByLabelText('What happened?'), 'Left before the office could take it');
    await user.click(within(dialog).getByRole('button', { name: 'Confirm nothing was handed in' }));
    expect(api.inputsOf('custody.markNotHandedIn')).toEqual([{ handoverId: 4, note: 'Left before the office could take it' }]);
    expect(await screen.findByText('Recorded that Lena Marsh handed nothing in.')).toBeTruthy();
  });

  it('logs a confiscated pupil device with no kiosk step, and needs the reason', async () => {
    const api = installFakeApi(unlockedConsole({
      'custody.log': () => ({
        receipt: receipt({ ownerType: 'learner', ownerName: 'Jamie Reid', ownerDetail: 'Year 9', visitId: null, items: [item(201, { reason: 'confiscated', confiscationReason: 'Filming in class' })] }),
        print: printed,
      }),
    }));
    const { user } = renderApp('#/console');
    await user.click(await screen.findByRole('button', { name: 'Log items' }));
    await user.click(screen.getByRole('radio', { name: 'Pupil' }));
    await user.type(screen.getByLabelText("Pupil's name"), 'Jamie Reid');
    await user.type(screen.getByLabelText('Class or year group (optional)'), 'Year 9');
    await user.click(screen.getByRole('radio', { name: /^Confiscated/ }));
    await user.type(screen.getByLabelText('Bag or slot number'), 'C3');
    await user.click(screen.getByRole('button', { name: 'Log and print receipt' }));
    expect(api.inputsOf('custody.log')).toEqual([]);
    expect(descriptionOf(screen.getByLabelText('Reason for confiscation'))).toContain('Say why the device was confiscated.');

    await user.type(screen.getByLabelText('Reason for confiscation'), 'Filming in class');
    await user.click(screen.getByRole('button', { name: 'Log and print receipt' }));
    expect(api.inputsOf('custody.log')).toEqual([
      {
        owner: { type: 'learner', name: 'Jamie Reid', group: 'Year 9', reason: 'confiscated', confiscationReason: 'Filming in class' },
        items: [{ kind: 'phone', description: null, marks: null, bagSlot: 'C3' }],
      },
    ]);
    expect(await screen.findByRole('region', { name: 'Receipt 2026-0041' })).toBeTruthy();
  });

  it('logs items for a visitor or a staff member picked from a list', async () => {
    const api = installFakeApi(unlockedConsole({ 'custody.log': () => ({ receipt: amiraReceipt, print: printed }) }));
    const { user } = renderApp('#/console');
    await user.click(await screen.findByRole('button', { name: 'Log items' }));
    await user.click(screen.getByRole('radio', { name: 'Staff member' }));
    await user.selectOptions(screen.getByLabelText('Which staff member?'), 'Priya Shah');
    await user.selectOptions(screen.getByLabelText('Kind of device'), 'Tablet');
    await user.type(screen.getByLabelText('Bag or slot number'), 'S1');
    await user.click(screen.getByRole('button', { name: 'Log and print receipt' }));
    expect(api.inputsOf('custody.log')).toEqual([
      { owner: { type: 'staff', staffId: 2 }, items: [{ kind: 'tablet', description: null, marks: null, bagSlot: 'S1' }] },
    ]);

    await user.click(await screen.findByRole('button', { name: 'Log more items' }));
    await user.click(screen.getByRole('radio', { name: 'Visitor on site' }));
    await user.selectOptions(screen.getByLabelText('Which visitor?'), 'Amira Khan · Bright Sparks Ltd');
    await user.type(screen.getByLabelText('Bag or slot number'), '7');
    await user.click(screen.getByRole('button', { name: 'Log and print receipt' }));
    expect(api.inputsOf('custody.log')[1]).toEqual({
      owner: { type: 'visitor', visitId: 1 }, items: [{ kind: 'phone', description: null, marks: null, bagSlot: '7' }],
    });
  });

  it('lets the staff member put their own phone in the safe from Today', async () => {
    const api = installFakeApi(unlockedConsole({
      'custody.log': () => ({ receipt: receipt({ ownerType: 'staff', ownerName: 'Sam Holt', ownerDetail: 'Staff', items: [item(301)] }), print: printed }),
    }));
    const { user } = renderApp('#/console');
    await user.click(await screen.findByRole('button', { name: 'My phone into the safe' }));
    const dialog = screen.getByRole('dialog', { name: 'Put your phone in the safe' });
    await user.click(within(dialog).getByRole('button', { name: 'Log my phone' }));
    expect(api.inputsOf('custody.log')).toEqual([]);
    await user.type(within(dialog).getByLabelText('Bag or slot number'), 'S4');
    await user.click(within(dialog).getByRole('button', { name: 'Log my phone' }));
    expect(api.inputsOf('custody.log')).toEqual([
      { owner: { type: 'staff', staffId: session.staffId }, items: [{ kind: 'phone', description: null, marks: null, bagSlot: 'S4' }] },
    ]);
    expect(await screen.findByRole('region', { name: 'Receipt 2026-0041' })).toBeTruthy();
    expect(screen.queryByRole('dialog')).toBeNull();
  });
  it('refuses a pupil name longer than main takes, in main’s words, without sending it', async () => {
    const api = installFakeApi(unlockedConsole({ 'custody.log': () => ({ receipt: amiraReceipt, print: printed }) }));
    const { user } = renderApp('#/console');
    await user.click(await screen.findByRole('button', { name: 'Log items' }));
    await user.click(screen.getByRole('radio', { name: 'Pupil' }));
    const name = screen.getByLabelText("Pupil's name");
    await user.click(name);
    await user.paste('J'.repeat(81));
    await user.click(screen.getByRole('radio', { name: /^Held for the day/ }));
    await user.type(screen.getByLabelText('Bag or slot number'), 'C3');
    await user.click(screen.getByRole('button', { name: 'Log and print receipt' }));

    expect(api.inputsOf('custody.log')).toEqual([]);
    expect(screen.getByRole('alert').textContent).toContain('Please check the answers marked below.');
    expect(descriptionOf(name)).toContain("The pupil's name is too long (at most 80 characters).");
    expect(document.activeElement).toBe(name);
  });

  it('refuses a "nothing handed in" note with characters that turn text around, in main’s words, without sending it', async () => {
    const { api, user } = await openHandover({ 'custody.markNotHandedIn': () => ({ closed: true }) });
    await user.click(screen.getByRole('button', { name: 'Nothing was handed in…' }));
    const dialog = screen.getByRole('dialog', { name: 'Nothing was handed in?' });
    await user.click(within(dialog).getByLabelText('What happened?'));
    await user.paste('Left it in the car\u202e');
    await user.click(within(dialog).getByRole('button', { name: 'Confirm nothing was handed in' }));

    expect(api.inputsOf('custody.markNotHandedIn')).toEqual([]);
    expect(descriptionOf(within(dialog).getByLabelText('What happened?')))
      .toContain('A note contains hidden characters that change how text is shown. Please type it again.');
  });

  it('refuses a description of one’s own phone longer than main takes, in main’s words, without sending it', async () => {
    const api = installFakeApi(unlockedConsole({ 'custody.log': () => ({ receipt: amiraReceipt, print: printed }) }));
    const { user } = renderApp('#/console');
    await user.click(await screen.findByRole('button', { name: 'My phone into the safe' }));
    const dialog = screen.getByRole('dialog', { name: 'Put your phone in the safe' });
    await user.type(within(dialog).getByLabelText('Bag or slot number'), 'S4');
    await user.click(within(dialog).getByLabelText('Make and colour (optional)'));
    await user.paste('B'.repeat(121));
    await user.click(within(dialog).getByRole('button', { name: 'Log my phone' }));

    expect(api.inputsOf('custody.log')).toEqual([]);
    expect(descriptionOf(within(dialog).getByLabelText('Make and colour (optional)'))).toContain('Make and colour is too long (at most 120 characters).');
  });

  it('refuses a bag number with characters that turn text around, in main’s words, without sending it', async () => {
    const { api, user } = await openHandover({ 'custody.log': () => ({ receipt: amiraReceipt, print: printed }) });
    await user.click(screen.getByLabelText('Same bag for all'));
    await user.paste('\u202e12');
    await user.click(screen.getByRole('button', { name: 'Log and print receipt' }));

    expect(api.inputsOf('custody.log')).toEqual([]);
    expect(descriptionOf(within(itemRow(2)).getByLabelText('Bag or slot number')))
      .toContain('Bag or slot number contains hidden characters that change how text is shown. Please type it again.');
  });
});
