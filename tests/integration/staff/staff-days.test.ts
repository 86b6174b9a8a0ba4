import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkAuditNow } from '../../../src/main/audit/audit-check.js';
import { APP_ROOT } from '../../../src/main/core/paths.js';
import { STAFF_ON_SITE_RECEIPTS_SQL } from '../../../src/main/db/repositories/staff-day-repo.js';
import { phoneNotInSafe } from '../../../src/shared/domain/staff-days.js';
import { asAnotherProgram } from '../../helpers/another-program.js';
import { flatten, pdfText, renderFirstPageToFile } from '../../helpers/pdf.js';
import { ADMIN_PIN, contentHash, count, createSetUpApp, disposeAll, lastAuditDetail, newVisitor, type TestApp, sqlite, scalar, CHECK_REFUSED, DUPLICATE_REFUSED, itOnSqlite } from '../../helpers/test-app.js';

afterEach(disposeAll);

const SARA_PIN = '2580';
const TOM_PIN = '1470';

/** A nursery with two members of staff; Sara has unlocked the office console as `sara`. */
async function nursery(): Promise<{ app: TestApp & { adminId: number }; saraId: number; tomId: number }> {
  const app = await createSetUpApp('nursery');
  const sara = await app.ok('staff.create', { displayName: 'Sara Ahmed', roles: [], pin: SARA_PIN, pinAgain: SARA_PIN }, 'staff');
  const tom = await app.ok('staff.create', { displayName: 'Tom Reilly', roles: [], pin: TOM_PIN, pinAgain: TOM_PIN }, 'staff');
  await app.ok('staff.unlock', { staffId: sara.staffId, pin: SARA_PIN }, 'sara');
  return { app, saraId: sara.staffId, tomId: tom.staffId };
}

/** Later in the day: the clock moves on and Sara unlocks her console again (it locks itself after five idle minutes). */
async function later(app: TestApp, saraId: number, iso: string): Promise<void> {
  app.clock.set(iso);
  await app.ok('staff.unlock', { staffId: saraId, pin: SARA_PIN }, 'sara');
}

function onSite(app: TestApp) {
  return app.ok('staffDay.onSite', {}, 'sara');
}

async function auditActions(app: TestApp, prefix: string): Promise<{ action: string; actor_label: string; entity_id: number | null }[]> {
  return (await app.db.all(`SELECT action, actor_label, entity_id FROM audit_log WHERE action LIKE ? ORDER BY id`, [`${prefix}%`])) as never;
}

