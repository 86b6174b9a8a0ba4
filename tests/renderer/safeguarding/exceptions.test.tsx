import { screen, within } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { DEFAULT_RISK_CHECKLIST } from '../../../src/shared/domain/exceptions.js';
import { approvalInput, checkDraft, newDraft, type ApprovalTarget } from '../../../src/renderer/safeguarding/exception-model.js';
import { ukWallTimeToIso } from '../../../src/renderer/lib/uk-clock.js';
import { installFakeApi } from '../../helpers/fake-api.js';
import { TEST_NOW } from '../../helpers/test-clock.js';
import { amira, fail } from '../../helpers/console-fixtures.js';
import { descriptionOf, renderApp, textboxNamed } from '../../helpers/harness.js';
import {
  approvedMarker, dslSession, exceptionView, helen, officeSession, openSafeguarding, safeguardingConsole,
} from '../../helpers/safeguarding-fixtures.js';

async function startApproval(user: UserEvent): Promise<void> {
  await openSafeguarding(user, 'Device exceptions');
  const table = await screen.findByRole('table', { name: 'On site now' });
  await user.click(within(table).getByRole('button', { name: 'Approve device use… for Helen Marsh' }));
  expect(await screen.findByRole('heading', { level: 1, name: 'Approve device use for Helen Marsh' })).toBeTruthy();
}

async function fillMinimal(user: UserEvent): Promise<void> {
  await user.click(screen.getByRole('radio', { name: 'Inspection (Ofsted or ISI)' }));
  await user.type(textboxNamed('Permitted use'), 'Notes only');
  await user.type(textboxNamed('Permitted areas'), 'Office');
  for (const item of DEFAULT_RISK_CHECKLIST) await user.click(screen.getByRole('checkbox', { name: item }));
}

