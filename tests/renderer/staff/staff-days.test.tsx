import { act, screen, waitFor, within } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { StaffDaySignedIn, StaffOnSite } from '../../../src/shared/contract/index.js';
import { formatTime } from '../../../src/shared/domain/time.js';
import { item, receipt, unlockedConsole } from '../../helpers/console-fixtures.js';
import { rollCallRecord } from '../../helpers/operations-fixtures.js';
import { checkedByContract, fail, installFakeApi, kioskConfig, kioskHandlers, type FakeHandlers } from '../../helpers/fake-api.js';
import { renderApp } from '../../helpers/harness.js';
import { minutesAgo, TEST_NOW } from '../../helpers/test-clock.js';

const NAMES = [{ staffId: 1, displayName: 'Sam Holt' }, { staffId: 4, displayName: 'Tom Reilly' }];

function tomOnSite(overrides: Partial<StaffOnSite> = {}): StaffOnSite {
  return {
    staffDayId: 31, staffId: 4, displayName: 'Tom Reilly', signedInAt: minutesAgo(150), signedInHow: 'kiosk', fromEarlierDay: false,
    phoneInSafe: true,
    devicesInSafe: [{ receiptId: 60, receiptNumber: '2026-0060', itemId: 600, kind: 'phone', description: 'Black iPhone', bagSlot: 'Pouch 4', loggedAt: minutesAgo(150) }],
    devicesOut: [],
    mayKeep: [],
    ...overrides,
  };
}

function signedInAnswer(overrides: Partial<StaffDaySignedIn> = {}): StaffDaySignedIn {
  return { staffDayId: 32, displayName: 'Tom Reilly', signedInAt: TEST_NOW.toISOString(), earlierDayClosed: null, phone: null, ...overrides };
}

/** The kiosk, with staff who may sign in there; `phonesInSafe` is the setting. */
function kioskWithStaff(phonesInSafe: boolean, overrides: FakeHandlers = {}): FakeHandlers {
  return { ...kioskHandlers(kioskConfig({ idleSeconds: 60, idleWarningSeconds: 20 })), 'staffDay.kioskNames': () => ({ staff: NAMES, phonesInSafe }), ...overrides };
}

async function startStaffPath(user: UserEvent): Promise<void> {
  await user.click(await screen.findByRole('button', { name: 'Staff: sign in or out' }));
  await screen.findByRole('heading', { level: 1, name: 'Staff: sign in or out' });
}