describe('signing in and out at the console', () => {
  it('signs in whoever unlocked it, lists them on site, refuses a second sign-in, and signs them out once', async () => {
    const { app, saraId } = await nursery();
    expect((await onSite(app)).staff).toEqual([]);

    const signedIn = await app.ok('staffDay.signIn', { phone: null }, 'sara');
    expect(signedIn).toMatchObject({ displayName: 'Sara Ahmed', signedInAt: '2026-11-23T09:00:00.000Z', earlierDayClosed: null, phone: null });
    expect((await onSite(app)).staff).toMatchObject([{ staffId: saraId, displayName: 'Sara Ahmed', signedInHow: 'console', phoneInSafe: false, fromEarlierDay: false }]);

    const before = await contentHash(app);
    app.clock.set('2026-11-23T09:04:00Z');
    expect(await app.fails('staffDay.signIn', { phone: null }, 'sara')).toMatchObject({
      code: 'conflict',
      message: 'You signed in at 09:00 and have not signed out since, so you are already signed in. Nothing was changed.',
    });
    expect(await contentHash(app)).toBe(before);

    await later(app, saraId, '2026-11-23T16:45:00Z');
    const out = await app.ok('staffDay.signOut', { collectPhone: false }, 'sara');
    expect(out).toMatchObject({ signedInAt: '2026-11-23T09:00:00.000Z', signedOutAt: '2026-11-23T16:45:00.000Z', wasEarlierDay: false, takenFromSafe: 0 });
    expect((await onSite(app)).staff).toEqual([]);
    expect(await app.fails('staffDay.signOut', { collectPhone: false }, 'sara')).toMatchObject({
      code: 'conflict', message: 'You are not signed in, so there is nothing to sign out of. Nothing was changed.',
    });

    // In the audit trail as Sara's own doing, and the record itself is fixed from then on.
    expect(await auditActions(app, 'staff_day.')).toEqual([
      { action: 'staff_day.sign_in', actor_label: 'Sara Ahmed', entity_id: signedIn.staffDayId },
      { action: 'staff_day.sign_out', actor_label: 'Sara Ahmed', entity_id: signedIn.staffDayId },
    ]);
    expect((await app.db.get('SELECT signed_in_how, signed_out_how FROM staff_days'))).toEqual({ signed_in_how: 'console', signed_out_how: 'console' });
    // The administrator finds them by action on the Audit trail page.
    await app.ok('staff.unlock', { staffId: app.adminId, pin: ADMIN_PIN }, 'staff');
    expect((await app.ok('audit.list', { action: 'staff_day.sign_in' }, 'staff')).entries.map((e) => [e.actor, e.entity, e.entityId])).toEqual([
      ['Sara Ahmed', 'staff_day', signedIn.staffDayId],
    ]);
  });

  it('is refused to the kiosk, and a console sign-in needs nothing but whether a phone goes in', async () => {
    const { app } = await nursery();
    expect((await app.fails('staffDay.signIn', { phone: null }, 'kiosk')).code).toBe('locked');
    expect((await app.fails('staffDay.signIn', {}, 'sara')).fields).toEqual({ phone: 'Say whether your phone is going into the safe.' });
    expect((await app.fails('staffDay.signIn', { phone: { bagSlot: ' ', description: null } }, 'sara')).fields).toEqual({
      'phone.bagSlot': 'Enter the bag or slot number.',
    });
    expect(await count(app, 'staff_days')).toBe(0);
  });
});

describe('signing in and out at the kiosk', () => {
  it('takes the staff member\'s own PIN, and acts as them', async () => {
    const { app, tomId } = await nursery();
    const signedIn = await app.ok('staffDay.signInAtKiosk', { staffId: tomId, pin: TOM_PIN, phone: null });
    expect(signedIn).toMatchObject({ displayName: 'Tom Reilly' });
    expect((await onSite(app)).staff).toMatchObject([{ staffId: tomId, signedInHow: 'kiosk' }]);
    // No console opened for the kiosk's window.
    expect((await app.ok('staff.session', {})).session).toBeNull();

    expect(await app.fails('staffDay.signInAtKiosk', { staffId: tomId, pin: TOM_PIN, phone: null })).toMatchObject({ code: 'conflict' });
    app.clock.set('2026-11-23T15:30:00Z');
    const out = await app.ok('staffDay.signOutAtKiosk', { staffId: tomId, pin: TOM_PIN, collectPhone: true });
    expect(out).toMatchObject({ displayName: 'Tom Reilly', signedOutAt: '2026-11-23T15:30:00.000Z', takenFromSafe: 0, stillInSafe: 0 });
    expect((await auditActions(app, 'staff_day.')).map((e) => [e.action, e.actor_label])).toEqual([
      ['staff_day.sign_in', 'Tom Reilly'], ['staff_day.sign_out', 'Tom Reilly'],
    ]);
    expect((await app.db.get('SELECT signed_in_how, signed_out_how FROM staff_days'))).toEqual({ signed_in_how: 'kiosk', signed_out_how: 'kiosk' });
  });

  it('counts a wrong PIN against the account, as the lock screen does, and signs nobody in', async () => {
    const { app, tomId } = await nursery();
    const wrong = await app.fails('staffDay.signInAtKiosk', { staffId: tomId, pin: '9999', phone: null });
    expect(wrong).toMatchObject({ code: 'wrong_pin', message: 'That PIN is not right.', fields: { pin: 'That PIN is not right.' } });
    expect(await app.fails('staffDay.signOutAtKiosk', { staffId: tomId, pin: '9998', collectPhone: false })).toMatchObject({ code: 'wrong_pin' });
    expect((await scalar(app, 'SELECT failed_pin_count FROM staff WHERE id = ?', [tomId]))).toBe(2);
    expect(await lastAuditDetail(app, 'staff_day.pin_failed')).toEqual({ failures: 2 });
    expect(await count(app, 'staff_days')).toBe(0);

    // A locked account is refused before its PIN is looked at, even the right one.
    await app.db.run("UPDATE staff SET locked_until = '2026-11-23T12:00:00.000Z' WHERE id = ?", [tomId]);
    app.tamperedOnPurpose = true;
    expect(await app.fails('staffDay.signInAtKiosk', { staffId: tomId, pin: TOM_PIN, phone: null })).toMatchObject({
      code: 'account_locked', message: 'Too many wrong PINs. This account is locked until 12:00. An administrator can unlock it sooner.',
    });
    expect(await count(app, 'staff_days')).toBe(0);
  });

  it('refuses a deactivated account and one that does not exist', async () => {
    const { app, tomId } = await nursery();
    await app.ok('staff.deactivate', { staffId: tomId, reason: 'Left in October' }, 'staff');
    expect(await app.fails('staffDay.signInAtKiosk', { staffId: tomId, pin: TOM_PIN, phone: null })).toMatchObject({
      code: 'not_found', message: 'That staff account is not available. Choose your name from the list.',
    });
    expect((await app.fails('staffDay.signInAtKiosk', { staffId: 9999, pin: TOM_PIN, phone: null })).code).toBe('not_found');
    expect((await app.ok('staffDay.kioskNames', {})).staff.map((s) => s.displayName)).toEqual(['Priya Shah', 'Sara Ahmed']);
  });
});