describe('approving a device exception', () => {
  it('sends exactly the approval, with the checklist as answered and the approving DSL and PIN', async () => {
    let visits = [amira, helen()];
    const api = installFakeApi(safeguardingConsole(dslSession, {
      'visit.onSite': () => ({ visits, badgesEnabled: false }),
      'exception.approve': () => {
        visits = [amira, helen(approvedMarker)];
        return exceptionView();
      },
    }));
    const { user } = renderApp('#/console');
    await startApproval(user);
    expect(screen.getByText(/Inspector · Ofsted · visiting Headteacher/)).toBeTruthy();

    await user.click(screen.getByRole('radio', { name: 'Inspection (Ofsted or ISI)' }));
    // What the visitor declared at the kiosk is filled in; the DSL adds a phone.
    expect(screen.getByText('Approving 1 laptop.')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'One more: phone' }));
    await user.type(textboxNamed('Permitted use'), 'Note-taking and photos of documents only');
    await user.type(textboxNamed('Permitted areas'), 'Office and library');
    await user.type(textboxNamed('Conditions (optional)'), 'Phone stays on silent');
    const [first, second, third, fourth] = DEFAULT_RISK_CHECKLIST;
    for (const item of [first, second, third, fourth]) await user.click(screen.getByRole('checkbox', { name: item }));
    expect(screen.getByText('4 of 5 ticked')).toBeTruthy();
    // The DSL unlocked the console, so they are the likely approver; they still type their PIN.
    expect((screen.getByRole('radio', { name: 'Priya Shah' }) as HTMLInputElement).checked).toBe(true);
    await user.type(screen.getByLabelText("DSL's PIN"), '2468');

    // A check left unticked needs a word in the notes, so leaving it is a decision, not a slip.
    await user.click(screen.getByRole('button', { name: 'Approve as DSL' }));
    expect(await screen.findByText(/One check is not ticked: say in the notes why/)).toBeTruthy();
    expect(api.inputsOf('exception.approve')).toEqual([]);
    await user.type(textboxNamed('Risk assessment notes'), 'Works in the office only; no children there.');
    await user.click(screen.getByRole('button', { name: 'Approve as DSL' }));

    expect(await screen.findByText('Device use approved for Helen Marsh.')).toBeTruthy();
    expect(api.inputsOf('exception.approve')).toEqual([{
      target: { type: 'visit', visitId: 5 },
      purpose: 'inspection',
      purposeDetail: null,
      devices: [{ kind: 'phone', quantity: 1 }, { kind: 'laptop', quantity: 1 }],
      permittedUse: 'Note-taking and photos of documents only',
      permittedAreas: 'Office and library',
      conditions: 'Phone stays on silent',
      riskChecklist: DEFAULT_RISK_CHECKLIST.map((item, i) => ({ item, checked: i < 4 })),
      riskNotes: 'Works in the office only; no children there.',
      validUntil: null,
      approver: { staffId: 2, pin: '2468' },
    }]);
    const row = within(screen.getByRole('table', { name: 'On site now' })).getByRole('row', { name: /Helen Marsh/ });
    expect(row.textContent).toContain('Device use approved: Note-taking and photos of documents only; Office and library');
  });

  it('asks what the purpose is when it is "Other"', async () => {
    const api = installFakeApi(safeguardingConsole(dslSession, { 'exception.approve': () => exceptionView() }));
    const { user } = renderApp('#/console');
    await startApproval(user);
    await fillMinimal(user);
    await user.click(screen.getByRole('radio', { name: 'Other' }));
    await user.type(screen.getByLabelText("DSL's PIN"), '2468');
    await user.click(screen.getByRole('button', { name: 'Approve as DSL' }));
    const detail = textboxNamed('What is the purpose?');
    expect(detail.getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(detail);
    await user.type(detail, 'Speech and language assessment');
    await user.click(screen.getByRole('button', { name: 'Approve as DSL' }));
    await screen.findByText('Device use approved for Helen Marsh.');
    expect(api.inputsOf('exception.approve')[0]).toMatchObject({ purpose: 'other', purposeDetail: 'Speech and language assessment' });
  });

  it('says plainly when the PIN is wrong, empties the box and puts the cursor back in it', async () => {
    installFakeApi(safeguardingConsole(dslSession, {
      'exception.approve': () => fail('wrong_pin', 'That PIN is not right. 4 tries left before the account locks.', { pin: 'That PIN is not right.' }),
    }));
    const { user } = renderApp('#/console');
    await startApproval(user);
    await fillMinimal(user);
    await user.type(screen.getByLabelText("DSL's PIN"), '1111');
    await user.click(screen.getByRole('button', { name: 'Approve as DSL' }));

    expect((await screen.findByRole('alert')).textContent).toContain('That PIN is not right. 4 tries left before the account locks.');
    const pin = screen.getByLabelText("DSL's PIN") as HTMLInputElement;
    expect(pin.value).toBe('');
    expect(pin.getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(pin);
    // Everything else the DSL wrote is still there for the next try.
    expect(textboxNamed('Permitted use').value).toBe('Notes only');
  });

  it('refuses permitted use with characters that turn text around, in main’s words, without sending it', async () => {
    const api = installFakeApi(safeguardingConsole(dslSession, { 'exception.approve': () => exceptionView() }));
    const { user } = renderApp('#/console');
    await startApproval(user);
    await fillMinimal(user);
    await user.click(textboxNamed('Permitted use'));
    await user.paste('\u202e');
    await user.type(screen.getByLabelText("DSL's PIN"), '2468');
    await user.click(screen.getByRole('button', { name: 'Approve as DSL' }));

    expect(api.inputsOf('exception.approve')).toEqual([]);
    expect(descriptionOf(textboxNamed('Permitted use')))
      .toContain('Permitted use contains hidden characters that change how text is shown. Please type it again.');
  });

  it('offers only DSLs as the approver', async () => {
    installFakeApi(safeguardingConsole(officeSession));
    const { user } = renderApp('#/console');
    await startApproval(user);
    const approvers = screen.getByRole('group', { name: 'Approving DSL' });
    expect(within(approvers).getAllByRole('radio').map((r) => r.getAttribute('aria-label') ?? r.closest('label')?.textContent?.trim())).toEqual(['Priya Shah']);
  });

  it('shows the service’s answer when the person chosen is no longer a DSL', async () => {
    const api = installFakeApi(safeguardingConsole(officeSession, {
      // The list was read while Sam Holt still held the role; it has been taken away since.
      'staff.listForUnlock': () => ({ staff: [{ id: 1, displayName: 'Sam Holt', dsl: true }, { id: 2, displayName: 'Priya Shah', dsl: true }] }),
      'exception.approve': () => fail('forbidden', 'Sam Holt is not a Designated Safeguarding Lead. Only a DSL can approve device use.', {
        'approver.staffId': 'Only a DSL can approve.',
      }),
    }));
    const { user } = renderApp('#/console');
    await startApproval(user);
    await fillMinimal(user);
    // An office member's console carries the request; nobody is chosen for them.
    await user.click(screen.getByRole('button', { name: 'Approve as DSL' }));
    expect(await screen.findByText('Choose the DSL who approves.')).toBeTruthy();
    await user.click(screen.getByRole('radio', { name: 'Sam Holt' }));
    await user.type(screen.getByLabelText("DSL's PIN"), '1357');
    await user.click(screen.getByRole('button', { name: 'Approve as DSL' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Sam Holt is not a Designated Safeguarding Lead.');
    expect(screen.getByText('Only a DSL can approve.')).toBeTruthy();
    expect(api.inputsOf('exception.approve')[0]?.approver).toEqual({ staffId: 1, pin: '1357' });
  });
});

describe('revoking and showing an approval', () => {
  it('needs a reason to revoke, then flags that the device should be in the safe', async () => {
    let visits = [amira, helen(approvedMarker)];
    const api = installFakeApi(safeguardingConsole(dslSession, {
      'visit.onSite': () => ({ visits, badgesEnabled: false }),
      'exception.revoke': ({ reason }) => {
        visits = [amira, helen({ ...approvedMarker, approved: false, endedBecause: 'revoked' })];
        return exceptionView({ state: 'revoked', revokedAt: TEST_NOW.toISOString(), revokedBy: 'Priya Shah', revokeReason: reason });
      },
    }));
    const { user } = renderApp('#/console');
    await openSafeguarding(user, 'Device exceptions');
    const table = await screen.findByRole('table', { name: 'On site now' });
    await user.click(within(table).getByRole('button', { name: 'Revoke… device use for Helen Marsh' }));
    const dialog = screen.getByRole('dialog', { name: 'Revoke device use for Helen Marsh?' });
    await user.click(within(dialog).getByRole('button', { name: 'Revoke device use' }));
    expect(within(dialog).getByText('Say why the approval is revoked.')).toBeTruthy();
    expect(api.inputsOf('exception.revoke')).toEqual([]);

    await user.type(within(dialog).getByLabelText('Reason'), 'Photographed a display with children in it');
    await user.click(within(dialog).getByRole('button', { name: 'Revoke device use' }));
    expect(await screen.findByText(/Device use for Helen Marsh is revoked/)).toBeTruthy();
    expect(api.inputsOf('exception.revoke')).toEqual([{ exceptionId: 9, reason: 'Photographed a display with children in it' }]);
    const row = within(screen.getByRole('table', { name: 'On site now' })).getByRole('row', { name: /Helen Marsh/ });
    expect(row.textContent).toContain('Approval ended (revoked): device should be in the safe');
    // Approval can be given again, with a new risk assessment.
    expect(within(row).getByRole('button', { name: 'Approve device use… for Helen Marsh' })).toBeTruthy();
  });

  it('refuses a reason longer than main takes, in main’s words, without revoking', async () => {
    const api = installFakeApi(safeguardingConsole(dslSession, {
      'visit.onSite': () => ({ visits: [amira, helen(approvedMarker)], badgesEnabled: false }),
      'exception.revoke': () => exceptionView({ state: 'revoked' }),
    }));
    const { user } = renderApp('#/console');
    await openSafeguarding(user, 'Device exceptions');
    const table = await screen.findByRole('table', { name: 'On site now' });
    await user.click(within(table).getByRole('button', { name: 'Revoke… device use for Helen Marsh' }));
    const dialog = screen.getByRole('dialog', { name: 'Revoke device use for Helen Marsh?' });
    await user.click(within(dialog).getByLabelText('Reason'));
    await user.paste('R'.repeat(501));
    await user.click(within(dialog).getByRole('button', { name: 'Revoke device use' }));

    expect(api.inputsOf('exception.revoke')).toEqual([]);
    expect(descriptionOf(within(dialog).getByLabelText('Reason'))).toContain('The reason is too long (at most 500 characters).');
  });

  it('shows the full record and prints it, offering the PDF when no printer is set up', async () => {
    const api = installFakeApi(safeguardingConsole(dslSession, {
      'visit.onSite': () => ({ visits: [helen(approvedMarker)], badgesEnabled: false }),
      'exception.list': () => ({ exceptions: [exceptionView({ riskNotes: 'Office only' })] }),
      'exception.record': () => ({ print: { printed: false, reason: 'No A4 printer is set up.', documentId: 'rec-9' } }),
    }));
    const { user } = renderApp('#/console');
    await openSafeguarding(user, 'Device exceptions');
    await user.click(await screen.findByRole('button', { name: 'View record for Helen Marsh' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Device use record: Helen Marsh' })).toBeTruthy();
    expect(api.inputsOf('exception.list')).toEqual([{ visitId: 5 }]);
    const record = screen.getByRole('article');
    expect(record.textContent).toContain('Inspection (Ofsted or ISI)');
    expect(record.textContent).toContain('Ticked: The visitor knows devices must never photograph or record children.');
    expect(record.textContent).toContain('until they sign out');
    await user.click(screen.getByRole('button', { name: 'Print record' }));
    expect(api.inputsOf('exception.record')).toEqual([{ exceptionId: 9 }]);
    expect((await screen.findByRole('alert')).textContent).toContain('The record was not printed. No A4 printer is set up.');
    expect(screen.getByRole('link', { name: 'Open the record PDF' }).getAttribute('href')).toBe('documents/rec-9');
  });

  it('an office member sees the approval and its limits, but no Revoke, and ticks the professional checks', async () => {
    const api = installFakeApi(safeguardingConsole(officeSession, {
      'visit.onSite': () => ({ visits: [amira, helen(approvedMarker)], badgesEnabled: false }),
      'visit.recordChecks': ({ visitId, photoIdChecked, dbsAssuranceSeen }) => ({
        visitId, photoIdCheckedAt: photoIdChecked ? '2026-11-22T10:05:00.000Z' : null, dbsAssuranceSeenAt: dbsAssuranceSeen ? '2026-11-22T10:05:00.000Z' : null,
      }),
    }));
    const { user } = renderApp('#/console');
    const today = await screen.findByRole('table', { name: 'On site now' });
    const row = within(today).getByRole('row', { name: /Helen Marsh/ });
    expect(row.textContent).toContain('Device use approved: Note-taking and photos of documents only; Office and library');
    // Only visiting professionals, inspectors and local authority officers have the checks.
    expect(within(within(today).getByRole('row', { name: /Amira Khan/ })).queryByRole('checkbox')).toBeNull();
    await user.click(within(row).getByRole('checkbox', { name: /Photo ID checked/ }));
    expect(api.inputsOf('visit.recordChecks')).toEqual([{ visitId: 5, photoIdChecked: true, dbsAssuranceSeen: false }]);
    expect(((await within(row).findByRole('checkbox', { name: /Photo ID checked/ })) as HTMLInputElement).checked).toBe(true);
    expect(row.textContent).toContain('at 10:05');

    await openSafeguarding(user, 'Device exceptions');
    const table = await screen.findByRole('table', { name: 'On site now' });
    expect(within(table).queryByRole('button', { name: /Revoke/ })).toBeNull();
    expect(within(table).getByRole('button', { name: 'Approve device use… for Amira Khan' })).toBeTruthy();
  });
});

describe('the approval form’s rules', () => {
  const target: ApprovalTarget = { type: 'booking', bookingId: 3, name: 'Helen Marsh', detail: '', date: '2026-07-01' };

  it('reads "until a time" on the UK clock, summer or winter', () => {
    expect(ukWallTimeToIso('2026-07-01', '15:30')).toBe('2026-07-01T14:30:00.000Z');
    expect(ukWallTimeToIso('2026-11-23', '15:30')).toBe('2026-11-23T15:30:00.000Z');
    // 01:30 does not exist on the morning the clocks go forward.
    expect(ukWallTimeToIso('2026-03-29', '01:30')).toBeNull();
  });

  it('sends the end time for the booked day and refuses one already past', () => {
    const draft = { ...newDraft([{ kind: 'tablet', quantity: 2 }], 2), until: 'time' as const, untilTime: '15:30' };
    expect(approvalInput(draft, target)).toMatchObject({
      target: { type: 'booking', bookingId: 3 }, devices: [{ kind: 'tablet', quantity: 2 }], validUntil: '2026-07-01T14:30:00.000Z',
    });
    expect(checkDraft(draft, target, new Date('2026-07-01T15:00:00Z')).untilTime).toBe('That time has already passed.');
    expect(checkDraft(draft, target, new Date('2026-07-01T09:00:00Z')).untilTime).toBeUndefined();
  });
});
