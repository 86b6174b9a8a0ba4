import { screen, waitFor, within } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { StaffOnSite, StaffSessionInfo } from '../../../src/shared/contract/index.js';
import type { StaffPermissionView } from '../../../src/shared/domain/staff-permissions.js';
import { dayLabel, shiftDay } from '../../../src/renderer/lib/uk-clock.js';
import { session as officeSession, unlockedConsole } from '../../helpers/console-fixtures.js';
import { checkedByContract, installFakeApi, type FakeHandlers } from '../../helpers/fake-api.js';
import { renderApp, textboxNamed } from '../../helpers/harness.js';
import { today } from '../../helpers/learner-fixtures.js';
import { minutesAgo } from '../../helpers/test-clock.js';

const headSession: StaffSessionInfo = {
  staffId: 7, displayName: 'Helen Bradley', roles: ['office', 'head'], expiresAt: minutesAgo(-60), pinChangeDue: false,
};

const HEADS = [{ staffId: 7, displayName: 'Helen Bradley' }, { staffId: 8, displayName: 'Dana Deputy' }];
const STAFF = [{ staffId: 1, displayName: 'Sam Holt' }, { staffId: 4, displayName: 'Tom Reilly' }, ...HEADS];

function permission(overrides: Partial<StaffPermissionView> = {}): StaffPermissionView {
  return {
    permissionId: 1, staffId: 4, staffName: 'Tom Reilly', deviceKind: 'phone', deviceDescription: 'Black iPhone 13',
    purpose: 'remote_learning', purposeDetail: null, permittedUse: 'Year 5 live lessons on the school Teams account',
    permittedAreas: 'The Year 5 classroom', conditions: null, riskAssessedOn: shiftDay(today, -3),
    validFrom: today, validUntil: shiftDay(today, 60), approvedBy: 'Helen Bradley', recordedAt: minutesAgo(30), recordedBy: 'Sam Holt',
    signed: null, ended: null, detailsRemoved: false, state: 'awaiting_signature', ...overrides,
  };
}

const signedInForce = permission({
  permissionId: 2, staffId: 1, staffName: 'Sam Holt', deviceKind: 'laptop', deviceDescription: 'Grey laptop', purpose: 'lessons', riskAssessedOn: null,
  validUntil: null, signed: { on: today, recordedAt: minutesAgo(10), recordedBy: 'Sam Holt' }, state: 'in_force',
});

function permissionsConsole(session: StaffSessionInfo, overrides: FakeHandlers = {}): FakeHandlers {
  return unlockedConsole({
    'staff.session': () => ({ session }),
    'app.reminders': () => ({ reminders: [] }),
    'staffPermission.list': () => ({ permissions: [permission(), signedInForce], heads: HEADS, staff: STAFF }),
    ...overrides,
  });
}

async function openPermissions(user: UserEvent): Promise<void> {
  const nav = await screen.findByRole('navigation', { name: 'Console sections' });
  await user.click(within(nav).getByRole('button', { name: 'Office' }));
  await user.click(within(within(nav).getByRole('list', { name: 'Office pages' })).getByRole('button', { name: 'Staff device permissions' }));
  await screen.findByRole('heading', { level: 1, name: 'Staff device permissions' });
}

