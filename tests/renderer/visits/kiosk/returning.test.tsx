import { act, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ReturningMatch } from '../../../../src/shared/contract/index.js';
import { shortName } from '../../../../src/shared/domain/names.js';
import { installFakeApi, kioskHandlers, POLICY_VERSION_ID } from '../../../helpers/fake-api.js';
import { renderApp, textboxNamed } from '../../../helpers/harness.js';

const amira: ReturningMatch = { visitorId: 42, displayName: 'Amira K.', organisation: 'Bright Sparks Ltd' };

function returningHandlers(needsAcknowledgement: boolean) {
  return {
    ...kioskHandlers(),
    'visitor.findReturning': ({ surnamePrefix }: { surnamePrefix: string }) => ({
      matches: 'khan'.startsWith(surnamePrefix.toLowerCase()) ? [amira] : [],
    }),
    'visitor.returningStatus': () => ({ needsAcknowledgement }),
    'visit.signInReturning': () => ({ visitId: 12, firstName: 'Amira', devicesToHandIn: 1, badgeCode: null }),
  };
}

describe('a returning visitor', () => {
  it('signs in with one phone in five taps and three letters', async () => {
    const api = installFakeApi(returningHandlers(false));
    const { user, tap, taps } = renderApp();

    await tap(await screen.findByRole('button', { name: "I've been here before" }));
    // The search box already has focus, so typing needs no tap.
    expect(document.activeElement).toBe(textboxNamed('Type the first letters of your surname'));
    await user.keyboard('Kha');
    await tap(await screen.findByRole('button', { name: 'Amira K. · Bright Sparks Ltd' }));
    expect(screen.getByRole('heading', { level: 1, name: 'Is this you? Amira K.' })).toBeTruthy();
    await tap(screen.getByRole('button', { name: "Yes, that's me" }));
    await tap(await screen.findByRole('button', { name: 'Phone' }));
    await tap(screen.getByRole('button', { name: 'Continue' }));

    expect(await screen.findByRole('heading', { level: 1, name: "You're signed in, Amira." })).toBeTruthy();
    // One phone reads as one: not "your 1 phone… lock them".
    expect(screen.getByText(/Please hand your phone to the office now\. They will lock it in the safe and give you a receipt\./)).toBeTruthy();
    expect(taps()).toBeLessThanOrEqual(5);
    expect(api.inputsOf('visitor.returningStatus')).toEqual([{ visitorId: 42 }]);
    expect(api.inputsOf('visit.signInReturning')).toEqual([
      { visitorId: 42, visiting: null, acknowledgedPolicyVersionId: null, devices: [{ kind: 'phone', quantity: 1 }] },
    ]);
    // Typing is debounced: the search runs once the visitor pauses, not for every letter.
    expect(api.inputsOf('visitor.findReturning').at(-1)).toEqual({ surnamePrefix: 'Kha' });
  });

  it('reads and accepts changed expectations before choosing devices', async () => {
    const api = installFakeApi(returningHandlers(true));
    const { user } = renderApp();

    await user.click(await screen.findByRole('button', { name: "I've been here before" }));
    await user.keyboard('kh');
    await user.click(await screen.findByRole('button', { name: 'Amira K. · Bright Sparks Ltd' }));
    await user.type(textboxNamed('Visiting someone different today? Tell us who (optional)'), 'Mrs Patel, Year 2');
    await user.click(screen.getByRole('button', { name: "Yes, that's me" }));

    expect(await screen.findByText(/They may have changed since your last visit/)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'I have read and will follow these' }));
    await user.click(screen.getByRole('button', { name: 'I have none of these' }));

    expect(await screen.findByRole('heading', { level: 1, name: "You're signed in, Amira." })).toBeTruthy();
    expect(api.inputsOf('visit.signInReturning')).toEqual([
      { visitorId: 42, visiting: 'Mrs Patel, Year 2', acknowledgedPolicyVersionId: POLICY_VERSION_ID, devices: [] },
    ]);
  });

  it('shows only the newest search, whatever order the answers come back in', async () => {
    const pending = new Map<string, (matches: ReturningMatch[]) => void>();
    installFakeApi({
      ...kioskHandlers(),
      'visitor.findReturning': ({ surnamePrefix }) =>
        new Promise((resolve) => pending.set(surnamePrefix, (matches) => resolve({ matches }))),
    });
    const { user } = renderApp();
    await user.click(await screen.findByRole('button', { name: "I've been here before" }));

    await user.keyboard('K');
    await act(() => new Promise((r) => setTimeout(r, 250)));
    await user.keyboard('h');
    await act(() => new Promise((r) => setTimeout(r, 250)));
    expect([...pending.keys()]).toEqual(['K', 'Kh']);

    await act(async () => pending.get('Kh')?.([amira]));
    await act(async () => pending.get('K')?.([{ visitorId: 7, displayName: 'Kit M.', organisation: null }]));

    expect(screen.getByRole('button', { name: 'Amira K. · Bright Sparks Ltd' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Kit M.' })).toBeNull();
  });

  it('offers to sign in as a new visitor when nobody matches', async () => {
    installFakeApi(returningHandlers(false));
    const { user } = renderApp();
    await user.click(await screen.findByRole('button', { name: "I've been here before" }));
    await user.keyboard('Zz');
    expect(await screen.findByText(/We could not find a surname starting "Zz"/)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Sign in as a new visitor' }));
    expect(screen.getByRole('heading', { level: 1, name: 'About you' })).toBeTruthy();
  });
});

describe('signing out', () => {
  it('reminds a visitor to collect devices still at the office', async () => {
    const api = installFakeApi({
      ...kioskHandlers(),
      'visit.findOnSite': () => ({ matches: [{ visitId: 5, displayName: 'Amira K.', organisation: null }] }),
      'visit.signOut': () => ({ firstName: 'Amira', status: 'signed_out', itemsInSafe: 0, devicesDeclaredNotLogged: 2 }),
    });
    const { user } = renderApp();

    await user.click(await screen.findByRole('button', { name: 'Sign out' }));
    await user.keyboard('kh');
    await user.click(await screen.findByRole('button', { name: 'Amira K.' }));
    expect(screen.getByRole('heading', { level: 1, name: 'Is this you? Amira K.' })).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Yes, sign me out' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Goodbye, Amira. Thank you for visiting.' })).toBeTruthy();
    expect(screen.getByText('If you handed any devices to the office, please collect them before you leave.')).toBeTruthy();
    expect(api.inputsOf('visit.signOut')).toEqual([{ visitId: 5 }]);
  });

  it('asks with the short name on its own, so no question mark follows its initial', async () => {
    const displayName = shortName({ firstName: "D'Arcy", lastName: 'Ó Súilleabháin', familyNameFirst: false });
    installFakeApi({
      ...kioskHandlers(),
      'visit.findOnSite': () => ({ matches: [{ visitId: 6, displayName, organisation: 'Kent LA' }] }),
    });
    const { user } = renderApp();
    await user.click(await screen.findByRole('button', { name: 'Sign out' }));
    await user.keyboard('o');
    await user.click(await screen.findByRole('button', { name: "D'Arcy Ó. · Kent LA" }));
    const heading = screen.getByRole('heading', { level: 1 });
    expect(heading.textContent).toBe("Is this you? D'Arcy Ó.");
    expect(heading.textContent).not.toMatch(/\.[?!,:;]/);
    expect(screen.getByRole('button', { name: 'Yes, sign me out' })).toBeTruthy();
  });

  it('says goodbye without the reminder when nothing was declared', async () => {
    installFakeApi({
      ...kioskHandlers(),
      'visit.findOnSite': () => ({ matches: [{ visitId: 5, displayName: 'Amira K.', organisation: null }] }),
      'visit.signOut': () => ({ firstName: 'Amira', status: 'signed_out', itemsInSafe: 0, devicesDeclaredNotLogged: 0 }),
    });
    const { user } = renderApp();
    await user.click(await screen.findByRole('button', { name: 'Sign out' }));
    await user.keyboard('kh');
    await user.click(await screen.findByRole('button', { name: 'Amira K.' }));
    await user.click(screen.getByRole('button', { name: 'Yes, sign me out' }));
    await screen.findByRole('heading', { level: 1, name: 'Goodbye, Amira. Thank you for visiting.' });
    expect(screen.queryByText(/please collect them/)).toBeNull();
  });
});

