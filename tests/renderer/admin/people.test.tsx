import { screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PersonMatch, PersonRecords } from '../../../src/shared/contract/index.js';
import { ukDay } from '../../../src/shared/domain/time.js';
import { subjectAccessFileName } from '../../../src/renderer/admin/subject-access.js';
import { fail, installFakeApi, type FakeHandlers } from '../../helpers/fake-api.js';
import { TEST_NOW } from '../../helpers/test-clock.js';
import { renderApp } from '../../helpers/harness.js';
import { adminConsole, settingsView } from '../../helpers/operations-fixtures.js';

const amira: PersonMatch = { visitorId: 10, name: 'Amira Khan', organisation: 'Bright Sparks Ltd', visits: 3, lastVisitAt: '2026-11-22T09:05:00.000Z' };
const amal: PersonMatch = { visitorId: 14, name: 'Amal Khanna', organisation: null, visits: 1, lastVisitAt: '2026-10-02T13:40:00.000Z' };

const records: PersonRecords = {
  visitor: { visitorId: 10, firstName: 'Amira', lastName: 'Khan', familyNameFirst: false, organisation: 'Bright Sparks Ltd', firstSeenAt: '2026-09-01T08:00:00.000Z' },
  visits: [
    { visitId: 1, signedInAt: '2026-09-01T08:00:00.000Z', signedOutAt: '2026-09-01T11:30:00.000Z', visitorType: 'contractor', visiting: 'Fixing the boiler', policyVersion: 1, signature: null },
    { visitId: 9, signedInAt: '2026-11-22T09:05:00.000Z', signedOutAt: null, visitorType: 'contractor', visiting: 'Boiler service', policyVersion: 2,
      signature: { strokes: 'M100 150L300 120L500 180L700 100', signedAt: '2026-11-22T09:05:00.000Z' } },
  ],
  devicesLogged: [
    { receiptNumber: '2026-0041', kind: 'phone', bagSlot: '7', state: 'returned', loggedAt: '2026-09-01T08:05:00.000Z', closedAt: '2026-09-01T11:25:00.000Z' },
  ],
  deviceExceptions: [],
  concernsAboutVisits: 1,
};

let created: Blob[] = [];
const original = { create: URL.createObjectURL, revoke: URL.revokeObjectURL };

beforeEach(() => {
  created = [];
  URL.createObjectURL = vi.fn((blob: Blob) => {
    created.push(blob);
    return `blob:safe-hands/${created.length}`;
  });
  URL.revokeObjectURL = vi.fn();
});

afterEach(() => {
  URL.createObjectURL = original.create;
  URL.revokeObjectURL = original.revoke;
  vi.restoreAllMocks();
});

async function openPeople(overrides: FakeHandlers) {
  const api = installFakeApi(adminConsole({ 'settings.get': () => settingsView, 'printers.list': () => ({ printers: [] }), ...overrides }));
  const app = renderApp('#/console');
  const nav = await screen.findByRole('navigation', { name: 'Console sections' });
  await app.user.click(within(nav).getByRole('button', { name: 'Admin' }));
  await app.user.click(within(screen.getByRole('navigation', { name: 'Admin sections' })).getByRole('button', { name: 'People' }));
  await screen.findByRole('heading', { level: 2, name: 'People' });
  expect(within(screen.getByRole('navigation', { name: 'Admin sections' })).getByRole('button', { name: 'People' }).getAttribute('aria-current')).toBe('page');
  return { api, ...app };
}

