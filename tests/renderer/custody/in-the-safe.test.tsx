import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { SafeOwnerGroup } from '../../../src/shared/contract/index.js';
import { installFakeApi } from '../../helpers/fake-api.js';
import { TEST_NOW } from '../../helpers/test-clock.js';
import { amira, fail, item, minutesAgo, tom, unlockedConsole } from '../../helpers/console-fixtures.js';
import { descriptionOf, renderApp } from '../../helpers/harness.js';

const owners: SafeOwnerGroup[] = [
  {
    ownerType: 'learner', ownerName: 'Jamie Reid', ownerDetail: 'Year 9', visitId: null, collectionRequestedAt: null,
    oldestLoggedAt: minutesAgo(26 * 60), pastEndOfDay: true, receipts: [{ receiptId: 30, receiptNumber: '2026-0030', printCount: 1, printProblem: null, givenByHand: null }],
    items: [item(301, { reason: 'confiscated', confiscationReason: 'Filming in class', bagSlot: 'C3', loggedAt: minutesAgo(26 * 60) })], deviceUse: null,
  },
  {
    ownerType: 'visitor', ownerName: "Tom O'Neill", ownerDetail: 'Parent or carer', visitId: 2, collectionRequestedAt: minutesAgo(3),
    oldestLoggedAt: minutesAgo(125), pastEndOfDay: false,
    receipts: [{ receiptId: 41, receiptNumber: '2026-0041', printCount: 1, printProblem: null, givenByHand: null }, { receiptId: 44, receiptNumber: '2026-0044', printCount: 1, printProblem: null, givenByHand: null }],
    items: [item(101, { loggedAt: minutesAgo(125) }), item(102, { kind: 'smart_watch', bagSlot: '14' })], deviceUse: null,
  },
];

describe('the console sections', () => {
  it('marks the open section in the navigation and moves to the next section’s heading', async () => {
    installFakeApi(unlockedConsole());
    const { user } = renderApp('#/console');
    const nav = await screen.findByRole('navigation', { name: 'Console sections' });
    const labels = within(nav).getAllByRole('button').map((b) => b.textContent);
    // The groups on one row, and the open group's pages (Front desk's, at first) on the row under it.
    expect(labels).toEqual(['Front desk', "Pupils' devices", 'Safeguarding', 'Roll call', 'Office', 'Today', 'Collect', 'In the safe', 'Check an approval', 'Log items', 'Staff on site']);
    expect(within(nav).getByRole('button', { name: 'Today' }).getAttribute('aria-current')).toBe('page');
    await user.click(within(nav).getByRole('button', { name: 'In the safe' }));
    expect(within(nav).getByRole('button', { name: 'In the safe' }).getAttribute('aria-current')).toBe('page');
    expect(within(nav).getByRole('button', { name: 'Today' }).getAttribute('aria-current')).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('heading', { level: 1, name: 'In the safe' }));
  });
});

describe('what is in the safe', () => {
  it('groups items by owner, oldest first, and flags what is still here after the end of the day in words', async () => {
    installFakeApi(unlockedConsole({ 'custody.inSafe': () => ({ owners, itemCount: 3 }) }));
    const { user } = renderApp('#/console');
    await user.click(await screen.findByRole('button', { name: 'In the safe' }));

    expect((await screen.findByText('3 items in the safe')).tagName).toBe('STRONG');
    const groups = within(screen.getByRole('list', { name: 'Items in the safe, longest held first' })).getAllByRole('listitem')
      .filter((li) => li.classList.contains('safe-group'));
    expect(groups.map((g) => within(g).getByRole('heading').textContent)).toEqual(['Jamie Reid', "Tom O'Neill"]);

    const [jamie, tomGroup] = groups as [HTMLElement, HTMLElement];
    expect(within(jamie).getByText('Still here after the end of the day')).toBeTruthy();
    expect(jamie.textContent).toContain('Pupil · Year 9');
    expect(jamie.textContent).toContain('held for 1 day 2h');
    expect(jamie.textContent).toContain('Confiscated: Filming in class');
    expect(within(tomGroup).queryByText('Still here after the end of the day')).toBeNull();
    expect(within(tomGroup).getByText(/Waiting at the office to collect/)).toBeTruthy();
    expect(tomGroup.textContent).toContain('held for 2h 5m');
    expect(tomGroup.textContent).toContain('Receipts 2026-0041, 2026-0044');
    expect(tomGroup.textContent).toContain('Smart watch · bag 14');
  });

  it('prints the list with the browser’s print', async () => {
    installFakeApi(unlockedConsole({ 'custody.inSafe': () => ({ owners, itemCount: 3 }) }));
    const print = vi.spyOn(window, 'print').mockImplementation(() => undefined);
    const { user } = renderApp('#/console');
    await user.click(await screen.findByRole('button', { name: 'In the safe' }));
    await user.click(await screen.findByRole('button', { name: 'Print this list' }));
    expect(print).toHaveBeenCalledTimes(1);
    print.mockRestore();
  });

  it('says when the safe is empty', async () => {
    installFakeApi(unlockedConsole());
    const { user } = renderApp('#/console');
    await user.click(await screen.findByRole('button', { name: 'In the safe' }));
    expect(await screen.findByText('The safe is empty.')).toBeTruthy();
    expect(screen.getByText('0 items in the safe')).toBeTruthy();
  });
});

