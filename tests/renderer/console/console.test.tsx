import { act, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { OnSiteVisit, PendingHandover, StaffSessionInfo } from '../../../src/shared/contract/index.js';
import { fail, installFakeApi, kioskConfig, kioskHandlers, type FakeHandlers } from '../../helpers/fake-api.js';
import { renderApp } from '../../helpers/harness.js';

const session: StaffSessionInfo = {
  staffId: 1,
  displayName: 'Sam Holt',
  roles: ['office', 'dsl'],
  expiresAt: '2026-11-22T12:00:00.000Z',
  pinChangeDue: false,
};

const visits: OnSiteVisit[] = [
  {
    visitId: 1, visitorId: 10, firstName: 'Amira', lastName: 'Khan', familyNameFirst: false, organisation: 'Bright Sparks Ltd',
    visitorType: 'contractor', visiting: 'Fixing the boiler', signedInAt: '2026-11-22T09:05:00.000Z', policyVersion: 2,
    devicesDeclared: [{ kind: 'phone', quantity: 1 }, { kind: 'smart_watch', quantity: 1 }],
    itemsInSafe: 0, collectionRequestedAt: null, deviceUse: null, exceptionRequest: null, photoIdCheckedAt: null, dbsAssuranceSeenAt: null,
  },
  {
    visitId: 2, visitorId: 11, firstName: 'Tom', lastName: "O'Neill", familyNameFirst: false, organisation: null,
    visitorType: 'parent_carer', visiting: 'Settling-in session', signedInAt: '2026-11-22T10:30:00.000Z', policyVersion: 2,
    devicesDeclared: [{ kind: 'phone', quantity: 1 }], itemsInSafe: 1, collectionRequestedAt: '2026-11-22T11:15:00.000Z', deviceUse: null, exceptionRequest: null, photoIdCheckedAt: null, dbsAssuranceSeenAt: null,
  },
];

const handovers: PendingHandover[] = [
  {
    handoverId: 3, visitId: 1, firstName: 'Amira', lastName: 'Khan', familyNameFirst: false, organisation: 'Bright Sparks Ltd',
    declaredAt: '2026-11-22T09:05:00.000Z', visitorSignedOut: false,
    devices: [{ kind: 'phone', quantity: 1 }, { kind: 'smart_watch', quantity: 1 }], devicesApproved: [{ kind: 'laptop', quantity: 1 }],
  },
  {
    handoverId: 4, visitId: 9, firstName: 'Lena', lastName: 'Marsh', familyNameFirst: false, organisation: null,
    declaredAt: '2026-11-22T08:40:00.000Z', visitorSignedOut: true, devices: [{ kind: 'tablet', quantity: 2 }], devicesApproved: [],
  },
];

function consoleHandlers(overrides: FakeHandlers = {}): FakeHandlers {
  return {
    ...kioskHandlers(kioskConfig({ consoleLockSeconds: 120 })),
    'staff.session': () => ({ session: null }),
    'staff.listForUnlock': () => ({ staff: [{ id: 1, displayName: 'Sam Holt', dsl: false }, { id: 2, displayName: 'Priya Shah', dsl: true }] }),
    'staff.unlock': ({ staffId, pin }) =>
      staffId === 1 && pin === '2468'
        ? session
        : fail('wrong_pin', 'That PIN is not right. 4 tries left before the account locks.', { pin: 'That PIN is not right.' }),
    'staff.lock': () => ({ locked: true }),
    'visit.onSite': () => ({ visits, badgesEnabled: false }),
    'custody.pendingHandovers': () => ({ handovers }),
    ...overrides,
  };
}

describe('the staff console', () => {
  it('says when a PIN is wrong, under the PIN box, and empties it', async () => {
    installFakeApi(consoleHandlers());
    const { user } = renderApp('#/console');
    expect(await screen.findByRole('heading', { level: 1, name: 'Staff console' })).toBeTruthy();

    await user.click(screen.getByRole('radio', { name: 'Sam Holt' }));
    await user.type(screen.getByLabelText('PIN'), '1111');
    await user.click(screen.getByRole('button', { name: 'Unlock' }));

    expect((await screen.findByRole('alert')).textContent).toContain('That PIN is not right. 4 tries left');
    const pin = screen.getByLabelText('PIN') as HTMLInputElement;
    expect(pin.value).toBe('');
    expect(pin.getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(pin);
  });

  it('shows a locked account in plain words', async () => {
    installFakeApi(consoleHandlers({
      'staff.unlock': () => fail('account_locked', 'Too many wrong PINs. This account is locked until 11:40.'),
    }));
    const { user } = renderApp('#/console');
    await user.click(await screen.findByRole('radio', { name: 'Priya Shah' }));
    await user.type(screen.getByLabelText('PIN'), '0000');
    await user.click(screen.getByRole('button', { name: 'Unlock' }));
    expect((await screen.findByRole('alert')).textContent).toContain('This account is locked until 11:40.');
  });

  it('unlocks to show who is on site and what is waiting for the safe', async () => {
    const api = installFakeApi(consoleHandlers());
    const { user } = renderApp('#/console');
    await user.click(await screen.findByRole('radio', { name: 'Sam Holt' }));
    await user.type(screen.getByLabelText('PIN'), '2468');
    await user.click(screen.getByRole('button', { name: 'Unlock' }));

    expect(await screen.findByText('Sam Holt')).toBeTruthy();
    expect(screen.getByText('Office, Designated Safeguarding Lead')).toBeTruthy();
    expect(api.inputsOf('staff.unlock')).toEqual([{ staffId: 1, pin: '2468' }]);

    const onSite = screen.getByRole('table', { name: 'On site now' });
    expect(screen.getByText('2 people on site')).toBeTruthy();
    expect(within(onSite).getByRole('rowheader', { name: 'Amira Khan' })).toBeTruthy();
    expect(within(onSite).getByRole('rowheader', { name: "Tom O'Neill" })).toBeTruthy();
    const amira = within(onSite).getByRole('row', { name: /Amira Khan/ });
    expect(amira.textContent).toContain('Contractor');
    expect(amira.textContent).toContain('09:05');
    expect(amira.textContent).toContain('1 phone and 1 smart watch');
    // A visitor sent to the office for their things stands out, in words as well as colour.
    const tom = within(onSite).getByRole('row', { name: /Tom O'Neill/ });
    expect(tom.textContent).toContain('1 item');
    expect(tom.textContent).toContain('Wants to collect since 11:15');

    const waiting = screen.getByRole('table', { name: 'Waiting to be logged into the safe' });
    const lena = within(waiting).getByRole('row', { name: /Lena Marsh/ });
    expect(lena.textContent).toContain('2 tablets');
    expect(within(lena).getByText('Signed out')).toBeTruthy();
    expect(within(within(waiting).getByRole('row', { name: /Amira Khan/ })).queryByText('Signed out')).toBeNull();
    // What an approval lets her keep is said beside what is still to go in the safe.
    expect(within(waiting).getByRole('row', { name: /Amira Khan/ }).textContent).toContain('1 phone and 1 smart watch (device use approved for 1 laptop)');
  });

  it('resumes a session that is still open', async () => {
    installFakeApi(consoleHandlers({ 'staff.session': () => ({ session }) }));
    renderApp('#/console');
    expect(await screen.findByRole('table', { name: 'On site now' })).toBeTruthy();
  });

  it('goes back to the lock screen when the service says the session has locked', async () => {
    const api = installFakeApi(consoleHandlers({ 'staff.session': () => ({ session }) }));
    const { user } = renderApp('#/console');
    await screen.findByRole('table', { name: 'On site now' });

    api.handlers['visit.onSite'] = () => fail('locked', 'The staff console is locked. Unlock it with your PIN.');
    await user.click(screen.getByRole('button', { name: 'Refresh' }));

    expect(await screen.findByRole('button', { name: 'Unlock' })).toBeTruthy();
    expect(screen.getByText('The console locked after a period of no use')).toBeTruthy();
    expect(screen.queryByText('Amira Khan')).toBeNull();
  });

  it('locks itself after the configured time without input, and refreshes while open', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const api = installFakeApi(consoleHandlers({ 'staff.session': () => ({ session }) }));
    renderApp('#/console', { fakeTimers: true });
    await screen.findByRole('table', { name: 'On site now' });
    const before = api.inputsOf('visit.onSite').length;

    await act(async () => vi.advanceTimersByTime(15_000));
    expect(api.inputsOf('visit.onSite').length).toBe(before + 1);

    await act(async () => vi.advanceTimersByTime(105_000));
    expect(await screen.findByRole('button', { name: 'Unlock' })).toBeTruthy();
    expect(screen.getByText('The console locked after a period of no use')).toBeTruthy();
    expect(api.inputsOf('staff.lock').length).toBe(1);
  });

  it('locks when the person taps "Lock"', async () => {
    const api = installFakeApi(consoleHandlers({ 'staff.session': () => ({ session }) }));
    const { user } = renderApp('#/console');
    await screen.findByRole('table', { name: 'On site now' });
    await user.click(screen.getByRole('button', { name: 'Lock' }));
    expect(await screen.findByRole('button', { name: 'Unlock' })).toBeTruthy();
    expect(screen.queryByText('The console locked after a period of no use')).toBeNull();
    expect(api.inputsOf('staff.lock').length).toBe(1);
    expect(screen.getByRole('link', { name: 'Back to the kiosk' }).getAttribute('href')).toBe('#/');
  });
});
