import { afterEach, describe, expect, it } from 'vitest';
import { ADMIN_PIN, contentHash, createSetUpApp, disposeAll } from '../helpers/test-app.js';

afterEach(disposeAll);

describe('staff accounts', () => {
  it('the admin adds an office account that can unlock and do office work only', () => {
    const app = createSetUpApp();
    const olu = app.ok('staff.create', { displayName: 'Olu Adebayo', roles: [], pin: '1357', pinAgain: '1357' }, 'staff');
    expect(olu).toMatchObject({ displayName: 'Olu Adebayo', roles: ['office'], active: true, lockedUntil: null });
    app.ok('staff.unlock', { staffId: olu.staffId, pin: '1357' }, 'olu');
    expect(app.ok('console.onSite', {}, 'olu').visits).toEqual([]);
    expect(app.fails('staff.list', {}, 'olu').code).toBe('forbidden');
  });

  it('changing roles ends the person’s open sessions so the new roles apply at once', () => {
    const app = createSetUpApp();
    const jo = app.ok('staff.create', { displayName: 'Jo Evans', roles: ['dsl'], pin: '2468', pinAgain: '2468' }, 'staff');
    expect(jo.roles).toEqual(['office', 'dsl']);
    app.ok('staff.unlock', { staffId: jo.staffId, pin: '2468' }, 'jo');
    app.ok('staff.update', { staffId: jo.staffId, displayName: 'Jo Evans', roles: [] }, 'staff');
    expect(app.fails('console.onSite', {}, 'jo').code).toBe('locked');
  });

  it('never leaves the setting without an active administrator or DSL', () => {
    const app = createSetUpApp();
    const before = contentHash(app);
    const error = app.fails('staff.update', { staffId: app.adminId, displayName: 'Priya Shah', roles: ['admin'] }, 'staff');
    expect(error.code).toBe('conflict');
    expect(error.message).toMatch(/only active Designated Safeguarding Lead/);
    expect(contentHash(app)).toBe(before);
  });

  it('deactivates a leaver, keeping their name on the record, and they can no longer unlock', () => {
    const app = createSetUpApp();
    const sam = app.ok('staff.create', { displayName: 'Sam Leaver', roles: ['dsl', 'admin'], pin: '9753', pinAgain: '9753' }, 'staff');
    const result = app.ok('staff.deactivate', { staffId: sam.staffId, reason: 'Left the school' }, 'staff');
    expect(result.active).toBe(false);
    expect(app.fails('staff.unlock', { staffId: sam.staffId, pin: '9753' }, 'w').code).toBe('not_found');
    expect(app.ok('staff.list', {}, 'staff').staff.map((s) => s.displayName)).toContain('Sam Leaver');
    expect(app.fails('staff.deactivate', { staffId: app.adminId, reason: 'Oops' }, 'staff').message).toMatch(/your own account/);
  });

  it('resets a forgotten PIN and unlocks a locked account', () => {
    const app = createSetUpApp();
    const kim = app.ok('staff.create', { displayName: 'Kim Office', roles: [], pin: '1111', pinAgain: '1111' }, 'staff');
    for (let i = 0; i < 5; i += 1) app.fails('staff.unlock', { staffId: kim.staffId, pin: '0000' }, 'w');
    expect(app.ok('staff.list', {}, 'staff').staff.find((s) => s.staffId === kim.staffId)?.lockedUntil).toBeTruthy();
    app.ok('staff.unlockAccount', { staffId: kim.staffId }, 'staff');
    app.ok('staff.resetPin', { staffId: kim.staffId, pin: '8642', pinAgain: '8642' }, 'staff');
    expect(app.fails('staff.unlock', { staffId: kim.staffId, pin: '1111' }, 'w').code).toBe('wrong_pin');
    app.ok('staff.unlock', { staffId: kim.staffId, pin: '8642' }, 'w');
  });

  it.each([
    [{ displayName: '', roles: [], pin: '1234', pinAgain: '1234' }, 'displayName'],
    [{ displayName: 'A', roles: ['headteacher'], pin: '1234', pinAgain: '1234' }, 'roles.0'],
    [{ displayName: 'A', roles: ['dsl', 'dsl'], pin: '1234', pinAgain: '1234' }, 'roles'],
    [{ displayName: 'A', roles: [], pin: '1234', pinAgain: '4321' }, 'pinAgain'],
  ])('refuses a bad new account %j', (input, field) => {
    const app = createSetUpApp();
    const before = contentHash(app);
    const error = app.fails('staff.create', input, 'staff');
    expect(error.fields?.[field]).toBeTruthy();
    expect(contentHash(app)).toBe(before);
  });
});