describe("the kiosk's staff path", () => {
  it('signs a member of staff in with their phone into the safe in a few taps: name, Sign in, bag, PIN', async () => {
    const api = installFakeApi(kioskWithStaff(true, {
      'staffDay.signInAtKiosk': checkedByContract('staffDay.signInAtKiosk', (input) => signedInAnswer({
        phone: {
          receipt: receipt({ receiptId: 61, receiptNumber: '2026-0061', ownerType: 'staff', ownerName: 'Tom Reilly', ownerDetail: 'Staff', visitId: null,
            items: [item(610, { bagSlot: input.phone!.bagSlot, reason: 'staff_own' })] }),
          print: { printed: true, printer: 'Reception', documentId: 'd1' },
        },
      })),
    }));
    const { user, tap, taps } = renderApp('#/');
    await user.click(await screen.findByRole('button', { name: 'Staff: sign in or out' }));
    await tap(await screen.findByRole('button', { name: 'Tom Reilly' }));
    expect(screen.getByRole('heading', { level: 1, name: 'Hello, Tom.' })).toBeTruthy();
    await tap(screen.getByRole('button', { name: 'Sign in' }));
    await user.type(screen.getByRole('textbox', { name: 'Bag or slot number' }), 'Pouch 4');
    await tap(screen.getByRole('button', { name: 'Next' }));
    // The cursor is in the PIN box already.
    const pin = screen.getByLabelText('PIN');
    expect(document.activeElement).toBe(pin);
    await user.type(pin, '1470');
    await tap(screen.getByRole('button', { name: 'Sign in' }));

    expect(await screen.findByRole('heading', { level: 1, name: "You're signed in, Tom." })).toBeTruthy();
    expect(screen.getByText('Your phone is logged in the safe, pouch 4 (receipt 2026-0061). Take your receipt from the printer.')).toBeTruthy();
    expect(api.inputsOf('staffDay.signInAtKiosk')).toEqual([{ staffId: 4, pin: '1470', phone: { bagSlot: 'Pouch 4', description: null } }]);
    expect(taps()).toBe(4);
    await user.click(screen.getByRole('button', { name: 'Finish' }));
    expect(await screen.findByRole('heading', { level: 1, name: /Welcome to/ })).toBeTruthy();
  });

  it('asks for no phone where the setting lets staff keep theirs, and signs out with the PIN', async () => {
    const api = installFakeApi(kioskWithStaff(false, {
      'staffDay.signOutAtKiosk': checkedByContract('staffDay.signOutAtKiosk', () => ({
        staffDayId: 31, displayName: 'Tom Reilly', signedInAt: minutesAgo(480), signedOutAt: TEST_NOW.toISOString(), wasEarlierDay: false, takenFromSafe: 0, stillInSafe: 0,
      })),
    }));
    const { user } = renderApp('#/');
    await startStaffPath(user);
    await user.click(screen.getByRole('button', { name: 'Tom Reilly' }));
    await user.click(screen.getByRole('button', { name: 'Sign out' }));
    await user.type(screen.getByLabelText('PIN'), '1470');
    await user.click(screen.getByRole('button', { name: 'Sign out' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Goodbye, Tom.' })).toBeTruthy();
    expect(screen.getByText(`You signed out at ${formatTime(TEST_NOW.toISOString())}.`)).toBeTruthy();
    expect(api.inputsOf('staffDay.signOutAtKiosk')).toEqual([{ staffId: 4, pin: '1470', collectPhone: false }]);
  });

  it('says a wrong PIN under the box, empties it for the next try, and refuses an empty bag number before the PIN', async () => {
    let tries = 0;
    const api = installFakeApi(kioskWithStaff(true, {
      'staffDay.signInAtKiosk': (input) => {
        tries += 1;
        return input.pin === '1470' ? signedInAnswer() : fail('wrong_pin', 'That PIN is not right.', { pin: 'That PIN is not right.' });
      },
    }));
    const { user } = renderApp('#/');
    await startStaffPath(user);
    await user.click(screen.getByRole('button', { name: 'Tom Reilly' }));
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    await user.click(screen.getByRole('button', { name: 'Next' }));
    expect(screen.getByText('Enter the bag or slot number.')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'I have no phone with me today' }));

    const pin = screen.getByLabelText('PIN') as HTMLInputElement;
    await user.type(pin, '9999');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByText('That PIN is not right.')).toBeTruthy();
    expect((screen.getByLabelText('PIN') as HTMLInputElement).value).toBe('');
    await user.type(screen.getByLabelText('PIN'), '1470');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('heading', { level: 1, name: "You're signed in, Tom." })).toBeTruthy();
    expect(tries).toBe(2);
    expect(api.inputsOf('staffDay.signInAtKiosk').map((i) => i.phone)).toEqual([null, null]);
  });

  it('forgets the PIN typed when the kiosk is left alone', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    installFakeApi(kioskWithStaff(false));
    const { user } = renderApp('#/', { fakeTimers: true });
    await startStaffPath(user);
    await user.click(screen.getByRole('button', { name: 'Tom Reilly' }));
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    await user.type(screen.getByLabelText('PIN'), '147');
    await act(async () => vi.advanceTimersByTime(80_000));
    expect(await screen.findByRole('heading', { level: 1, name: /Welcome to/ })).toBeTruthy();

    await startStaffPath(user);
    await user.click(screen.getByRole('button', { name: 'Tom Reilly' }));
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect((screen.getByLabelText('PIN') as HTMLInputElement).value).toBe('');
  });
});

/** An unlocked console with staff signed in; `phonesInSafe` is the setting. */
function consoleWithStaff(staff: () => StaffOnSite[], phonesInSafe: boolean, overrides: FakeHandlers = {}): FakeHandlers {
  return unlockedConsole({
    'app.reminders': () => ({ reminders: [] }),
    'staffDay.onSite': () => ({ staff: staff(), phonesInSafe }),
    ...overrides,
  });
}

async function openStaffOnSite(user: UserEvent): Promise<void> {
  const nav = await screen.findByRole('navigation', { name: 'Console sections' });
  await user.click(within(nav).getByRole('button', { name: 'Staff on site' }));
  await screen.findByRole('heading', { level: 1, name: 'Staff on site' });
}

