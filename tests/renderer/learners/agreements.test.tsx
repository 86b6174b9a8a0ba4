import { screen, waitFor, within } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { StaffSessionInfo } from '../../../src/shared/contract/index.js';
import type { AgreementView } from '../../../src/shared/domain/learners.js';
import { shiftDay, todayUk } from '../../../src/renderer/lib/uk-clock.js';
import { checkedByContract, fail, installFakeApi, type FakeHandlers } from '../../helpers/fake-api.js';
import { session as officeSession, unlockedConsole } from '../../helpers/console-fixtures.js';
import { renderApp, textboxNamed } from '../../helpers/harness.js';
import { adminConsole, settingsView } from '../../helpers/operations-fixtures.js';
import { minutesAgo, TEST_NOW } from '../../helpers/test-clock.js';

const today = todayUk(TEST_NOW);

const headSession: StaffSessionInfo = {
  staffId: 7, displayName: 'Helen Bradley', roles: ['office', 'head'], expiresAt: minutesAgo(-60), pinChangeDue: false,
};

function agreement(overrides: Partial<AgreementView> = {}): AgreementView {
  return {
    agreementId: 1, pupilName: "Amy O'Brien", classGroup: '6B', deviceKind: 'phone', deviceDescription: 'Red Nokia',
    reason: 'Walks home alone on Tuesdays', conditions: 'Handed in at the office on arrival',
    validFrom: shiftDay(today, -60), validUntil: shiftDay(today, 200), agreedBy: 'Helen Bradley', recordedAt: minutesAgo(60 * 24 * 60),
    recordedBy: 'Helen Bradley', ended: null, state: 'in_force', ...overrides,
  };
}

const endedOne = agreement({
  agreementId: 2, pupilName: 'Kofi Mensah', classGroup: '5C', ended: { at: minutesAgo(60 * 24 * 3), by: 'Helen Bradley', reason: 'Left the school' },
  state: 'ended',
});

function pupilsConsole(session: StaffSessionInfo, overrides: FakeHandlers = {}): FakeHandlers {
  return unlockedConsole({
    'staff.session': () => ({ session }),
    'app.reminders': () => ({ reminders: [] }),
    'learner.agreements': () => ({ agreements: [agreement(), endedOne], heads: [{ staffId: 7, displayName: 'Helen Bradley' }] }),
    ...overrides,
  });
}

async function openPupilDevices(user: UserEvent): Promise<void> {
  const nav = await screen.findByRole('navigation', { name: 'Console sections' });
  await user.click(within(nav).getByRole('button', { name: "Pupils' devices" }));
  await user.click(within(nav).getByRole('button', { name: 'Agreements' }));
  expect(await screen.findByRole('heading', { level: 1, name: 'Agreements' })).toBeTruthy();
}

