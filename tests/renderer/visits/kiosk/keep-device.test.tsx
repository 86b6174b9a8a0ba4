import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fail, installFakeApi, kioskConfig, kioskHandlers, type FakeHandlers } from '../../../helpers/fake-api.js';
import { renderApp, textboxNamed } from '../../../helpers/harness.js';

/** Ines, who has been before, reaches the devices step; she has a phone and a laptop with her. */
function returningInes(overrides: FakeHandlers = {}): FakeHandlers {
  return {
    ...kioskHandlers(kioskConfig()),
    'visitor.findReturning': () => ({ matches: [{ visitorId: 4, displayName: 'Ines D.', organisation: 'Kent County Council' }] }),
    'visitor.returningStatus': () => ({ needsAcknowledgement: false }),
    'visit.signInReturning': (input) => ({
      visitId: 12, firstName: 'Ines', devicesToHandIn: input.devices.reduce((n, d) => n + d.quantity, 0), badgeCode: null,
    }),
    'exceptionRequest.request': () => ({ requested: true }),
    ...overrides,
  };
}

async function toDevices(user: ReturnType<typeof renderApp>['user']): Promise<void> {
  await user.click(await screen.findByRole('button', { name: /I've been here before/ }));
  await user.type(screen.getByLabelText('Type the first letters of your surname'), 'dua');
  await user.click(await screen.findByRole('button', { name: /Ines D\./ }));
  await user.click(screen.getByRole('button', { name: "Yes, that's me" }));
  await screen.findByRole('heading', { level: 1, name: 'Do you have any of these with you?' });
}

describe('asking at the kiosk to keep a device', () => {
  it('asks which device and what for, signs in with it to hand in, and says the DSL decides while it is in the safe', async () => {
    const api = installFakeApi(returningInes());
    const { user } = renderApp();
    await toDevices(user);
    await user.click(screen.getByRole('button', { name: 'Laptop' }));
    await user.click(screen.getByRole('button', { name: 'I need to keep a device for my work' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Keeping a device for your work' })).toBeTruthy();
    expect(screen.getByText(/Your device goes in the office safe with anything else you have brought\. Our policy lets visitors use a device only once the DSL has agreed/)).toBeTruthy();
    // The laptop she ticked is offered; she needs her phone instead.
    const devices = screen.getByRole('group', { name: 'Which device do you need to keep?' });
    expect((within(devices).getByRole('radio', { name: 'Laptop' }) as HTMLInputElement).checked).toBe(true);
    await user.click(within(devices).getByRole('radio', { name: 'Phone' }));
    await user.click(screen.getByRole('button', { name: 'Ask the DSL and sign in' }));
    // What for is needed, in the contract's words, with the cursor put in the box.
    expect(await screen.findByText('Please say what you need it for.')).toBeTruthy();
    expect(document.activeElement).toBe(textboxNamed('What do you need it for?'));
    expect(api.inputsOf('visit.signInReturning')).toEqual([]);

    await user.type(textboxNamed('What do you need it for?'), 'Notes for the review meeting');
    await user.click(screen.getByRole('button', { name: 'Ask the DSL and sign in' }));
    expect(await screen.findByRole('heading', { level: 1, name: "You're signed in, Ines." })).toBeTruthy();
    // The phone joins the hand-in: until the DSL agrees it goes in the safe.
    expect(api.inputsOf('visit.signInReturning')[0]!.devices).toEqual([{ kind: 'phone', quantity: 1 }, { kind: 'laptop', quantity: 1 }]);
    expect(api.inputsOf('exceptionRequest.request')).toEqual([{ visitId: 12, deviceKind: 'phone', purpose: 'Notes for the review meeting' }]);
    expect(await screen.findByRole('heading', { name: 'You have asked to keep your phone' })).toBeTruthy();
    expect(screen.getByText(/The Designated Safeguarding Lead \(DSL\) will decide\. Until then, your phone goes in the office safe/)).toBeTruthy();
    expect(screen.getByText(/Please hand your phone and laptop to the office now/)).toBeTruthy();
  });

  it('sends nothing when the visitor goes Back without asking: Continue is then the ordinary sign-in', async () => {
    const api = installFakeApi(returningInes());
    const { user } = renderApp();
    await toDevices(user);
    await user.click(screen.getByRole('button', { name: 'I need to keep a device for my work' }));
    await user.click(await screen.findByRole('radio', { name: 'Smart watch' }));
    await user.type(textboxNamed('What do you need it for?'), 'My heart monitor alerts');
    await user.click(screen.getByRole('button', { name: 'Back' }));
    // Back without asking: nothing is sent, and Continue is the ordinary sign-in.
    await user.click(await screen.findByRole('button', { name: 'I have none of these' }));
    await screen.findByRole('heading', { level: 1, name: "You're signed in, Ines." });
    expect(api.inputsOf('exceptionRequest.request')).toEqual([]);
  });

  it('tells the visitor to ask at the office when the request could not be passed on', async () => {
    installFakeApi(returningInes({ 'exceptionRequest.request': () => fail('conflict', 'Please ask at the office if you need to keep a device.') }));
    const { user } = renderApp();
    await toDevices(user);
    await user.click(screen.getByRole('button', { name: 'I need to keep a device for my work' }));
    await user.click(await screen.findByRole('radio', { name: 'Camera' }));
    await user.type(textboxNamed('What do you need it for?'), 'Photos of the roof');
    await user.click(screen.getByRole('button', { name: 'Ask the DSL and sign in' }));
    expect(await screen.findByText('Your request to keep your camera could not be passed on. Please ask at the office, and hand it in there until the DSL has agreed.')).toBeTruthy();
  });

  it('is not offered to a visitor whose device use the DSL approved in advance', async () => {
    installFakeApi({
      ...kioskHandlers(kioskConfig()),
      'invite.lookup': () => ({ displayName: 'Helen M.', needsAcknowledgement: false, deviceUseApproved: true }),
    });
    const { user } = renderApp();
    await user.click(await screen.findByRole('button', { name: 'I have an invitation' }));
    await user.keyboard('ABCDEFGHJKMNPQRSTVWXYZ2345{Enter}');
    await user.click(await screen.findByRole('button', { name: 'Continue' }));
    await screen.findByRole('heading', { level: 1, name: 'Do you have any of these with you?' });
    expect(screen.queryByRole('button', { name: 'I need to keep a device for my work' })).toBeNull();
  });
});
