import { render, screen, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { SettingsPanel } from '../../../src/renderer/admin/SettingsPanel.js';
import type { SettingsView } from '../../../src/shared/contract/index.js';
import { fail, installFakeApi } from '../../helpers/fake-api.js';

const saved: SettingsView = {
  settingName: 'Oak Tree Primary', settingKind: 'school', idleSeconds: 90, consoleLockSeconds: 300, reacknowledge: 'on_change',
  receiptPrinter: null, receiptLayout: 'roll80', endOfDay: '17:30', backupFolder: null, backupKeep: 14, backupDaily: true, lastBackupAt: null, autoSignOut: false, a4Printer: null, retentionYears: 6, addressLine: null, hasLogo: false, badgeEnabled: false, badgePrinter: null, badgeLayout: 'dymo_2_25x4',
};

describe('the settings panel', () => {
  it('lists the system printers and sends only what changed', async () => {
    const api = installFakeApi({
      'settings.get': () => saved,
      'printers.list': () => ({ printers: [{ name: 'Reception-Receipts', isDefault: true }, { name: 'Office-A4', isDefault: false }] }),
      'settings.update': () => ({ ...saved, receiptPrinter: 'Reception-Receipts', endOfDay: '16:00' }),
    });
    const user = userEvent.setup();
    render(<SettingsPanel />);
    const printer = await screen.findByLabelText('Receipt printer');
    expect(within(printer).getByRole('option', { name: 'Reception-Receipts (default)' })).toBeTruthy();
    await user.selectOptions(printer, 'Reception-Receipts');
    const end = screen.getByLabelText('End of the day');
    await user.clear(end);
    await user.type(end, '16:00');
    await user.click(screen.getByRole('button', { name: 'Save settings' }));
    expect(await screen.findByText('Settings saved.')).toBeTruthy();
    expect(api.inputsOf('settings.update')).toEqual([{ receiptPrinter: 'Reception-Receipts', endOfDay: '16:00' }]);
  });

  it('shows the answer’s message under the field it is about', async () => {
    installFakeApi({
      'settings.get': () => saved,
      'printers.list': () => ({ printers: [] }),
      'settings.update': () => fail('invalid_input', 'Idle time must be at least 30 seconds.', { idleSeconds: 'Idle time must be at least 30 seconds.' }),
    });
    const user = userEvent.setup();
    render(<SettingsPanel />);
    await user.selectOptions(await screen.findByLabelText(/Kiosk returns to the welcome screen/), '60');
    await user.click(screen.getByRole('button', { name: 'Save settings' }));
    expect((await screen.findAllByText('Idle time must be at least 30 seconds.')).length).toBeGreaterThan(0);
    expect(screen.getByText(/no printers set up/)).toBeTruthy();
  });

  it('sends the A4 printer, backup and automatic sign-out settings', async () => {
    const api = installFakeApi({
      'settings.get': () => saved,
      'printers.list': () => ({ printers: [{ name: 'Office-A4', isDefault: false }] }),
      'settings.update': (input) => ({ ...saved, ...input, backupFolder: '/mnt/nas/safe-hands' }) as SettingsView,
    });
    const user = userEvent.setup();
    render(<SettingsPanel />);
    await user.selectOptions(await screen.findByLabelText('A4 printer'), 'Office-A4');
    expect(screen.getByText('No backup has been made yet.')).toBeTruthy();
    await user.type(screen.getByLabelText('Backup folder'), '  /mnt/nas/safe-hands ');
    await user.selectOptions(screen.getByLabelText('How many backups to keep'), '30');
    await user.click(screen.getByRole('radio', { name: /only when someone presses/ }));
    await user.click(screen.getByRole('radio', { name: /Are signed out automatically/ }));
    await user.click(screen.getByRole('button', { name: 'Save settings' }));
    expect(await screen.findByText('Settings saved.')).toBeTruthy();
    expect(api.inputsOf('settings.update')).toEqual([
      { a4Printer: 'Office-A4', backupFolder: '/mnt/nas/safe-hands', backupKeep: 30, backupDaily: false, autoSignOut: true },
    ]);
  });

  it('shows why a backup folder cannot be used, under the folder box, and empties it to go back to the default', async () => {
    const message = 'That folder does not exist. Create it first, then choose it here.';
    const api = installFakeApi({
      'settings.get': () => ({ ...saved, backupFolder: '/mnt/old', lastBackupAt: '2026-11-21T18:00:00.000Z' }),
      'printers.list': () => ({ printers: [] }),
      'settings.update': (input) => input.backupFolder === '/mnt/gone'
        ? fail('invalid_input', message, { backupFolder: message })
        : { ...saved, backupFolder: null },
    });
    const user = userEvent.setup();
    render(<SettingsPanel />);
    const folder = await screen.findByLabelText('Backup folder');
    expect(screen.getByText('21 Nov 2026, 18:00')).toBeTruthy();
    await user.clear(folder);
    await user.type(folder, '/mnt/gone');
    await user.click(screen.getByRole('button', { name: 'Save settings' }));
    await screen.findAllByText(message);
    expect(folder.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(folder.getAttribute('aria-describedby')!.split(' ').pop()!)!.textContent).toContain(message);

    await user.clear(folder);
    await user.click(screen.getByRole('button', { name: 'Save settings' }));
    expect(await screen.findByText('Settings saved.')).toBeTruthy();
    expect(api.inputsOf('settings.update')).toEqual([{ backupFolder: '/mnt/gone' }, { backupFolder: '' }]);
  });
});

describe('badges and retention in the settings', () => {
  it('switch badges on with a printer and label size, and change how long visitors are kept', async () => {
    const api = installFakeApi({
      'settings.get': () => saved,
      'printers.list': () => ({ printers: [{ name: 'Reception-Labels', isDefault: false }] }),
      'settings.update': (input) => ({ ...saved, ...input }) as SettingsView,
    });
    const user = userEvent.setup();
    render(<SettingsPanel />);
    await user.click(await screen.findByRole('radio', { name: /Print a badge/ }));
    await user.selectOptions(screen.getByLabelText('Badge printer'), 'Reception-Labels');
    await user.click(screen.getByRole('radio', { name: 'Brother 62 mm tape' }));
    await user.selectOptions(screen.getByLabelText("Remove visitors' details after"), '7');
    await user.click(screen.getByRole('button', { name: 'Save settings' }));
    expect(await screen.findByText('Settings saved.')).toBeTruthy();
    expect(api.inputsOf('settings.update')).toEqual([{ badgeEnabled: true, badgePrinter: 'Reception-Labels', badgeLayout: 'brother_62mm', retentionYears: 7 }]);
  });
});

describe('the setting’s own details in the settings', () => {
  it('renames the setting, sets the address line, and refuses a logo over 1 MB before sending it', async () => {
    const api = installFakeApi({
      'settings.get': () => saved,
      'printers.list': () => ({ printers: [] }),
      'settings.update': (input) => ({ ...saved, ...input }) as SettingsView,
      'settings.setLogo': () => ({ hasLogo: true }),
    });
    const user = userEvent.setup();
    render(<SettingsPanel />);
    const name = await screen.findByLabelText('Setting name');
    await user.clear(name);
    await user.type(name, 'Oak Tree Primary Academy');
    await user.type(screen.getByLabelText(/Address line for documents/), '1 Acorn Way');
    await user.click(screen.getByRole('button', { name: 'Save settings' }));
    expect(await screen.findByText('Settings saved.')).toBeTruthy();
    expect(api.inputsOf('settings.update')).toEqual([{ settingName: 'Oak Tree Primary Academy', addressLine: '1 Acorn Way' }]);

    const huge = new File([new Uint8Array(1024 * 1024 + 1)], 'photo.png', { type: 'image/png' });
    await user.upload(screen.getByLabelText(/Logo \(PNG or JPEG/), huge);
    expect(await screen.findByText(/The logo is too large/)).toBeTruthy();
    expect(api.inputsOf('settings.setLogo')).toEqual([]);
  });
});
