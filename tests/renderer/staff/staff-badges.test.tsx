import { screen, waitFor, within } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { StaffAccount, StaffDaySignedIn } from '../../../src/shared/contract/index.js';
import { formatTime } from '../../../src/shared/domain/time.js';
import { checkedByContract, fail, installFakeApi, kioskConfig, kioskHandlers, type FakeHandlers } from '../../helpers/fake-api.js';
import { renderApp } from '../../helpers/harness.js';
import { adminConsole } from '../../helpers/operations-fixtures.js';
import { minutesAgo, TEST_NOW } from '../../helpers/test-clock.js';

const CODE = 'K7QW MZ2P 4RTA XC5N 3BVE LJ';
const NORMALISED = 'K7QWMZ2P4RTAXC5N3BVELJ';
const FULL = `${NORMALISED}ABCD`;

function signedInAnswer(overrides: Partial<StaffDaySignedIn> = {}): StaffDaySignedIn {
  return { staffDayId: 32, displayName: 'Tom Reilly', signedInAt: TEST_NOW.toISOString(), earlierDayClosed: null, phone: null, ...overrides };
}

function kioskWithStaff(phonesInSafe: boolean, overrides: FakeHandlers = {}): FakeHandlers {
  return {
    ...kioskHandlers(kioskConfig({ idleSeconds: 60, idleWarningSeconds: 20 })),
    'staffDay.kioskNames': () => ({ staff: [{ staffId: 4, displayName: 'Tom Reilly' }], phonesInSafe }),
    ...overrides,
  };
}

async function startStaffPath(user: UserEvent): Promise<HTMLElement> {
  await user.click(await screen.findByRole('button', { name: 'Staff: sign in or out' }));
  await screen.findByRole('heading', { level: 1, name: 'Staff: sign in or out' });
  return screen.getByRole('textbox', { name: 'Scan your staff badge' });
}