describe('the Agreements page', () => {
  it('shows the office the current and ended agreements, without the head\'s actions', async () => {
    installFakeApi(pupilsConsole(officeSession));
    const { user } = renderApp('#/console');
    await openPupilDevices(user);
    const current = await screen.findByRole('table', { name: 'Current agreements' });
    const row = within(current).getByRole('row', { name: /Amy O'Brien/ });
    expect(row.textContent).toContain('Phone: Red Nokia');
    expect(row.textContent).toContain('Conditions: Handed in at the office on arrival');
    expect(row.textContent).toMatch(/✓ Agreement in force until/);
    const ended = screen.getByRole('table', { name: 'Ended agreements' });
    expect(within(ended).getByRole('row', { name: /Kofi Mensah/ }).textContent).toContain('By Helen Bradley: Left the school');
    expect(screen.queryByRole('button', { name: 'Record an agreement' })).toBeNull();
    expect(screen.queryByRole('button', { name: /End early/ })).toBeNull();
    expect(screen.getByText(/The headteacher or leadership records and ends agreements\./)).toBeTruthy();
  });

  it('lets the head record an agreement, checking the form by the contract before anything is sent', async () => {
    let list = [endedOne];
    const api = installFakeApi(pupilsConsole(headSession, {
      'learner.agreements': () => ({ agreements: list, heads: [{ staffId: 7, displayName: 'Helen Bradley' }, { staffId: 8, displayName: 'Tammie Allen' }] }),
      'learner.recordAgreement': checkedByContract('learner.recordAgreement', (input) => {
        const made = agreement({ agreementId: 3, pupilName: input.pupilName, validFrom: input.validFrom, validUntil: input.validUntil });
        list = [made, endedOne];
        return made;
      }),
    }));
    const { user } = renderApp('#/console');
    await openPupilDevices(user);
    expect(await screen.findByText('No pupil has an agreement at the moment.')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Record an agreement' }));
    expect(screen.getByRole('heading', { level: 1, name: 'Record an agreement' })).toBeTruthy();
    // The head who unlocked is the likely one who agreed; the first day is today.
    expect((screen.getByRole('radio', { name: 'Helen Bradley' }) as HTMLInputElement).checked).toBe(true);
    expect((screen.getByLabelText('First day') as HTMLInputElement).value).toBe(today);

    await user.click(screen.getByRole('button', { name: 'Record the agreement' }));
    expect(await screen.findByText('Please check the answers marked below.')).toBeTruthy();
    expect(screen.getByText('Please enter the pupil\'s name.')).toBeTruthy();
    expect(screen.getByText('Enter the class or year group, for example 6B.')).toBeTruthy();
    expect(screen.getByText('Choose what kind of device it is.')).toBeTruthy();
    expect(screen.getByText('Describe the device, for example "black Nokia phone".')).toBeTruthy();
    expect(screen.getByText('The last day must be a date like 2027-09-01.')).toBeTruthy();
    expect(screen.getByText('A PIN is 4 to 8 digits.')).toBeTruthy();
    expect(api.inputsOf('learner.recordAgreement')).toEqual([]);

    await user.type(textboxNamed(/Pupil's name/), '王芳');
    await user.type(textboxNamed(/Class or year group/), 'Year 6');
    await user.selectOptions(screen.getByLabelText('Kind of device'), 'smart_watch');
    await user.type(textboxNamed(/^Description/), 'Black watch with GPS');
    await user.type(textboxNamed(/Why the pupil needs it/), 'Her parents track her on the bus home');
    await user.click(screen.getByRole('radio', { name: 'Tammie Allen' }));
    await user.type(screen.getByLabelText('Their PIN'), '2468');
    // A last day before the first is told before sending, in the contract's words.
    await user.type(screen.getByLabelText('Last day'), shiftDay(today, -1));
    await user.click(screen.getByRole('button', { name: 'Record the agreement' }));
    expect(await screen.findByText('The last day cannot be before the first day.')).toBeTruthy();
    expect(api.inputsOf('learner.recordAgreement')).toEqual([]);

    await user.clear(screen.getByLabelText('Last day'));
    await user.type(screen.getByLabelText('Last day'), shiftDay(today, 240));
    await user.click(screen.getByRole('button', { name: 'Record the agreement' }));
    expect(await screen.findByText('Agreement recorded for 王芳.')).toBeTruthy();
    expect(api.inputsOf('learner.recordAgreement')).toEqual([{
      pupilName: '王芳', classGroup: 'Year 6', deviceKind: 'smart_watch', deviceDescription: 'Black watch with GPS',
      reason: 'Her parents track her on the bus home', conditions: null, validFrom: today, validUntil: shiftDay(today, 240),
      agreedBy: { staffId: 8, pin: '2468' },
    }]);
    expect(within(screen.getByRole('table', { name: 'Current agreements' })).getByRole('row', { name: /王芳/ })).toBeTruthy();
  });

  it('shows a wrong PIN under the PIN box and empties it, keeping everything else', async () => {
    installFakeApi(pupilsConsole(headSession, {
      'learner.recordAgreement': () => fail('wrong_pin', 'That PIN is not right.', { 'agreedBy.pin': 'That PIN is not right.' }),
    }));
    const { user } = renderApp('#/console');
    await openPupilDevices(user);
    await user.click(await screen.findByRole('button', { name: 'Record an agreement' }));
    await user.type(textboxNamed(/Pupil's name/), 'Leo Kowalczyk');
    await user.type(textboxNamed(/Class or year group/), '6B');
    await user.selectOptions(screen.getByLabelText('Kind of device'), 'phone');
    await user.type(textboxNamed(/^Description/), 'Blue Samsung');
    await user.type(textboxNamed(/Why the pupil needs it/), 'Young carer');
    await user.type(screen.getByLabelText('Last day'), shiftDay(today, 30));
    await user.type(screen.getByLabelText('Their PIN'), '1111');
    await user.click(screen.getByRole('button', { name: 'Record the agreement' }));
    const pin = screen.getByLabelText('Their PIN') as HTMLInputElement;
    await waitFor(() => expect(pin.getAttribute('aria-invalid')).toBe('true'));
    expect(pin.value).toBe('');
    expect((textboxNamed(/Pupil's name/)).value).toBe('Leo Kowalczyk');
  });

  it('lets the head end an agreement early with a reason, and says what that means', async () => {
    let list = [agreement(), endedOne];
    const api = installFakeApi(pupilsConsole(headSession, {
      'learner.agreements': () => ({ agreements: list, heads: [] }),
      'learner.endAgreement': checkedByContract('learner.endAgreement', (input) => {
        const ended = agreement({ ended: { at: TEST_NOW.toISOString(), by: 'Helen Bradley', reason: input.reason }, state: 'ended' });
        list = [ended, endedOne];
        return ended;
      }),
    }));
    const { user } = renderApp('#/console');
    await openPupilDevices(user);
    await user.click(await screen.findByRole('button', { name: "End early… the agreement for Amy O'Brien" }));
    const dialog = screen.getByRole('dialog', { name: "End the agreement for Amy O'Brien?" });
    await user.click(within(dialog).getByRole('button', { name: 'End the agreement' }));
    expect(await within(dialog).findByText('Say why the agreement ends early.')).toBeTruthy();
    expect(api.inputsOf('learner.endAgreement')).toEqual([]);
    await user.type(within(dialog).getByLabelText('Reason'), 'Used the phone in class twice');
    await user.click(within(dialog).getByRole('button', { name: 'End the agreement' }));
    expect(await screen.findByText("The agreement for Amy O'Brien has ended. Their device is no longer allowed in school.")).toBeTruthy();
    expect(api.inputsOf('learner.endAgreement')).toEqual([{ agreementId: 1, reason: 'Used the phone in class twice' }]);
    expect(screen.getByText('No pupil has an agreement at the moment.')).toBeTruthy();
  });
});

describe('a pupil\'s device at hand-in', () => {
  it('says under the name whether the pupil has an agreement in force, looked up by the whole name', async () => {
    const api = installFakeApi(pupilsConsole(officeSession, {
      'learner.agreementsFor': ({ pupilName }) => ({ agreements: pupilName.trim().toLowerCase() === "amy o'brien" ? [agreement()] : [], exceptions: [] }),
    }));
    const { user } = renderApp('#/console');
    const nav = await screen.findByRole('navigation', { name: 'Console sections' });
    await user.click(within(nav).getByRole('button', { name: 'Log items' }));
    await user.click(screen.getByRole('radio', { name: 'Pupil' }));
    await user.type(textboxNamed(/Pupil's name/), "Amy O'Brien");
    const line = await screen.findByText(/^Agreement in force until/);
    expect(line.closest('p')?.textContent).toContain('Phone: Red Nokia · agreed by Helen Bradley · Conditions: Handed in at the office on arrival');
    // One question for the name, not one per letter typed.
    expect(api.inputsOf('learner.agreementsFor')).toEqual([{ pupilName: "Amy O'Brien" }]);

    await user.clear(textboxNamed(/Pupil's name/));
    await user.type(textboxNamed(/Pupil's name/), 'Sam Fox');
    expect(await screen.findByText('No agreement on record')).toBeTruthy();
    expect(screen.queryByText(/^Agreement in force/)).toBeNull();
  });

  it('says when the only agreement on record has ended', async () => {
    installFakeApi(pupilsConsole(officeSession, { 'learner.agreementsFor': () => ({ agreements: [endedOne], exceptions: [] }) }));
    const { user } = renderApp('#/console');
    const nav = await screen.findByRole('navigation', { name: 'Console sections' });
    await user.click(within(nav).getByRole('button', { name: 'Log items' }));
    await user.click(screen.getByRole('radio', { name: 'Pupil' }));
    await user.type(textboxNamed(/Pupil's name/), 'Kofi Mensah');
    expect(await screen.findByText(/^No agreement in force today\. Agreement ended early on/)).toBeTruthy();
  });
});

describe('the head role on staff accounts', () => {
  it('is offered to administrators as a tick box of its own', async () => {
    const api = installFakeApi(adminConsole({
      'settings.get': () => settingsView,
      'printers.list': () => ({ printers: [] }),
      'staff.list': () => ({ staff: [] }),
      'staff.create': (input) => ({ staffId: 9, displayName: input.displayName, roles: ['office', 'head'], active: true, lockedUntil: null, badgeIssuedAt: null, signedInSince: null }),
    }));
    const { user } = renderApp('#/console');
    const nav = await screen.findByRole('navigation', { name: 'Console sections' });
    await user.click(within(nav).getByRole('button', { name: 'Admin' }));
    await user.click(within(screen.getByRole('navigation', { name: 'Admin sections' })).getByRole('button', { name: 'Staff' }));
    await user.type(await screen.findByLabelText('Name', { selector: 'input' }), 'Helen Bradley');
    await user.click(screen.getByRole('checkbox', { name: /Headteacher or leadership/ }));
    await user.type(screen.getByLabelText('PIN'), '246813');
    await user.type(screen.getByLabelText('PIN again'), '246813');
    await user.click(screen.getByRole('button', { name: 'Add staff member' }));
    expect(await screen.findByText('Helen Bradley can now unlock the staff console with their PIN.')).toBeTruthy();
    expect(api.inputsOf('staff.create')).toEqual([{ displayName: 'Helen Bradley', roles: ['head'], pin: '246813', pinAgain: '246813' }]);
  });
});
