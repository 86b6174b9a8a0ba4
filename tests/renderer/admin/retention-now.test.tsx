import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { RetentionRun } from '../../../src/shared/contract/index.js';
import { formatDate } from '../../../src/shared/domain/time.js';
import { fail, installFakeApi, type FakeHandlers } from '../../helpers/fake-api.js';
import { renderApp } from '../../helpers/harness.js';
import { adminConsole, settingsView } from '../../helpers/operations-fixtures.js';

const nothing: RetentionRun = {
  cutoff: '2020-12-07T10:00:00.000Z', visitorsRemoved: 0, visitsCleared: 0, bookingsCleared: 0, custodyCleared: 0, exceptionsCleared: 0,
  agreementsCleared: 0, searchesCleared: 0, learnerExceptionsCleared: 0, confiscationsCleared: 0, staffPermissionsCleared: 0, signaturesCleared: 0, exceptionRequestsCleared: 0, filesRemoved: 0, filesNotRemoved: 0,
};

async function openPeople(overrides: FakeHandlers) {
  const api = installFakeApi(adminConsole({ 'settings.get': () => settingsView, 'printers.list': () => ({ printers: [] }), ...overrides }));
  const app = renderApp('#/console');
  const nav = await screen.findByRole('navigation', { name: 'Console sections' });
  await app.user.click(within(nav).getByRole('button', { name: 'Admin' }));
  await app.user.click(within(screen.getByRole('navigation', { name: 'Admin sections' })).getByRole('button', { name: 'People' }));
  const panel = await screen.findByRole('region', { name: 'Removing old details' });
  return { api, panel, ...app };
}

describe('removing old details now', () => {
  it('asks first, runs the same removal as the nightly run, and says what went, line by line', async () => {
    const { api, panel, user } = await openPeople({
      'retention.runNow': () => ({ ...nothing, visitorsRemoved: 3, visitsCleared: 5, custodyCleared: 1, filesRemoved: 2 }),
    });
    await user.click(within(panel).getByRole('button', { name: 'Remove old details now' }));
    const dialog = await screen.findByRole('dialog', { name: 'Remove old details now?' });
    expect(api.inputsOf('retention.runNow')).toEqual([]);
    await user.click(within(dialog).getByRole('button', { name: 'Remove them now' }));
    const result = await within(panel).findByRole('status');
    expect(result.textContent).toContain(`Details from before ${formatDate(nothing.cutoff)}`);
    expect(within(result).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      "3 visitors' details", '5 visits', '1 item logged into the safe', '2 documents and old copies of the data removed',
    ]);
    expect(api.inputsOf('retention.runNow')).toHaveLength(1);
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('says plainly when nothing was old enough, and a cancelled dialog runs nothing', async () => {
    const { api, panel, user } = await openPeople({ 'retention.runNow': () => nothing });
    await user.click(within(panel).getByRole('button', { name: 'Remove old details now' }));
    await user.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Cancel' }));
    expect(api.inputsOf('retention.runNow')).toEqual([]);
    await user.click(within(panel).getByRole('button', { name: 'Remove old details now' }));
    await user.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Remove them now' }));
    expect((await within(panel).findByRole('status')).textContent).toContain('there were none left to remove');
  });

  it('shows main\'s refusal and claims nothing was removed', async () => {
    const { panel, user } = await openPeople({
      'retention.runNow': () => fail('storage_problem', 'The disk is full. Nothing was changed.'),
    });
    await user.click(within(panel).getByRole('button', { name: 'Remove old details now' }));
    await user.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Remove them now' }));
    expect(await within(panel).findByText('The disk is full. Nothing was changed.')).toBeTruthy();
    expect(within(panel).queryByRole('status')).toBeNull();
  });
});
