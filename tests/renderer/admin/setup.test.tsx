import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fail, installFakeApi, kioskConfig, appStatus } from '../../helpers/fake-api.js';
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
      { settingName: 'St Mary’s Primary', settingKind: 'school', adminName: 'Jo Baker', pin: '2468', pinAgain: '2468', expectationsTemplate: 'school' },
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
});
