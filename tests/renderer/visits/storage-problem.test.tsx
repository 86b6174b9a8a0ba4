import { act, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { StorageProblem } from '../../../src/shared/contract/index.js';
import { appStatus, fail, installFakeApi, kioskHandlers } from '../../helpers/fake-api.js';
import { minutesAgo, unlockedConsole } from '../../helpers/console-fixtures.js';
import { renderApp } from '../../helpers/harness.js';

/** As the host words it (core/storage-failure.ts). */
const FULL: StorageProblem = {
  kind: 'full',
  message: 'Safe Hands cannot save anything: the disk Safe Hands saves to is full. Free some space on that disk (move or delete files that are not Safe Hands’ own), or call IT. '
    + 'Until then, visitors sign the paper visitor book at the office. You can still look things up here. The kiosk starts again by itself once Safe Hands can save.',
  detail: 'database or disk is full (SQLITE_FULL)',
  since: minutesAgo(2),
};
const NOT_SAVED = 'That was not saved: the disk Safe Hands saves to is full. Free some space on that disk (move or delete files that are not Safe Hands’ own), or call IT. '
  + 'Until then, visitors sign the paper visitor book at the office. You can still look things up here.';

afterEach(() => {
  vi.useRealTimers();
});

describe('the kiosk while Safe Hands cannot save', () => {
  it('is paused: the paper book for visitors; space or IT, and what still works, for the office', async () => {
    const api = installFakeApi({ ...kioskHandlers(), 'app.status': () => appStatus({ settingName: 'Little Acorns Nursery', storageProblem: FULL }) });
    renderApp('#/');
    expect(await screen.findByRole('heading', { level: 1, name: 'Safe Hands needs attention' })).toBeTruthy();
    const main = screen.getByRole('main').textContent!;
    expect(main).toContain('This computer’s disk is full, so Safe Hands cannot save any new visitor records.');
    expect(main).toContain('sign the paper visitor book at the office');
    expect(main).toContain('It goes by itself once Safe Hands can save again.');
    expect(main).toMatch(/Free some space on the computer’s disk .*, or call your IT support\./);
    expect(main).toContain('You can still unlock the staff console to look things up');
    // Restoring a backup is for a damaged database, not a full disk: it is not suggested.
    expect(main).not.toMatch(/restore/i);
    expect(screen.getByRole('link', { name: 'Staff console' }).getAttribute('href')).toBe('#/console');
    expect(screen.getByText(/database or disk is full \(SQLITE_FULL\)/)).toBeTruthy();
    expect(api.calls.map((c) => c.name)).toEqual(['app.status']);
  });

  it('says so when it is the shared database server that cannot be reached, and does not promise the console can read', async () => {
    const unreachable: StorageProblem = {
      kind: 'unreachable',
      message: 'Safe Hands cannot save anything: this desk cannot reach the database server it shares with the other desks.',
      detail: 'connect ECONNREFUSED 10.0.0.5:5432 (ECONNREFUSED)',
      since: minutesAgo(1),
    };
    installFakeApi({ ...kioskHandlers(), 'app.status': () => appStatus({ settingName: 'Oak Tree Primary', storageProblem: unreachable }) });
    renderApp('#/');
    expect(await screen.findByRole('heading', { level: 1, name: 'Safe Hands needs attention' })).toBeTruthy();
    const main = screen.getByRole('main').textContent!;
    expect(main).toContain('This desk cannot reach the database server it shares with the other desks');
    expect(main).toContain('sign the paper visitor book at the office');
    expect(main).toMatch(/Check this computer’s network cable or Wi-Fi\. If the other desks are stuck too, call your IT support/);
    expect(main).toContain('The staff console cannot show who is on site or what is in the safe until the server is back');
    expect(main).not.toContain('You can still unlock the staff console');
    expect(main).not.toMatch(/disk/);
  });

  it('pauses within seconds of a refused write, and carries on by itself once Safe Hands can save again', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    let problem: StorageProblem | null = null;
    installFakeApi({ ...kioskHandlers(), 'app.status': () => appStatus({ settingName: 'Little Acorns Nursery', storageProblem: problem }) });
    renderApp('#/');
    expect(await screen.findByRole('button', { name: /^Sign in/ })).toBeTruthy();

    problem = FULL;
    await act(async () => vi.advanceTimersByTime(10_000));
    expect(await screen.findByRole('heading', { level: 1, name: 'Safe Hands needs attention' })).toBeTruthy();

    // IT frees some space: the paused kiosk asks again and goes back to the welcome screen.
    problem = null;
    await act(async () => vi.advanceTimersByTime(30_000));
    expect(await screen.findByRole('button', { name: /^Sign in/ })).toBeTruthy();
    expect(screen.queryByText('Safe Hands needs attention')).toBeNull();
  });
});

describe('the staff console while Safe Hands cannot save', () => {
  it('says why a change was not saved, and at once says at the top what is wrong and what to do', async () => {
    let full = false;
    installFakeApi(unlockedConsole({
      'app.reminders': () => ({ reminders: full ? [{ kind: 'storage_problem', message: FULL.message, detail: FULL.detail }] : [] }),
      'custody.log': () => {
        full = true;
        return fail('storage_problem', NOT_SAVED);
      },
    }));
    const { user } = renderApp('#/console');
    const waiting = await screen.findByRole('table', { name: 'Waiting to be logged into the safe' });
    await user.click(within(within(waiting).getByRole('row', { name: /Amira Khan/ })).getByRole('button', { name: /^Log into safe/ }));
    await user.type(await screen.findByLabelText('Same bag for all'), '12');
    await user.click(screen.getByRole('button', { name: 'Log and print receipt' }));

    expect(await screen.findByText(NOT_SAVED)).toBeTruthy();
    // Without waiting for the console's next refresh.
    const banner = await screen.findByRole('region', { name: 'Reminders' });
    const alert = within(banner).getByRole('alert');
    expect(alert.textContent).toContain(FULL.message);
    expect(alert.textContent).toContain('database or disk is full (SQLITE_FULL)');
    expect(within(banner).queryByRole('button', { name: 'Open the expectations' })).toBeNull();
    // Reading goes on: the sections still open.
    await user.click(screen.getByRole('button', { name: 'In the safe' }));
    expect(await screen.findByRole('heading', { level: 1, name: /In the safe/ })).toBeTruthy();
  });
});
