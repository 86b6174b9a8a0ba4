/**
 * A name printed with boxes (letters no font on the reception PC has) is said on screen, in words, next to
 * whether the document printed: on the receipt panel after logging items, after printing the roll call, and
 * beside an invitation made for an expected visitor.
 */
import { screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { PrintStatus } from '../../../src/shared/contract/index.js';
import { installFakeApi } from '../../helpers/fake-api.js';
import { item, receipt, unlockedConsole } from '../../helpers/console-fixtures.js';
import { renderApp } from '../../helpers/harness.js';
import { booking, officeSession, openSafeguarding, safeguardingConsole } from '../../helpers/safeguarding-fixtures.js';

const WARNING = 'Some letters of “𠮷田 花子” cannot be printed on this computer, so the receipt shows □ in their place. Check the name on screen or against their ID.';
const yoshidaReceipt = receipt({ ownerName: '𠮷田 花子', ownerDetail: null, visitId: 1, items: [item(101, { kind: 'phone' })] });

afterEach(() => {
  delete window.safeHands;
});

async function logItems(print: PrintStatus) {
  installFakeApi(unlockedConsole({ 'custody.log': () => ({ receipt: yoshidaReceipt, print }) }));
  const app = renderApp('#/console');
  const waiting = await screen.findByRole('table', { name: 'Waiting to be logged into the safe' });
  await app.user.click(within(within(waiting).getByRole('row', { name: /Amira Khan/ })).getByRole('button', { name: /^Log into safe/ }));
  await screen.findByRole('heading', { level: 1, name: 'Log items into the safe' });
  await app.user.type(screen.getByLabelText('Same bag for all'), '12');
  await app.user.click(screen.getByRole('button', { name: 'Log and print receipt' }));
  return screen.findByRole('region', { name: 'Receipt 2026-0041' });
}

describe('a name the printer could not print', () => {
  it('is pointed out beside a receipt that printed', async () => {
    const panel = await logItems({ printed: true, printer: 'Reception-Receipts', documentId: 'doc-1', warning: WARNING });
    expect(within(panel).getByRole('status').textContent).toContain('Receipt printed on Reception-Receipts');
    expect(within(panel).getByRole('alert').textContent).toContain(`Check the printed name. ${WARNING}`);
  });

  it('is pointed out beside a receipt that did not print, with the printer problem', async () => {
    const panel = await logItems({ printed: false, reason: 'No receipt printer is set up.', documentId: 'doc-1', warning: WARNING });
    const alerts = within(panel).getAllByRole('alert').map((a) => a.textContent);
    expect(alerts.some((t) => t?.includes('The receipt was not printed.'))).toBe(true);
    expect(alerts.some((t) => t?.includes(`Check the printed name. ${WARNING}`))).toBe(true);
  });

  it('is not mentioned when every name printed', async () => {
    const panel = await logItems({ printed: true, printer: 'Reception-Receipts', documentId: 'doc-1' });
    expect(within(panel).queryByRole('alert')).toBeNull();
  });

  it('is pointed out after printing the evacuation list', async () => {
    const warning = 'Some letters of “𠮷田 花子” cannot be printed on this computer, so the evacuation list shows □ in their place. Check the name on screen or against their ID.';
    installFakeApi(unlockedConsole({ 'rollcall.print': () => ({ people: 2, print: { printed: true, printer: 'Office-A4', documentId: 'rc-1', warning } }) }));
    const app = renderApp('#/console');
    const nav = await screen.findByRole('navigation', { name: 'Console sections' });
    await app.user.click(within(nav).getByRole('button', { name: 'Roll call' }));
    await app.user.click(await screen.findByRole('button', { name: 'Print the evacuation list' }));
    expect((await screen.findByRole('alert')).textContent).toContain(`Check the printed name. ${warning}`);
  });

  it('is pointed out beside the invitation made for an expected visitor, and not for a name that prints', async () => {
    const warning = 'Some letters of “𠮷田花子” cannot be printed on this computer, so the invitation shows □ in their place. Check the name on screen or against their ID.';
    const yoshida = booking({ bookingId: 4, firstName: '花子', lastName: '𠮷田', familyNameFirst: true });
    installFakeApi(safeguardingConsole(officeSession, {
      'booking.list': ({ date }) => ({ date: date ?? yoshida.expectedDate, bookings: [booking(), yoshida] }),
      'booking.invite': ({ bookingId }) => (bookingId === 4 ? { documentId: 'inv-4', warning } : { documentId: 'inv-3' }),
    }));
    const { user } = renderApp('#/console');
    await openSafeguarding(user, 'Expected visitors');
    const list = await screen.findByRole('list', { name: /^Bookings for/ });

    const helen = within(list).getByRole('listitem', { name: 'Helen Marsh' });
    await user.click(within(helen).getByRole('button', { name: 'Invitation (PDF) for Helen Marsh' }));
    await within(helen).findByRole('link', { name: 'Open the invitation PDF for Helen Marsh' });
    expect(within(helen).queryByRole('alert')).toBeNull();

    const card = within(list).getByRole('listitem', { name: '𠮷田花子' });
    await user.click(within(card).getByRole('button', { name: 'Invitation (PDF) for 𠮷田花子' }));
    expect((await within(card).findByRole('alert')).textContent).toContain(`Check the printed name. ${warning}`);
    expect(within(card).getByRole('link', { name: 'Open the invitation PDF for 𠮷田花子' }).getAttribute('href')).toBe('documents/inv-4');
  });
});