describe('the Staff on site page', () => {
  it('signs the person at the console in with one tap, and lists them', async () => {
    let staff: StaffOnSite[] = [tomOnSite()];
    const api = installFakeApi(consoleWithStaff(() => staff, false, {
      'staffDay.signIn': checkedByContract('staffDay.signIn', () => {
        staff = [tomOnSite({ staffDayId: 30, staffId: 1, displayName: 'Sam Holt', signedInAt: TEST_NOW.toISOString(), signedInHow: 'console', devicesInSafe: [], phoneInSafe: false }), ...staff];
        return signedInAnswer({ staffDayId: 30, displayName: 'Sam Holt' });
      }),
    }));
    const { user, tap, taps } = renderApp('#/console');
    await openStaffOnSite(user);
    const me = screen.getByRole('region', { name: 'Sam Holt' });
    expect(within(me).getByText('Not signed in')).toBeTruthy();
    await tap(within(me).getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByText(`You signed in at ${formatTime(TEST_NOW.toISOString())}.`)).toBeTruthy();
    expect(taps()).toBe(1);
    expect(api.inputsOf('staffDay.signIn')).toEqual([{ phone: null }]);
    const table = await screen.findByRole('table', { name: 'Signed in now' });
    await waitFor(() => expect(within(table).getAllByRole('rowheader').map((r) => r.textContent)).toEqual(['Sam Holt', 'Tom Reilly']));
    expect(within(me).getByRole('button', { name: 'Sign out' })).toBeTruthy();
  });

  it('gives a phone out for a break and takes it back in under the same receipt, two taps each, saying which bag', async () => {
    let staff: StaffOnSite[] = [tomOnSite()];
    const moved = { displayName: 'Tom Reilly', devices: [{ kind: 'phone' as const, bagSlot: 'Pouch 4', receiptNumber: '2026-0060' }] };
    const api = installFakeApi(consoleWithStaff(() => staff, true, {
      'staffDay.breakOut': checkedByContract('staffDay.breakOut', () => {
        staff = [tomOnSite({ phoneInSafe: false, devicesInSafe: [], devicesOut: [{ kind: 'phone', description: 'Black iPhone', bagSlot: 'Pouch 4', takenAt: minutesAgo(0) }] })];
        return moved;
      }),
      'staffDay.breakBack': checkedByContract('staffDay.breakBack', () => {
        staff = [tomOnSite({ devicesInSafe: [{ ...tomOnSite().devicesInSafe[0]!, itemId: 620 }] })];
        return moved;
      }),
    }));
    const { user, tap, taps } = renderApp('#/console');
    await openStaffOnSite(user);
    const table = await screen.findByRole('table', { name: 'Signed in now' });
    expect(within(table).getByRole('row', { name: /Tom Reilly/ }).textContent).toContain(`${formatTime(minutesAgo(150))} at the kiosk`);
    expect(within(table).getByRole('row', { name: /Tom Reilly/ }).textContent).toContain('Phone in the safe, pouch 4');

    await tap(within(table).getByRole('button', { name: 'Out for a break for Tom Reilly' }));
    const out = screen.getByRole('dialog', { name: 'Out of the safe for a break' });
    expect(out.textContent).toContain("Give Tom Reilly's phone from pouch 4.");
    await tap(within(out).getByRole('button', { name: 'Given to them' }));
    expect(await screen.findByText('Tom Reilly has their phone for their break.')).toBeTruthy();
    expect(api.inputsOf('staffDay.breakOut')).toEqual([{ staffDayId: 31 }]);
    await waitFor(() => expect(within(table).getByRole('row', { name: /Tom Reilly/ }).textContent).toContain(`Phone out since ${formatTime(minutesAgo(0))}`));
    // Out of the safe while the setting keeps phones there: Today's list and this page both say so.
    expect(screen.getByText('1 member of staff signed in · 1 phone not in the safe')).toBeTruthy();

    await tap(within(table).getByRole('button', { name: 'Back in the safe for Tom Reilly' }));
    const back = screen.getByRole('dialog', { name: 'Back into the safe' });
    expect(back.textContent).toContain("Put Tom Reilly's phone back in pouch 4. It goes back under the receipt they were given when it first went in, so there is nothing new to print.");
    await tap(within(back).getByRole('button', { name: 'Back in the safe' }));
    expect(await screen.findByText("Tom Reilly's phone is back in the safe under receipt 2026-0060, the one it first went in with. Nothing new to print.")).toBeTruthy();
    expect(api.inputsOf('staffDay.breakBack')).toEqual([{ staffDayId: 31 }]);
    expect(api.inputsOf('custody.log')).toEqual([]);
    expect(taps()).toBe(4);
    await waitFor(() => expect(screen.getByText('1 member of staff signed in · every phone in the safe')).toBeTruthy());
  });

  it('marks a day never signed out of with its date, and does not count it as on duty', async () => {
    const lastWeek = minutesAgo(60 * 24 * 7);
    installFakeApi(consoleWithStaff(() => [tomOnSite({ signedInAt: lastWeek, fromEarlierDay: true, phoneInSafe: false, devicesInSafe: [] })], true));
    const { user } = renderApp('#/console');
    await openStaffOnSite(user);
    const row = within(await screen.findByRole('table', { name: 'Signed in now' })).getByRole('row', { name: /Tom Reilly/ });
    expect(row.textContent).toContain('not signed out since');
    expect(screen.getByText('0 members of staff signed in · every phone in the safe')).toBeTruthy();
    expect(within(row).queryByRole('button', { name: /Phone into the safe/ })).toBeNull();
  });
});

