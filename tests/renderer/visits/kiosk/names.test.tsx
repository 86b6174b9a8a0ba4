import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { installFakeApi, kioskHandlers, POLICY_VERSION_ID } from '../../../helpers/fake-api.js';
import { descriptionOf, renderApp, textboxNamed } from '../../../helpers/harness.js';

const signedIn = (firstName: string) => ({ visitId: 11, firstName, devicesToHandIn: 0, badgeCode: null });

async function startNewVisitor(user: ReturnType<typeof renderApp>['user']) {
  await user.click(await screen.findByRole('button', { name: 'Sign in' }));
}

async function finishSigningIn(user: ReturnType<typeof renderApp>['user']) {
  await user.type(textboxNamed('Organisation (optional)'), 'Kent LA');
  await user.click(screen.getByRole('radio', { name: 'Visiting professional' }));
  await user.type(textboxNamed('Who are you visiting, or why are you here?'), 'SEND review');
  await user.click(screen.getByRole('button', { name: 'Next' }));
  await user.click(screen.getByRole('button', { name: 'I have read and will follow these' }));
  await user.click(screen.getByRole('button', { name: 'I have none of these' }));
}

const rest = { organisation: 'Kent LA', visitorType: 'visiting_professional', visiting: 'SEND review', policyVersionId: POLICY_VERSION_ID, devices: [] };

describe('a visitor whose name does not fit "first name, surname"', () => {
  it('王芳 types her name in the order she writes it, says her family name comes first, and signs in as 王芳', async () => {
    const api = installFakeApi({ ...kioskHandlers(), 'visit.signInNew': () => signedIn('芳') });
    const { user } = renderApp();
    await startNewVisitor(user);
    await user.type(textboxNamed('First name'), '王');
    await user.type(textboxNamed('Surname'), '芳');
    await user.click(screen.getByRole('checkbox', { name: /My family name comes first/ }));

    // The boxes keep what she typed where she typed it; only what they are called changes.
    const boxes = screen.getAllByRole('textbox').slice(0, 2);
    expect(boxes.map((b) => b.getAttribute('aria-label') ?? document.querySelector(`label[for="${b.id}"]`)?.textContent)).toEqual(['Family name', 'Given name']);
    expect(boxes.map((b) => (b as HTMLInputElement).value)).toEqual(['王', '芳']);
    expect(screen.getByRole('status').textContent).toBe('Your name will be shown as 王芳');

    await finishSigningIn(user);
    expect(await screen.findByRole('heading', { level: 1, name: "You're signed in, 芳." })).toBeTruthy();
    expect(api.inputsOf('visit.signInNew')).toEqual([{ firstName: '芳', lastName: '王', familyNameFirst: true, oneName: false, ...rest }]);
  });

  it('unticking "family name first" puts the labels back, with the text still where it was typed', async () => {
    installFakeApi(kioskHandlers());
    const { user } = renderApp();
    await startNewVisitor(user);
    await user.type(textboxNamed('First name'), 'Nagy');
    await user.type(textboxNamed('Surname'), 'Ferenc');
    const choice = screen.getByRole('checkbox', { name: /My family name comes first/ });
    await user.click(choice);
    expect(textboxNamed('Family name').value).toBe('Nagy');
    expect(screen.getByRole('status').textContent).toBe('Your name will be shown as Nagy Ferenc');
    await user.click(choice);
    expect(textboxNamed('First name').value).toBe('Nagy');
    expect(textboxNamed('Surname').value).toBe('Ferenc');
  });

  it('someone with one name is told where to say so, and then signs in with no surname at all', async () => {
    const api = installFakeApi({ ...kioskHandlers(), 'visit.signInNew': () => signedIn('Suharto') });
    const { user } = renderApp();
    await startNewVisitor(user);
    await user.type(textboxNamed('First name'), 'Suharto');
    await user.click(screen.getByRole('radio', { name: 'Visiting professional' }));
    await user.type(textboxNamed('Who are you visiting, or why are you here?'), 'SEND review');
    await user.click(screen.getByRole('button', { name: 'Next' }));
    expect(descriptionOf(textboxNamed('Surname'))).toContain('Please enter your surname, or tick "I have only one name".');

    await user.click(screen.getByRole('checkbox', { name: 'I have only one name' }));
    expect(screen.queryByRole('textbox', { name: 'Surname' })).toBeNull();
    expect(screen.queryByRole('checkbox', { name: /family name comes first/ })).toBeNull();
    expect(textboxNamed('Name').value).toBe('Suharto');
    await user.type(textboxNamed('Organisation (optional)'), 'Kent LA');
    await user.click(screen.getByRole('button', { name: 'Next' }));
    await user.click(screen.getByRole('button', { name: 'I have read and will follow these' }));
    await user.click(screen.getByRole('button', { name: 'I have none of these' }));
    expect(await screen.findByRole('heading', { level: 1, name: "You're signed in, Suharto." })).toBeTruthy();
    expect(api.inputsOf('visit.signInNew')).toEqual([{ firstName: 'Suharto', lastName: null, familyNameFirst: false, oneName: true, ...rest }]);
  });

  it('the sign-out search tells someone with one name to type that', async () => {
    installFakeApi(kioskHandlers());
    const { user } = renderApp();
    await user.click(await screen.findByRole('button', { name: 'Sign out' }));
    expect(descriptionOf(textboxNamed('Type the first letters of your surname'))).toContain('If you have only one name, type that instead.');
  });
});
