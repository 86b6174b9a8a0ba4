import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { AuditEntryView, StaffSessionInfo } from '../../../src/shared/contract/index.js';
import type { StaffRole } from '../../../src/shared/domain/roles.js';
import { fail, installFakeApi, type FakeHandlers } from '../../helpers/fake-api.js';
import { session, unlockedConsole } from '../../helpers/console-fixtures.js';
import { descriptionOf, renderApp } from '../../helpers/harness.js';

function consoleAs(roles: StaffRole[], overrides: FakeHandlers = {}): FakeHandlers {
  const who: StaffSessionInfo = { ...session, displayName: 'Dee Lead', roles };
  return unlockedConsole({ 'staff.session': () => ({ session: who }), ...overrides });
}

const newest: AuditEntryView = {
  id: 42, at: '2026-11-22T10:15:00.000Z', actor: 'Sam Holt', action: 'visit.sign_in', entity: 'visit', entityId: 7,
  detail: { visitorId: 12, returning: false, note: '<b>not markup</b>' },
};
const roles: AuditEntryView = {
  id: 41, at: '2026-11-21T16:05:00.000Z', actor: 'Priya Shah', action: 'staff.update', entity: 'staff', entityId: 3,
  detail: { before: { roles: ['office'] }, after: { roles: ['office', 'dsl'] } },
};
const older: AuditEntryView = {
  id: 17, at: '2026-11-20T08:30:00.000Z', actor: 'kiosk', action: 'settings.update', entity: 'settings', entityId: null, detail: {},
};

async function openAudit(handlers: FakeHandlers) {
  const api = installFakeApi(handlers);
  const app = renderApp('#/console');
  const nav = await screen.findByRole('navigation', { name: 'Console sections' });
  await app.user.click(within(nav).getByRole('button', { name: 'Office' }));
  await app.user.click(within(nav).getByRole('button', { name: 'Audit trail' }));
  await screen.findByRole('heading', { level: 1, name: 'Audit trail' });
  return { api, ...app };
}

function navLabels(): string[] {
  return within(screen.getByRole('navigation', { name: 'Console sections' })).getAllByRole('button').map((b) => b.textContent ?? '');
}

