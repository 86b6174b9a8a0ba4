import type { CommandInput } from '../../src/shared/contract/index.js';
import { ADMIN_PIN, type TestApp } from './test-app.js';

/** What createSetUpApp answers: a set-up school whose first account (console `staff`) is DSL and administrator. */
export type SetUp = TestApp & { adminId: number };

/** A member of staff a pupils' test adds, and the console (session) they unlock, if they have one open. */
export interface Colleague {
  displayName: string;
  roles: CommandInput<'staff.create'>['roles'];
  pin: string;
  console: string | null;
}

export const HEAD_PIN = '246813';
export const OFFICE_PIN = '1357';

/** The headteacher: leadership only, not the DSL and not an administrator. */
export const HEAD: Colleague = { displayName: 'Helen Bradley', roles: ['head'], pin: HEAD_PIN, console: 'head' };

/** An office account with no other role. */
export const OFFICE: Colleague = { displayName: 'Olu Office', roles: [], pin: OFFICE_PIN, console: 'office' };

/** Adds them as the administrator, in this order, then unlocks each one's console in the same order; answers their ids. */
export async function addColleagues(app: SetUp, ...colleagues: Colleague[]): Promise<number[]> {
  const ids: number[] = [];
  for (const c of colleagues) {
    ids.push((await app.ok('staff.create', { displayName: c.displayName, roles: c.roles, pin: c.pin, pinAgain: c.pin }, 'staff')).staffId);
  }
  for (const [i, c] of colleagues.entries()) {
    if (c.console !== null) await app.ok('staff.unlock', { staffId: ids[i]!, pin: c.pin }, c.console);
  }
  return ids;
}

/** After the clock moved on past the sessions: each one's console unlocked again, then the administrator's. */
export async function unlockAgain(app: SetUp, ...desks: [Colleague, number][]): Promise<void> {
  for (const [c, staffId] of desks) {
    if (c.console !== null) await app.ok('staff.unlock', { staffId, pin: c.pin }, c.console);
  }
  await app.ok('staff.unlock', { staffId: app.adminId, pin: ADMIN_PIN }, 'staff');
}