describe("a staff badge at the kiosk's staff path", () => {
  it('scanned into the box that waits for it, signs in with one more tap and no PIN', async () => {
    const api = installFakeApi(kioskWithStaff(false, {
      'staffDay.findByBadge': checkedByContract('staffDay.findByBadge', () => ({ staffId: 4, displayName: 'Tom Reilly', signedInAt: null })),
      'staffDay.signInByBadge': checkedByContract('staffDay.signInByBadge', () => signedInAnswer()),
    }));
    const { user, tap, taps } = renderApp('#/');
    const box = await startStaffPath(user);
    // The scanner types into the box, which has the cursor already, and presses Enter.
    expect(document.activeElement).toBe(box);
    await user.type(box, `${FULL.toLowerCase()}{Enter}`);
    expect(await screen.findByRole('heading', { level: 1, name: 'Hello, Tom.' })).toBeTruthy();
    expect(screen.getByText('Are you arriving or leaving?')).toBeTruthy();
    await tap(screen.getByRole('button', { name: /^Sign in/ }));
    expect(await screen.findByRole('heading', { level: 1, name: "You're signed in, Tom." })).toBeTruthy();
    expect(api.inputsOf('staffDay.findByBadge')).toEqual([{ badgeCode: FULL }]);
    expect(api.inputsOf('staffDay.signInByBadge')).toEqual([{ badgeCode: FULL, phone: null }]);
    expect(api.inputsOf('staffDay.signInAtKiosk')).toEqual([]);
    expect(screen.queryByLabelText('PIN')).toBeNull();
    expect(taps()).toBe(1);
    // The done screen has its own Finish: no "Start again" beside it.
    expect(screen.queryByRole('button', { name: 'Start again' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Finish' })).toBeTruthy();
  }, 15_000);

  it('where phones go in the safe, asks for the pouch and signs in with it; a badge of someone already in says since when', async () => {
    const api = installFakeApi(kioskWithStaff(true, {
      'staffDay.findByBadge': () => ({ staffId: 4, displayName: 'Tom Reilly', signedInAt: minutesAgo(400) }),
      'staffDay.signOutByBadge': checkedByContract('staffDay.signOutByBadge', () => ({
        staffDayId: 31, displayName: 'Tom Reilly', signedInAt: minutesAgo(400), signedOutAt: TEST_NOW.toISOString(), wasEarlierDay: false, takenFromSafe: 1, stillInSafe: 0,
      })),
    }));
    const { user } = renderApp('#/');
    const box = await startStaffPath(user);
    // Typed by a person from under the QR code: in groups, then Use my badge.
    await user.type(box, `${CODE} ABCD`);
    await user.click(screen.getByRole('button', { name: 'Use my badge' }));
    expect(await screen.findByText(`You signed in at ${formatTime(minutesAgo(400))}. Are you leaving?`)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: /^Sign out/ }));
    await user.click(screen.getByRole('button', { name: /Yes, I'm taking my phone/ }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Goodbye, Tom.' })).toBeTruthy();
    expect(api.inputsOf('staffDay.signOutByBadge')).toEqual([{ badgeCode: FULL, collectPhone: true }]);
  });

  it('with the phone into the safe, its bag number is the last step before signing in', async () => {
    const api = installFakeApi(kioskWithStaff(true, {
      'staffDay.findByBadge': () => ({ staffId: 4, displayName: 'Tom Reilly', signedInAt: null }),
      'staffDay.signInByBadge': () => signedInAnswer(),
    }));
    const { user } = renderApp('#/');
    await user.type(await startStaffPath(user), `${FULL}{Enter}`);
    await user.click(await screen.findByRole('button', { name: /^Sign in/ }));
    await user.type(screen.getByRole('textbox', { name: 'Bag or slot number' }), 'Pouch 4');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('heading', { level: 1, name: "You're signed in, Tom." })).toBeTruthy();
    expect(api.inputsOf('staffDay.signInByBadge')).toEqual([{ badgeCode: FULL, phone: { bagSlot: 'Pouch 4', description: null } }]);
  });

  it('says a badge that does not work under the box, empties it and waits for the next scan', async () => {
    const message = 'This badge has been replaced by a newer one and no longer works. Use your new badge, or choose your name and type your PIN.';
    const api = installFakeApi(kioskWithStaff(false, { 'staffDay.findByBadge': () => fail('wrong_badge', message, { badgeCode: message }) }));
    const { user } = renderApp('#/');
    const box = await startStaffPath(user);
    await user.type(box, `${FULL}{Enter}`);
    expect(await screen.findByText(message)).toBeTruthy();
    expect((screen.getByRole('textbox', { name: 'Scan your staff badge' }) as HTMLInputElement).value).toBe('');
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('textbox', { name: 'Scan your staff badge' })));
    expect(screen.getByRole('heading', { level: 1, name: 'Staff: sign in or out' })).toBeTruthy();
    expect(api.inputsOf('staffDay.findByBadge')).toHaveLength(1);
  });
});

describe('"Start again" on the staff path', () => {
  it('is offered while choosing, and not once signed in with a PIN', async () => {
    installFakeApi(kioskWithStaff(false, { 'staffDay.signInAtKiosk': () => signedInAnswer() }));
    const { user } = renderApp('#/');
    await startStaffPath(user);
    expect(screen.getByRole('button', { name: 'Start again' })).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Tom Reilly' }));
    await user.click(screen.getByRole('button', { name: /^Sign in/ }));
    await user.type(screen.getByLabelText('PIN'), '1470');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('heading', { level: 1, name: "You're signed in, Tom." })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Start again' })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Finish' }));
    await user.click(await screen.findByRole('button', { name: 'Staff: sign in or out' }));
    expect(await screen.findByRole('button', { name: 'Start again' })).toBeTruthy();
  });
});

function account(overrides: Partial<StaffAccount> = {}): StaffAccount {
  return { staffId: 4, displayName: 'Tom Reilly', roles: ['office'], active: true, lockedUntil: null, badgeIssuedAt: null, signedInSince: null, ...overrides };
}