describe('signing a visitor out without their items', () => {
  it('needs a reason, then signs them out and says what is still in the safe', async () => {
    const api = installFakeApi(unlockedConsole({
      'visit.overrideSignOut': () => ({ signedOut: true, itemsStillInSafe: 2 }),
    }));
    const { user } = renderApp('#/console');
    const waiting = await screen.findByRole('region', { name: /Wants to collect their items/ });
    await user.click(within(waiting).getByRole('button', { name: "Sign out without items… (Tom O'Neill)" }));

    const dialog = screen.getByRole('dialog', { name: "Sign out Tom O'Neill without their items?" });
    expect(dialog.textContent).toContain('Their 2 items will stay in the safe');
    const reason = within(dialog).getByLabelText('Reason');
    expect(document.activeElement).toBe(reason);
    await user.click(within(dialog).getByRole('button', { name: 'Sign out without items' }));
    expect(api.inputsOf('visit.overrideSignOut')).toEqual([]);
    expect(reason.getAttribute('aria-invalid')).toBe('true');
    expect(descriptionOf(reason)).toContain('Say why they are leaving without their items.');

    await user.type(reason, 'Had to leave for an emergency, will collect tomorrow');
    await user.click(within(dialog).getByRole('button', { name: 'Sign out without items' }));
    expect(api.inputsOf('visit.overrideSignOut')).toEqual([
      { visitId: tom.visitId, reason: 'Had to leave for an emergency, will collect tomorrow' },
    ]);
    expect(await screen.findByText("Tom O'Neill is signed out. 2 items are still in the safe.")).toBeTruthy();
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('speaks of one item as one', async () => {
    installFakeApi(unlockedConsole({ 'visit.onSite': () => ({ visits: [amira, { ...tom, itemsInSafe: 1 }], badgesEnabled: false }) }));
    const { user } = renderApp('#/console');
    const waiting = await screen.findByRole('region', { name: /Wants to collect their items/ });
    await user.click(within(waiting).getByRole('button', { name: /^Sign out without items/ }));
    expect(screen.getByRole('dialog').textContent)
      .toContain('Their item will stay in the safe, and on the "In the safe" list, until someone collects it.');
  });

  it('keeps the dialog open with the service’s message when it refuses', async () => {
    installFakeApi(unlockedConsole({ 'visit.overrideSignOut': () => fail('conflict', 'That visitor has already signed out.') }));
    const { user } = renderApp('#/console');
    const waiting = await screen.findByRole('region', { name: /Wants to collect their items/ });
    await user.click(within(waiting).getByRole('button', { name: /^Sign out without items/ }));
    const dialog = screen.getByRole('dialog');
    await user.type(within(dialog).getByLabelText('Reason'), 'Left early');
    await user.click(within(dialog).getByRole('button', { name: 'Sign out without items' }));
    expect((await within(dialog).findByRole('alert')).textContent).toContain('That visitor has already signed out.');
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('refuses a reason longer than main takes, in main’s words, without signing them out', async () => {
    const api = installFakeApi(unlockedConsole({ 'visit.overrideSignOut': () => ({ signedOut: true, itemsStillInSafe: 2 }) }));
    const { user } = renderApp('#/console');
    const waiting = await screen.findByRole('region', { name: /Wants to collect their items/ });
    await user.click(within(waiting).getByRole('button', { name: /^Sign out without items/ }));
    const dialog = screen.getByRole('dialog');
    await user.click(within(dialog).getByLabelText('Reason'));
    await user.paste('L'.repeat(301));
    await user.click(within(dialog).getByRole('button', { name: 'Sign out without items' }));

    expect(api.inputsOf('visit.overrideSignOut')).toEqual([]);
    expect(descriptionOf(within(dialog).getByLabelText('Reason'))).toContain('The reason is too long (at most 300 characters).');
  });
});

describe('device use in the safe view', () => {
  it('shows a visitor’s approved device use with its limits beside what is held for them', async () => {
    const { installFakeApi: install } = await import('../../helpers/fake-api.js');
    const { render, screen: s } = await import('@testing-library/react');
    const { InSafePage } = await import('../../../src/renderer/custody/InSafePage.js');
    const { useSafeStore } = await import('../../../src/renderer/custody/safe-store.js');
    install({
      'custody.inSafe': () => ({
        itemCount: 1,
        owners: [{
          ownerType: 'visitor', ownerName: 'Helen Marsh', ownerDetail: 'Ofsted', visitId: 3, collectionRequestedAt: null,
          oldestLoggedAt: TEST_NOW.toISOString(), pastEndOfDay: false, receipts: [{ receiptId: 1, receiptNumber: '2026-0001', printCount: 1, printProblem: null, givenByHand: null }],
          items: [{ itemId: 1, kind: 'phone', description: null, marks: null, bagSlot: '4', reason: 'visitor', confiscationReason: null, state: 'in_safe', loggedAt: TEST_NOW.toISOString(), loggedBy: 'Sam', closedAt: null, closedBy: null, closedTo: null, closedNote: null, corrected: false, confiscationOutcome: null }],
          deviceUse: { exceptionId: 7, approved: true, permittedUse: 'Notes only', permittedAreas: 'Office', validUntil: null, endedBecause: null },
        }],
      }),
    });
    useSafeStore.setState({ owners: [], itemCount: 0 } as never);
    render(<InSafePage />);
    expect(await s.findByText(/Device use approved/)).toBeTruthy();
    expect(s.getByText(/Office/)).toBeTruthy();
  });
});