describe("a member of staff's phone in the safe", () => {
  it('goes in with the sign-in, under their name, as a staff device with a receipt', async () => {
    const { app, tomId } = await nursery();
    const signedIn = await app.ok('staffDay.signInAtKiosk', { staffId: tomId, pin: TOM_PIN, phone: { bagSlot: 'Pouch 4', description: 'Black iPhone' } });
    expect(signedIn.phone?.receipt).toMatchObject({ ownerType: 'staff', ownerName: 'Tom Reilly', createdBy: 'Tom Reilly' });
    expect(signedIn.phone?.receipt.items).toMatchObject([{ kind: 'phone', bagSlot: 'Pouch 4', description: 'Black iPhone', reason: 'staff_own', state: 'in_safe' }]);
    const [tom] = (await onSite(app)).staff;
    expect(tom).toMatchObject({ phoneInSafe: true, devicesOut: [] });
    expect(tom!.devicesInSafe).toMatchObject([{ receiptNumber: signedIn.phone!.receipt.receiptNumber, bagSlot: 'Pouch 4' }]);
    // The sign-in's entry names the receipt it came with.
    expect(await lastAuditDetail(app, 'staff_day.sign_in')).toEqual({ how: 'kiosk', receiptId: signedIn.phone!.receipt.receiptId });
    expect((await app.ok('custody.inSafe', {}, 'sara')).owners.map((o) => o.ownerName)).toEqual(['Tom Reilly']);
  });

  itOnSqlite('is one transaction with the sign-in: when the phone cannot be logged, nobody is signed in', async () => {
    const { app } = await nursery();
    // The custody record is refused (as a full disk would refuse it) after the day's row was written.
    sqlite(app).exec(`CREATE TEMP TRIGGER refuse_items BEFORE INSERT ON custody_items BEGIN SELECT RAISE(ABORT, 'refused for the test'); END`);
    const before = await contentHash(app);
    expect((await app.fails('staffDay.signIn', { phone: { bagSlot: '3', description: null } }, 'sara')).code).toBe('internal');
    expect(await contentHash(app)).toBe(before);
    expect(await count(app, 'staff_days')).toBe(0);
    sqlite(app).exec('DROP TRIGGER temp.refuse_items');
    await app.ok('staffDay.signIn', { phone: { bagSlot: '3', description: null } }, 'sara');
    expect(await count(app, 'staff_days')).toBe(1);
  });

  it('comes out at break and goes back in with the office\'s two taps each, and out with the sign-out', async () => {
    const { app, saraId, tomId } = await nursery();
    await app.ok('staffDay.signInAtKiosk', { staffId: tomId, pin: TOM_PIN, phone: { bagSlot: 'Pouch 4', description: 'Black iPhone' } });
    const held = (await onSite(app)).staff[0]!.devicesInSafe[0]!;

    // Break: custody.return of the item to Tom himself.
    await later(app, saraId, '2026-11-23T12:00:00Z');
    await app.ok('custody.return', { receiptId: held.receiptId, itemIds: [held.itemId], returnedTo: 'Tom Reilly', note: 'Break' }, 'sara');
    expect((await onSite(app)).staff[0]).toMatchObject({
      phoneInSafe: false, devicesInSafe: [], devicesOut: [{ kind: 'phone', bagSlot: 'Pouch 4', description: 'Black iPhone', takenAt: '2026-11-23T12:00:00.000Z' }],
    });

    // Back in: logged again, the same phone and pouch.
    await later(app, saraId, '2026-11-23T12:30:00Z');
    const again = await app.ok('custody.log', {
      owner: { type: 'staff', staffId: tomId }, items: [{ kind: 'phone', description: 'Black iPhone', marks: null, bagSlot: 'Pouch 4' }],
    }, 'sara');
    expect((await onSite(app)).staff[0]).toMatchObject({ phoneInSafe: true, devicesOut: [] });

    // Home time: signing out takes it out of the safe, returned to him.
    await later(app, saraId, '2026-11-23T17:05:00Z');
    const out = await app.ok('staffDay.signOutAtKiosk', { staffId: tomId, pin: TOM_PIN, collectPhone: true });
    expect(out).toMatchObject({ takenFromSafe: 1, stillInSafe: 0 });
    const item = await app.db.get('SELECT state, closed_to, closed_note FROM custody_items WHERE receipt_id = ?', [again.receipt.receiptId]);
    expect(item).toEqual({ state: 'returned', closed_to: 'Tom Reilly', closed_note: 'Taken from the safe when signing out' });
    expect((await app.ok('custody.inSafe', {}, 'sara')).itemCount).toBe(0);
  });

  it('stays in the safe when the sign-out does not take it, and says so', async () => {
    const { app } = await nursery();
    await app.ok('staffDay.signIn', { phone: { bagSlot: '9', description: null } }, 'sara');
    const out = await app.ok('staffDay.signOut', { collectPhone: false }, 'sara');
    expect(out).toMatchObject({ takenFromSafe: 0, stillInSafe: 1 });
  });

  it('is asked after on Today only where the setting keeps staff phones in the safe', async () => {
    const { app, tomId } = await nursery();
    await app.ok('staffDay.signIn', { phone: null }, 'sara');
    await app.ok('staffDay.signInAtKiosk', { staffId: tomId, pin: TOM_PIN, phone: { bagSlot: '4', description: null } });
    expect((await onSite(app)).phonesInSafe).toBe(false);
    expect(phoneNotInSafe(await onSite(app))).toEqual([]);
    expect((await app.ok('staffDay.kioskNames', {})).phonesInSafe).toBe(false);

    expect((await app.ok('settings.update', { staffPhonesInSafe: true }, 'staff')).staffPhonesInSafe).toBe(true);
    expect((await onSite(app)).phonesInSafe).toBe(true);
    expect(phoneNotInSafe(await onSite(app)).map((s) => s.displayName)).toEqual(['Sara Ahmed']);
    expect((await app.ok('staffDay.kioskNames', {})).phonesInSafe).toBe(true);
    // Only an administrator changes it.
    expect((await app.fails('settings.update', { staffPhonesInSafe: false }, 'sara')).code).toBe('forbidden');
  });
});

