import { screen, waitFor, within } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { StaffSessionInfo } from '../../../src/shared/contract/index.js';
import type { SearchView } from '../../../src/shared/domain/learner-searches.js';
import { ukTime, ukWallTimeToIso } from '../../../src/shared/domain/time.js';
import { item, session as officeSession } from '../../helpers/console-fixtures.js';
import { checkedByContract, fail, installFakeApi, type FakeHandlers } from '../../helpers/fake-api.js';
import { descriptionOf, renderApp } from '../../helpers/harness.js';
import { confiscatedPhone, heldDevice, pupilsConsole, today } from '../../helpers/learner-fixtures.js';
import { minutesAgo, TEST_NOW } from '../../helpers/test-clock.js';

const head: StaffSessionInfo = { ...officeSession, displayName: 'Helen Bradley', roles: ['office', 'head'] };
const dsl: StaffSessionInfo = { ...officeSession, displayName: 'Dee Lowe', roles: ['office', 'dsl'] };

function searchOf(overrides: Partial<SearchView> = {}): SearchView {
  return {
    searchId: 5, itemId: 202, receiptId: 43, receiptNumber: '2026-0043', pupilName: 'Kofi Mensah', classGroup: '6B',
    deviceKind: 'phone', deviceDescription: 'Black iPhone', searchedAt: minutesAgo(20), searchedBy: 'Helen Bradley',
    consentFrom: 'parent', consentName: 'Ama Mensah', consentRelationship: 'Mother', consentGivenAt: minutesAgo(25),
    lookedAt: 'Videos taken today', found: 'One video of another pupil', content: 'deleted', contentDetail: 'The video, deleted with Kofi watching',
    witness: 'Mr Evans, deputy head', ...overrides,
  };
}

/** The console at the Confiscated page, for a session with these roles; the safe holds Kofi's phone. */
async function openConfiscated(user: UserEvent): Promise<HTMLElement> {
  const nav = await screen.findByRole('navigation', { name: 'Console sections' });
  await user.click(within(nav).getByRole('button', { name: "Pupils' devices" }));
  await user.click(within(nav).getByRole('button', { name: 'Confiscated' }));
  await screen.findByRole('heading', { level: 1, name: 'Confiscated' });
  return screen.findByRole('table', { name: 'In the safe' });
}

function confiscatedConsole(session: StaffSessionInfo, overrides: FakeHandlers = {}): FakeHandlers {
  return pupilsConsole(session, {
    'learner.devicesHeld': () => ({ forTheDay: [], confiscated: [confiscatedPhone], endOfDay: '15:30', earlyAgreers: [] }),
    'learner.searches': () => ({ searches: [] }),
    ...overrides,
  });
}

