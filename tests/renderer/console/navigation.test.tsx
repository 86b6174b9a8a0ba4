import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { installFakeApi } from '../../helpers/fake-api.js';
import { unlockedConsole } from '../../helpers/console-fixtures.js';
import { adminConsole } from '../../helpers/operations-fixtures.js';
import { renderApp } from '../../helpers/harness.js';

async function consoleNav(): Promise<HTMLElement> {
  return screen.findByRole('navigation', { name: 'Console sections' });
}

function groupsRow(nav: HTMLElement): string[] {
  return within(nav.querySelector('ul.console-nav-groups') as HTMLElement).getAllByRole('button').map((b) => b.textContent ?? '');
}

describe('the console navigation, in groups', () => {
  it('shows a few groups on one row and the open group’s pages under it, saying which is open in words', async () => {
    installFakeApi(adminConsole());
    const { user } = renderApp('#/console');
    const nav = await consoleNav();
    expect(groupsRow(nav)).toEqual(['Front desk', "Pupils' devices", 'Safeguarding', 'Roll call', 'Office', 'Admin']);

    const desk = within(nav).getByRole('button', { name: 'Front desk' });
    expect(desk.getAttribute('aria-current')).toBe('true');
    expect(desk.getAttribute('aria-expanded')).toBe('true');
    const deskPages = within(nav).getByRole('list', { name: 'Front desk pages' });
    expect(desk.getAttribute('aria-controls')).toBe(deskPages.id);
    expect(within(deskPages).getByRole('button', { name: 'Today' }).getAttribute('aria-current')).toBe('page');
    // A group of one page is that page: no second row to expand.
    expect(within(nav).getByRole('button', { name: 'Roll call' }).hasAttribute('aria-expanded')).toBe(false);

    const office = within(nav).getByRole('button', { name: 'Office' });
    expect(office.getAttribute('aria-expanded')).toBe('false');
    await user.click(office);
    expect(await screen.findByRole('heading', { level: 1, name: 'End of day' })).toBeTruthy();
    expect(office.getAttribute('aria-current')).toBe('true');
    expect(office.getAttribute('aria-expanded')).toBe('true');
    expect(desk.getAttribute('aria-expanded')).toBe('false');
    expect(within(nav).queryByRole('list', { name: 'Front desk pages' })).toBeNull();
    const officePages = within(nav).getByRole('list', { name: 'Office pages' });
    expect(within(officePages).getAllByRole('button').map((b) => b.textContent)).toEqual(['End of day', 'Reports', 'Audit trail', 'Staff device permissions']);
    expect(within(officePages).getByRole('button', { name: 'End of day' }).getAttribute('aria-current')).toBe('page');
  });

  it('works from the keyboard: a group opens with Enter, and its pages sit between it and the page', async () => {
    installFakeApi(adminConsole());
    const { user } = renderApp('#/console');
    const nav = await consoleNav();
    within(nav).getByRole('button', { name: 'Office' }).focus();
    await user.keyboard('{Enter}');
    // As for every page, the new page's heading takes the focus, so a screen reader starts there…
    expect(document.activeElement).toBe(await screen.findByRole('heading', { level: 1, name: 'End of day' }));
    // …and the group's other pages are just before it.
    await user.tab({ shift: true });
    expect(document.activeElement).toBe(within(nav).getByRole('button', { name: 'Staff device permissions' }));
    await user.tab({ shift: true });
    expect(document.activeElement).toBe(within(nav).getByRole('button', { name: 'Audit trail' }));
    await user.tab({ shift: true });
    expect(document.activeElement).toBe(within(nav).getByRole('button', { name: 'Reports' }));
    await user.keyboard('{Enter}');
    expect(await within(screen.getByRole('main')).findByRole('heading', { name: 'Reports' })).toBeTruthy();
    expect(within(nav).getByRole('button', { name: 'Reports' }).getAttribute('aria-current')).toBe('page');
  });

  it('reaches every page an administrator and DSL may open', async () => {
    installFakeApi(adminConsole());
    const { user } = renderApp('#/console');
    const nav = await consoleNav();
    const reached: string[] = [];
    for (const group of groupsRow(nav)) {
      await user.click(within(nav).getByRole('button', { name: group }));
      const pages = within(nav).queryByRole('list', { name: `${group} pages` });
      for (const page of pages ? within(pages).getAllByRole('button').map((b) => b.textContent!) : [group]) {
        const button = within(pages ?? nav).getByRole('button', { name: page });
        await user.click(button);
        expect(button.getAttribute('aria-current'), page).toBe('page');
        expect((await within(screen.getByRole('main')).findAllByRole('heading')).length, page).toBeGreaterThan(0);
        reached.push(page);
      }
    }
    expect(reached).toEqual([
      'Today', 'Collect', 'In the safe', 'Check an approval', 'Log items', 'Staff on site',
      'Hand in and home time', 'Agreements', 'Exceptions', 'Confiscated', 'Safeguarding', 'Roll call',
      'End of day', 'Reports', 'Audit trail', 'Staff device permissions', 'Admin',
    ]);
  });

  it('leaves out what a role does not reach: no Audit trail or Admin for the office', async () => {
    installFakeApi(unlockedConsole());
    const { user } = renderApp('#/console');
    const nav = await consoleNav();
    expect(groupsRow(nav)).toEqual(['Front desk', "Pupils' devices", 'Safeguarding', 'Roll call', 'Office']);
    await user.click(within(nav).getByRole('button', { name: 'Office' }));
    expect(within(within(nav).getByRole('list', { name: 'Office pages' })).getAllByRole('button').map((b) => b.textContent)).toEqual(['End of day', 'Reports', 'Staff device permissions']);
  });
});
