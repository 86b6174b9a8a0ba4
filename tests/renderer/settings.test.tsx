import { render, screen } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { SettingsPanel } from '../../src/renderer/admin/SettingsPanel.js';
import type { SettingsView } from '../../src/shared/contract.js';
import { fail, installFakeApi } from '../helpers/fake-api.js';

const saved: SettingsView = {
  settingName: 'Oak Tree Primary', settingKind: 'school', idleSeconds: 90, consoleLockSeconds: 300, reacknowledge: 'on_change',
  receiptPrinter: null, receiptLayout: 'roll80', endOfDay: '17:30', backupFolder: null, backupKeep: 14, backupDaily: true, lastBackupAt: null, autoSignOut: false, a4Printer: null,
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
    expect(screen.getByRole('option', { name: 'Reception-Receipts (default)' })).toBeTruthy();
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
});
