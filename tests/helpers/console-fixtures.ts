import type { OnSiteVisit, PendingHandover, ReceiptView, StaffSessionInfo } from '../../src/shared/contract/index.js';
import type { CustodyItemView } from '../../src/shared/domain/custody.js';
import { fail, kioskConfig, kioskHandlers, type FakeHandlers } from './fake-api.js';
import { minutesAgo } from './test-clock.js';

/** Shared by the console's custody tests: an unlocked session, who is on site, and receipts. */

export const session: StaffSessionInfo = {
  staffId: 1,
  displayName: 'Sam Holt',
  roles: ['office'],
  expiresAt: minutesAgo(-60),
  pinChangeDue: false,
};

export { minutesAgo };

export const amira: OnSiteVisit = {
  visitId: 1, visitorId: 10, firstName: 'Amira', lastName: 'Khan', familyNameFirst: false, organisation: 'Bright Sparks Ltd',
  visitorType: 'contractor', visiting: 'Fixing the boiler', signedInAt: minutesAgo(120), policyVersion: 2,
  devicesDeclared: [{ kind: 'phone', quantity: 1 }, { kind: 'smart_watch', quantity: 1 }],
  itemsInSafe: 0, collectionRequestedAt: null, deviceUse: null, exceptionRequest: null, photoIdCheckedAt: null, dbsAssuranceSeenAt: null,
};

export const tom: OnSiteVisit = {
  visitId: 2, visitorId: 11, firstName: 'Tom', lastName: "O'Neill", familyNameFirst: false, organisation: null,
  visitorType: 'parent_carer', visiting: 'Settling-in session', signedInAt: minutesAgo(90), policyVersion: 2,
  devicesDeclared: [{ kind: 'phone', quantity: 1 }], itemsInSafe: 2, collectionRequestedAt: minutesAgo(3),
  deviceUse: null, exceptionRequest: null, photoIdCheckedAt: null, dbsAssuranceSeenAt: null,
};

export const amiraHandover: PendingHandover = {
  handoverId: 3, visitId: 1, firstName: 'Amira', lastName: 'Khan', familyNameFirst: false, organisation: 'Bright Sparks Ltd',
  declaredAt: minutesAgo(119), visitorSignedOut: false,
  devices: [{ kind: 'phone', quantity: 1 }, { kind: 'smart_watch', quantity: 1 }], devicesApproved: [],
};

export function item(itemId: number, overrides: Partial<CustodyItemView> = {}): CustodyItemView {
  return {
    itemId, kind: 'phone', description: null, marks: null, bagSlot: '12', reason: 'visitor', confiscationReason: null,
    state: 'in_safe', loggedAt: minutesAgo(60), loggedBy: 'Sam Holt', closedAt: null, closedBy: null, closedTo: null,
    closedNote: null, corrected: false, confiscationOutcome: null, ...overrides,
  };
}

export function receipt(overrides: Partial<ReceiptView> = {}): ReceiptView {
  return {
    receiptId: 41, receiptNumber: '2026-0041', ownerType: 'visitor', ownerName: "Tom O'Neill", ownerDetail: 'Parent or carer',
    visitId: 2, visitOpen: true, createdAt: minutesAgo(60), createdBy: 'Sam Holt', printCount: 1, printProblem: null, givenByHand: null,
    items: [
      item(101, { kind: 'phone', description: 'Black iPhone', marks: 'Fox sticker' }),
      item(102, { kind: 'smart_watch', description: 'Silver watch' }),
    ],
    ...overrides,
  };
}

/** A console already unlocked as Sam Holt, with Amira waiting to hand in and Tom waiting to collect. */
export function unlockedConsole(overrides: FakeHandlers = {}): FakeHandlers {
  return {
    ...kioskHandlers(kioskConfig({ consoleLockSeconds: 600 })),
    'staff.session': () => ({ session }),
    'staff.listForUnlock': () => ({ staff: [{ id: 1, displayName: 'Sam Holt', dsl: false }, { id: 2, displayName: 'Priya Shah', dsl: true }] }),
    'staff.lock': () => ({ locked: true }),
    'visit.onSite': () => ({ visits: [amira, tom], badgesEnabled: false }),
    'custody.pendingHandovers': () => ({ handovers: [amiraHandover] }),
    'custody.inSafe': () => ({ owners: [], itemCount: 0 }),
    'learner.devicesHeld': () => ({ forTheDay: [], confiscated: [], endOfDay: '17:30', earlyAgreers: [] }),
    'staffDay.onSite': () => ({ staff: [], phonesInSafe: false }),
    ...overrides,
  };
}

export const NO_PRINTER = 'No printer is set up for receipts. An administrator can choose one in Settings.';
export { fail };

// The custody stores are module singletons: every test starts with empty ones.
