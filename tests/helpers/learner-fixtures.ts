import type { HeldPupilDevice, StaffSessionInfo } from '../../src/shared/contract/index.js';
import type { AgreementView } from '../../src/shared/domain/learners.js';
import { shiftDay, todayUk } from '../../src/renderer/lib/uk-clock.js';
import { item, session as officeSession, unlockedConsole } from './console-fixtures.js';
import type { FakeHandlers } from './fake-api.js';
import { minutesAgo, TEST_NOW } from './test-clock.js';

/** Shared by the Pupils' devices tests: agreements, devices held for the day, and a console that answers for them. */

export const today = todayUk(TEST_NOW);

export function agreement(overrides: Partial<AgreementView> = {}): AgreementView {
  return {
    agreementId: 1, pupilName: "Amy O'Brien", classGroup: '6B', deviceKind: 'phone', deviceDescription: 'Red Nokia',
    reason: 'Walks home alone on Tuesdays', conditions: 'Handed in at the office on arrival',
    validFrom: shiftDay(today, -60), validUntil: shiftDay(today, 200), agreedBy: 'Helen Bradley', recordedAt: minutesAgo(60 * 24 * 60),
    recordedBy: 'Helen Bradley', ended: null, state: 'in_force', ...overrides,
  };
}

export function heldDevice(overrides: Partial<HeldPupilDevice> = {}): HeldPupilDevice {
  return {
    receiptId: 42, receiptNumber: '2026-0042', pupilName: "Amy O'Brien", classGroup: '6B', reason: 'learner_day',
    items: [item(201, { kind: 'phone', description: 'Red Nokia', bagSlot: '12', reason: 'learner_day', loggedAt: minutesAgo(30) })],
    handedInAt: minutesAgo(30), notCollectedSince: null, pastEndOfDay: false, ...overrides,
  };
}

/** Sam Fox's watch, left in the safe yesterday. */
export const leftYesterday = heldDevice({
  receiptId: 40, receiptNumber: '2026-0040', pupilName: 'Sam Fox', classGroup: '5C',
  items: [item(200, { kind: 'smart_watch', description: 'Blue watch', bagSlot: '7', reason: 'learner_day', loggedAt: minutesAgo(24 * 60) })],
  handedInAt: minutesAgo(24 * 60), notCollectedSince: shiftDay(today, -1), pastEndOfDay: true,
});

export const confiscatedPhone = heldDevice({
  receiptId: 43, receiptNumber: '2026-0043', pupilName: 'Kofi Mensah', classGroup: '6B', reason: 'confiscated',
  items: [item(202, { kind: 'phone', description: 'Black iPhone', bagSlot: 'C1', reason: 'confiscated', confiscationReason: 'Filming in the corridor' })],
});

export function pupilsConsole(session: StaffSessionInfo = officeSession, overrides: FakeHandlers = {}): FakeHandlers {
  return unlockedConsole({
    'staff.session': () => ({ session }),
    'app.reminders': () => ({ reminders: [] }),
    'learner.agreements': () => ({ agreements: [agreement()], heads: [{ staffId: 7, displayName: 'Helen Bradley' }] }),
    ...overrides,
  });
}
