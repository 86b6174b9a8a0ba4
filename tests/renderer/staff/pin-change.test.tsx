import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { StaffSessionInfo } from '../../../src/shared/contract/index.js';
import { LONG_PIN_MESSAGE, PIN_CHANGE_DUE_MESSAGE } from '../../../src/shared/domain/pin-rules.js';
import { NEW_PIN_SAVED_MESSAGE } from '../../../src/renderer/staff/session-store.js';
import { checkedByContract, fail, installFakeApi, kioskConfig, kioskHandlers, type FakeHandlers } from '../../helpers/fake-api.js';
import { minutesAgo } from '../../helpers/test-clock.js';
import { descriptionOf, renderApp } from '../../helpers/harness.js';
import { unlockedConsole } from '../../helpers/console-fixtures.js';

/** Priya is the DSL and administrator; her PIN is from before the 6-digit rule. */
const dueSession: StaffSessionInfo = {
  staffId: 2, displayName: 'Priya Shah', roles: ['office', 'dsl', 'admin'], expiresAt: minutesAgo(-5), pinChangeDue: true,
};

function handlers(overrides: FakeHandlers = {}): FakeHandlers {
  return {
    ...kioskHandlers(kioskConfig({ consoleLockSeconds: 120 })),
    'staff.session': () => ({ session: null }),
    'staff.listForUnlock': () => ({ staff: [{ id: 2, displayName: 'Priya Shah', dsl: true }] }),
    'staff.unlock': ({ pin }) => (pin === '4826' ? dueSession : fail('wrong_pin', 'That PIN is not right.', { pin: 'That PIN is not right.' })),
    'staff.lock': () => ({ locked: true }),
    // Main refuses the console's own commands for this session: the screen must not need them.
    'visit.onSite': () => fail('pin_change_due', PIN_CHANGE_DUE_MESSAGE),
    'custody.pendingHandovers': () => fail('pin_change_due', PIN_CHANGE_DUE_MESSAGE),
    'staff.changeOwnPin': checkedByContract('staff.changeOwnPin', ({ currentPin }) =>
      currentPin === '4826' ? { changed: true } : fail('wrong_pin', 'That PIN is not right.', { currentPin: 'That PIN is not right.' })),
    ...overrides,
  };
}

async function unlockWithShortPin() {
  const api = installFakeApi(handlers());
  const view = renderApp('#/console');
  await view.user.type(await screen.findByLabelText('PIN'), '4826');
  await view.user.click(screen.getByRole('button', { name: 'Unlock' }));
  await screen.findByRole('heading', { level: 1, name: 'Choose a new PIN' });
  return { api, ...view };
}

