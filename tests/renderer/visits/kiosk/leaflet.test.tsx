import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { CommandOutput } from '../../../../src/shared/contract/index.js';
import { fail, installFakeApi, kioskConfig, kioskHandlers, type FakeHandlers } from '../../../helpers/fake-api.js';
import { renderApp, textboxNamed } from '../../../helpers/harness.js';

const OFFER = 'A safeguarding leaflet is available: ask at the office or print one here.';
const LOSS = 'Devices handed in are kept locked in the office safe and given back only against their receipt.';

/** Sam, who has been before, signs in with nothing to hand in: the kiosk's shortest path to its last step. */
function returningSam(overrides: FakeHandlers = {}, leafletAvailable = true): FakeHandlers {
  return {
    ...kioskHandlers(kioskConfig({ leafletAvailable })),
    'visitor.findReturning': () => ({ matches: [{ visitorId: 4, displayName: 'Sam B.', organisation: null }] }),
    'visitor.returningStatus': () => ({ needsAcknowledgement: false }),
    'visit.signInReturning': () => ({ visitId: 9, firstName: 'Sam', devicesToHandIn: 0, badgeCode: null }),
    ...overrides,
  };
}

async function signInAsSam(user: ReturnType<typeof renderApp>['user']): Promise<void> {
  await user.click(await screen.findByRole('button', { name: /I've been here before/ }));
  await user.type(screen.getByLabelText('Type the first letters of your surname'), 'ben');
  await user.click(await screen.findByRole('button', { name: /Sam B\./ }));
  await user.click(screen.getByRole('button', { name: "Yes, that's me" }));
  await user.click(await screen.findByRole('button', { name: 'I have none of these' }));
  await screen.findByRole('heading', { level: 1, name: "You're signed in, Sam." });
}

describe('the safeguarding leaflet at the kiosk', () => {
  it('is offered once the visitor is signed in, and one tap prints it for that visit', async () => {
    const api = installFakeApi(returningSam({ 'leaflet.printForVisitor': () => ({ printed: true }) }));
    const { user } = renderApp();
    await signInAsSam(user);
    expect(screen.getByText(OFFER)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Print a leaflet' }));
    expect(await screen.findByText('Your leaflet is printing in the office. Please collect it there.')).toBeTruthy();
    // One per visit: the button has gone, so a second tap cannot ask again.
    expect(screen.queryByRole('button', { name: 'Print a leaflet' })).toBeNull();
    expect(api.inputsOf('leaflet.printForVisitor')).toEqual([{ visitId: 9 }]);
  });

  it('sends the visitor to the office when it could not be printed', async () => {
    installFakeApi(returningSam({ 'leaflet.printForVisitor': () => ({ printed: false }) }));
    const { user } = renderApp();
    await signInAsSam(user);
    await user.click(screen.getByRole('button', { name: 'Print a leaflet' }));
    expect(await screen.findByText('Your leaflet could not be printed here. Please ask at the office for one.')).toBeTruthy();
  });

  it('says the same when main refuses it (already printed for this visit)', async () => {
    installFakeApi(returningSam({
      'leaflet.printForVisitor': () => fail('conflict', 'Your leaflet has already been printed. Please ask at the office if you need another.'),
    }));
    const { user } = renderApp();
    await signInAsSam(user);
    await user.click(screen.getByRole('button', { name: 'Print a leaflet' }));
    expect(await screen.findByText(/could not be printed here\. Please ask at the office/)).toBeTruthy();
  });

  it('offers nothing when the setting has no leaflet', async () => {
    const api = installFakeApi(returningSam({}, false));
    const { user } = renderApp();
    await signInAsSam(user);
    expect(screen.queryByText(OFFER)).toBeNull();
    expect(screen.queryByRole('button', { name: 'Print a leaflet' })).toBeNull();
    expect(api.inputsOf('leaflet.printForVisitor')).toEqual([]);
  });

  it('keeps an answer that arrives after the visitor has gone off the next visitor’s screen', async () => {
    let answer: (value: CommandOutput<'leaflet.printForVisitor'>) => void = () => undefined;
    installFakeApi(returningSam({ 'leaflet.printForVisitor': () => new Promise((resolve) => (answer = resolve)) }));
    const { user } = renderApp();
    await signInAsSam(user);
    await user.click(screen.getByRole('button', { name: 'Print a leaflet' }));
    expect(screen.getByText('Your leaflet is printing…')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Finish' }));
    await signInAsSam(user);
    answer({ printed: true });
    await new Promise((resolve) => setTimeout(resolve, 20));
    // The next visitor gets their own offer, untouched by the last one's print.
    expect(screen.getByRole('button', { name: 'Print a leaflet' })).toBeTruthy();
    expect(screen.queryByText(/Your leaflet is printing/)).toBeNull();
  });
});

describe('loss and damage on the expectations screen', () => {
  it('says what the setting accepts for devices in its safe, under the summary', async () => {
    installFakeApi(kioskHandlers(kioskConfig({ lossAndDamage: LOSS })));
    const { user } = renderApp();
    await user.click(await screen.findByRole('button', { name: 'Sign in' }));
    await user.type(textboxNamed('First name'), 'Amira');
    await user.type(textboxNamed('Surname'), 'Khan');
    await user.click(screen.getByRole('radio', { name: 'Contractor' }));
    await user.type(textboxNamed('Who are you visiting, or why are you here?'), 'Fixing the boiler');
    await user.click(screen.getByRole('button', { name: 'Next' }));
    expect(screen.getByRole('heading', { level: 1, name: kioskConfig().policy.title })).toBeTruthy();
    expect(screen.getByText(LOSS, { exact: false }).textContent).toBe(`Devices in our safe. ${LOSS}`);
  });
});
