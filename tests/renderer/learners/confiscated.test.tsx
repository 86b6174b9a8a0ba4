import { screen, waitFor, within } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { stopClockForTests } from '../../../src/renderer/lib/clock.js';
import type { HeldPupilDevice, ReceiptView, StaffSessionInfo } from '../../../src/shared/contract/index.js';
import { ukTime } from '../../../src/shared/domain/time.js';
import { item, receipt, session as officeSession } from '../../helpers/console-fixtures.js';
import { checkedByContract, fail, installFakeApi, type FakeHandlers } from '../../helpers/fake-api.js';
import { renderApp } from '../../helpers/harness.js';
import { heldDevice, pupilsConsole } from '../../helpers/learner-fixtures.js';
import { minutesAgo, TEST_NOW } from '../../helpers/test-clock.js';

const dslSession: StaffSessionInfo = { ...officeSession, staffId: 9, displayName: 'Dee Safeguarding', roles: ['office', 'dsl'] };
const AGREERS = [{ staffId: 9, displayName: 'Dee Safeguarding' }, { staffId: 7, displayName: 'Helen Bradley' }];

/** Kai's phone and watch, confiscated at `loggedAt` (bag C1, one receipt). */
function kai(loggedAt: string): HeldPupilDevice {
  return heldDevice({
    receiptId: 43, receiptNumber: '2026-0043', pupilName: 'Kai Morgan', classGroup: '6B', reason: 'confiscated', handedInAt: loggedAt,
    items: [
      item(202, { kind: 'phone', description: 'Black iPhone', bagSlot: 'C1', reason: 'confiscated', confiscationReason: 'Filming', loggedAt }),
      item(203, { kind: 'smart_watch', description: 'Blue watch', bagSlot: 'C1', reason: 'confiscated', confiscationReason: 'Filming', loggedAt }),
    ],
  });
}

/** The receipt as main answers once some of Kai's devices have gone to `to`. */
function closed(held: HeldPupilDevice, itemIds: readonly number[], to: string): ReceiptView {
  return receipt({
    receiptId: held.receiptId, receiptNumber: held.receiptNumber, ownerType: 'learner', ownerName: held.pupilName, visitId: null,
    items: held.items.map((i) => (itemIds.includes(i.itemId) ? { ...i, state: 'handed_on' as const, closedAt: minutesAgo(0), closedBy: 'Sam Holt', closedTo: to } : i)),
  });
}

/** A console whose Confiscated page lists Kai, its day ending at `endOfDay`; releasing and handing over answer as main would. */
function confiscatedConsole(held: HeldPupilDevice, endOfDay: string, session: StaffSessionInfo = officeSession, overrides: FakeHandlers = {}) {
  let list = [held];
  return installFakeApi(pupilsConsole(session, {
    'learner.devicesHeld': () => ({ forTheDay: [], confiscated: list, endOfDay, earlyAgreers: AGREERS }),
    'learner.searches': () => ({ searches: [] }),
    'learner.releaseConfiscated': checkedByContract('learner.releaseConfiscated', (input) => {
      list = [];
      return closed(held, input.itemIds, `${input.parentName} (${input.relationship === 'other' ? input.relationshipOther : input.relationship})`);
    }),
    'learner.handToPolice': checkedByContract('learner.handToPolice', (input) => {
      list = [];
      return closed(held, input.itemIds, `${input.officerName} ${input.officerNumber}, ${input.policeForce}`);
    }),
    ...overrides,
  }));
}

async function openConfiscated(user: UserEvent): Promise<HTMLElement> {
  const nav = await screen.findByRole('navigation', { name: 'Console sections' });
  await user.click(within(nav).getByRole('button', { name: "Pupils' devices" }));
  await user.click(within(nav).getByRole('button', { name: 'Confiscated' }));
  return screen.findByRole('table', { name: 'In the safe' });
}

function errorUnder(label: string | RegExp): string {
  const box = screen.getByLabelText(label);
  const ids = box.getAttribute('aria-describedby')?.split(' ') ?? [];
  return ids.map((id) => document.getElementById(id)?.textContent ?? '').join(' ');
}

