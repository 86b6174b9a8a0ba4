import { afterEach, describe, expect, it } from 'vitest';
import { MAX_PIN_FAILURES } from '../../../src/main/services/staff/staff-auth.js';
import { LONG_PIN_MESSAGE } from '../../../src/shared/domain/pin-rules.js';
import { contentHash, createSetUpApp, disposeAll } from '../../helpers/test-app.js';

afterEach(disposeAll);

describe('staff accounts', () => {
  it('the admin adds an office account that can unlock and do office work only', async () => {
    const app = await createSetUpApp();
    const olu = await app.ok('staff.create', { displayName: 'Olu Adebayo', roles: [], pin: '1357', pinAgain: '1357' }, 'staff');
    expect(olu).toMatchObject({ displayName: 'Olu Adebayo', roles: ['office'], active: true, lockedUntil: null });
    await app.ok('staff.unlock', { staffId: olu.staffId, pin: '1357' }, 'olu');
    expect((await app.ok('visit.onSite', {}, 'olu')).visits).toEqual([]);
    expect((await app.fails('staff.list', {}, 'olu')).code).toBe('forbidden');
  });

  it('changing roles ends the person’s open sessions so the new roles apply at once', async () => {
    const app = await createSetUpApp();
    const jo = await app.ok('staff.create', { displayName: 'Jo Evans', roles: ['dsl'], pin: '246813', pinAgain: '246813' }, 'staff');
    expect(jo.roles).toEqual(['office', 'dsl']);
    await app.ok('staff.unlock', { staffId: jo.staffId, pin: '246813' }, 'jo');
    await app.ok('staff.update', { staffId: jo.staffId, displayName: 'Jo Evans', roles: [] }, 'staff');
    expect((await app.fails('visit.onSite', {}, 'jo')).code).toBe('locked');
  });

  it('never leaves the setting without an active administrator or DSL', async () => {
    const app = await createSetUpApp();
    const before = await contentHash(app);
    const error = await app.fails('staff.update', { staffId: app.adminId, displayName: 'Priya Shah', roles: ['admin'] }, 'staff');
    expect(error.code).toBe('conflict');
    expect(error.message).toMatch(/only active Designated Safeguarding Lead/);
    expect(await contentHash(app)).toBe(before);
  });

  it('deactivates a leaver, keeping their name on the record, and they can no longer unlock', async () => {
    const app = await createSetUpApp();
    const sam = await app.ok('staff.create', { displayName: 'Sam Leaver', roles: ['dsl', 'admin'], pin: '975310', pinAgain: '975310' }, 'staff');
    const result = await app.ok('staff.deactivate', { staffId: sam.staffId, reason: 'Left the school' }, 'staff');
    expect(result.active).toBe(false);
    expect((await app.fails('staff.unlock', { staffId: sam.staffId, pin: '975310' }, 'w')).code).toBe('not_found');
    expect((await app.ok('staff.list', {}, 'staff')).staff.map((s) => s.displayName)).toContain('Sam Leaver');
    expect((await app.fails('staff.deactivate', { staffId: app.adminId, reason: 'Oops' }, 'staff')).message).toMatch(/your own account/);
  });

  it('resets a forgotten PIN and unlocks a locked account', async () => {
    const app = await createSetUpApp();
    const kim = await app.ok('staff.create', { displayName: 'Kim Office', roles: [], pin: '1111', pinAgain: '1111' }, 'staff');
    for (let i = 0; i < MAX_PIN_FAILURES; i += 1) await app.fails('staff.unlock', { staffId: kim.staffId, pin: '0000' }, 'w');
    expect((await app.ok('staff.list', {}, 'staff')).staff.find((s) => s.staffId === kim.staffId)?.lockedUntil).toBeTruthy();
    await app.ok('staff.unlockAccount', { staffId: kim.staffId }, 'staff');
    await app.ok('staff.resetPin', { staffId: kim.staffId, pin: '8642', pinAgain: '8642' }, 'staff');
    expect((await app.fails('staff.unlock', { staffId: kim.staffId, pin: '1111' }, 'w')).code).toBe('wrong_pin');
    await app.ok('staff.unlock', { staffId: kim.staffId, pin: '8642' }, 'w');
  });

  it.each([
    [{ displayName: '', roles: [], pin: '1234', pinAgain: '1234' }, 'displayName'],
    [{ displayName: 'A', roles: ['headteacher'], pin: '1234', pinAgain: '1234' }, 'roles.0'],
    [{ displayName: 'A', roles: ['dsl', 'dsl'], pin: '1234', pinAgain: '1234' }, 'roles'],
    [{ displayName: 'A', roles: [], pin: '1234', pinAgain: '4321' }, 'pinAgain'],
  ])('refuses a bad new account %j', async (input, field) => {
    const app = await createSetUpApp();
    const before = await contentHash(app);
    const error = await app.fails('staff.create', input, 'staff');
    expect(error.fields?.[field]).toBeTruthy();
    expect(await contentHash(app)).toBe(before);
  });

  it.each([
    ['a DSL', ['dsl']],
    ['an administrator', ['admin']],
    // A head searches children's phones and approves exceptions and staff permissions: as much at stake.
    ['a head', ['head']],
  ] as const)('refuses to give %s a PIN under 6 digits, at the PIN field, and saves nothing', async (_label, roles) => {
    const app = await createSetUpApp();
    const before = await contentHash(app);
    expect(await app.fails('staff.create', { displayName: 'Jo Evans', roles, pin: '24681', pinAgain: '24681' }, 'staff')).toEqual({
      code: 'invalid_input', message: LONG_PIN_MESSAGE, fields: { pin: LONG_PIN_MESSAGE },
    });
    expect(await contentHash(app)).toBe(before);
    // Office staff keep the 4-digit minimum.
    await app.ok('staff.create', { displayName: 'Olu Office', roles: [], pin: '2468', pinAgain: '2468' }, 'staff');
  });

  it('refuses to reset a DSL’s or administrator’s PIN to fewer than 6 digits, and the old one still works', async () => {
    const app = await createSetUpApp();
    const jo = await app.ok('staff.create', { displayName: 'Jo Evans', roles: ['dsl'], pin: '246813', pinAgain: '246813' }, 'staff');
    const before = await contentHash(app);
    expect(await app.fails('staff.resetPin', { staffId: jo.staffId, pin: '2468', pinAgain: '2468' }, 'staff')).toEqual({
      code: 'invalid_input', message: LONG_PIN_MESSAGE, fields: { pin: LONG_PIN_MESSAGE },
    });
    expect(await contentHash(app)).toBe(before);
    await app.ok('staff.unlock', { staffId: jo.staffId, pin: '246813' }, 'jo');
  });

  it('someone made a DSL whose PIN is too short must choose a longer one at their next unlock', async () => {
    const app = await createSetUpApp();
    const olu = await app.ok('staff.create', { displayName: 'Olu Adebayo', roles: [], pin: '1357', pinAgain: '1357' }, 'staff');
    await app.ok('staff.unlock', { staffId: olu.staffId, pin: '1357' }, 'olu');
    await app.ok('staff.update', { staffId: olu.staffId, displayName: 'Olu Adebayo', roles: ['dsl'] }, 'staff');
    expect((await app.fails('visit.onSite', {}, 'olu')).code).toBe('locked');
    expect((await app.ok('staff.unlock', { staffId: olu.staffId, pin: '1357' }, 'olu')).pinChangeDue).toBe(true);
    expect((await app.fails('visit.onSite', {}, 'olu')).code).toBe('pin_change_due');
    await app.ok('staff.changeOwnPin', { currentPin: '1357', newPin: { pin: '135790', pinAgain: '135790' } }, 'olu');
    expect((await app.ok('staff.unlock', { staffId: olu.staffId, pin: '135790' }, 'olu')).pinChangeDue).toBe(false);
    // And back to office only, a 4-digit PIN would do again: the rule follows the roles held.
    await app.ok('staff.update', { staffId: olu.staffId, displayName: 'Olu Adebayo', roles: [] }, 'staff');
    await app.ok('staff.resetPin', { staffId: olu.staffId, pin: '1357', pinAgain: '1357' }, 'staff');
    expect((await app.ok('staff.unlock', { staffId: olu.staffId, pin: '1357' }, 'olu')).pinChangeDue).toBe(false);
  });
  it('a head whose 4-digit PIN predates the longer rule unlocks, must choose a longer PIN, and decides nothing before', async () => {
    const app = await createSetUpApp();
    const helen = await app.ok('staff.create', { displayName: 'Helen Bradley', roles: [], pin: '2468', pinAgain: '2468' }, 'staff');
    await app.ok('staff.update', { staffId: helen.staffId, displayName: 'Helen Bradley', roles: ['head'] }, 'staff');
    expect((await app.ok('staff.unlock', { staffId: helen.staffId, pin: '2468' }, 'helen')).pinChangeDue).toBe(true);
    expect((await app.fails('learner.searches', {}, 'helen')).code).toBe('pin_change_due');
    await app.ok('staff.changeOwnPin', { currentPin: '2468', newPin: { pin: '246813', pinAgain: '246813' } }, 'helen');
    expect((await app.ok('staff.unlock', { staffId: helen.staffId, pin: '246813' }, 'helen')).pinChangeDue).toBe(false);
    expect((await app.ok('learner.searches', {}, 'helen')).searches).toEqual([]);
  });
});
