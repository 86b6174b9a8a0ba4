import { render, screen, waitFor, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { SettingsPanel } from '../../../src/renderer/admin/SettingsPanel.js';
import type { SettingsView } from '../../../src/shared/contract/index.js';
import { fail, installFakeApi } from '../../helpers/fake-api.js';
import { descriptionOf } from '../../helpers/harness.js';
import { DEFAULT_LOSS_AND_DAMAGE } from '../../../src/shared/domain/loss-and-damage.js';

const saved: SettingsView = {
  settingName: 'Oak Tree Primary', settingKind: 'school', idleSeconds: 90, consoleLockSeconds: 300, reacknowledge: 'on_change',
  receiptPrinter: null, receiptLayout: 'roll80', endOfDay: '17:30', backupFolder: null, backupKeep: 14, backupDaily: true, lastBackupAt: null, autoSignOut: false, a4Printer: null, retentionYears: 6, addressLine: null, hasLogo: false, badgeEnabled: false, badgePrinter: null, badgeLayout: 'dymo_2_25x4', staffPhonesInSafe: false, askForSignature: false,
  lossAndDamage: DEFAULT_LOSS_AND_DAMAGE,
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

describe('loss and damage in the settings', () => {
  const REWORDED = 'Items in our safe are covered by the school’s insurance and returned only against the receipt.';

  it('rewords what the setting accepts for devices in its safe, and puts the suggested wording back in one tap', async () => {
    const api = installFakeApi({
      'settings.get': () => saved,
      'printers.list': () => ({ printers: [] }),
      'settings.update': (input) => ({ ...saved, ...input }) as SettingsView,
    });
    const user = userEvent.setup();
    render(<SettingsPanel />);
    const line = await screen.findByLabelText('What we accept for devices in the safe');
    expect((line as HTMLTextAreaElement).value).toBe(DEFAULT_LOSS_AND_DAMAGE);
    expect(screen.queryByRole('button', { name: 'Use the suggested wording' })).toBeNull();
    await user.clear(line);
    await user.type(line, REWORDED);
    await user.click(screen.getByRole('button', { name: 'Save settings' }));
    expect(await screen.findByText('Settings saved.')).toBeTruthy();
    expect(api.inputsOf('settings.update')).toEqual([{ lossAndDamage: REWORDED }]);

    await user.click(screen.getByRole('button', { name: 'Use the suggested wording' }));
    expect((screen.getByLabelText('What we accept for devices in the safe') as HTMLTextAreaElement).value).toBe(DEFAULT_LOSS_AND_DAMAGE);
  });

  it('shows main’s message under the line when it is left empty', async () => {
    installFakeApi({
      'settings.get': () => saved,
      'printers.list': () => ({ printers: [] }),
      'settings.update': () => fail('invalid_input', 'Say what the setting accepts for devices in its safe, or put back the suggested wording.', {
        lossAndDamage: 'Say what the setting accepts for devices in its safe, or put back the suggested wording.',
      }),
    });
    const user = userEvent.setup();
    render(<SettingsPanel />);
    const line = await screen.findByLabelText('What we accept for devices in the safe');
    await user.clear(line);
    await user.click(screen.getByRole('button', { name: 'Save settings' }));
    await waitFor(() => expect(line.getAttribute('aria-invalid')).toBe('true'));
    expect(descriptionOf(line)).toContain('Say what the setting accepts for devices in its safe, or put back the suggested wording.');
  });
});

describe('a settings read that answers late', () => {
  it('is not shown after the panel was left, so what is typed after coming back is never overwritten', async () => {
    // The first read is slow: the administrator leaves Settings (for Staff) before it answers.
    const answers: Array<(view: SettingsView) => void> = [];
    const api = installFakeApi({
      'settings.get': () => new Promise<SettingsView>((resolve) => answers.push(resolve)),
      'printers.list': () => ({ printers: [] }),
      'settings.update': (input) => ({ ...saved, ...input }) as SettingsView,
    });
    const first = render(<SettingsPanel />);
    first.unmount();
    answers[0]!({ ...saved });

    // Back on Settings, the form waits for its own read: until then there is nothing to type into.
    render(<SettingsPanel />);
    await waitFor(() => expect(answers).toHaveLength(2));
    expect(screen.queryByLabelText('End of the day')).toBeNull();
    answers[1]!({ ...saved });
    const user = userEvent.setup();
    const end = await screen.findByLabelText('End of the day');
    await user.clear(end);
    await user.type(end, '15:30');
    await user.click(screen.getByRole('button', { name: 'Save settings' }));
    expect(await screen.findByText('Settings saved.')).toBeTruthy();
    expect(api.inputsOf('settings.update')).toEqual([{ endOfDay: '15:30' }]);
  });
});