describe('Admin → People (subject access requests)', () => {
  it('explains what it is for, finds people by name and gathers one person’s records into readable sections', async () => {
    const { api, user } = await openPeople({
      'person.search': () => ({ people: [amira, amal] }),
      'person.export': () => records,
    });
    expect(screen.getByText(/subject access requests/).closest('p')?.textContent).toContain('when visitors ask for a copy of the personal information held about them');
    await user.type(screen.getByRole('textbox', { name: 'Visitor’s name' }), '  Khan ');
    await user.click(screen.getByRole('button', { name: 'Search' }));
    expect(await screen.findByText('2 people found for “Khan”.')).toBeTruthy();
    const table = screen.getByRole('table', { name: 'People found' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => [within(r).getByRole('rowheader').textContent, ...within(r).getAllByRole('cell').slice(0, 3).map((c) => c.textContent)])).toEqual([
      ['Amira Khan', 'Bright Sparks Ltd', '3', '22 Nov 2026, 09:05'],
      ['Amal Khanna', '—', '1', '2 Oct 2026, 14:40'],
    ]);
    expect(api.inputsOf('person.search')).toEqual([{ name: 'Khan' }]);

    await user.click(within(table).getByRole('button', { name: 'Gather their records (Amira Khan)' }));
    const heading = await screen.findByRole('heading', { level: 3, name: 'Records held about Amira Khan' });
    expect(document.activeElement).toBe(heading);
    expect(api.inputsOf('person.export')).toEqual([{ visitorId: 10 }]);
    const part = screen.getByRole('region', { name: 'Records held about Amira Khan' });

    const visits = within(part).getByRole('table', { name: 'Visits (2)' });
    const cells = (row: HTMLElement) => [within(row).getByRole('rowheader'), ...within(row).getAllByRole('cell')].map((c) => c.textContent);
    expect(within(visits).getAllByRole('row').slice(1).map(cells)).toEqual([
      ['1 Sept 2026, 09:00', '1 Sept 2026, 12:30', 'Contractor', 'Fixing the boiler', 'Version 1', 'None'],
      ['22 Nov 2026, 09:05', 'Not signed out', 'Contractor', 'Boiler service', 'Version 2', 'Signature drawn at the kiosk on 22 Nov 2026, 09:05'],
    ]);
    // The signature drawn at the kiosk is drawn, as a picture with words for anyone who cannot see it.
    const drawn = within(visits).getByRole('img', { name: 'Signature drawn at the kiosk on 22 Nov 2026, 09:05' });
    expect(drawn.querySelector('path')?.getAttribute('d')).toBe('M100 150L300 120L500 180L700 100');
    const devices = within(part).getByRole('table', { name: 'Devices logged into the safe (1)' });
    expect(within(devices).getAllByRole('cell').map((c) => c.textContent)).toEqual(['Phone', '2026-0041', '7', 'Returned', '1 Sept 2026, 12:25']);
    const exceptions = within(part).getByRole('region', { name: 'Device exceptions (0)' });
    expect(exceptions.textContent).toContain('None.');
    expect(within(part).getByRole('region', { name: 'Concerns' }).textContent).toContain('1 concern was raised about their visits.');
  });

  it('offers the records as a JSON file named for the person and the day, and prints them', async () => {
    const print = vi.spyOn(window, 'print').mockImplementation(() => undefined);
    const { user } = await openPeople({
      'person.search': () => ({ people: [amira] }),
      'person.export': () => records,
    });
    await user.type(screen.getByRole('textbox', { name: 'Visitor’s name' }), 'Amira Khan');
    await user.click(screen.getByRole('button', { name: 'Search' }));
    await user.click(await screen.findByRole('button', { name: 'Gather their records (Amira Khan)' }));
    const link = await screen.findByRole('link', { name: 'Download as a file' });
    const fileName = `subject-access-amira-khan-${ukDay(TEST_NOW.toISOString())}.json`;
    expect(link.getAttribute('download')).toBe(fileName);
    expect(link.getAttribute('href')).toBe('blob:safe-hands/1');
    expect(created).toHaveLength(1);
    expect(created[0]!.type).toBe('application/json');
    const file = JSON.parse(await created[0]!.text()) as Record<string, unknown>;
    expect(file).toMatchObject({ setting: 'Little Acorns Nursery', preparedBy: 'Priya Shah', visitor: records.visitor, visits: records.visits, concernsAboutVisits: 1 });
    expect(file.about).toMatch(/subject access request/i);

    await user.click(screen.getByRole('button', { name: 'Print' }));
    expect(print).toHaveBeenCalledTimes(1);
  });

  it('asks for a name before searching, says when no one is found, and shows a refused export plainly', async () => {
    const gone = 'That person could not be found (their details may already have been removed).';
    const { api, user } = await openPeople({
      'person.search': ({ name }) => ({ people: name === 'Nobody' ? [] : [amira] }),
      'person.export': () => fail('not_found', gone),
    });
    await user.click(screen.getByRole('button', { name: 'Search' }));
    expect(screen.getByText('Type the person’s name, or just their surname.')).toBeTruthy();
    expect(api.inputsOf('person.search')).toEqual([]);

    await user.type(screen.getByRole('textbox', { name: 'Visitor’s name' }), 'Nobody');
    await user.click(screen.getByRole('button', { name: 'Search' }));
    expect(await screen.findByText(/No one found for “Nobody”/)).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();

    await user.clear(screen.getByRole('textbox', { name: 'Visitor’s name' }));
    await user.type(screen.getByRole('textbox', { name: 'Visitor’s name' }), 'Khan');
    await user.click(screen.getByRole('button', { name: 'Search' }));
    await user.click(await screen.findByRole('button', { name: 'Gather their records (Amira Khan)' }));
    expect((await screen.findByRole('alert')).textContent).toContain(gone);
    expect(screen.queryByRole('link', { name: 'Download as a file' })).toBeNull();
  });

  it('names files safely, on the UK calendar', () => {
    const named = (firstName: string, lastName: string, visitorId = 5) =>
      subjectAccessFileName({ ...records, visitor: { ...records.visitor, visitorId, firstName, lastName } }, new Date('2026-07-01T23:30:00.000Z'));
    // 23:30 UTC on 1 July is already 2 July in the UK (summer time).
    expect(named('Tomás', "O'Neill")).toBe('subject-access-tomas-o-neill-2026-07-02.json');
    expect(named('王', '芳', 77)).toBe('subject-access-visitor-77-2026-07-02.json');
  });
});