describe("Today's list of staff whose phone is not in the safe", () => {
  it('lists staff on duty without their phone in the safe where the setting asks, with the way to Staff on site', async () => {
    const sam = tomOnSite({ staffDayId: 30, staffId: 1, displayName: 'Sam Holt', signedInHow: 'console', phoneInSafe: false, devicesInSafe: [] });
    installFakeApi(consoleWithStaff(() => [sam, tomOnSite()], true));
    const { user } = renderApp('#/console');
    const section = await screen.findByRole('region', { name: 'Staff on duty whose phone is not in the safe' });
    expect(within(section).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      `Sam Holt · signed in ${formatTime(minutesAgo(150))} at the console`,
    ]);
    await user.click(within(section).getByRole('button', { name: 'Open Staff on site' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Staff on site' })).toBeTruthy();
  });

  it('is not shown where staff keep their phones', async () => {
    const sam = tomOnSite({ staffDayId: 30, staffId: 1, displayName: 'Sam Holt', phoneInSafe: false, devicesInSafe: [] });
    const api = installFakeApi(consoleWithStaff(() => [sam], false));
    renderApp('#/console');
    await screen.findByRole('heading', { level: 1, name: 'Today' });
    await waitFor(() => expect(api.inputsOf('staffDay.onSite').length).toBeGreaterThan(0));
    expect(screen.queryByRole('region', { name: 'Staff on duty whose phone is not in the safe' })).toBeNull();
  });
});

describe('the roll call of everyone', () => {
  it('lists the staff signed in apart from the visitors, sends their ticks and names who is still missing', async () => {
    const sam = tomOnSite({ staffDayId: 30, staffId: 1, displayName: 'Sam Holt', signedInHow: 'console' });
    const lastWeek = tomOnSite({ staffDayId: 29, staffId: 5, displayName: 'Ada Price', signedInAt: minutesAgo(60 * 24 * 7), fromEarlierDay: true });
    const api = installFakeApi(consoleWithStaff(() => [lastWeek, sam, tomOnSite()], false, {
      'rollcall.save': checkedByContract('rollcall.save', (input) => rollCallRecord({
        onSite: 5, accounted: input.accountedVisitIds.length + input.accountedStaffDayIds.length, missing: ['Amira Khan', "Tom O'Neill"],
        missingStaff: ['Ada Price', 'Tom Reilly'],
      })),
    }));
    const { user } = renderApp('#/console');
    const nav = await screen.findByRole('navigation', { name: 'Console sections' });
    await user.click(within(nav).getByRole('button', { name: 'Roll call' }));
    const staffList = await screen.findByRole('list', { name: 'Staff signed in' });
    expect(screen.getByRole('heading', { level: 3, name: 'Staff signed in (3)' })).toBeTruthy();
    expect(within(staffList).getAllByRole('checkbox').map((c) => c.getAttribute('aria-labelledby') && document.getElementById(c.getAttribute('aria-labelledby')!)!.textContent))
      .toEqual(['Ada Price', 'Sam Holt', 'Tom Reilly']);
    expect(staffList.textContent).toContain('never signed out: may have gone home');
    expect(staffList.textContent).toContain(`Staff · In at ${formatTime(minutesAgo(150))}`);
    expect(screen.getByText(/accounted for/).closest('p')!.textContent).toContain('0 of 5 accounted for');

    await user.click(within(staffList).getByRole('checkbox', { name: 'Sam Holt' }));
    expect(screen.getByText(/accounted for/).closest('p')!.textContent).toContain('1 of 5 accounted for');
    await user.click(screen.getByRole('button', { name: 'Finish roll call' }));
    const result = await screen.findByRole('region', { name: 'Still missing: 4 people' });
    expect(within(within(result).getByRole('list', { name: 'Staff still missing' })).getAllByRole('listitem').map((li) => li.textContent))
      .toEqual(['Ada Price', 'Tom Reilly']);
    expect(api.inputsOf('rollcall.save')).toEqual([{ accountedVisitIds: [], accountedStaffDayIds: [30] }]);
  });
});
