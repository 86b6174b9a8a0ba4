import { afterEach, describe, expect, it } from 'vitest';
import { LOCKOUT_MINUTES, MAX_PIN_FAILURES } from '../../src/main/services/staff-auth.js';
import { ADMIN_PIN, createSetUpApp, disposeAll } from '../helpers/test-app.js';

afterEach(disposeAll);

describe('the staff console lock', () => {
  it('lists staff for the unlock screen by name, saying who is a DSL (the only approvers of device use)', () => {
    const app = createSetUpApp();
    const olu = app.ok('staff.create', { displayName: 'Olu Adebayo', roles: [], pin: '1357', pinAgain: '1357' }, 'staff');
    expect(app.ok('staff.listForUnlock', {})).toEqual({
      staff: [
        { id: olu.staffId, displayName: 'Olu Adebayo', dsl: false },
        { id: app.adminId, displayName: 'Priya Shah', dsl: true },
      ],
    });
  });

  it('keeps console commands locked without a session, and a session is per window', () => {
    const app = createSetUpApp();
    expect(app.fails('console.onSite', {}, 'another-window').code).toBe('locked');
    expect(app.ok('console.onSite', {}, 'staff').visits).toEqual([]);
    expect(app.ok('staff.session', {}, 'another-window')).toEqual({ session: null });
    expect(app.ok('staff.session', {}, 'staff').session?.displayName).toBe('Priya Shah');
  });

  it('locks on request and after the inactivity period', () => {
    const app = createSetUpApp();
    app.ok('staff.lock', {}, 'staff');
    expect(app.fails('console.onSite', {}, 'staff').code).toBe('locked');

    app.ok('staff.unlock', { staffId: app.adminId, pin: ADMIN_PIN }, 'staff');
    app.clock.advance(299_000);
    app.ok('settings.get', {}, 'staff'); // a person's action restarts the timer
    app.clock.advance(299_000);
    app.ok('console.onSite', {}, 'staff');
    app.clock.advance(301_000);
    expect(app.fails('console.onSite', {}, 'staff').code).toBe('locked');
  });

  it('counts wrong PINs, tells how many tries are left, and locks the account for a while', () => {
    const app = createSetUpApp();
    for (let i = 1; i < MAX_PIN_FAILURES; i += 1) {
      const error = app.fails('staff.unlock', { staffId: app.adminId, pin: '0000' }, 'w');
      expect(error.code).toBe('wrong_pin');
      expect(error.message).toContain(`${MAX_PIN_FAILURES - i}`);
    }
    const locked = app.fails('staff.unlock', { staffId: app.adminId, pin: '0000' }, 'w');
    expect(locked.code).toBe('account_locked');
    // Even the right PIN is refused while locked.
    expect(app.fails('staff.unlock', { staffId: app.adminId, pin: ADMIN_PIN }, 'w').code).toBe('account_locked');
    app.clock.advance(LOCKOUT_MINUTES * 60_000 + 1000);
    expect(app.ok('staff.unlock', { staffId: app.adminId, pin: ADMIN_PIN }, 'w').displayName).toBe('Priya Shah');
    const actions = app.db.prepare(`SELECT action FROM audit_log WHERE action LIKE 'staff.%' ORDER BY id`).pluck().all();
    expect(actions.filter((a) => a === 'staff.unlock_failed')).toHaveLength(MAX_PIN_FAILURES - 1);
    expect(actions).toContain('staff.locked_out');
  });

  it('a right PIN resets the count of wrong ones', () => {
    const app = createSetUpApp();
    app.fails('staff.unlock', { staffId: app.adminId, pin: '0000' }, 'w');
    app.fails('staff.unlock', { staffId: app.adminId, pin: '0000' }, 'w');
    app.ok('staff.unlock', { staffId: app.adminId, pin: ADMIN_PIN }, 'w');
    const row = app.db.prepare('SELECT failed_pin_count FROM staff WHERE id = ?').get(app.adminId);
    expect(row).toEqual({ failed_pin_count: 0 });
  });

  it('an office-only account cannot use admin or DSL commands', () => {
    const app = createSetUpApp();
    const id = Number(
      app.db.prepare(`INSERT INTO staff (display_name, pin_hash, is_office, created_at) VALUES ('Olu Office', ?, 1, '2026-01-01')`).run(app.pins.hash('1357')).lastInsertRowid,
    );
    app.ok('staff.unlock', { staffId: id, pin: '1357' }, 'office-window');
    expect(app.ok('console.onSite', {}, 'office-window').visits).toEqual([]);
    expect(app.fails('settings.get', {}, 'office-window').code).toBe('forbidden');
    expect(app.fails('audit.verify', {}, 'office-window').code).toBe('forbidden');
  });

  it('counts and audits a wrong current PIN when changing it, like an unlock, and locks the account and its consoles', () => {
    const app = createSetUpApp();
    const change = (currentPin: string) => app.fails('staff.changeOwnPin', { currentPin, newPin: { pin: '1111', pinAgain: '1111' } }, 'staff');
    const first = change('9999');
    expect(first).toMatchObject({ code: 'wrong_pin', fields: { currentPin: 'That PIN is not right.' } });
    expect(first.message).toContain(`${MAX_PIN_FAILURES - 1} tries left`);
    for (let i = 2; i < MAX_PIN_FAILURES; i += 1) expect(change('9999').code).toBe('wrong_pin');
    expect(change('9999').code).toBe('account_locked');
    // The guesser's console is locked, and even the right PIN waits out the lockout.
    expect(app.fails('console.onSite', {}, 'staff').code).toBe('locked');
    expect(app.fails('staff.unlock', { staffId: app.adminId, pin: ADMIN_PIN }, 'other-window').code).toBe('account_locked');
    const actions = app.db.prepare(`SELECT action FROM audit_log WHERE entity = 'staff' ORDER BY id`).pluck().all() as string[];
    expect(actions.filter((a) => a === 'staff.change_pin_failed')).toHaveLength(MAX_PIN_FAILURES - 1);
    expect(actions.at(-1)).toBe('staff.locked_out');
    app.clock.advance(LOCKOUT_MINUTES * 60_000 + 1);
    app.ok('staff.unlock', { staffId: app.adminId, pin: ADMIN_PIN }, 'staff');
  });

  it('changing your own PIN needs the current one and ends your sessions', () => {
    const app = createSetUpApp();
    expect(app.fails('staff.changeOwnPin', { currentPin: '9999', newPin: { pin: '1111', pinAgain: '1111' } }, 'staff').code).toBe('wrong_pin');
    app.ok('staff.changeOwnPin', { currentPin: ADMIN_PIN, newPin: { pin: '1111', pinAgain: '1111' } }, 'staff');
    expect(app.fails('console.onSite', {}, 'staff').code).toBe('locked');
    expect(app.fails('staff.unlock', { staffId: app.adminId, pin: ADMIN_PIN }, 'staff').code).toBe('wrong_pin');
    app.ok('staff.unlock', { staffId: app.adminId, pin: '1111' }, 'staff');
  });
});

describe('the console’s timed refresh', () => {
  it('does not keep an unattended console unlocked', () => {
    const app = createSetUpApp();
    for (let minute = 1; minute <= 4; minute += 1) {
      app.clock.advance(60_000);
      app.ok('console.onSite', {}, 'staff');
      app.ok('console.pendingHandovers', {}, 'staff');
    }
    app.clock.advance(61_000);
    expect(app.fails('console.onSite', {}, 'staff').code).toBe('locked');
  });
});
