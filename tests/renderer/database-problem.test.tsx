import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { installFakeApi, kioskHandlers } from '../helpers/fake-api.js';
import { unlockedConsole } from './console-fixtures.js';
import { renderApp } from './harness.js';

const PROBLEM = 'The database failed its start-up check (database disk image is malformed).';

describe('a damaged database', () => {
  it('pauses the kiosk with a calm message: the paper book for visitors, what the office should do', async () => {
    const api = installFakeApi({
      ...kioskHandlers(),
      'app.status': () => ({ setUp: true, settingName: 'Little Acorns Nursery', databaseProblem: PROBLEM }),
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
      'app.status': () => ({ setUp: true, settingName: 'Little Acorns Nursery', databaseProblem: PROBLEM }),
    }));
    renderApp('#/console');
    expect(await screen.findByRole('navigation', { name: 'Console sections' })).toBeTruthy();
    expect(screen.queryByText('Safe Hands needs attention')).toBeNull();
  });
});