function groupError(name: string): string {
  return within(screen.getByRole('group', { name })).queryByText(/./, { selector: '.field-error' })?.textContent ?? '';
}

// Tuesday 24 November 2026 (GMT, so UK time reads as UTC); the school day ends at 15:15.
const MORNING = '2026-11-24T09:10:00.000Z';

describe('releasing a confiscated device to a parent or carer', () => {
  it('after the end of the day: the office names the parent, their relationship and how they were checked, and only the ticked devices go', async () => {
    stopClockForTests('2026-11-24T15:20:00.000Z');
    const held = kai(MORNING);
    const api = confiscatedConsole(held, '15:15');
    const { user } = renderApp('#/console');
    const table = await openConfiscated(user);
    // Handing to the police is for the DSL and the headteacher only.
    expect(within(table).queryByRole('button', { name: /Hand to the police/ })).toBeNull();
    await user.click(within(table).getByRole('button', { name: 'Release to a parent or carer… (Kai Morgan)' }));
    const dialog = await screen.findByRole('dialog', { name: 'Release to a parent or carer: Kai Morgan, 6B' });
    expect(within(dialog).queryByText('Before the end of the day')).toBeNull();

    // Nothing chosen: every problem at once, and nothing sent.
    await user.click(within(dialog).getByRole('button', { name: 'Release' }));
    expect(errorUnder("Parent or carer's full name")).toContain('Enter the full name of the parent or carer collecting.');
    expect(groupError('Their relationship to the pupil')).toContain('Choose how they are related to the pupil.');
    expect(groupError('How you checked who they are')).toContain('Choose how you checked who they are.');
    expect(api.inputsOf('learner.releaseConfiscated')).toEqual([]);

    await user.type(within(dialog).getByLabelText("Parent or carer's full name"), 'Dawn Morgan');
    await user.click(within(dialog).getByRole('radio', { name: 'Mother' }));
    await user.click(within(dialog).getByRole('radio', { name: 'Photo ID seen' }));
    // The watch stays in the safe (for the police, say).
    await user.click(within(dialog).getByRole('checkbox', { name: /Smart watch: Blue watch/ }));
    await user.click(within(dialog).getByRole('button', { name: 'Release' }));

    expect(await screen.findByText('Phone released to Dawn Morgan (mother).')).toBeTruthy();
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(api.inputsOf('learner.releaseConfiscated')).toEqual([{
      receiptId: 43, itemIds: [202], parentName: 'Dawn Morgan', relationship: 'mother', relationshipOther: null,
      identityCheck: 'photo_id', identityNote: null, note: '', early: null,
    }]);
    await waitFor(() => expect(screen.getByText('No confiscated device is in the safe.')).toBeTruthy());
  });

  it('before the end of the day: asks for the DSL or headteacher with their PIN and a reason, and types the PIN again when it was wrong', async () => {
    stopClockForTests('2026-11-24T11:00:00.000Z');
    const held = kai(MORNING);
    let wrongOnce = true;
    const api = confiscatedConsole(held, '15:15', officeSession, {
      'learner.releaseConfiscated': checkedByContract('learner.releaseConfiscated', (input) => {
        if (wrongOnce) {
          wrongOnce = false;
          return fail('wrong_pin', 'That PIN is not right.', { 'early.pin': 'That PIN is not right.' });
        }
        return closed(held, input.itemIds, `${input.parentName} (${input.relationshipOther})`);
      }),
    });
    const { user } = renderApp('#/console');
    const table = await openConfiscated(user);
    await user.click(within(table).getByRole('button', { name: /Release to a parent or carer/ }));
    const dialog = await screen.findByRole('dialog');
    const early = within(dialog).getByRole('region', { name: 'Before the end of the day' });
    expect(early.textContent).toContain('The school day ends at 15:15. To release it now, the DSL or the headteacher must agree');

    await user.type(within(dialog).getByLabelText("Parent or carer's full name"), 'Joy Morgan');
    await user.click(within(dialog).getByRole('radio', { name: 'Other (say who)' }));
    await user.click(within(dialog).getByRole('radio', { name: 'Other (say how)' }));
    await user.click(within(dialog).getByRole('button', { name: 'Release' }));
    expect(errorUnder('Who they are to the pupil')).toContain('Say who they are to the pupil, for example aunt.');
    expect(errorUnder('How you checked')).toContain('Say how you checked who they are.');
    expect(groupError('Who agrees')).toContain('Choose the DSL or headteacher who agrees.');
    expect(errorUnder('Their PIN')).toContain('A PIN is 4 to 8 digits.');
    expect(errorUnder('Why it cannot wait')).toContain('Say why it cannot wait until the end of the day.');
    expect(api.inputsOf('learner.releaseConfiscated')).toEqual([]);

    await user.type(within(dialog).getByLabelText('Who they are to the pupil'), 'aunt');
    await user.type(within(dialog).getByLabelText('How you checked'), 'Mum phoned ahead');
    await user.click(within(early).getByRole('radio', { name: 'Helen Bradley' }));
    await user.type(within(early).getByLabelText('Their PIN'), '1111');
    await user.type(within(early).getByLabelText('Why it cannot wait'), 'Hospital appointment at 12');
    await user.click(within(dialog).getByRole('button', { name: 'Release' }));
    await waitFor(() => expect(errorUnder('Their PIN')).toContain('That PIN is not right.'));
    expect((within(dialog).getByLabelText('Their PIN') as HTMLInputElement).value).toBe('');

    await user.type(within(early).getByLabelText('Their PIN'), '2468');
    await user.click(within(dialog).getByRole('button', { name: 'Release' }));
    expect(await screen.findByText('Phone and smart watch released to Joy Morgan (aunt).')).toBeTruthy();
    expect(api.inputsOf('learner.releaseConfiscated')[1]).toMatchObject({
      itemIds: [202, 203], relationship: 'other', relationshipOther: 'aunt', identityCheck: 'other', identityNote: 'Mum phoned ahead',
      early: { staffId: 7, pin: '2468', reason: 'Hospital appointment at 12' },
    });
  });

  it('asks for the DSL or headteacher when main says it is still early, though the screen thought the day was over', async () => {
    stopClockForTests('2026-11-24T15:20:00.000Z');
    const held = kai(MORNING);
    confiscatedConsole(held, '15:15', officeSession, {
      'learner.releaseConfiscated': () => fail('conflict', 'A confiscated device goes home at the end of the school day (15:30).', {
        early: 'Before the end of the day, the DSL or the headteacher must agree.',
      }),
    });
    const { user } = renderApp('#/console');
    await user.click(within(await openConfiscated(user)).getByRole('button', { name: /Release to a parent or carer/ }));
    const dialog = await screen.findByRole('dialog');
    await user.type(within(dialog).getByLabelText("Parent or carer's full name"), 'Dawn Morgan');
    await user.click(within(dialog).getByRole('radio', { name: 'Father' }));
    await user.click(within(dialog).getByRole('radio', { name: 'Known to staff' }));
    await user.click(within(dialog).getByRole('button', { name: 'Release' }));
    const early = await within(dialog).findByRole('region', { name: 'Before the end of the day' });
    expect(early.textContent).toContain('Before the end of the day, the DSL or the headteacher must agree.');
    expect(within(dialog).getAllByRole('alert')[0]!.textContent).toContain('A confiscated device goes home at the end of the school day (15:30).');
  });

  // These two run again at each awkward instant (vitest.config.ts): "today" is the UK's, whatever UTC says.
  it('needs the DSL or head for a device confiscated a minute ago while that UK day has not reached its end', async () => {
    confiscatedConsole(kai(minutesAgo(1)), '23:59');
    const { user } = renderApp('#/console');
    await user.click(within(await openConfiscated(user)).getByRole('button', { name: /Release to a parent or carer/ }));
    const dialog = await screen.findByRole('dialog');
    // Only in the last minute of the day (23:59) has the school day already ended.
    const dayStillGoing = ukTime(TEST_NOW.toISOString()) < '23:59';
    expect(within(dialog).queryByRole('region', { name: 'Before the end of the day' }) !== null).toBe(dayStillGoing);
  });

  it('lets a device confiscated on an earlier UK day go without the DSL or head, at any time', async () => {
    const api = confiscatedConsole(kai(minutesAgo(25 * 60)), '23:59');
    const { user } = renderApp('#/console');
    await user.click(within(await openConfiscated(user)).getByRole('button', { name: /Release to a parent or carer/ }));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).queryByRole('region', { name: 'Before the end of the day' })).toBeNull();
    await user.type(within(dialog).getByLabelText("Parent or carer's full name"), 'Dawn Morgan');
    await user.click(within(dialog).getByRole('radio', { name: 'Grandparent' }));
    await user.click(within(dialog).getByRole('radio', { name: "School's collection password" }));
    await user.click(within(dialog).getByRole('button', { name: 'Release' }));
    expect(await screen.findByText('Phone and smart watch released to Dawn Morgan (grandparent).')).toBeTruthy();
    expect(api.inputsOf('learner.releaseConfiscated')[0]?.early).toBeNull();
  });
});

