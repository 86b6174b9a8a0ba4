import { afterEach, describe, expect, it } from 'vitest';
import { ACCOUNT_PIN_WINDOW_MS, MAX_PIN_FAILURES } from '../../../src/main/services/staff/staff-auth.js';
import { LONG_PIN_MESSAGE, PIN_CHANGE_DUE_MESSAGE } from '../../../src/shared/domain/pin-rules.js';
import { DEFAULT_RISK_CHECKLIST } from '../../../src/shared/domain/exceptions.js';
import { ADMIN_PIN, contentHash, createSetUpApp, disposeAll, newVisitor, type TestApp, sqlite, column, scalar } from '../../helpers/test-app.js';

afterEach(disposeAll);

describe('the staff console lock', () => {
  it('lists staff for the unlock screen by name, saying who is a DSL (the only approvers of device use)', async () => {
    const app = await createSetUpApp();
    const olu = await app.ok('staff.create', { displayName: 'Olu Adebayo', roles: [], pin: '1357', pinAgain: '1357' }, 'staff');
    expect(await app.ok('staff.listForUnlock', {})).toEqual({
      staff: [
        { id: olu.staffId, displayName: 'Olu Adebayo', dsl: false },
        { id: app.adminId, displayName: 'Priya Shah', dsl: true },
      ],
    });
  });

  it('keeps console commands locked without a session, and a session is per window', async () => {
    const app = await createSetUpApp();
    expect((await app.fails('visit.onSite', {}, 'another-window')).code).toBe('locked');
    expect((await app.ok('visit.onSite', {}, 'staff')).visits).toEqual([]);
    expect(await app.ok('staff.session', {}, 'another-window')).toEqual({ session: null });
    expect((await app.ok('staff.session', {}, 'staff')).session?.displayName).toBe('Priya Shah');
  });

  it('locks on request and after the inactivity period', async () => {
    const app = await createSetUpApp();
    await app.ok('staff.lock', {}, 'staff');
    expect((await app.fails('visit.onSite', {}, 'staff')).code).toBe('locked');

    await app.ok('staff.unlock', { staffId: app.adminId, pin: ADMIN_PIN }, 'staff');
    app.clock.advance(299_000);
    await app.ok('settings.get', {}, 'staff'); // a person's action restarts the timer
    app.clock.advance(299_000);
    await app.ok('visit.onSite', {}, 'staff');
    app.clock.advance(301_000);
    expect((await app.fails('visit.onSite', {}, 'staff')).code).toBe('locked');
  });

  it('locks an account only after MAX_PIN_FAILURES wrong PINs within a day, until the oldest of them is a day old', async () => {
    const app = await createSetUpApp();
    const first = app.clock.now().getTime();
    const messages: string[] = [];
    for (let i = 1; i < MAX_PIN_FAILURES; i += 1) {
      const error = await app.fails('staff.unlock', { staffId: app.adminId, pin: '000000' }, 'w');
      expect(error.code, `wrong PIN ${i}`).toBe('wrong_pin');
      messages.push(error.message);
      app.clock.advance(60_000);
    }
    // Said plainly at first; the tries left are counted only when they are few.
    expect(messages[0]).toBe('That PIN is not right.');
    expect(messages.at(-1)).toBe('That PIN is not right. 1 try left before the account locks.');
    // The owner's right PIN still works, and does not give a guesser a fresh day's worth.
    await app.ok('staff.unlock', { staffId: app.adminId, pin: ADMIN_PIN }, 'w');
    const locked = await app.fails('staff.unlock', { staffId: app.adminId, pin: '000000' }, 'w');
    expect(locked.code).toBe('account_locked');
    // Until the first wrong PIN is a day old: 09:00 the next day, said with the date since it is not today.
    expect(locked.message).toBe('Too many wrong PINs. This account is locked until 24 Nov 2026, 09:00. An administrator can unlock it sooner.');
    expect((await app.fails('staff.unlock', { staffId: app.adminId, pin: ADMIN_PIN }, 'w')).code).toBe('account_locked');
    app.clock.set(new Date(first + ACCOUNT_PIN_WINDOW_MS - 1));
    expect((await app.fails('staff.unlock', { staffId: app.adminId, pin: ADMIN_PIN }, 'w')).code).toBe('account_locked');
    app.clock.set(new Date(first + ACCOUNT_PIN_WINDOW_MS));
    expect((await app.ok('staff.unlock', { staffId: app.adminId, pin: ADMIN_PIN }, 'w')).displayName).toBe('Priya Shah');
    // Room for one more wrong PIN, not a fresh start: never more than MAX_PIN_FAILURES in any 24 hours.
    expect((await app.fails('staff.unlock', { staffId: app.adminId, pin: '000000' }, 'w')).code).toBe('account_locked');
    const actions = await column(app, `SELECT action FROM audit_log WHERE action LIKE 'staff.%' ORDER BY id`);
    expect(actions.filter((a) => a === 'staff.unlock_failed')).toHaveLength(MAX_PIN_FAILURES - 1);
    expect(actions.filter((a) => a === 'staff.locked_out')).toHaveLength(2);
    const lock = (await scalar(app, `SELECT detail_json FROM audit_log WHERE action = 'staff.locked_out' ORDER BY id LIMIT 1`)) as string;
    expect(JSON.parse(lock)).toEqual({ failures: MAX_PIN_FAILURES, lockedUntil: '2026-11-24T09:00:00.000Z' });
  });

  it('an administrator unlocking the account clears its wrong PINs', async () => {
    const app = await createSetUpApp();
    const olu = await app.ok('staff.create', { displayName: 'Olu Office', roles: [], pin: '1357', pinAgain: '1357' }, 'staff');
    for (let i = 0; i < MAX_PIN_FAILURES; i += 1) await app.fails('staff.unlock', { staffId: olu.staffId, pin: '0000' }, 'w');
    expect((await app.fails('staff.unlock', { staffId: olu.staffId, pin: '1357' }, 'w')).code).toBe('account_locked');
    await app.ok('staff.unlockAccount', { staffId: olu.staffId }, 'staff');
    await app.ok('staff.unlock', { staffId: olu.staffId, pin: '1357' }, 'w');
    expect((await app.fails('staff.unlock', { staffId: olu.staffId, pin: '0000' }, 'w')).message).toBe('That PIN is not right.');
  });

  it('an office-only account cannot use admin or DSL commands', async () => {
    const app = await createSetUpApp();
    const pinHash = await app.pins.hash('1357');
    // In a transaction, as Safe Hands writes: the new account is sealed in the audit trail like any other.
    const id = (await app.db.transaction(() => scalar(app, `INSERT INTO staff (display_name, pin_hash, is_office, created_at) VALUES ('Olu Office', ?, 1, '2026-01-01') RETURNING id`, [pinHash]))) as number;
    await app.ok('staff.unlock', { staffId: id, pin: '1357' }, 'office-window');
    expect((await app.ok('visit.onSite', {}, 'office-window')).visits).toEqual([]);
    expect((await app.fails('settings.get', {}, 'office-window')).code).toBe('forbidden');
    expect((await app.fails('audit.verify', {}, 'office-window')).code).toBe('forbidden');
  });

  it('counts and audits a wrong current PIN when changing it, like an unlock, and locks the account and its consoles', async () => {
    const app = await createSetUpApp();
    const change = async (currentPin: string) => app.fails('staff.changeOwnPin', { currentPin, newPin: { pin: '111111', pinAgain: '111111' } }, 'staff');
    const first = await change('9999');
    expect(first).toMatchObject({ code: 'wrong_pin', fields: { currentPin: 'That PIN is not right.' } });
    for (let i = 2; i < MAX_PIN_FAILURES; i += 1) expect((await change('9999')).code).toBe('wrong_pin');
    expect((await change('9999')).code).toBe('account_locked');
    // The guesser's console is locked, and even the right PIN waits out the lockout.
    expect((await app.fails('visit.onSite', {}, 'staff')).code).toBe('locked');
    expect((await app.fails('staff.unlock', { staffId: app.adminId, pin: ADMIN_PIN }, 'other-window')).code).toBe('account_locked');
    const actions = (await column(app, `SELECT action FROM audit_log WHERE entity = 'staff' ORDER BY id`)) as string[];
    expect(actions.filter((a) => a === 'staff.change_pin_failed')).toHaveLength(MAX_PIN_FAILURES - 1);
    expect(actions.at(-1)).toBe('staff.locked_out');
    app.clock.advance(ACCOUNT_PIN_WINDOW_MS);
    await app.ok('staff.unlock', { staffId: app.adminId, pin: ADMIN_PIN }, 'staff');
  });

  it('changing your own PIN needs the current one and ends your sessions', async () => {
    const app = await createSetUpApp();
    expect((await app.fails('staff.changeOwnPin', { currentPin: '9999', newPin: { pin: '111111', pinAgain: '111111' } }, 'staff')).code).toBe('wrong_pin');
    await app.ok('staff.changeOwnPin', { currentPin: ADMIN_PIN, newPin: { pin: '111111', pinAgain: '111111' } }, 'staff');
    expect((await app.fails('visit.onSite', {}, 'staff')).code).toBe('locked');
    expect((await app.fails('staff.unlock', { staffId: app.adminId, pin: ADMIN_PIN }, 'staff')).code).toBe('wrong_pin');
    await app.ok('staff.unlock', { staffId: app.adminId, pin: '111111' }, 'staff');
  });
});

