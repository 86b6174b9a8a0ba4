import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { InboxItem } from '../../../src/shared/domain/inbox.js';
import { installFakeApi } from '../../helpers/fake-api.js';
import { minutesAgo } from '../../helpers/test-clock.js';
import { renderApp } from '../../helpers/harness.js';
import { dslSession, officeSession, safeguardingConsole } from '../../helpers/safeguarding-fixtures.js';

const concern: InboxItem = {
  kind: 'concern', key: 'concern:4', title: 'A visitor: Man in a blue coat', detail: 'Raised by Sam Holt · Reception',
  since: minutesAgo(30), opens: 'concerns',
};
const held: InboxItem = {
  kind: 'held_past_end_of_day', key: 'held:9', title: 'Phone: Kofi Mensah', detail: 'Pupil, 6B · In the safe since yesterday',
  since: minutesAgo(26 * 60), opens: 'safe',
};

function consoleNav(): HTMLElement {
  return screen.getByRole('navigation', { name: 'Console sections' });
}

describe("the DSL's inbox", () => {
  it('counts what waits on the navigation, opens on it for the DSL, and each entry leads to where it is dealt with', async () => {
    let items = [concern, held];
    const api = installFakeApi(safeguardingConsole(dslSession, { 'inbox.list': () => ({ items }) }));
    const { user } = renderApp('#/console');
    const group = await within(await screen.findByRole('navigation', { name: 'Console sections' })).findByRole('button', { name: 'Safeguarding' });
    // The count is on the button for the eye and in its description for a screen reader; its name stays "Safeguarding".
    await waitFor(() => expect(group.textContent).toBe('Safeguarding2'));
    expect(document.getElementById(group.getAttribute('aria-describedby')!)!.textContent).toBe("2 things wait in the DSL's inbox");

    await user.click(group);
    expect(await screen.findByRole('heading', { level: 1, name: 'Inbox' })).toBeTruthy();
    expect(screen.getByText('2 things are waiting for the Designated Safeguarding Lead, oldest first.')).toBeTruthy();
    const concerns = screen.getByRole('region', { name: 'New concerns to review (1)' });
    expect(within(concerns).getByText('A visitor: Man in a blue coat')).toBeTruthy();
    const overnight = screen.getByRole('region', { name: 'Held past the end of the day (1)' });
    await user.click(within(overnight).getByRole('button', { name: 'Open In the safe: Phone: Kofi Mensah' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'In the safe' })).toBeTruthy();

    await user.click(within(consoleNav()).getByRole('button', { name: 'Safeguarding' }));
    await user.click(within(await screen.findByRole('region', { name: 'New concerns to review (1)' })).getByRole('button', { name: /Open Concerns/ }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Concerns' })).toBeTruthy();

    // Dealt with there: the count follows at the next read.
    items = [held];
    await user.click(within(consoleNav()).getByRole('button', { name: 'Safeguarding' }));
    await waitFor(() => expect(within(consoleNav()).getByRole('button', { name: 'Safeguarding' }).textContent).toBe('Safeguarding1'));
    expect(screen.queryByRole('region', { name: /New concerns/ })).toBeNull();
    expect(api.inputsOf('inbox.list').length).toBeGreaterThan(1);
  });

  it('says when nothing waits, and shows no count', async () => {
    installFakeApi(safeguardingConsole(dslSession, { 'inbox.list': () => ({ items: [] }) }));
    const { user } = renderApp('#/console');
    await user.click(within(await screen.findByRole('navigation', { name: 'Console sections' })).getByRole('button', { name: 'Safeguarding' }));
    expect(await screen.findByText('Nothing is waiting for the Designated Safeguarding Lead.')).toBeTruthy();
    expect(within(consoleNav()).getByRole('button', { name: 'Safeguarding' }).getAttribute('aria-describedby')).toBeNull();
  });

  it('is not shown to office staff, and they are never asked about it', async () => {
    const api = installFakeApi(safeguardingConsole(officeSession, { 'inbox.list': () => ({ items: [concern] }) }));
    const { user } = renderApp('#/console');
    await user.click(within(await screen.findByRole('navigation', { name: 'Console sections' })).getByRole('button', { name: 'Safeguarding' }));
    const parts = await screen.findByRole('navigation', { name: 'Safeguarding sections' });
    expect(within(parts).queryByRole('button', { name: /Inbox/ })).toBeNull();
    expect(within(consoleNav()).getByRole('button', { name: 'Safeguarding' }).textContent).toBe('Safeguarding');
    expect(api.inputsOf('inbox.list')).toEqual([]);
  });
});