describe('the console for someone whose PIN is too short for their role', () => {
  it('shows only the screen to choose a new PIN of at least 6 digits, and none of the console', async () => {
    const { api } = await unlockWithShortPin();
    expect(screen.getByText(/Priya Shah, your PIN is too short for a Designated Safeguarding Lead or administrator\. Choose a new PIN of at least 6 digits\./)).toBeTruthy();
    expect(screen.getByText('The staff console cannot be used until you have done this.')).toBeTruthy();
    expect(screen.queryByRole('navigation')).toBeNull();
    expect(screen.queryByRole('table', { name: 'On site now' })).toBeNull();
    expect(descriptionOf(screen.getByLabelText('New PIN'))).toContain('6 to 8 digits');
    // Nothing else is asked of main: it would refuse it anyway.
    expect(api.calls.map((c) => c.name)).not.toContain('visit.onSite');
  });

  it('says at the field when the new PIN is too short, or typed differently, and sends nothing', async () => {
    const { api, user } = await unlockWithShortPin();
    await user.type(screen.getByLabelText('Your current PIN'), '4826');
    await user.type(screen.getByLabelText('New PIN'), '24681');
    await user.type(screen.getByLabelText('New PIN again'), '24681');
    await user.click(screen.getByRole('button', { name: 'Save my new PIN' }));
    const newPin = screen.getByLabelText('New PIN');
    expect(newPin.getAttribute('aria-invalid')).toBe('true');
    expect(descriptionOf(newPin)).toContain(LONG_PIN_MESSAGE);
    expect(document.activeElement).toBe(newPin);

    await user.type(newPin, '3');
    await user.type(screen.getByLabelText('New PIN again'), '4');
    await user.click(screen.getByRole('button', { name: 'Save my new PIN' }));
    expect(descriptionOf(screen.getByLabelText('New PIN again'))).toContain('The two PINs are not the same.');
    expect(api.inputsOf('staff.changeOwnPin')).toEqual([]);
  });

  it('asks again for the PIN they unlocked with when what is typed cannot be one, and sends nothing', async () => {
    const { api, user } = await unlockWithShortPin();
    const current = screen.getByLabelText('Your current PIN');
    await user.type(current, '482');
    await user.type(screen.getByLabelText('New PIN'), '246813');
    await user.type(screen.getByLabelText('New PIN again'), '246813');
    await user.click(screen.getByRole('button', { name: 'Save my new PIN' }));

    expect(api.inputsOf('staff.changeOwnPin')).toEqual([]);
    expect(descriptionOf(current)).toContain('Type the PIN you unlocked with.');
  });

  it('says when the current PIN is wrong, under it, and empties it for the next try', async () => {
    const { user } = await unlockWithShortPin();
    await user.type(screen.getByLabelText('Your current PIN'), '1111');
    await user.type(screen.getByLabelText('New PIN'), '246813');
    await user.type(screen.getByLabelText('New PIN again'), '246813');
    await user.click(screen.getByRole('button', { name: 'Save my new PIN' }));
    const current = (await screen.findByLabelText('Your current PIN')) as HTMLInputElement;
    expect(await screen.findByText('That PIN is not right.', { selector: '.alert-body' })).toBeTruthy();
    expect(descriptionOf(current)).toContain('That PIN is not right.');
    expect(current.value).toBe('');
    expect((screen.getByLabelText('New PIN') as HTMLInputElement).value).toBe('246813');
  });

  it('saves the new PIN and asks for it at the lock screen', async () => {
    const { api, user } = await unlockWithShortPin();
    await user.type(screen.getByLabelText('Your current PIN'), '4826');
    await user.type(screen.getByLabelText('New PIN'), '246813');
    await user.type(screen.getByLabelText('New PIN again'), '246813');
    await user.click(screen.getByRole('button', { name: 'Save my new PIN' }));
    expect(await screen.findByText(NEW_PIN_SAVED_MESSAGE)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Unlock' })).toBeTruthy();
    expect(api.inputsOf('staff.changeOwnPin')).toEqual([{ currentPin: '4826', newPin: { pin: '246813', pinAgain: '246813' } }]);
  });

  it('can be locked instead, leaving the change for next time', async () => {
    const { api, user } = await unlockWithShortPin();
    await user.click(screen.getByRole('button', { name: 'Lock the console' }));
    expect(await screen.findByRole('button', { name: 'Unlock' })).toBeTruthy();
    expect(api.inputsOf('staff.lock')).toHaveLength(1);
  });

  it('resumes on the same screen when the console is opened again with that session', async () => {
    installFakeApi(handlers({ 'staff.session': () => ({ session: dueSession }) }));
    renderApp('#/console');
    expect(await screen.findByRole('heading', { level: 1, name: 'Choose a new PIN' })).toBeTruthy();
  });
});

describe('changing one\'s own PIN by choice', () => {
  async function openChangeMyPin(overrides: FakeHandlers = {}) {
    const api = installFakeApi(unlockedConsole({
      'staff.changeOwnPin': checkedByContract('staff.changeOwnPin', ({ currentPin }) =>
        currentPin === '2468' ? { changed: true } : fail('wrong_pin', 'That PIN is not right.', { currentPin: 'That PIN is not right.' })),
      ...overrides,
    }));
    const view = renderApp('#/console');
    await view.user.click(await screen.findByRole('button', { name: 'Change my PIN' }));
    await screen.findByRole('heading', { level: 1, name: 'Change my PIN' });
    return { api, ...view };
  }

  it('is offered from the console bar, takes the PIN rule of the person\'s roles, and goes back untouched', async () => {
    const { api, user } = await openChangeMyPin();
    // An office account may keep a 4-digit PIN: the hint says so, and nothing about the DSL's rule.
    expect(descriptionOf(screen.getByLabelText('New PIN'))).toContain('4 to 8 digits');
    expect(screen.queryByText('The staff console cannot be used until you have done this.')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Keep my PIN and go back' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Today' })).toBeTruthy();
    expect(api.inputsOf('staff.changeOwnPin')).toEqual([]);
    expect(api.inputsOf('staff.lock')).toEqual([]);
  });

  it('saves a new 4-digit PIN and locks, so the next unlock uses it', async () => {
    const { api, user } = await openChangeMyPin();
    await user.type(screen.getByLabelText('Your current PIN'), '2468');
    await user.type(screen.getByLabelText('New PIN'), '9753');
    await user.type(screen.getByLabelText('New PIN again'), '9753');
    await user.click(screen.getByRole('button', { name: 'Save my new PIN' }));
    expect(await screen.findByText(NEW_PIN_SAVED_MESSAGE)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Unlock' })).toBeTruthy();
    expect(api.inputsOf('staff.changeOwnPin')).toEqual([{ currentPin: '2468', newPin: { pin: '9753', pinAgain: '9753' } }]);
  });

  it('says when the current PIN is wrong and stays on the screen', async () => {
    const { user } = await openChangeMyPin();
    await user.type(screen.getByLabelText('Your current PIN'), '1111');
    await user.type(screen.getByLabelText('New PIN'), '9753');
    await user.type(screen.getByLabelText('New PIN again'), '9753');
    await user.click(screen.getByRole('button', { name: 'Save my new PIN' }));
    expect(await screen.findByText('That PIN is not right.', { selector: '.alert-body' })).toBeTruthy();
    expect(screen.getByRole('heading', { level: 1, name: 'Change my PIN' })).toBeTruthy();
  });
});