describe('recording a search of a confiscated device', () => {
  it("is offered to the head, asks whose consent and when (now, on the UK clock), and lists the search once it is recorded", async () => {
    let searches: SearchView[] = [];
    const api = installFakeApi(confiscatedConsole(head, {
      'learner.searches': () => ({ searches }),
      'learner.recordSearch': checkedByContract('learner.recordSearch', (input) => {
        const recorded = searchOf({ ...input, content: input.content, searchedAt: TEST_NOW.toISOString(), consentGivenAt: ukWallTimeToIso(input.consentOn, input.consentTime)! });
        searches = [recorded];
        return recorded;
      }),
    }));
    const { user } = renderApp('#/console');
    const table = await openConfiscated(user);
    const list = await screen.findByRole('region', { name: 'Searches' });
    expect(within(list).getByText('No device has been searched.')).toBeTruthy();

    await user.click(within(within(table).getByRole('row', { name: /Kofi Mensah/ })).getByRole('button', { name: "Record a search… of Kofi Mensah's device" }));
    const dialog = await screen.findByRole('dialog', { name: "Record a search of Kofi Mensah's phone" });
    expect(dialog.textContent).toContain('Phone: Black iPhone · bag C1 · receipt 2026-0043');
    // Consent is usually given there and then: the boxes start at today and now on the UK clock, whatever the instant.
    const day = within(dialog).getByLabelText('Day consent was given') as HTMLInputElement;
    const time = within(dialog).getByLabelText('Time consent was given') as HTMLInputElement;
    expect(day.value).toBe(today);
    expect(time.value).toBe(ukTime(TEST_NOW.toISOString()));

    // Nothing chosen or written yet: every problem is said under its box, and nothing is sent.
    await user.click(within(dialog).getByRole('button', { name: 'Record the search' }));
    expect(descriptionOf(within(dialog).getByRole('radio', { name: 'The pupil' }).closest('fieldset')!)).toContain('Say who gave consent: the pupil, or a parent or carer.');
    expect(descriptionOf(within(dialog).getByRole('textbox', { name: 'What was looked at' }))).toContain('Say what was looked at');
    expect(descriptionOf(within(dialog).getByRole('textbox', { name: 'What was found' }))).toContain('If nothing was, write "nothing".');
    expect(api.inputsOf('learner.recordSearch')).toEqual([]);

    // The pupil's own consent starts in their name; a parent's needs their name and relationship.
    await user.click(within(dialog).getByRole('radio', { name: 'The pupil' }));
    expect((within(dialog).getByRole('textbox', { name: 'Name of who gave consent' }) as HTMLInputElement).value).toBe('Kofi Mensah');
    await user.click(within(dialog).getByRole('radio', { name: 'A parent or carer' }));
    const parent = within(dialog).getByRole('textbox', { name: 'Name of the parent or carer' }) as HTMLInputElement;
    expect(parent.value).toBe('');
    await user.type(parent, 'Ama Mensah');
    await user.type(within(dialog).getByRole('textbox', { name: 'Relationship to the pupil' }), 'Mother');
    await user.type(within(dialog).getByRole('textbox', { name: 'What was looked at' }), 'Videos taken today');
    await user.type(within(dialog).getByRole('textbox', { name: 'What was found' }), 'One video of another pupil');
    expect(within(dialog).queryByRole('textbox', { name: 'What was deleted' })).toBeNull();
    await user.click(within(dialog).getByRole('radio', { name: 'Content deleted' }));
    await user.click(within(dialog).getByRole('button', { name: 'Record the search' }));
    expect(descriptionOf(within(dialog).getByRole('textbox', { name: 'What was deleted' }))).toContain('Say what was deleted.');
    await user.type(within(dialog).getByRole('textbox', { name: 'What was deleted' }), 'The video, deleted with Kofi watching');
    await user.type(within(dialog).getByRole('textbox', { name: 'Who else was present (optional)' }), 'Mr Evans, deputy head');
    await user.click(within(dialog).getByRole('button', { name: 'Record the search' }));

    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    const [sent] = api.inputsOf('learner.recordSearch');
    expect(sent).toEqual({
      itemId: 202, consentFrom: 'parent', consentName: 'Ama Mensah', consentRelationship: 'Mother', consentOn: today,
      consentTime: ukTime(TEST_NOW.toISOString()), lookedAt: 'Videos taken today', found: 'One video of another pupil', content: 'deleted',
      contentDetail: 'The video, deleted with Kofi watching', witness: 'Mr Evans, deputy head',
    });
    // What the boxes said stands for this very minute: not in the future, and less than a minute ago.
    const consentAt = Date.parse(ukWallTimeToIso(sent!.consentOn, sent!.consentTime)!);
    expect(TEST_NOW.getTime() - consentAt).toBeGreaterThanOrEqual(0);
    expect(TEST_NOW.getTime() - consentAt).toBeLessThan(60_000);

    expect(await within(list).findByText("Search of Kofi Mensah's phone recorded.")).toBeTruthy();
    const row = within(within(list).getByRole('table', { name: 'Searches' })).getByRole('row', { name: /Kofi Mensah/ });
    expect(row.textContent).toContain('by Helen Bradley');
    expect(row.textContent).toContain('Ama Mensah (Mother)');
    expect(row.textContent).toContain('Found: One video of another pupil');
    expect(row.textContent).toContain('Content deleted');
    expect(row.textContent).toContain('Also present: Mr Evans, deputy head');
    expect(within(table).getByRole('button', { name: /Record a search/ }).textContent).toContain('Searched once');
  });

  it("shows main's refusal under the box it is about, and keeps the answers", async () => {
    installFakeApi(confiscatedConsole(head, {
      'learner.recordSearch': () => fail('invalid_input', 'That time has not come yet today (it is 09:00 now).', {
        consentTime: 'That time has not come yet today (it is 09:00 now).',
      }),
    }));
    const { user } = renderApp('#/console');
    const table = await openConfiscated(user);
    await user.click(within(table).getByRole('button', { name: /Record a search/ }));
    const dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByRole('radio', { name: 'The pupil' }));
    await user.type(within(dialog).getByRole('textbox', { name: 'What was looked at' }), 'Photos');
    await user.type(within(dialog).getByRole('textbox', { name: 'What was found' }), 'nothing');
    await user.click(within(dialog).getByRole('radio', { name: 'Nothing deleted' }));
    await user.click(within(dialog).getByRole('button', { name: 'Record the search' }));
    const time = within(dialog).getByLabelText('Time consent was given');
    await waitFor(() => expect(descriptionOf(time)).toContain('That time has not come yet today (it is 09:00 now).'));
    expect((within(dialog).getByRole('textbox', { name: 'What was found' }) as HTMLInputElement).value).toBe('nothing');
  });

  it('asks which device when the receipt holds more than one', async () => {
    const two = heldDevice({
      receiptId: 44, receiptNumber: '2026-0044', pupilName: 'Sam Fox', reason: 'confiscated',
      items: [
        item(210, { kind: 'phone', description: 'Blue phone', bagSlot: 'C2', reason: 'confiscated', confiscationReason: 'Photos in the changing room' }),
        item(211, { kind: 'smart_watch', description: 'Black watch', bagSlot: 'C2', reason: 'confiscated', confiscationReason: 'Photos in the changing room' }),
      ],
    });
    const api = installFakeApi(confiscatedConsole(head, {
      'learner.devicesHeld': () => ({ forTheDay: [], confiscated: [two], endOfDay: '15:30', earlyAgreers: [] }),
      'learner.recordSearch': checkedByContract('learner.recordSearch', (input) => searchOf({ itemId: input.itemId, deviceKind: 'smart_watch' })),
    }));
    const { user } = renderApp('#/console');
    const table = await openConfiscated(user);
    await user.click(within(table).getByRole('button', { name: /Record a search/ }));
    const dialog = await screen.findByRole('dialog', { name: "Record a search of Sam Fox's device" });
    await user.click(within(dialog).getByRole('radio', { name: 'The pupil' }));
    await user.type(within(dialog).getByRole('textbox', { name: 'What was looked at' }), 'Photos');
    await user.type(within(dialog).getByRole('textbox', { name: 'What was found' }), 'nothing');
    await user.click(within(dialog).getByRole('radio', { name: 'Nothing deleted' }));
    await user.click(within(dialog).getByRole('button', { name: 'Record the search' }));
    expect(descriptionOf(within(dialog).getByRole('radio', { name: /Smart watch: Black watch/ }).closest('fieldset')!)).toContain('Choose the device that was searched.');
    await user.click(within(dialog).getByRole('radio', { name: /Smart watch: Black watch/ }));
    await user.click(within(dialog).getByRole('button', { name: 'Record the search' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(api.inputsOf('learner.recordSearch').map((i) => [i.itemId, i.consentName, i.consentRelationship])).toEqual([[211, 'Sam Fox', null]]);
  });
});

describe('who sees searches', () => {
  it('the DSL sees every search but records none; the office sees neither the list nor the button', async () => {
    const dslApi = installFakeApi(confiscatedConsole(dsl, { 'learner.searches': () => ({ searches: [searchOf(), searchOf({ searchId: 4, pupilName: 'Sam Fox' })] }) }));
    const first = renderApp('#/console');
    const table = await openConfiscated(first.user);
    const list = await screen.findByRole('table', { name: 'Searches' });
    expect(within(list).getAllByRole('row').slice(1).map((r) => within(r).getByRole('rowheader').textContent)).toEqual(['Kofi Mensah6B', 'Sam Fox6B']);
    expect(within(table).queryByRole('button', { name: /Record a search/ })).toBeNull();
    expect(dslApi.inputsOf('learner.searches').length).toBeGreaterThan(0);
    first.view.unmount();

    const officeApi = installFakeApi(confiscatedConsole(officeSession));
    const second = renderApp('#/console');
    const officeTable = await openConfiscated(second.user);
    expect(within(officeTable).getByRole('row', { name: /Kofi Mensah/ })).toBeTruthy();
    expect(within(officeTable).queryByRole('button', { name: /Record a search/ })).toBeNull();
    expect(screen.queryByRole('region', { name: 'Searches' })).toBeNull();
    expect(officeApi.inputsOf('learner.searches')).toEqual([]);
  });
});