describe('handing a confiscated device to the police', () => {
  it('is offered to the DSL, who records the officer, force and reference', async () => {
    const held = kai(minutesAgo(30));
    const api = confiscatedConsole(held, '15:15', dslSession);
    const { user } = renderApp('#/console');
    const table = await openConfiscated(user);
    await user.click(within(table).getByRole('button', { name: 'Hand to the police… (Kai Morgan)' }));
    const dialog = await screen.findByRole('dialog', { name: 'Hand to the police: Kai Morgan, 6B' });
    await user.click(within(dialog).getByRole('button', { name: 'Hand to the police' }));
    expect(errorUnder("Officer's name")).toContain("Enter the officer's name, for example PC Amir Khan.");
    expect(errorUnder('Police force')).toContain('Enter the police force, for example Kent Police.');
    expect(errorUnder('Police reference number')).toContain('Enter the reference number the police gave.');
    expect(api.inputsOf('learner.handToPolice')).toEqual([]);

    await user.type(within(dialog).getByLabelText("Officer's name"), 'PC Amir Khan');
    await user.type(within(dialog).getByLabelText('Shoulder or collar number (optional)'), '4471');
    await user.type(within(dialog).getByLabelText('Police force'), 'Kent Police');
    await user.type(within(dialog).getByLabelText('Police reference number'), '46/123456/26');
    await user.click(within(dialog).getByRole('button', { name: 'Hand to the police' }));
    expect(await screen.findByText('Phone and smart watch handed to PC Amir Khan 4471, Kent Police, reference 46/123456/26.')).toBeTruthy();
    expect(api.inputsOf('learner.handToPolice')).toEqual([{
      receiptId: 43, itemIds: [202, 203], officerName: 'PC Amir Khan', officerNumber: '4471', policeForce: 'Kent Police', policeReference: '46/123456/26', note: '',
    }]);
  });
});