/** A DSL and administrator whose 4-digit PIN was set before the 6-digit rule (stored as any PIN is: hashed). */
async function withShortAdminPin(app: TestApp & { adminId: number }): Promise<string> {
  const pinHash = await app.pins.hash('4826');
  // In a transaction, as Safe Hands writes: the change is sealed in the audit trail like any other.
  await app.db.transaction(() => app.db.run('UPDATE staff SET pin_hash = ? WHERE id = ?', [pinHash, app.adminId]));
  await app.ok('staff.lock', {}, 'staff');
  return '4826';
}

describe('a DSL or administrator with a PIN shorter than 6 digits', () => {
  it('must choose a longer one at the next unlock, and the host refuses everything else until then', async () => {
    const app = await createSetUpApp();
    const shortPin = await withShortAdminPin(app);
    const session = await app.ok('staff.unlock', { staffId: app.adminId, pin: shortPin }, 'staff');
    expect(session).toMatchObject({ displayName: 'Priya Shah', pinChangeDue: true });
    expect((await app.ok('staff.session', {}, 'staff')).session?.pinChangeDue).toBe(true);
    // Office work, the console's timed refreshes, safeguarding and administration are all refused.
    for (const [name, input] of [['visit.onSite', {}], ['custody.pendingHandovers', {}], ['settings.get', {}], ['audit.verify', {}], ['staff.list', {}]] as const) {
      expect(await app.fails(name, input, 'staff'), name).toEqual({ code: 'pin_change_due', message: PIN_CHANGE_DUE_MESSAGE });
    }
    const unlock = (await scalar(app, `SELECT detail_json FROM audit_log WHERE action = 'staff.unlock' ORDER BY id DESC LIMIT 1`)) as string;
    expect(JSON.parse(unlock)).toEqual({ pinChangeDue: true });

    // Another short PIN is refused at its field, costs no try and changes nothing.
    const before = await contentHash(app);
    expect(await app.fails('staff.changeOwnPin', { currentPin: shortPin, newPin: { pin: '2468', pinAgain: '2468' } }, 'staff')).toEqual({
      code: 'invalid_input', message: LONG_PIN_MESSAGE, fields: { 'newPin.pin': LONG_PIN_MESSAGE },
    });
    expect(await contentHash(app)).toBe(before);

    await app.ok('staff.changeOwnPin', { currentPin: shortPin, newPin: { pin: '246813', pinAgain: '246813' } }, 'staff');
    expect((await app.fails('visit.onSite', {}, 'staff')).code).toBe('locked');
    expect((await app.fails('staff.unlock', { staffId: app.adminId, pin: shortPin }, 'staff')).code).toBe('wrong_pin');
    expect((await app.ok('staff.unlock', { staffId: app.adminId, pin: '246813' }, 'staff')).pinChangeDue).toBe(false);
    expect((await app.ok('visit.onSite', {}, 'staff')).visits).toEqual([]);
  });

  it('cannot approve device use with it until it is changed, and the right PIN is not counted as wrong', async () => {
    const app = await createSetUpApp();
    const office = await app.ok('staff.create', { displayName: 'Olu Office', roles: [], pin: '1357', pinAgain: '1357' }, 'staff');
    await app.ok('staff.unlock', { staffId: office.staffId, pin: '1357' }, 'office');
    const shortPin = await withShortAdminPin(app);
    const visit = await newVisitor(app, { firstName: 'Helen', lastName: 'Marsh', organisation: 'Ofsted', visitorType: 'inspector' });
    const before = await contentHash(app);
    const error = await app.fails('exception.approve', {
      target: { type: 'visit', visitId: visit.visitId }, purpose: 'inspection', devices: [{ kind: 'tablet', quantity: 1 }],
      permittedUse: 'Notes only', permittedAreas: 'Office', riskChecklist: DEFAULT_RISK_CHECKLIST.map((item) => ({ item, checked: true })),
      approver: { staffId: app.adminId, pin: shortPin },
    }, 'office');
    expect(error.code).toBe('pin_change_due');
    expect(error.message).toBe("Priya Shah's PIN is shorter than the 6 digits their role needs. Priya Shah must first unlock the staff console with it and choose a new one, then try again.");
    expect(error.fields).toEqual({ 'approver.pin': 'This PIN must be changed to one of at least 6 digits first.' });
    expect(await contentHash(app)).toBe(before);
  });
});

describe('the console’s timed refresh', () => {
  it('does not keep an unattended console unlocked', async () => {
    const app = await createSetUpApp();
    for (let minute = 1; minute <= 4; minute += 1) {
      app.clock.advance(60_000);
      await app.ok('visit.onSite', {}, 'staff');
      await app.ok('custody.pendingHandovers', {}, 'staff');
    }
    app.clock.advance(61_000);
    expect((await app.fails('visit.onSite', {}, 'staff')).code).toBe('locked');
  });
});
