import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { StaffAccount } from '../../../src/shared/contract/index.js';
import { fail, installFakeApi, type FakeHandlers } from '../../helpers/fake-api.js';
import { unlockedConsole } from '../../helpers/console-fixtures.js';
import { descriptionOf, renderApp } from '../../helpers/harness.js';
import { adminConsole, backups, settingsView, staffAccounts } from '../../helpers/operations-fixtures.js';

async function openAdmin(handlers: FakeHandlers, tab: 'Settings' | 'Backups' | 'Staff') {
  const api = installFakeApi(handlers);
  const app = renderApp('#/console');
  const nav = await screen.findByRole('navigation', { name: 'Console sections' });
  await app.user.click(within(nav).getByRole('button', { name: 'Admin' }));
  await app.user.click(within(screen.getByRole('navigation', { name: 'Admin sections' })).getByRole('button', { name: tab }));
  return { api, ...app };
}

describe('the Admin section', () => {
  it('is not offered to an office-only session', async () => {
    installFakeApi(unlockedConsole());
    renderApp('#/console');
    const nav = await screen.findByRole('navigation', { name: 'Console sections' });
    const labels = within(nav).getAllByRole('button').map((b) => b.textContent);
    expect(labels).toContain('Roll call');
    expect(labels).toContain('Office');
    expect(labels).not.toContain('Admin');
  });

  it('is offered to an administrator, with settings, backups and staff', async () => {
    const { user } = await openAdmin(
      adminConsole({ 'settings.get': () => settingsView, 'printers.list': () => ({ printers: [] }) }),
      'Settings',
    );
    expect(screen.getByRole('heading', { level: 1, name: 'Admin' })).toBeTruthy();
    expect(await screen.findByLabelText('Backup folder')).toBeTruthy();
    const nav = screen.getByRole('navigation', { name: 'Console sections' });
    expect(within(nav).getByRole('button', { name: 'Admin' }).getAttribute('aria-current')).toBe('page');
    expect(within(nav).getByRole('button', { name: 'Front desk' }).getAttribute('aria-current')).toBeNull();
    await user.click(within(nav).getByRole('button', { name: 'Front desk' }));
    expect(screen.getByRole('heading', { level: 1, name: 'Today' })).toBeTruthy();
    expect(within(nav).getByRole('button', { name: 'Admin' }).getAttribute('aria-current')).toBeNull();
  });
});

