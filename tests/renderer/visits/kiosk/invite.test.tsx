import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fail, installFakeApi, kioskHandlers, POLICY_VERSION_ID, type FakeHandlers } from '../../../helpers/fake-api.js';
import { renderApp, textboxNamed } from '../../../helpers/harness.js';

const TOKEN = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

function inviteHandlers(lookup: { needsAcknowledgement: boolean; deviceUseApproved: boolean }): FakeHandlers {
  return {
    ...kioskHandlers(),
    'invite.lookup': ({ code }) => (code === TOKEN
      ? { displayName: 'Helen M.', ...lookup }
      : fail('not_found', 'We do not recognise that invitation. Please sign in another way or ask at the office.')),
    'visit.signInWithInvite': () => ({ visitId: 20, firstName: 'Helen', devicesToHandIn: 1, badgeCode: null }),
  };
}

describe('signing in with an invitation', () => {
  it('takes a scanner burst, then the expectations and devices, and sends exactly that', async () => {
    const api = installFakeApi(inviteHandlers({ needsAcknowledgement: true, deviceUseApproved: true }));
    const { user } = renderApp();
    await user.click(await screen.findByRole('button', { name: 'I have an invitation' }));
    // The box has the cursor, so the reception scanner's keystrokes land in it without a tap.
    const box = textboxNamed('Scan the QR code on your invitation');
    expect(document.activeElement).toBe(box);
    await user.keyboard(`${TOKEN}{Enter}`);

    expect(await screen.findByRole('heading', { level: 1, name: 'Welcome, Helen M.' })).toBeTruthy();
    // The burst and its Enter make one look-up, not two.
    expect(api.inputsOf('invite.lookup')).toEqual([{ code: TOKEN }]);
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    await user.click(await screen.findByRole('button', { name: 'I have read and will follow these' }));
    expect(screen.getByText('Your device use has been approved by the DSL; the office will explain the limits.')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Laptop' }));
    await user.click(screen.getByRole('button', { name: 'Continue' }));

    expect(await screen.findByRole('heading', { level: 1, name: "You're signed in, Helen." })).toBeTruthy();
    expect(screen.getByText(/The office will explain where and how you may use it/)).toBeTruthy();
    expect(api.inputsOf('visit.signInWithInvite')).toEqual([
      { code: TOKEN, acknowledgedPolicyVersionId: POLICY_VERSION_ID, devices: [{ kind: 'laptop', quantity: 1 }] },
    ]);
  });

  it('skips the expectations when this visitor has already read this version', async () => {
    const api = installFakeApi(inviteHandlers({ needsAcknowledgement: false, deviceUseApproved: false }));
    const { user } = renderApp();
    await user.click(await screen.findByRole('button', { name: 'I have an invitation' }));
    await user.keyboard(`${TOKEN}{Enter}`);
    await user.click(await screen.findByRole('button', { name: 'Continue' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Do you have any of these with you?' })).toBeTruthy();
    expect(screen.queryByText(/approved by the DSL/)).toBeNull();
    await user.click(screen.getByRole('button', { name: 'I have none of these' }));
    expect(await screen.findByRole('heading', { level: 1, name: "You're signed in, Helen." })).toBeTruthy();
    expect(api.inputsOf('visit.signInWithInvite')).toEqual([{ code: TOKEN, acknowledgedPolicyVersionId: null, devices: [] }]);
  });

  it('says plainly when a code is not recognised, empties the box and offers another way in', async () => {
    const api = installFakeApi(inviteHandlers({ needsAcknowledgement: true, deviceUseApproved: false }));
    const { user } = renderApp();
    await user.click(await screen.findByRole('button', { name: 'I have an invitation' }));
    // Typed by hand from the paper, in small letters with spaces: sent as the code it is.
    await user.type(textboxNamed('Scan the QR code on your invitation'), 'abcd efgh');
    await user.click(screen.getByRole('button', { name: 'Continue' }));

    expect((await screen.findByRole('alert')).textContent).toContain('We do not recognise that invitation.');
    expect(api.inputsOf('invite.lookup')).toEqual([{ code: 'ABCDEFGH' }]);
    const box = textboxNamed('Scan the QR code on your invitation');
    expect(box.value).toBe('');
    expect(document.activeElement).toBe(box);
    await user.click(screen.getByRole('button', { name: 'Sign in another way' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'About you' })).toBeTruthy();
  });

  it('shows an expired invitation’s message and goes back to the start', async () => {
    installFakeApi({
      ...inviteHandlers({ needsAcknowledgement: true, deviceUseApproved: false }),
      'invite.lookup': () => fail('conflict', 'That invitation was for Mon, 23 Nov 2026 and has expired. Please sign in another way or ask at the office.'),
    });
    const { user } = renderApp();
    await user.click(await screen.findByRole('button', { name: 'I have an invitation' }));
    await user.keyboard(`${TOKEN}{Enter}`);
    expect((await screen.findByRole('alert')).textContent).toContain('has expired');
    await user.click(screen.getByRole('button', { name: 'Back' }));
    expect(await screen.findByRole('heading', { level: 1, name: /Welcome to/ })).toBeTruthy();
  });
});