describe('the Audit trail section', () => {
  it('is hidden from an office-only session', async () => {
    installFakeApi(consoleAs(['office']));
    const { user } = renderApp('#/console');
    await user.click(within(await screen.findByRole('navigation', { name: 'Console sections' })).getByRole('button', { name: 'Office' }));
    expect(navLabels()).toContain('Reports');
    expect(navLabels()).not.toContain('Audit trail');
  });

  it.each([[['dsl'] as StaffRole[]], [['admin'] as StaffRole[]]])('is offered to a session holding only %j', async (held) => {
    installFakeApi(consoleAs(held));
    const { user } = renderApp('#/console');
    await user.click(within(await screen.findByRole('navigation', { name: 'Console sections' })).getByRole('button', { name: 'Office' }));
    expect(navLabels()).toContain('Audit trail');
  });

  it('shows the newest entries first, with en-GB times and the details as plain text', async () => {
    const { api } = await openAudit(consoleAs(['dsl'], { 'audit.list': () => ({ entries: [newest, roles, older], moreBefore: null }) }));
    const table = await screen.findByRole('table', { name: 'Entries, newest first' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getByRole('rowheader').textContent)).toEqual(['#42', '#41', '#17']);
    const first = within(rows[0]!).getAllByRole('cell').map((c) => c.textContent);
    expect(first).toEqual(['22 Nov 2026, 10:15', 'Sam Holt', 'visit.sign_in', 'visit #7', 'visitorId: 12returning: nonote: <b>not markup</b>']);
    expect(within(rows[0]!).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['visitorId: 12', 'returning: no', 'note: <b>not markup</b>']);
    expect(within(rows[1]!).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['before.roles: office', 'after.roles: office, dsl']);
    expect(within(rows[2]!).getAllByRole('cell').map((c) => c.textContent)).toEqual(['20 Nov 2026, 08:30', 'kiosk', 'settings.update', 'settings', 'None']);
    expect(table.querySelector('b')).toBeNull();
    expect(screen.getByText('3 entries shown.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Show older' })).toBeNull();
    expect(api.inputsOf('audit.list')).toEqual([{ limit: 50 }]);
  });

  it('sends the filters as typed, leaving out blank ones, and clears them again', async () => {
    const { api, user } = await openAudit(consoleAs(['admin'], { 'audit.list': () => ({ entries: [newest], moreBefore: null }) }));
    await screen.findByRole('table', { name: 'Entries, newest first' });
    fireEvent.change(screen.getByLabelText('From'), { target: { value: '2026-11-01' } });
    fireEvent.change(screen.getByLabelText('To'), { target: { value: '2026-11-30' } });
    await user.type(screen.getByRole('textbox', { name: 'Action' }), ' Visit.Sign_In ');
    await user.type(screen.getByRole('textbox', { name: 'Who' }), '  Sam Holt ');
    await user.click(screen.getByRole('button', { name: 'Show entries' }));
    await screen.findByText('1 entry shown.');
    await user.clear(screen.getByRole('textbox', { name: 'Action' }));
    fireEvent.change(screen.getByLabelText('To'), { target: { value: '' } });
    await user.click(screen.getByRole('button', { name: 'Show entries' }));
    await user.click(screen.getByRole('button', { name: 'Clear the filters' }));
    expect(api.inputsOf('audit.list')).toEqual([
      { limit: 50 },
      { from: '2026-11-01', to: '2026-11-30', action: 'visit.sign_in', actor: 'Sam Holt', limit: 50 },
      { from: '2026-11-01', actor: 'Sam Holt', limit: 50 },
      { limit: 50 },
    ]);
    expect((screen.getByRole('textbox', { name: 'Who' }) as HTMLInputElement).value).toBe('');
  });

  it('says when the last day is before the first without asking main, and shows main’s message under its box', async () => {
    const { api, user } = await openAudit(consoleAs(['dsl'], {
      'audit.list': (input) => (input.action ? fail('invalid_input', 'That is not an action name.', { action: 'That is not an action name.' }) : { entries: [], moreBefore: null }),
    }));
    expect(await screen.findByText('No entries match these filters.')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('From'), { target: { value: '2026-11-30' } });
    fireEvent.change(screen.getByLabelText('To'), { target: { value: '2026-11-01' } });
    await user.click(screen.getByRole('button', { name: 'Show entries' }));
    expect(descriptionOf(screen.getByLabelText('To'))).toContain('The last day must not be before the first day.');
    expect(api.inputsOf('audit.list')).toHaveLength(1);

    fireEvent.change(screen.getByLabelText('To'), { target: { value: '' } });
    await user.type(screen.getByRole('textbox', { name: 'Action' }), 'sign in');
    await user.click(screen.getByRole('button', { name: 'Show entries' }));
    const action = screen.getByRole('textbox', { name: 'Action' });
    await screen.findByText('That is not an action name.', { selector: '.field-error' });
    expect(descriptionOf(action)).toContain('That is not an action name.');
    expect(action.getAttribute('aria-invalid')).toBe('true');
  });

  it('reads older entries with beforeId, keeping to the filters the list was read with', async () => {
    const { api, user } = await openAudit(consoleAs(['dsl'], {
      'audit.list': (input) => (input.beforeId === undefined
        ? { entries: [newest, roles], moreBefore: 41 }
        : { entries: [older], moreBefore: null }),
    }));
    await user.type(screen.getByRole('textbox', { name: 'Who' }), 'kiosk');
    await user.click(screen.getByRole('button', { name: 'Show entries' }));
    expect(await screen.findByText('2 entries shown; there are older ones.')).toBeTruthy();
    // Typed but not searched: "Show older" stays with the list on screen.
    await user.type(screen.getByRole('textbox', { name: 'Action' }), 'custody.log');
    await user.click(screen.getByRole('button', { name: 'Show older' }));
    expect(await screen.findByText('3 entries shown.')).toBeTruthy();
    const table = screen.getByRole('table', { name: 'Entries, newest first' });
    expect(within(table).getAllByRole('rowheader').map((h) => h.textContent)).toEqual(['#42', '#41', '#17']);
    expect(screen.queryByRole('button', { name: 'Show older' })).toBeNull();
    expect(api.inputsOf('audit.list').slice(1)).toEqual([
      { actor: 'kiosk', limit: 50 },
      { actor: 'kiosk', limit: 50, beforeId: 41 },
    ]);
  });

  it('says plainly that the trail is intact', async () => {
    const { api, user } = await openAudit(consoleAs(['dsl'], {
      'audit.list': () => ({ entries: [newest], moreBefore: null }),
      'audit.verify': () => ({ ok: true, checked: 1234, firstBrokenId: null, problems: [] }),
    }));
    await user.click(screen.getByRole('button', { name: 'Check the trail' }));
    const status = (await screen.findByText(/The audit trail is intact/)).closest('[role="status"]');
    expect(status?.textContent).toContain('The audit trail is intact (1234 entries checked).');
    expect(screen.queryByRole('alert')).toBeNull();
    expect(api.inputsOf('audit.verify')).toEqual([{}]);
  });

  it('says plainly where the trail was altered, as an alert, and marks that entry', async () => {
    const { user } = await openAudit(consoleAs(['admin'], {
      'audit.list': () => ({ entries: [newest, roles, older], moreBefore: null }),
      'audit.verify': () => ({ ok: false, checked: 40, firstBrokenId: 17, problems: ['Audit entry 17 has been changed, or an entry before it removed, since Safe Hands wrote it.'] }),
    }));
    await screen.findByRole('table', { name: 'Entries, newest first' });
    await user.click(screen.getByRole('button', { name: 'Check the trail' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('The audit trail has been altered: the first changed entry is #17.');
    expect(within(alert).getByRole('listitem').textContent).toBe('Audit entry 17 has been changed, or an entry before it removed, since Safe Hands wrote it.');
    expect(screen.queryByText(/is intact/)).toBeNull();
    const row = screen.getByRole('row', { name: /#17/ });
    expect(within(row).getByRole('rowheader').textContent).toBe('#17Changed');
  });
});

describe('when the audit check finds changes made outside Safe Hands', () => {
  it('warns the DSL at the top of the console, lists what it found, and opens the audit trail', async () => {
    const found = ['Custody item 5 has been changed outside Safe Hands since audit entry 40.', 'The newest 3 audit entries have been removed.'];
    installFakeApi(consoleAs(['dsl'], {
      'app.reminders': () => ({ reminders: [{ kind: 'audit_problem', message: 'The audit check found changes made outside Safe Hands.', problems: found }] }),
      'audit.list': () => ({ entries: [newest], moreBefore: null }),
    }));
    const { user } = renderApp('#/console');
    const warning = await screen.findByRole('alert');
    expect(warning.textContent).toContain('The audit check found changes made outside Safe Hands.');
    expect(within(warning).getAllByRole('listitem').map((li) => li.textContent)).toEqual(found);
    await user.click(within(warning).getByRole('button', { name: 'Open the audit trail' }));
    await screen.findByRole('heading', { level: 1, name: 'Audit trail' });
  });
});

describe('checking a printed sheet', () => {
  it('sends the entry and code as typed, and says plainly whether the trail still holds it', async () => {
    const answers = [
      { holds: true, message: 'Entry 1234 is as it was when the sheet was printed.' },
      { holds: false, message: 'Audit entry 1234 is not the one on a printed sheet. Tell the DSL and IT, and keep the sheet.' },
    ];
    const { api, user } = await openAudit(consoleAs(['dsl'], {
      'audit.list': () => ({ entries: [newest], moreBefore: null }),
      'audit.checkMark': () => answers.shift()!,
    }));
    const form = screen.getByRole('region', { name: 'Check a printed sheet' });
    await user.type(within(form).getByLabelText('Entry number'), '1234');
    await user.type(within(form).getByLabelText('Check code'), '3f9a-1c2d');
    await user.click(within(form).getByRole('button', { name: 'Check this sheet' }));
    expect((await within(form).findByRole('status')).textContent).toContain('Entry 1234 is as it was when the sheet was printed.');
    expect(api.inputsOf('audit.checkMark')).toEqual([{ entry: 1234, code: '3f9a-1c2d' }]);
    await user.click(within(form).getByRole('button', { name: 'Check this sheet' }));
    expect((await within(form).findByRole('alert')).textContent).toContain('is not the one on a printed sheet');
  });

  it('asks for the entry number as printed before asking the host', async () => {
    const { api, user } = await openAudit(consoleAs(['admin'], { 'audit.list': () => ({ entries: [], moreBefore: null }) }));
    const form = screen.getByRole('region', { name: 'Check a printed sheet' });
    await user.type(within(form).getByLabelText('Check code'), '3F9A1C2D');
    await user.click(within(form).getByRole('button', { name: 'Check this sheet' }));
    expect(await within(form).findByText('Type the entry number as printed, for example 1234.')).toBeTruthy();
    expect(api.inputsOf('audit.checkMark')).toEqual([]);
  });
});
