import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { PrintStatus } from '../../../src/shared/contract/index.js';
import { installFakeApi } from '../../helpers/fake-api.js';
import { amira, fail, tom, unlockedConsole } from '../../helpers/console-fixtures.js';
import { renderApp } from '../../helpers/harness.js';

/** Reprint badge beside each visitor on Today, when the setting prints badges: lost, smudged or never printed. */

const WARNING = 'Some letters of “𠮷田花子” cannot be printed on this computer, so the badge shows □ in their place. Check the name on screen or against their ID.';
const yoshida = { ...amira, visitId: 7, firstName: '花子', lastName: '𠮷田', familyNameFirst: true };

function today(reprint: () => { print: PrintStatus } | ReturnType<typeof fail>, badgesEnabled = true) {
  const api = installFakeApi(unlockedConsole({
    'visit.onSite': () => ({ visits: [yoshida, tom], badgesEnabled }),
    'badge.reprint': reprint,
  }));
  return { api, ...renderApp('#/console') };
}

function rowOf(table: HTMLElement, name: RegExp): HTMLElement {
  return within(table).getByRole('row', { name });
}

describe('printing a badge again from Today', () => {
  it('prints the visitor’s badge and says where, with a warning when their name cannot be printed', async () => {
    const { api, user } = today(() => ({ print: { printed: true, printer: 'Reception-Badges', documentId: 'badge-7', warning: WARNING } }));
    const table = await screen.findByRole('table', { name: 'On site now' });
    expect(within(table).getByRole('columnheader', { name: 'Badge' })).toBeTruthy();
    await user.click(within(rowOf(table, /𠮷田花子/)).getByRole('button', { name: 'Reprint badge for 𠮷田花子' }));
    const outcome = await screen.findByRole('group', { name: 'Badge for 𠮷田花子' });
    expect(within(outcome).getByRole('status').textContent).toBe('✓Badge for 𠮷田花子 printed on Reception-Badges.');
    expect(within(outcome).getByRole('alert').textContent).toContain(`Check the printed name. ${WARNING}`);
    expect(api.inputsOf('badge.reprint')).toEqual([{ visitId: 7 }]);
    // Nothing is said about Tom's badge.
    expect(screen.queryByRole('group', { name: "Badge for Tom O'Neill" })).toBeNull();
  });

  it('says plainly when the printer did not take it, and offers the PDF to print by hand', async () => {
    const { user } = today(() => ({ print: { printed: false, reason: 'No printer is set up for badges. Choose one in Admin → Settings.', documentId: 'badge-7' } }));
    const row = rowOf(await screen.findByRole('table', { name: 'On site now' }), /𠮷田花子/);
    await user.click(within(row).getByRole('button', { name: 'Reprint badge for 𠮷田花子' }));
    const outcome = await screen.findByRole('group', { name: 'Badge for 𠮷田花子' });
    expect(within(outcome).getByRole('alert').textContent).toBe('!The badge for 𠮷田花子 was not printed. No printer is set up for badges. Choose one in Admin → Settings.');
    const link = within(outcome).getByRole('link', { name: 'Open the badge PDF for 𠮷田花子 (opens in a new tab)' });
    expect(link.getAttribute('href')).toBe('documents/badge-7');
    // It can be tried again once the printer is sorted.
    expect(within(row).getByRole('button', { name: 'Reprint badge for 𠮷田花子' }).hasAttribute('disabled')).toBe(false);
  });

  it('says why when there is no badge to print', async () => {
    const { user } = today(() => fail('conflict', 'That visitor has already signed out.'));
    const row = rowOf(await screen.findByRole('table', { name: 'On site now' }), /𠮷田花子/);
    await user.click(within(row).getByRole('button', { name: 'Reprint badge for 𠮷田花子' }));
    expect(within(await screen.findByRole('group', { name: 'Badge for 𠮷田花子' })).getByRole('alert').textContent).toContain('That visitor has already signed out.');
  });

  it('is offered only while the setting prints badges', async () => {
    const { api, user } = today(() => fail('conflict', 'Visitor badges are switched off for this setting.'), false);
    const table = await screen.findByRole('table', { name: 'On site now' });
    expect(within(table).queryByRole('columnheader', { name: 'Badge' })).toBeNull();
    expect(within(table).queryByRole('button', { name: /Reprint badge/ })).toBeNull();
    // An administrator switches badges on: the next refresh of Today offers them.
    api.handlers['visit.onSite'] = () => ({ visits: [yoshida, tom], badgesEnabled: true });
    await user.click(screen.getByRole('button', { name: 'Refresh' }));
    expect(await within(table).findByRole('button', { name: "Reprint badge for Tom O'Neill" })).toBeTruthy();
  });
});
