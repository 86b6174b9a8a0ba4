import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { checkedByContract, fail, installFakeApi, kioskConfig, appStatus } from '../../helpers/fake-api.js';
import { renderApp, textboxNamed } from '../../helpers/harness.js';

describe('first-run setup', () => {
  it('shows whatever the address, and starts the kiosk once the setting is created', async () => {
    let setUp = false;
    const api = installFakeApi({
      'app.status': () => appStatus({ setUp, settingName: setUp ? 'St Mary’s Primary' : null, databaseProblem: null }),
      'kiosk.config': () => kioskConfig({ settingName: 'St Mary’s Primary', settingKind: 'school' }),
      'setup.create': () => {
        setUp = true;
        return { staffId: 1 };
      },
    });
    const { user } = renderApp('#/console');
    expect(await screen.findByRole('heading', { level: 1, name: 'Set up Safe Hands' })).toBeTruthy();

    await user.type(textboxNamed('Setting name'), 'St Mary’s Primary');
    await user.click(screen.getByRole('radio', { name: 'School' }));
    // The expectations follow the kind of setting until someone picks them directly.
    expect((screen.getByRole('radio', { name: /School expectations/ }) as HTMLInputElement).checked).toBe(true);
    await user.type(textboxNamed('Your name'), 'Jo Baker');
    expect(screen.getByText(/also the Designated Safeguarding Lead/)).toBeTruthy();
    await user.type(screen.getByLabelText('Choose a PIN'), '2468');
    await user.type(screen.getByLabelText('Type the PIN again'), '2468');
    await user.click(screen.getByRole('button', { name: 'Finish setup' }));

    expect(api.inputsOf('setup.create')).toEqual([
      {
        settingName: 'St Mary’s Primary', settingKind: 'school', adminName: 'Jo Baker', pin: '2468', pinAgain: '2468', expectationsTemplate: 'school',
        expectations: null, receiptPrinter: null,
      },
    ]);
    expect(await screen.findByRole('heading', { level: 1, name: /Welcome to St Mary’s Primary/ })).toBeTruthy();
  });

  it('shows field errors from the service under the fields', async () => {
    installFakeApi({
      'app.status': () => appStatus({ setUp: false, settingName: null, databaseProblem: null }),
      'setup.create': () => fail('invalid_input', 'The two PINs are not the same.', { pinAgain: 'The two PINs are not the same.' }),
    });
    const { user } = renderApp();
    await screen.findByRole('heading', { level: 1, name: 'Set up Safe Hands' });
    await user.type(textboxNamed('Setting name'), 'Little Acorns');
    await user.click(screen.getByRole('radio', { name: /Nursery or early years/ }));
    await user.click(screen.getByRole('radio', { name: /School expectations/ }));
    await user.click(screen.getByRole('radio', { name: 'School' }));
    // Chosen directly, the template no longer follows the kind.
    expect((screen.getByRole('radio', { name: /School expectations/ }) as HTMLInputElement).checked).toBe(true);
    await user.type(textboxNamed('Your name'), 'Jo Baker');
    await user.type(screen.getByLabelText('Choose a PIN'), '2468');
    await user.type(screen.getByLabelText('Type the PIN again'), '1357');
    await user.click(screen.getByRole('button', { name: 'Finish setup' }));

    expect((await screen.findByRole('alert')).textContent).toContain('The two PINs are not the same.');
    const again = screen.getByLabelText('Type the PIN again');
    expect(again.getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(again);
  });

  it('asks for the kind of setting before sending anything', async () => {
    const api = installFakeApi({ 'app.status': () => appStatus({ setUp: false, settingName: null, databaseProblem: null }) });
    const { user } = renderApp();
    await user.click(await screen.findByRole('button', { name: 'Finish setup' }));
    expect(screen.getByText('Choose nursery or school.')).toBeTruthy();
    expect(api.inputsOf('setup.create')).toEqual([]);
  });

  it('lets the first administrator read and change the default text, and choose the receipt printer, before anything is saved', async () => {
    let setUp = false;
    const api = installFakeApi({
      'app.status': () => appStatus({ setUp, settingName: setUp ? 'Little Acorns' : null, databaseProblem: null }),
      'kiosk.config': () => kioskConfig({ settingName: 'Little Acorns' }),
      'setup.defaults': () => ({ expectations: { nursery: nurseryText, school: schoolText }, printers: [{ name: 'Office-Receipts', isDefault: true }] }),
      'setup.create': checkedByContract('setup.create', () => {
        setUp = true;
        return { staffId: 1 };
      }),
    });
    const { user } = renderApp();
    await screen.findByRole('heading', { level: 1, name: 'Set up Safe Hands' });
    await user.type(textboxNamed('Setting name'), 'Little Acorns');
    await user.click(screen.getByRole('radio', { name: /Nursery or early years/ }));
    expect(await screen.findByText('Starts as “Phones at nursery”, with 3 summary lines.')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Read and change the text' }));
    expect(textboxNamed('Title').value).toBe('Phones at nursery');
    // The default lines go in one tap, to write the setting's own.
    await user.click(screen.getByRole('button', { name: 'Clear all lines' }));
    await user.type(textboxNamed('Line 1'), 'Phones stay in the office safe.');
    await user.clear(textboxNamed('Title'));
    await user.type(textboxNamed('Title'), 'Phones at Little Acorns');
    await user.selectOptions(screen.getByLabelText('Receipt printer'), 'Office-Receipts');
    await user.type(textboxNamed('Your name'), 'Jo Baker');
    await user.type(screen.getByLabelText('Choose a PIN'), '246813');
    await user.type(screen.getByLabelText('Type the PIN again'), '246813');
    await user.click(screen.getByRole('button', { name: 'Finish setup' }));
    expect(api.inputsOf('setup.create')).toEqual([{
      settingName: 'Little Acorns', settingKind: 'nursery', adminName: 'Jo Baker', pin: '246813', pinAgain: '246813', expectationsTemplate: 'nursery',
      expectations: { title: 'Phones at Little Acorns', summary: ['Phones stay in the office safe.'], fullText: nurseryText.fullText },
      receiptPrinter: 'Office-Receipts',
    }]);
  });

  it('marks a blank summary line before sending, and switching template starts from the other text', async () => {
    const api = installFakeApi({
      'app.status': () => appStatus({ setUp: false, settingName: null, databaseProblem: null }),
      'setup.defaults': () => ({ expectations: { nursery: nurseryText, school: schoolText }, printers: [] }),
    });
    const { user } = renderApp();
    await screen.findByRole('heading', { level: 1, name: 'Set up Safe Hands' });
    await user.click(screen.getByRole('radio', { name: /Nursery or early years/ }));
    expect(await screen.findByText(/No printer was found on this PC/)).toBeTruthy();
    await user.click(await screen.findByRole('button', { name: 'Read and change the text' }));
    await user.clear(textboxNamed('Line 2'));
    await user.type(textboxNamed('Setting name'), 'Little Acorns');
    await user.type(textboxNamed('Your name'), 'Jo Baker');
    await user.type(screen.getByLabelText('Choose a PIN'), '246813');
    await user.type(screen.getByLabelText('Type the PIN again'), '246813');
    await user.click(screen.getByRole('button', { name: 'Finish setup' }));
    expect(textboxNamed('Line 2').getAttribute('aria-invalid')).toBe('true');
    expect(api.inputsOf('setup.create')).toEqual([]);
    await user.click(screen.getByRole('radio', { name: /School expectations/ }));
    expect(textboxNamed('Title').value).toBe('Phones at school');
    expect(textboxNamed('Line 2').getAttribute('aria-invalid')).toBeNull();
  });
});

const nurseryText = { title: 'Phones at nursery', summary: ['One', 'Two', 'Three'], fullText: 'Nursery words.' };
const schoolText = { title: 'Phones at school', summary: ['Uno', 'Dos'], fullText: 'School words.' };