describe('the staff on site list', () => {
  itOnSqlite('reads the open days and each one\'s own receipts by index, not the whole custody history', async () => {
    const { app } = await nursery();
    const plan = ((await app.db.all(`EXPLAIN QUERY PLAN ${STAFF_ON_SITE_RECEIPTS_SQL}`)) as { detail: string }[]).map((r) => r.detail).join('\n');
    expect(plan).toMatch(/staff_days_one_open/);
    expect(plan).toMatch(/SEARCH r USING (COVERING )?INDEX receipts_by_staff_owner \(staff_owner=\?\)/);
    expect(plan).toMatch(/SEARCH i USING INDEX custody_items_by_receipt \(receipt_id=\?\)/);
    expect(plan).not.toMatch(/SCAN (r|i)\b/);
  });
});

describe('a day never signed out of', () => {
  it('shows as from an earlier day, and is closed as not signed out at the next sign-in', async () => {
    const { app, saraId } = await nursery();
    const monday = await app.ok('staffDay.signIn', { phone: null }, 'sara');
    await later(app, saraId, '2026-11-24T08:10:00Z');
    expect((await onSite(app)).staff).toMatchObject([{ fromEarlierDay: true }]);

    const tuesday = await app.ok('staffDay.signIn', { phone: null }, 'sara');
    expect(tuesday.earlierDayClosed).toBe('2026-11-23T09:00:00.000Z');
    expect((await app.db.get('SELECT signed_out_at, signed_out_how FROM staff_days WHERE id = ?', [monday.staffDayId]))).toEqual({
      signed_out_at: '2026-11-24T08:10:00.000Z', signed_out_how: 'not_signed_out',
    });
    expect((await onSite(app)).staff).toMatchObject([{ staffDayId: tuesday.staffDayId, fromEarlierDay: false }]);
  });

  it('signing out of it closes it as not signed out, not as a night on site', async () => {
    const { app, saraId } = await nursery();
    await app.ok('staffDay.signIn', { phone: null }, 'sara');
    await later(app, saraId, '2026-11-24T16:00:00Z');
    expect(await app.ok('staffDay.signOut', { collectPhone: false }, 'sara')).toMatchObject({ wasEarlierDay: true });
    expect((await scalar(app, 'SELECT signed_out_how FROM staff_days'))).toBe('not_signed_out');
    expect(await lastAuditDetail(app, 'staff_day.not_signed_out')).toMatchObject({ how: 'console' });
  });
});

