import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fail, installFakeApi, kioskConfig, kioskHandlers, POLICY_VERSION_ID, appStatus } from '../../../helpers/fake-api.js';
import { descriptionOf, renderApp, textboxNamed } from '../../../helpers/harness.js';

const signedIn = { visitId: 11, firstName: 'Amira', devicesToHandIn: 2, badgeCode: null };

async function fillDetails(user: ReturnType<typeof renderApp>['user']) {
  await user.type(textboxNamed('First name'), 'Amira');
  await user.type(textboxNamed('Surname'), 'Khan');
  await user.type(textboxNamed('Organisation (optional)'), 'Bright Sparks Ltd');
  await user.click(screen.getByRole('radio', { name: 'Contractor' }));
  await user.type(textboxNamed('Who are you visiting, or why are you here?'), 'Fixing the boiler');
}

describe('a first-time visitor', () => {
  it('signs in with a phone and a smart watch and sends exactly what they entered', async () => {
    const api = installFakeApi({ ...kioskHandlers(), 'visit.signInNew': () => signedIn });
    const { user, tap, taps } = renderApp();

    await tap(await screen.findByRole('button', { name: 'Sign in' }));
    expect(screen.getByRole('heading', { level: 1, name: 'About you' })).toBeTruthy();
    await user.type(textboxNamed('First name'), 'Amira');
    await user.type(textboxNamed('Surname'), 'Khan');
    await user.type(textboxNamed('Organisation (optional)'), 'Bright Sparks Ltd');
    await tap(screen.getByRole('radio', { name: 'Contractor' }));
    await user.type(textboxNamed('Who are you visiting, or why are you here?'), 'Fixing the boiler');
    await tap(screen.getByRole('button', { name: 'Next' }));

    const policy = kioskConfig().policy;
    expect(screen.getByRole('heading', { level: 1, name: policy.title })).toBeTruthy();
    expect(screen.getByText('Never take photos of children.')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Read the full text' }));
    expect(screen.getByRole('heading', { level: 3, name: 'Why we ask' })).toBeTruthy();
    expect(screen.getByText('mobile phones').tagName).toBe('LI');
    await tap(screen.getByRole('button', { name: 'I have read and will follow these' }));

    expect(screen.getByRole('heading', { level: 1, name: 'Do you have any of these with you?' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'I have none of these' })).toBeTruthy();
    await tap(screen.getByRole('button', { name: 'Phone' }));
    await tap(screen.getByRole('button', { name: 'Smart watch' }));
    expect(screen.getByRole('button', { name: 'Phone, 1 selected' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Smart watch, 1 selected' })).toBeTruthy();
    await tap(screen.getByRole('button', { name: 'Continue' }));

    expect(await screen.findByRole('heading', { level: 1, name: "You're signed in, Amira." })).toBeTruthy();
    expect(screen.getByText(/Please hand your phone and smart watch to the office now\. They will lock them in the safe/)).toBeTruthy();
    expect(api.inputsOf('visit.signInNew')).toEqual([
      {
        firstName: 'Amira',
        lastName: 'Khan',
        familyNameFirst: false,
        oneName: false,
        organisation: 'Bright Sparks Ltd',
        visitorType: 'contractor',
        visiting: 'Fixing the boiler',
        policyVersionId: POLICY_VERSION_ID,
        devices: [
          { kind: 'phone', quantity: 1 },
          { kind: 'smart_watch', quantity: 1 },
        ],
      },
    ]);
    // Sign in, Contractor, Next, I have read, Phone, Smart watch, Continue: typing aside, 7 taps.
    expect(taps()).toBe(7);

    await user.click(screen.getByRole('button', { name: 'Finish' }));
    expect(screen.getByRole('heading', { level: 1, name: /Welcome to Little Acorns Nursery/ })).toBeTruthy();
  });

  it('lists a device more than once, and takes one away with the − button', async () => {
    installFakeApi({ ...kioskHandlers(), 'visit.signInNew': () => signedIn });
    const { user } = renderApp();
    await user.click(await screen.findByRole('button', { name: 'Sign in' }));
    await fillDetails(user);
    await user.click(screen.getByRole('button', { name: 'Next' }));
    await user.click(screen.getByRole('button', { name: 'I have read and will follow these' }));

    await user.click(screen.getByRole('button', { name: 'Phone' }));
    await user.click(screen.getByRole('button', { name: 'Phone, 1 selected' }));
    expect(screen.getByRole('status').textContent).toBe('You have chosen 2 phones.');
    await user.click(screen.getByRole('button', { name: 'Remove one phone' }));
    await user.click(screen.getByRole('button', { name: 'Remove one phone' }));
    expect(screen.getByRole('button', { name: 'Phone' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Remove one phone' })).toBeNull();
    expect(screen.getByRole('button', { name: 'I have none of these' })).toBeTruthy();
  });

  it('says what is missing before moving on', async () => {
    installFakeApi(kioskHandlers());
    const { user } = renderApp();
    await user.click(await screen.findByRole('button', { name: 'Sign in' }));
    await user.click(screen.getByRole('button', { name: 'Next' }));

    expect(screen.getByRole('alert').textContent).toContain('Please check the answers marked below.');
    const first = textboxNamed('First name');
    expect(first.getAttribute('aria-invalid')).toBe('true');
    expect(descriptionOf(first)).toContain('Please enter your first name.');
    expect(document.activeElement).toBe(first);
    expect(screen.getByText('Choose the kind of visit from the list.')).toBeTruthy();
  });

  it('says at once that a pasted 5,000-character surname is too long, keeps it as pasted, and does not move on', async () => {
    installFakeApi(kioskHandlers());
    const { user } = renderApp();
    await user.click(await screen.findByRole('button', { name: 'Sign in' }));
    await fillDetails(user);
    const surname = textboxNamed('Surname');
    await user.clear(surname);
    await user.click(surname);
    await user.paste('K'.repeat(5000));
    expect(surname.value).toHaveLength(5000);
    expect(surname.getAttribute('aria-invalid')).toBe('true');
    expect(descriptionOf(surname)).toContain('Surname is too long: at most 80 characters, and this is 5,000.');
    await user.click(screen.getByRole('button', { name: 'Next' }));
    expect(screen.getByRole('heading', { level: 1, name: 'About you' })).toBeTruthy();
  });

  it('shows a field error from the service under that field', async () => {
    const message = 'Your first name contains characters that cannot be saved.';
    installFakeApi({
      ...kioskHandlers(),
      'visit.signInNew': () => fail('invalid_input', message, { firstName: message }),
    });
    const { user } = renderApp();
    await user.click(await screen.findByRole('button', { name: 'Sign in' }));
    await fillDetails(user);
    await user.click(screen.getByRole('button', { name: 'Next' }));
    await user.click(screen.getByRole('button', { name: 'I have read and will follow these' }));
    await user.click(screen.getByRole('button', { name: 'I have none of these' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'About you' })).toBeTruthy();
    expect(screen.getByRole('alert').textContent).toContain(message);
    const first = textboxNamed('First name');
    expect(first.value).toBe('Amira');
    expect(first.getAttribute('aria-invalid')).toBe('true');
    expect(descriptionOf(first)).toContain(message);
  });

  it('shows the new expectations again when they changed during sign-in', async () => {
    let config = kioskConfig();
    const api = installFakeApi({
      'app.status': () => appStatus({ setUp: true, settingName: config.settingName, databaseProblem: null }),
      'kiosk.config': () => config,
      'visit.signInNew': (input) =>
        input.policyVersionId === config.policy.versionId
          ? signedIn
          : fail('stale_policy', 'The expectations have just been updated. Please read them again before signing in.'),
    });
    const { user } = renderApp();
    await user.click(await screen.findByRole('button', { name: 'Sign in' }));
    await fillDetails(user);
    await user.click(screen.getByRole('button', { name: 'Next' }));
    await user.click(screen.getByRole('button', { name: 'I have read and will follow these' }));
    await user.click(screen.getByRole('button', { name: 'Phone' }));
    config = kioskConfig({ policy: { ...config.policy, versionId: 8, version: 3, title: 'Our updated expectations' } });
    await user.click(screen.getByRole('button', { name: 'Continue' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Our updated expectations' })).toBeTruthy();
    expect(screen.getByRole('alert').textContent).toContain('The expectations have just been updated.');
    await user.click(screen.getByRole('button', { name: 'I have read and will follow these' }));
    // What they chose is kept: one more tap finishes.
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    expect(await screen.findByRole('heading', { level: 1, name: "You're signed in, Amira." })).toBeTruthy();
    expect(api.inputsOf('visit.signInNew').map((i) => i.policyVersionId)).toEqual([POLICY_VERSION_ID, 8]);
  });

  it('goes back a step, and "Start again" forgets everything', async () => {
    installFakeApi(kioskHandlers());
    const { user } = renderApp();
    await user.click(await screen.findByRole('button', { name: 'Sign in' }));
    await fillDetails(user);
    await user.click(screen.getByRole('button', { name: 'Next' }));
    await user.click(screen.getByRole('button', { name: 'Back' }));
    expect(textboxNamed('First name').value).toBe('Amira');

    const banner = screen.getByRole('banner');
    await user.click(within(banner).getByRole('button', { name: 'Start again' }));
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(textboxNamed('First name').value).toBe('');
  });
});