describe('staff accounts', () => {
  it('lists the accounts with their roles and locks, and adds an account with the roles ticked', async () => {
    let list = [...staffAccounts];
    const created: StaffAccount = { staffId: 4, displayName: 'Olu Office', roles: ['office', 'dsl'], active: true, lockedUntil: null, badgeIssuedAt: null, signedInSince: null };
    const { api, user } = await openAdmin(adminConsole({
      'staff.list': () => ({ staff: list }),
      'staff.create': () => {
        list = [...list, created];
        return created;
      },
    }), 'Staff');
    const table = await screen.findByRole('table', { name: 'Staff accounts' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getByRole('rowheader').textContent)).toEqual(['Priya Shah (you)', 'Sam Holt', 'Jo Leaver']);
    expect(rows[0]!.textContent).toContain('Office, Designated Safeguarding Lead, Administrator');
    expect(rows[1]!.textContent).toContain('Locked until');
    expect(within(rows[1]!).getByRole('button', { name: 'Unlock (Sam Holt)' })).toBeTruthy();
    expect(within(rows[0]!).queryByRole('button', { name: /Deactivate/ })).toBeNull();
    expect(rows[2]!.textContent).toContain('Deactivated');
    expect(within(rows[2]!).queryAllByRole('button')).toEqual([]);

    await user.type(screen.getByLabelText('Name', { selector: 'input' }), 'Olu Office');
    await user.click(screen.getByRole('checkbox', { name: /Designated Safeguarding Lead/ }));
    await user.type(screen.getByLabelText('PIN'), '2580');
    await user.type(screen.getByLabelText('PIN again'), '2580');
    await user.click(screen.getByRole('button', { name: 'Add staff member' }));
    expect(await screen.findByText('Olu Office can now unlock the staff console with their PIN.')).toBeTruthy();
    expect(api.inputsOf('staff.create')).toEqual([{ displayName: 'Olu Office', roles: ['dsl'], pin: '2580', pinAgain: '2580' }]);
    expect(within(table).getByRole('rowheader', { name: 'Olu Office' })).toBeTruthy();
    // The lock screen's list of names follows.
    expect(api.inputsOf('staff.listForUnlock').length).toBeGreaterThanOrEqual(2);
  });

  it('sends an office-only account with no extra roles, and shows field messages', async () => {
    const { api, user } = await openAdmin(adminConsole({
      'staff.list': () => ({ staff: staffAccounts }),
      'staff.create': () => fail('invalid_input', 'The two PINs are not the same.', { pinAgain: 'The two PINs are not the same.' }),
    }), 'Staff');
    await screen.findByRole('table', { name: 'Staff accounts' });
    await user.type(screen.getByLabelText('Name', { selector: 'input' }), 'Olu Office');
    await user.type(screen.getByLabelText('PIN'), '2580');
    await user.type(screen.getByLabelText('PIN again'), '2581');
    await user.click(screen.getByRole('button', { name: 'Add staff member' }));
    expect((await screen.findAllByText('The two PINs are not the same.')).length).toBeGreaterThan(0);
    expect(api.inputsOf('staff.create')).toEqual([{ displayName: 'Olu Office', roles: [], pin: '2580', pinAgain: '2581' }]);
    expect((screen.getByLabelText('PIN') as HTMLInputElement).value).toBe('');
  });

  it('shows the service’s plain message when a change would leave nobody in a role', async () => {
    const message = 'Priya Shah is the only active administrator. Give another account that role first.';
    const { api, user } = await openAdmin(adminConsole({
      'staff.list': () => ({ staff: staffAccounts }),
      'staff.update': () => fail('conflict', message),
    }), 'Staff');
    await user.click(await screen.findByRole('button', { name: 'Edit roles… (Priya Shah)' }));
    const dialog = screen.getByRole('dialog', { name: 'Roles for Priya Shah' });
    await user.click(within(dialog).getByRole('checkbox', { name: /Administrator/ }));
    await user.click(within(dialog).getByRole('button', { name: 'Save roles' }));
    expect((await within(dialog).findByRole('alert')).textContent).toContain(message);
    expect(api.inputsOf('staff.update')).toEqual([{ staffId: 1, displayName: 'Priya Shah', roles: ['dsl'] }]);
  });

  it('locks the console when administrators change their own roles, since main has ended their session', async () => {
    const { api, user } = await openAdmin(adminConsole({
      'staff.list': () => ({ staff: staffAccounts }),
      'staff.update': (input) => ({ ...staffAccounts[0]!, displayName: input.displayName, roles: ['office', 'admin'] }),
    }), 'Staff');
    await user.click(await screen.findByRole('button', { name: 'Edit roles… (Priya Shah)' }));
    const dialog = screen.getByRole('dialog', { name: 'Roles for Priya Shah' });
    expect(dialog.textContent).toContain('your console locks');
    await user.click(within(dialog).getByRole('checkbox', { name: /Designated Safeguarding Lead/ }));
    await user.click(within(dialog).getByRole('button', { name: 'Save roles' }));
    expect(await screen.findByText('Your roles or name changed. Unlock again to carry on.')).toBeTruthy();
    expect(screen.getByRole('heading', { level: 1, name: 'Staff console' })).toBeTruthy();
    expect(api.inputsOf('staff.update')).toEqual([{ staffId: 1, displayName: 'Priya Shah', roles: ['admin'] }]);
  });

  it('deactivates a leaver only with a reason, and shows a refusal in the dialog', async () => {
    const message = 'Sam Holt is the only active Designated Safeguarding Lead. Give another account that role first.';
    const { api, user } = await openAdmin(adminConsole({
      'staff.list': () => ({ staff: staffAccounts }),
      'staff.deactivate': () => fail('conflict', message),
    }), 'Staff');
    await user.click(await screen.findByRole('button', { name: 'Deactivate… (Sam Holt)' }));
    const dialog = screen.getByRole('dialog', { name: 'Deactivate Sam Holt?' });
    await user.click(within(dialog).getByRole('button', { name: 'Deactivate' }));
    expect(within(dialog).getByText(/Say why the account is being deactivated/)).toBeTruthy();
    expect(api.inputsOf('staff.deactivate')).toEqual([]);
    await user.type(within(dialog).getByLabelText('Reason'), 'Left in July');
    await user.click(within(dialog).getByRole('button', { name: 'Deactivate' }));
    expect((await within(dialog).findByRole('alert')).textContent).toContain(message);
    expect(api.inputsOf('staff.deactivate')).toEqual([{ staffId: 2, reason: 'Left in July' }]);
  });

  it('refuses a deactivation reason with characters that turn text around, in main’s words, without sending it', async () => {
    const { api, user } = await openAdmin(adminConsole({
      'staff.list': () => ({ staff: staffAccounts }),
      'staff.deactivate': () => ({ ...staffAccounts[1]!, active: false }),
    }), 'Staff');
    await user.click(await screen.findByRole('button', { name: 'Deactivate… (Sam Holt)' }));
    const dialog = screen.getByRole('dialog', { name: 'Deactivate Sam Holt?' });
    await user.click(within(dialog).getByLabelText('Reason'));
    await user.paste('Left in July\u202e');
    await user.click(within(dialog).getByRole('button', { name: 'Deactivate' }));

    expect(api.inputsOf('staff.deactivate')).toEqual([]);
    expect(descriptionOf(within(dialog).getByLabelText('Reason')))
      .toContain('The reason contains hidden characters that change how text is shown. Please type it again.');
  });

  it('resets a PIN and unlocks a locked-out account', async () => {
    const sam = staffAccounts[1]!;
    const { api, user } = await openAdmin(adminConsole({
      'staff.list': () => ({ staff: staffAccounts }),
      'staff.resetPin': () => ({ ...sam, lockedUntil: null }),
      'staff.unlockAccount': () => ({ ...sam, lockedUntil: null }),
    }), 'Staff');
    await user.click(await screen.findByRole('button', { name: 'Unlock (Sam Holt)' }));
    expect(await screen.findByText('Sam Holt can try their PIN again now.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Unlock (Sam Holt)' })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Reset PIN… (Sam Holt)' }));
    const dialog = screen.getByRole('dialog', { name: 'New PIN for Sam Holt' });
    await user.type(within(dialog).getByLabelText('New PIN'), '9999');
    await user.type(within(dialog).getByLabelText('New PIN again'), '9999');
    await user.click(within(dialog).getByRole('button', { name: 'Set the new PIN' }));
    expect(await screen.findByText(/Sam Holt has a new PIN/)).toBeTruthy();
    expect(api.inputsOf('staff.unlockAccount')).toEqual([{ staffId: 2 }]);
    expect(api.inputsOf('staff.resetPin')).toEqual([{ staffId: 2, pin: '9999', pinAgain: '9999' }]);
  });
});

