import { screen, within } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';
import type { BookingView, OnSiteVisit, PolicyDetail, StaffSessionInfo } from '../../src/shared/contract/index.js';
import type { ConcernView } from '../../src/shared/domain/concerns.js';
import { DEFAULT_RISK_CHECKLIST, type DeviceUseMarker, type ExceptionView } from '../../src/shared/domain/exceptions.js';
import { todayUk } from '../../src/renderer/lib/uk-clock.js';
import type { FakeHandlers } from './fake-api.js';
import { TEST_NOW } from './test-clock.js';
import { amira, minutesAgo, unlockedConsole } from './console-fixtures.js';

/** Shared by the safeguarding tests: a DSL's and an office member's sessions, an inspector on site, a booking. */

export const dslSession: StaffSessionInfo = {
  staffId: 2, displayName: 'Priya Shah', roles: ['office', 'dsl'], expiresAt: minutesAgo(-60), pinChangeDue: false,
};

export const officeSession: StaffSessionInfo = {
  staffId: 1, displayName: 'Sam Holt', roles: ['office'], expiresAt: minutesAgo(-60), pinChangeDue: false,
};

export const approvedMarker: DeviceUseMarker = {
  exceptionId: 9, approved: true, permittedUse: 'Note-taking and photos of documents only', permittedAreas: 'Office and library',
  validUntil: null, endedBecause: null,
};

export function helen(deviceUse: DeviceUseMarker | null = null): OnSiteVisit {
  return {
    visitId: 5, visitorId: 15, firstName: 'Helen', lastName: 'Marsh', familyNameFirst: false, organisation: 'Ofsted', visitorType: 'inspector',
    visiting: 'Headteacher', signedInAt: minutesAgo(30), policyVersion: 2, devicesDeclared: [{ kind: 'laptop', quantity: 1 }],
    itemsInSafe: 0, collectionRequestedAt: null, deviceUse, exceptionRequest: null, photoIdCheckedAt: null, dbsAssuranceSeenAt: null,
  };
}

export function exceptionView(overrides: Partial<ExceptionView> = {}): ExceptionView {
  return {
    exceptionId: 9, visitId: 5, bookingId: null, purpose: 'inspection', purposeDetail: null, devices: [{ kind: 'laptop', quantity: 1 }],
    permittedUse: approvedMarker.permittedUse, permittedAreas: approvedMarker.permittedAreas, conditions: null,
    riskChecklist: DEFAULT_RISK_CHECKLIST.map((item) => ({ item, checked: true })), riskNotes: null,
    validFrom: minutesAgo(20), validUntil: null, approvedBy: 'Priya Shah', approvedAt: minutesAgo(20),
    revokedAt: null, revokedBy: null, revokeReason: null, state: 'active', ...overrides,
  };
}

export function booking(overrides: Partial<BookingView> = {}): BookingView {
  return {
    bookingId: 3, firstName: 'Helen', lastName: 'Marsh', familyNameFirst: false, organisation: 'Ofsted', visitorType: 'inspector', host: 'Headteacher',
    expectedDate: todayUk(TEST_NOW), expectedTime: '09:30', status: 'expected', noShow: false, visitId: null, createdBy: 'Priya Shah',
    exception: null, ...overrides,
  };
}

export function concern(overrides: Partial<ConcernView> = {}): ConcernView {
  return {
    concernId: 4, aboutType: 'visitor', aboutName: 'Amira Khan', visitId: 1, location: 'Corridor by the Reception class',
    whatHappened: 'Was holding a phone up towards the children.', actionTaken: 'Asked her to put it away.',
    raisedAt: minutesAgo(45), raisedBy: 'Sam Holt', status: 'new', outcome: null, reviewedAt: null, reviewedBy: null,
    parentsInformed: [], debrief: null, ladoReferral: null, policeContacts: [], ...overrides,
  };
}

export const policyDetail: PolicyDetail = {
  current: {
    versionId: 12, version: 2, title: 'Phones and smart devices', summary: ['Hand your phone to the office.', 'Never photograph children.'],
    fullText: '### Why\nChildren cannot consent.', createdAt: '2026-01-10T09:00:00.000Z', createdBy: 'Priya Shah',
  },
  reviewDue: '2026-12-01T23:59:59.000Z',
  reviewStatus: 'due_soon',
  lastReview: null,
  versions: [
    { versionId: 11, version: 1, title: 'Mobile phones', createdAt: '2025-01-10T09:00:00.000Z', createdBy: null, acknowledgements: 230 },
    { versionId: 12, version: 2, title: 'Phones and smart devices', createdAt: '2026-01-10T09:00:00.000Z', createdBy: 'Priya Shah', acknowledgements: 14 },
  ],
};

/** A console unlocked as the given person, with Amira and the inspector Helen on site. */
export function safeguardingConsole(session: StaffSessionInfo, overrides: FakeHandlers = {}): FakeHandlers {
  return unlockedConsole({
    'staff.session': () => ({ session }),
    'staff.listForUnlock': () => ({ staff: [{ id: 1, displayName: 'Sam Holt', dsl: false }, { id: 2, displayName: 'Priya Shah', dsl: true }] }),
    'visit.onSite': () => ({ visits: [amira, helen()], badgesEnabled: false }),
    'app.reminders': () => ({ reminders: [] }),
    'booking.list': ({ date }) => ({ date: date ?? todayUk(TEST_NOW), bookings: [] }),
    'concern.list': () => ({ concerns: [] }),
    'inbox.list': () => ({ items: [] }),
    ...overrides,
  });
}

/** Opens Safeguarding from the console navigation, then one of its parts. */
export async function openSafeguarding(user: UserEvent, part?: string): Promise<void> {
  const nav = await screen.findByRole('navigation', { name: 'Console sections' });
  await user.click(within(nav).getByRole('button', { name: 'Safeguarding' }));
  if (part) {
    const parts = screen.getByRole('navigation', { name: 'Safeguarding sections' });
    await user.click(within(parts).getByRole('button', { name: part }));
  }
}