describe('a confiscated device at the collection desk', () => {
  it('is not given back or handed on there: the desk is sent to Confiscated', async () => {
    const held = kai(minutesAgo(30));
    installFakeApi(pupilsConsole(officeSession, {
      'custody.findReceipt': () => closed(held, [], ''),
      'learner.devicesHeld': () => ({ forTheDay: [], confiscated: [held], endOfDay: '15:15', earlyAgreers: AGREERS }),
    }));
    const { user } = renderApp('#/console');
    await user.click(await screen.findByRole('button', { name: 'Collect' }));
    await user.type(screen.getByLabelText('Scan the receipt QR code or type the receipt number'), '2026-0043');
    await user.click(screen.getByRole('button', { name: 'Find' }));
    const region = await screen.findByRole('region', { name: 'Receipt 2026-0043' });
    expect(within(region).queryByRole('button', { name: 'Mark returned' })).toBeNull();
    expect(within(region).queryByRole('button', { name: /Hand on instead/ })).toBeNull();
    expect(within(region).queryByRole('checkbox')).toBeNull();
    expect(region.textContent).toContain("Confiscated devices are not given back here. They go to a named parent or carer, or to the police: use Pupils' devices, then Confiscated.");
    await user.click(within(region).getByRole('button', { name: 'Open Confiscated' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Confiscated' })).toBeTruthy();
  });
});
