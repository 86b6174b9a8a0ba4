import { act, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fail, installFakeApi, kioskHandlers, appStatus } from '../../helpers/fake-api.js';
import { unlockedConsole } from '../../helpers/console-fixtures.js';
import { renderApp } from '../../helpers/harness.js';

const PROBLEM = 'The database failed its start-up check (database disk image is malformed).';

describe('a damaged database', () => {
  it('pauses the kiosk with a calm message: the paper book for visitors, what the office should do', async () => {
    const api = installFakeApi({
      ...kioskHandlers(),
      'app.status': () => appStatus({ setUp: true, settingName: 'Little Acorns Nursery', databaseProblem: PROBLEM }),
    });
    renderApp('#/');
    expect(await screen.findByRole('heading', { level: 1, name: 'Safe Hands needs attention' })).toBeTruthy();
    expect(screen.getByRole('main').textContent).toContain('sign the paper visitor book at the office');
    expect(screen.getByRole('main').textContent).toMatch(/restore the most recent backup/);
    expect(screen.getByRole('main').textContent).toMatch(/call your IT support/);
    expect(screen.getByRole('link', { name: 'Staff console' }).getAttribute('href')).toBe('#/console');
    expect(screen.getByText(PROBLEM)).toBeTruthy();
    // The kiosk's other commands would fail in this state: it does not call them.
    expect(api.calls.map((c) => c.name)).toEqual(['app.status']);
  });

  it('still opens the staff console, to unlock and restore', async () => {
    installFakeApi(unlockedConsole({
      'app.status': () => appStatus({ setUp: true, settingName: 'Little Acorns Nursery', databaseProblem: PROBLEM }),
    }));
    renderApp('#/console');
    expect(await screen.findByRole('navigation', { name: 'Console sections' })).toBeTruthy();
    expect(screen.queryByText('Safe Hands needs attention')).toBeNull();
  });

  describe('found while the kiosk is running', () => {
    afterEach(() => {
      vi.useRealTimers();
    });

    it('pauses the kiosk within seconds of the background check reporting it', async () => {
      vi.useFakeTimers({ shouldAdvanceTime: true });
      let problem: string | null = null;
      installFakeApi({
        ...kioskHandlers(),
        'app.status': () => appStatus({ setUp: true, settingName: 'Little Acorns Nursery', databaseProblem: problem }),
      });
      renderApp('#/');
      expect(await screen.findByRole('button', { name: /^Sign in/ })).toBeTruthy();
      // The start-up check, running in the background, finds the damage after the welcome screen is up.
      problem = PROBLEM;
      await act(async () => vi.advanceTimersByTime(10_000));
      expect(await screen.findByRole('heading', { level: 1, name: 'Safe Hands needs attention' })).toBeTruthy();
    });

    it('stays on the screen it is on when the host cannot be reached for a moment', async () => {
      vi.useFakeTimers({ shouldAdvanceTime: true });
      let reachable = true;
      installFakeApi({
        ...kioskHandlers(),
        'app.status': () => {
          if (!reachable) return fail('internal', 'The kiosk cannot reach its service. Please ask at the office.');
          return appStatus({ settingName: 'Little Acorns Nursery' });
        },
      });
      renderApp('#/');
      expect(await screen.findByRole('button', { name: /^Sign in/ })).toBeTruthy();
      reachable = false;
      await act(async () => vi.advanceTimersByTime(10_000));
      expect(screen.getByRole('button', { name: /^Sign in/ })).toBeTruthy();
      expect(screen.queryByText('Safe Hands cannot start')).toBeNull();
    });
  });
});