describe('the staff days record', () => {
  it('is never deleted, signed out only once, and its sign-in never changed, whatever writes to it', async () => {
    const { app, tomId } = await nursery();
    const { staffDayId } = await app.ok('staffDay.signIn', { phone: null }, 'sara');
    await expect(app.db.run('DELETE FROM staff_days')).rejects.toThrow(/never deleted/);
    await expect(app.db.run(`UPDATE staff_days SET signed_in_at = '2026-11-23T07:00:00.000Z'`)).rejects.toThrow(/only be signed out, once/);
    const onDuty = await scalar(app, 'SELECT staff_id FROM staff_days');
    await expect(app.db.run(`INSERT INTO staff_days (staff_id, signed_in_at, signed_in_how) VALUES (?, '2026-11-23T09:05:00.000Z', 'kiosk')`, [onDuty])).rejects.toThrow(DUPLICATE_REFUSED);
    await expect(app.db.run(`INSERT INTO staff_days (staff_id, signed_in_at, signed_in_how) VALUES (?, 'yesterday', 'kiosk')`, [tomId])).rejects.toThrow(CHECK_REFUSED);
    await expect(app.db.run(`UPDATE staff_days SET signed_out_at = '2026-11-23T08:00:00.000Z', signed_out_how = 'console'`)).rejects.toThrow(CHECK_REFUSED);
    await expect(app.db.run(`UPDATE staff_days SET signed_out_at = '2026-11-23T10:00:00.000Z'`)).rejects.toThrow(CHECK_REFUSED);
    await app.ok('staffDay.signOut', { collectPhone: false }, 'sara');
    await expect(app.db.run(`UPDATE staff_days SET signed_out_at = '2026-11-23T18:00:00.000Z' WHERE id = ?`, [staffDayId])).rejects.toThrow(/only be signed out, once/);
  });

  it('is sealed by the audit trail: a day added or edited with another program shows', async () => {
    const { app, tomId } = await nursery();
    await app.ok('staffDay.signIn', { phone: null }, 'sara');
    expect((await checkAuditNow(app.db, app.auditTrail.ring.all())).problems).toEqual([]);
    await asAnotherProgram(app, async (db) => {
      await db.run(`INSERT INTO staff_days (staff_id, signed_in_at, signed_in_how) VALUES (?, '2026-11-23T08:00:00.000Z', 'kiosk')`, [tomId]);
      await db.run(`UPDATE staff_days SET signed_in_at = '2026-11-23T07:30:00.000Z' WHERE id = 1`);
    });
    const problems = (await checkAuditNow(app.db, app.auditTrail.ring.all())).problems.join('\n');
    expect(problems).toMatch(/Staff day 1 has been changed outside Safe Hands/);
    expect(problems).toMatch(/Staff day 2 was added outside Safe Hands/);
  });
});