describe('the Staff device permissions page', () => {
  it('is in the Office group for everyone, says in words where each permission stands, and offers the office no End', async () => {
    installFakeApi(permissionsConsole(officeSession));
    const { user } = renderApp('#/console');
    await openPermissions(user);
    const table = await screen.findByRole('table', { name: 'Current permissions' });
    const tom = within(table).getByRole('row', { name: /Tom Reilly/ });
    expect(tom.textContent).toContain('⚠ Not in force: waiting for their signature');
    expect(tom.textContent).toContain('Remote learning');
    expect(tom.textContent).toContain(`Risk assessment done on ${dayLabel(shiftDay(today, -3))}`);
    const sam = within(table).getByRole('row', { name: /Sam Holt/ });
    expect(sam.textContent).toContain('✓ In force until it is ended');
    expect(sam.textContent).toContain(`From ${dayLabel(today)}, until ended`);
    expect(screen.getByText(/1 permission is waiting for a signature\./)).toBeTruthy();
    expect(within(tom).getByRole('button', { name: 'Record their signature… for Tom Reilly' })).toBeTruthy();
    expect(within(sam).queryByRole('button', { name: /Record their signature/ })).toBeNull();
    expect(screen.queryByRole('button', { name: /^End…/ })).toBeNull();
    expect(screen.getByText(/Only the headteacher or a leader can end one\./)).toBeTruthy();
  });

  it('records a permission, checked by the contract first (a risk assessment for remote learning), with the head typing their PIN', async () => {
    let list: StaffPermissionView[] = [];
    const api = installFakeApi(permissionsConsole(officeSession, {
      'staffPermission.list': () => ({ permissions: list, heads: HEADS, staff: STAFF }),
      'staffPermission.record': checkedByContract('staffPermission.record', (input) => {
        const made = permission({ permissionId: 3, validUntil: input.validUntil });
        list = [made];
        return made;
      }),
    }));
    const { user } = renderApp('#/console');
    await openPermissions(user);
    expect(await screen.findByText('No member of staff has a permission at the moment.')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Record a permission' }));
    expect(screen.getByRole('heading', { level: 1, name: 'Record a device permission' })).toBeTruthy();

    await user.click(screen.getByRole('radio', { name: /Remote learning/ }));
    await user.click(screen.getByRole('button', { name: 'Record the permission' }));
    expect(await screen.findByText('Please check the answers marked below.')).toBeTruthy();
    expect(screen.getByText('Choose the member of staff.')).toBeTruthy();
    expect(screen.getByText('Remote learning on a personal device needs a risk assessment first: enter the day it was done.')).toBeTruthy();
    expect(screen.getByText('Say where on site it may be used, for example "the Year 6 classroom".')).toBeTruthy();
    expect(screen.getByText('Choose who approved.')).toBeTruthy();
    expect(api.inputsOf('staffPermission.record')).toEqual([]);

    await user.selectOptions(screen.getByLabelText('Member of staff'), '4');
    await user.type(textboxNamed(/^Description/), 'Black iPhone 13');
    await user.type(screen.getByLabelText('What it may be used for'), 'Year 5 live lessons');
    await user.type(textboxNamed(/^Where on site/), 'The Year 5 classroom');
    await user.type(screen.getByLabelText('Day of the risk assessment'), shiftDay(today, -3));
    await user.type(screen.getByLabelText('Last day (optional)'), shiftDay(today, 60));
    await user.click(screen.getByRole('radio', { name: 'Helen Bradley' }));
    await user.type(screen.getByLabelText('Their PIN'), '2468');
    await user.click(screen.getByRole('button', { name: 'Record the permission' }));
    expect(await screen.findByText(/Permission recorded for Tom Reilly\. It is not in force until they have signed it/)).toBeTruthy();
    expect(api.inputsOf('staffPermission.record')).toEqual([{
      staffId: 4, deviceKind: 'phone', deviceDescription: 'Black iPhone 13', purpose: 'remote_learning', purposeDetail: null,
      permittedUse: 'Year 5 live lessons', permittedAreas: 'The Year 5 classroom', conditions: null, riskAssessedOn: shiftDay(today, -3),
      validFrom: today, validUntil: shiftDay(today, 60), approvedBy: { staffId: 7, pin: '2468' },
    }]);
    expect(within(screen.getByRole('table', { name: 'Current permissions' })).getByRole('row', { name: /Tom Reilly/ })).toBeTruthy();
  });

  it('records the signature on the day it was signed, then puts it in force', async () => {
    let list = [permission()];
    const api = installFakeApi(permissionsConsole(officeSession, {
      'staffPermission.list': () => ({ permissions: list, heads: HEADS, staff: STAFF }),
      'staffPermission.recordSigned': checkedByContract('staffPermission.recordSigned', (input) => {
        const signed = permission({ signed: { on: input.signedOn, recordedAt: minutesAgo(0), recordedBy: 'Sam Holt' }, state: 'in_force' });
        list = [signed];
        return signed;
      }),
    }));
    const { user } = renderApp('#/console');
    await openPermissions(user);
    await user.click(await screen.findByRole('button', { name: 'Record their signature… for Tom Reilly' }));
    const dialog = screen.getByRole('dialog', { name: "Record Tom Reilly's signature" });
    expect((within(dialog).getByLabelText('Day they signed it') as HTMLInputElement).value).toBe(today);
    await user.click(within(dialog).getByRole('button', { name: 'Record the signature' }));
    expect(await screen.findByText('The signed permission is recorded. Tom Reilly may now use the device as it says.')).toBeTruthy();
    expect(api.inputsOf('staffPermission.recordSigned')).toEqual([{ permissionId: 1, signedOn: today }]);
    const row = within(screen.getByRole('table', { name: 'Current permissions' })).getByRole('row', { name: /Tom Reilly/ });
    await waitFor(() => expect(row.textContent).toContain(`✓ In force until ${dayLabel(shiftDay(today, 60))}`));
  });

  it('lets a head end one with a reason, and offers the printed permission as a PDF when it did not print', async () => {
    let list = [permission(), signedInForce];
    const api = installFakeApi(permissionsConsole(headSession, {
      'staffPermission.list': () => ({ permissions: list, heads: HEADS, staff: STAFF }),
      'staffPermission.print': () => ({ print: { printed: false, reason: 'No A4 printer is chosen. An administrator can choose one in Settings.', documentId: 'doc-9' } }),
      'staffPermission.end': checkedByContract('staffPermission.end', (input) => {
        const ended = { ...signedInForce, ended: { at: minutesAgo(0), by: 'Helen Bradley', reason: input.reason }, state: 'ended' as const };
        list = [permission(), ended];
        return ended;
      }),
    }));
    const { user } = renderApp('#/console');
    await openPermissions(user);
    const table = await screen.findByRole('table', { name: 'Current permissions' });
    await user.click(within(table).getByRole('button', { name: 'Print the permission for Tom Reilly' }));
    expect(await screen.findByText('The permission for Tom Reilly was not printed.')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Open the permission PDF' }).getAttribute('href')).toBe('documents/doc-9');

    await user.click(within(table).getByRole('button', { name: 'End… the permission for Sam Holt' }));
    const dialog = screen.getByRole('dialog', { name: 'End the permission for Sam Holt?' });
    await user.click(within(dialog).getByRole('button', { name: 'End the permission' }));
    expect(await within(dialog).findByText('Say why the permission ends.')).toBeTruthy();
    expect(api.inputsOf('staffPermission.end')).toEqual([]);
    await user.type(within(dialog).getByLabelText('Reason'), 'Laptops are back');
    await user.click(within(dialog).getByRole('button', { name: 'End the permission' }));
    expect(await screen.findByText(/The permission for Sam Holt has ended\./)).toBeTruthy();
    expect(api.inputsOf('staffPermission.end')).toEqual([{ permissionId: 2, reason: 'Laptops are back' }]);
    const past = await screen.findByRole('table', { name: 'Ended or run out' });
    expect(within(past).getByRole('row', { name: /Sam Holt/ }).textContent).toContain('By Helen Bradley: Laptops are back');
  });
});

function onSite(overrides: Partial<StaffOnSite>): StaffOnSite {
  return {
    staffDayId: 31, staffId: 4, displayName: 'Tom Reilly', signedInAt: minutesAgo(150), signedInHow: 'kiosk', fromEarlierDay: false,
    phoneInSafe: false, devicesInSafe: [], devicesOut: [], mayKeep: [], ...overrides,
  };
}

describe('a permission in force at the front desk', () => {
  it('keeps the person off Today\'s "phone not in the safe" list and says on Staff on site what they may keep', async () => {
    const tom = onSite({ mayKeep: [{ permissionId: 1, deviceKind: 'phone', purpose: 'remote_learning', purposeDetail: null }] });
    const sam = onSite({ staffDayId: 30, staffId: 1, displayName: 'Sam Holt', signedInHow: 'console' });
    // A permission for a laptop does not excuse the phone.
    const ada = onSite({ staffDayId: 32, staffId: 5, displayName: 'Ada Price', mayKeep: [{ permissionId: 2, deviceKind: 'laptop', purpose: 'lessons', purposeDetail: null }] });
    installFakeApi(unlockedConsole({ 'app.reminders': () => ({ reminders: [] }), 'staffDay.onSite': () => ({ staff: [ada, sam, tom], phonesInSafe: true }) }));
    const { user } = renderApp('#/console');
    const section = await screen.findByRole('region', { name: 'Staff on duty whose phone is not in the safe' });
    expect(within(section).getAllByRole('listitem').map((li) => li.querySelector('.staff-name')?.textContent)).toEqual(['Ada Price', 'Sam Holt']);

    await user.click(within(section).getByRole('button', { name: 'Open Staff on site' }));
    const table = await screen.findByRole('table', { name: 'Signed in now' });
    const tomRow = within(table).getByRole('row', { name: /Tom Reilly/ });
    expect(tomRow.textContent).toContain('May keep phone: remote learning');
    expect(tomRow.textContent).not.toContain('Phone not in the safe');
    const adaRow = within(table).getByRole('row', { name: /Ada Price/ });
    expect(adaRow.textContent).toContain('May keep laptop: in lessons');
    expect(screen.getByText('3 members of staff signed in · 2 phones not in the safe · 1 with permission to keep theirs')).toBeTruthy();
  });
});