describe('backups', () => {
  it('backs up now and lists the backups with en-GB dates and sizes', async () => {
    let list = backups.slice(1);
    const { api, user } = await openAdmin(adminConsole({
      'backup.list': () => ({ folder: '/data/backups', backups: list, keptBy: 'safe_hands' }),
      'backup.now': () => {
        list = backups;
        return backups[0]!;
      },
    }), 'Backups');
    const table = await screen.findByRole('table', { name: 'Backups in this folder' });
    expect(within(table).getAllByRole('rowheader').map((h) => h.textContent)).toEqual(['21 Nov 2026, 18:00']);
    expect(screen.getByText('/data/backups')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Back up now' }));
    expect((await screen.findByText(/Backup made at 22 Nov 2026, 09:00/)).textContent).toContain('safe-hands-20261122-090000.db (2.4 MB)');
    expect(within(table).getAllByRole('rowheader').map((h) => h.textContent)).toEqual(['22 Nov 2026, 09:00', '21 Nov 2026, 18:00']);
    expect(api.inputsOf('backup.now')).toEqual([{}]);
  });

  it('on a desk whose records are on a PostgreSQL server, says the server keeps the backups and offers nothing to press', async () => {
    const { api } = await openAdmin(adminConsole({
      'backup.list': () => ({ folder: '/data/backups', backups, keptBy: 'database_server' }),
    }), 'Backups');
    const section = (await screen.findByRole('heading', { level: 2, name: 'Backups' })).closest('section')!;
    expect(await within(section).findByText(/keeps its records on a shared PostgreSQL database server/)).toBeTruthy();
    expect(section.textContent).toContain('Ask IT how often the server is backed up');
    expect(within(section).queryAllByRole('button')).toEqual([]);
    expect(within(section).queryByRole('table')).toBeNull();
    expect(api.inputsOf('backup.now')).toEqual([]);
  });

  it('restores after a plain confirmation, and the console returns to the lock screen saying so', async () => {
    let locked = false;
    const { api, user } = await openAdmin(adminConsole({
      'backup.list': () => ({ folder: '/data/backups', backups, keptBy: 'safe_hands' }),
      'backup.restore': (input) => {
        locked = true;
        return { restoredFrom: input.file, keptAside: '/data/before-restore/safe-hands-20261122-101500.db' };
      },
      'staff.session': () => ({ session: locked ? null : { staffId: 1, displayName: 'Priya Shah', roles: ['office', 'dsl', 'admin'], expiresAt: '2026-11-22T12:00:00.000Z', pinChangeDue: false } }),
    }), 'Backups');
    await user.click(await screen.findByRole('button', { name: 'Restore… (the backup from 21 Nov 2026, 18:00)' }));
    const dialog = screen.getByRole('dialog', { name: 'Restore the backup from 21 Nov 2026, 18:00?' });
    expect(dialog.textContent).toContain('kept aside');
    expect(dialog.textContent).toContain('Everyone is locked out');
    expect(dialog.textContent).toContain('Unlock again');
    await user.click(within(dialog).getByRole('button', { name: 'Restore this backup' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Staff console' })).toBeTruthy();
    expect(screen.getByLabelText('PIN')).toBeTruthy();
    const notice = screen.getAllByRole('alert').map((a) => a.textContent).join(' ');
    expect(notice).toContain('Restored from safe-hands-20261121-180000.db.');
    expect(notice).toContain('Unlock again');
    expect(api.inputsOf('backup.restore')).toEqual([{ file: '/data/backups/safe-hands-20261121-180000.db', confirm: true }]);
  });

  it('restores from another file by its full path, and shows why a file was refused', async () => {
    const { api, user } = await openAdmin(adminConsole({
      'backup.list': () => ({ folder: '/data/backups', backups: [], keptBy: 'safe_hands' }),
      'backup.restore': () => fail('invalid_input', 'Nothing was changed. That file is not a Safe Hands database.', { file: 'That file is not a Safe Hands database.' }),
    }), 'Backups');
    expect(await screen.findByText('There are no backups in this folder yet.')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Restore from another file…' }));
    const dialog = screen.getByRole('dialog', { name: 'Restore from another file?' });
    await user.click(within(dialog).getByRole('button', { name: 'Restore this file' }));
    expect(within(dialog).getByText('Type the whole path of the backup file.')).toBeTruthy();
    expect(api.inputsOf('backup.restore')).toEqual([]);
    await user.type(within(dialog).getByLabelText('Full path of the backup file'), 'E:\\old\\notes.db');
    await user.click(within(dialog).getByRole('button', { name: 'Restore this file' }));
    expect(await within(dialog).findByText('That file is not a Safe Hands database.')).toBeTruthy();
    expect(api.inputsOf('backup.restore')).toEqual([{ file: 'E:\\old\\notes.db', confirm: true }]);
    expect(screen.getByRole('navigation', { name: 'Console sections' })).toBeTruthy();
  });

  it('refuses a path longer than main takes, in main’s words, without restoring anything', async () => {
    const { api, user } = await openAdmin(adminConsole({
      'backup.list': () => ({ folder: '/data/backups', backups: [], keptBy: 'safe_hands' }),
      'backup.restore': (input) => ({ restoredFrom: input.file, keptAside: '/data/before-restore/safe-hands-20261122-101500.db' }),
    }), 'Backups');
    await user.click(await screen.findByRole('button', { name: 'Restore from another file…' }));
    const dialog = screen.getByRole('dialog', { name: 'Restore from another file?' });
    await user.click(within(dialog).getByLabelText('Full path of the backup file'));
    await user.paste(`E:\\${'d'.repeat(1000)}.db`);
    await user.click(within(dialog).getByRole('button', { name: 'Restore this file' }));

    expect(api.inputsOf('backup.restore')).toEqual([]);
    expect(descriptionOf(within(dialog).getByLabelText('Full path of the backup file')))
      .toContain('The backup file is too long (at most 1000 characters).');
  });
});