describe('the roll call of everyone', () => {
  it('prints the staff signed in as a list of their own after the visitors', async () => {
    const { app, tomId } = await nursery();
    await newVisitor(app, { firstName: 'Sam', lastName: 'Bennett', visiting: 'Hall lights' });
    await app.ok('staffDay.signInAtKiosk', { staffId: tomId, pin: TOM_PIN, phone: { bagSlot: '4', description: null } });
    await app.ok('staffDay.signIn', { phone: null }, 'sara');
    const result = await app.ok('rollcall.print', {}, 'sara');
    expect(result.people).toBe(3);
    const pdf = readFileSync(app.documentLinks.resolve(result.print.documentId!)!);
    if (process.env.SAFE_HANDS_UPDATE_SCREENSHOTS === '1') await renderFirstPageToFile(pdf, join(APP_ROOT, 'docs', 'screenshots', 'roll-call-with-staff.png'));
    const text = flatten(await pdfText(pdf));
    expect(text).toContain('1 visitor and 2 staff on site.');
    expect(text).toMatch(/Sam Bennett[\s\S]*Staff signed in \(2\)[\s\S]*Sara Ahmed[\s\S]*Tom Reilly/);
    expect(text).toContain('Phone in the safe');
    expect(await lastAuditDetail(app, 'rollcall.print')).toEqual({ people: 1, staff: 2 });
  });

  it('ticks staff on their own list, names those still missing apart from visitors, and records both', async () => {
    const { app, tomId } = await nursery();
    const visit = await newVisitor(app, { firstName: 'Ann', lastName: 'Able' });
    await newVisitor(app, { firstName: 'Ben', lastName: 'Baker' });
    const tom = await app.ok('staffDay.signInAtKiosk', { staffId: tomId, pin: TOM_PIN, phone: null });
    const sara = await app.ok('staffDay.signIn', { phone: null }, 'sara');

    const record = await app.ok('rollcall.save', { accountedVisitIds: [visit.visitId], accountedStaffDayIds: [sara.staffDayId] }, 'sara');
    expect(record).toMatchObject({ onSite: 4, accounted: 2, missing: ['Ben Baker'], missingStaff: ['Tom Reilly'] });
    const saved = (await app.db.get('SELECT people_json, on_site, accounted FROM roll_calls')) as { people_json: string; on_site: number; accounted: number };
    expect({ ...saved, people_json: JSON.parse(saved.people_json) }).toEqual({
      on_site: 4, accounted: 2,
      people_json: [
        { visitId: visit.visitId, name: 'Ann Able', accounted: true },
        { visitId: visit.visitId + 1, name: 'Ben Baker', accounted: false },
        { staffDayId: sara.staffDayId, name: 'Sara Ahmed', accounted: true },
        { staffDayId: tom.staffDayId, name: 'Tom Reilly', accounted: false },
      ],
    });
    expect(await lastAuditDetail(app, 'rollcall.save')).toEqual({ onSite: 4, accounted: 2, staffOnSite: 2 });

    // A tick for someone who signed out meanwhile is refused, as for a visitor, and nothing is saved.
    await app.ok('staffDay.signOutAtKiosk', { staffId: tomId, pin: TOM_PIN, collectPhone: false });
    const before = await contentHash(app);
    expect(await app.fails('rollcall.save', { accountedVisitIds: [], accountedStaffDayIds: [tom.staffDayId] }, 'sara')).toMatchObject({
      code: 'conflict', message: 'Someone ticked is no longer signed in. Refresh the list and tick again.',
    });
    expect((await app.fails('rollcall.save', { accountedVisitIds: [], accountedStaffDayIds: [sara.staffDayId, sara.staffDayId] }, 'sara')).fields).toEqual({
      accountedStaffDayIds: 'Each member of staff can be ticked once.',
    });
    expect(await contentHash(app)).toBe(before);
  });
});