async function openStaffAdmin(handlers: FakeHandlers, user?: UserEvent) {
  const api = installFakeApi(handlers);
  const app = renderApp('#/console');
  const u = user ?? app.user;
  const nav = await screen.findByRole('navigation', { name: 'Console sections' });
  await u.click(within(nav).getByRole('button', { name: 'Admin' }));
  await u.click(within(screen.getByRole('navigation', { name: 'Admin sections' })).getByRole('button', { name: 'Staff' }));
  return { api, ...app };
}

describe('staff badges in Admin, Staff', () => {
  it('issues a badge, then offers to replace it, saying the old one stops working, with the PDF when it did not print', async () => {
    let tom = account();
    const { api, user } = await openStaffAdmin(adminConsole({
      'staff.list': () => ({ staff: [tom] }),
      'staff.issueBadge': checkedByContract('staff.issueBadge', () => {
        const replaced = tom.badgeIssuedAt !== null;
        tom = account({ badgeIssuedAt: TEST_NOW.toISOString() });
        return { account: tom, replaced, print: { printed: false, reason: 'No badge printer is set up.', documentId: 'badge-doc' } };
      }),
    }));
    const table = await screen.findByRole('table', { name: 'Staff accounts' });
    await user.click(within(table).getByRole('button', { name: 'Issue badge… (Tom Reilly)' }));
    const dialog = screen.getByRole('dialog', { name: 'Issue a staff badge for Tom Reilly?' });
    expect(dialog.textContent).toContain('signs Tom Reilly in or out of work without their PIN');
    await user.click(within(dialog).getByRole('button', { name: 'Issue and print' }));
    expect(await screen.findByText('Tom Reilly has a staff badge: they can scan it at the kiosk to sign in and out.')).toBeTruthy();
    expect(screen.getByText('The badge for Tom Reilly was not printed.')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Open the badge PDF' }).getAttribute('href')).toContain('badge-doc');

    await user.click(within(table).getByRole('button', { name: 'Replace badge… (Tom Reilly)' }));
    const replace = screen.getByRole('dialog', { name: "Replace Tom Reilly's badge?" });
    expect(replace.textContent).toMatch(/The badge issued on .+ stops working as soon as the new one is made\./);
    await user.click(within(replace).getByRole('button', { name: 'Replace and print' }));
    expect(await screen.findByText('Tom Reilly has a new badge. Their old badge no longer works.')).toBeTruthy();
    expect(api.inputsOf('staff.issueBadge')).toEqual([{ staffId: 4 }, { staffId: 4 }]);
  });

  it('says in the deactivate dialog that a signed-in member of staff is signed out, and their badge stops working', async () => {
    const tom = account({ badgeIssuedAt: minutesAgo(60 * 24), signedInSince: minutesAgo(90) });
    const { user } = await openStaffAdmin(adminConsole({
      'staff.list': () => ({ staff: [tom] }),
      'staff.deactivate': () => ({ ...tom, active: false, badgeIssuedAt: null, signedInSince: null }),
    }));
    const table = await screen.findByRole('table', { name: 'Staff accounts' });
    await user.click(within(table).getByRole('button', { name: 'Deactivate… (Tom Reilly)' }));
    const dialog = screen.getByRole('dialog', { name: 'Deactivate Tom Reilly?' });
    expect(dialog.textContent).toContain('Their staff badge stops working.');
    expect(dialog.textContent).toContain(`They are signed in for work (since ${formatTime(minutesAgo(90))}): they are signed out now, recorded as not having signed out themselves.`);
    await user.type(within(dialog).getByRole('textbox', { name: 'Reason' }), 'Left in October');
    await user.click(within(dialog).getByRole('button', { name: 'Deactivate' }));
    expect(await screen.findByText(/Tom Reilly can no longer unlock the console\. Their name stays on past records\. They are signed out of work as of now\./)).toBeTruthy();
  });
});