describe('signing out with items still in the safe', () => {
  it('sends the visitor to the office instead of saying goodbye', async () => {
    installFakeApi({
      ...kioskHandlers(),
      'visit.findOnSite': () => ({ matches: [{ visitId: 5, displayName: 'Amira K.', organisation: null }] }),
      'visit.signOut': () => ({ firstName: 'Amira', status: 'collect_items', itemsInSafe: 2, devicesDeclaredNotLogged: 0 }),
    });
    const { user } = renderApp();
    await user.click(await screen.findByRole('button', { name: 'Sign out' }));
    await user.keyboard('kh');
    await user.click(await screen.findByRole('button', { name: 'Amira K.' }));
    await user.click(screen.getByRole('button', { name: 'Yes, sign me out' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Nearly done, Amira.' })).toBeTruthy();
    expect(screen.getByText(/You have 2 items in the office safe/)).toBeTruthy();
    expect(screen.queryByText(/Goodbye/)).toBeNull();
  });
});

describe('the search box', () => {
  it('picks the only match when the visitor presses Enter', async () => {
    installFakeApi(returningHandlers(false));
    const { user } = renderApp();
    await user.click(await screen.findByRole('button', { name: "I've been here before" }));
    await user.keyboard('kha');
    await screen.findByRole('button', { name: 'Amira K. · Bright Sparks Ltd' });
    await user.keyboard('{Enter}');
    expect(screen.getByRole('heading', { level: 1, name: 'Is this you? Amira K.' })).toBeTruthy();
  });

  it('forgets the search when the visitor backs out to the welcome screen', async () => {
    installFakeApi(returningHandlers(false));
    const { user } = renderApp();
    await user.click(await screen.findByRole('button', { name: "I've been here before" }));
    await user.keyboard('kha');
    await screen.findByRole('button', { name: 'Amira K. · Bright Sparks Ltd' });
    await user.click(screen.getByRole('button', { name: 'Back' }));
    await user.click(screen.getByRole('button', { name: "I've been here before" }));
    expect(textboxNamed('Type the first letters of your surname').value).toBe('');
    expect(screen.queryByRole('button', { name: /Amira K\./ })).toBeNull();
  });
});
