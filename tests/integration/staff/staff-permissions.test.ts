import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { APP_ROOT } from '../../../src/main/core/paths.js';
import { PERMISSIONS_IN_FORCE_SQL } from '../../../src/main/db/repositories/staff-permission-repo.js';
import { carriesPin } from '../../../src/main/server/pin-throttle.js';
import type { CommandInput } from '../../../src/shared/contract/index.js';
import { phoneNotInSafe } from '../../../src/shared/domain/staff-days.js';
import { editWhileClosed } from '../../helpers/another-program.js';
import { flatten, inkBounds, pdfText, renderFirstPageToFile, renderPdfToPngs } from '../../helpers/pdf.js';
import { addColleagues, HEAD, HEAD_PIN, OFFICE, unlockAgain, type Colleague, type SetUp } from '../../helpers/learner-staff.js';
import { ADMIN_PIN, contentHash, count, createSetUpApp, disposeAll, lastAuditDetail, scalar, CHECK_REFUSED, itOnSqlite } from '../../helpers/test-app.js';

afterEach(disposeAll);

const TOM_PIN = '1470';
/** A teacher who needs their phone: no console of their own, they sign in at the kiosk. */
const TOM: Colleague = { displayName: 'Tom Reilly', roles: [], pin: TOM_PIN, console: null };
const DEPUTY_PIN = '369258';
/** A second leader, who can approve the headteacher's own permission. */
const DEPUTY: Colleague = { displayName: 'Dana Deputy', roles: ['head'], pin: DEPUTY_PIN, console: null };

interface School {
  app: SetUp;
  headId: number;
  officeId: number;
  tomId: number;
  deputyId: number;
}

/**
 * A school that keeps staff phones in the safe, with a headteacher (leadership only) and an office account at
 * their own consoles, a teacher and a deputy head. The first account, Priya Shah, is DSL and administrator.
 */
async function school(): Promise<School> {
  const app = await createSetUpApp();
  await app.ok('settings.update', { staffPhonesInSafe: true }, 'staff');
  const [headId, officeId, tomId, deputyId] = await addColleagues(app, HEAD, OFFICE, TOM, DEPUTY);
  return { app, headId: headId!, officeId: officeId!, tomId: tomId!, deputyId: deputyId! };
}

/** The clock moves on; every console is unlocked again (sessions lock after a few idle minutes). */
async function later(s: School, iso: string): Promise<void> {
  s.app.clock.set(iso);
  await unlockAgain(s.app, [HEAD, s.headId], [OFFICE, s.officeId]);
}

function permission(s: School, change: Partial<CommandInput<'staffPermission.record'>> = {}): CommandInput<'staffPermission.record'> {
  return {
    staffId: s.tomId,
    deviceKind: 'phone',
    deviceDescription: 'Black iPhone 13 in a green case',
    purpose: 'remote_learning',
    purposeDetail: 'Year 5 live lessons while the class is at home',
    permittedUse: 'Teaching the Year 5 live lessons on the school Teams account, and nothing else during working hours.',
    permittedAreas: 'The Year 5 classroom and the staffroom',
    conditions: 'No photos or recordings of pupils. Signed out of Teams at the end of each lesson.',
    riskAssessedOn: '2026-11-20',
    validFrom: '2026-11-23',
    validUntil: '2027-02-12',
    approvedBy: { staffId: s.headId, pin: HEAD_PIN },
    ...change,
  };
}

function onSite(s: School) {
  return s.app.ok('staffDay.onSite', {}, 'office');
}

/** Who Today lists as on duty with their phone not in the safe. */
async function missingNames(s: School): Promise<string[]> {
  return phoneNotInSafe(await onSite(s)).map((p) => p.displayName);
}

describe("a member of staff's permission to use their own device", () => {
  it('is recorded at the office with the headteacher typing their own PIN, and is not in force until signed', async () => {
    const s = await school();
    const { app } = s;
    const view = await app.ok('staffPermission.record', permission(s), 'office');
    expect(view).toMatchObject({
      staffId: s.tomId, staffName: 'Tom Reilly', deviceKind: 'phone', purpose: 'remote_learning', riskAssessedOn: '2026-11-20',
      approvedBy: 'Helen Bradley', recordedBy: 'Olu Office', validFrom: '2026-11-23', validUntil: '2027-02-12',
      signed: null, ended: null, detailsRemoved: false, state: 'awaiting_signature',
    });
    // The office sees the list (the front desk needs to know who may keep their phone), with who may approve.
    const listed = await app.ok('staffPermission.list', {}, 'office');
    expect(listed.permissions.map((p) => p.permissionId)).toEqual([view.permissionId]);
    expect(listed.heads.map((h) => h.displayName)).toEqual(['Dana Deputy', 'Helen Bradley']);
    expect(listed.staff.map((h) => h.displayName)).toContain('Tom Reilly');

    // The entry is the head's, made at the office's console, and carries none of the words typed.
    const entry = await app.db.get(`SELECT actor_label, entity, entity_id FROM audit_log WHERE action = 'staff_permission.record'`);
    expect(entry).toEqual({ actor_label: 'Helen Bradley', entity: 'staff_permission', entity_id: view.permissionId });
    expect(await lastAuditDetail(app, 'staff_permission.record')).toEqual({
      staffId: s.tomId, deviceKind: 'phone', purpose: 'remote_learning', riskAssessedOn: '2026-11-20',
      validFrom: '2026-11-23', validUntil: '2027-02-12', atConsoleOf: s.officeId,
    });
    expect(JSON.stringify(await lastAuditDetail(app, 'staff_permission.record'))).not.toMatch(/Teams|Year 5|iPhone/);
  });

  it('may run with no last day, until a head ends it', async () => {
    const s = await school();
    const view = await s.app.ok('staffPermission.record', permission(s, { purpose: 'lessons', purposeDetail: null, riskAssessedOn: null, validUntil: null }), 'office');
    expect(view).toMatchObject({ validUntil: null, riskAssessedOn: null, purposeDetail: null, state: 'awaiting_signature' });
  });

  it('refuses an approver who is not a head, a wrong PIN (counted against them), and a head approving their own', async () => {
    const s = await school();
    const { app } = s;
    const before = await contentHash(app);
    // Priya Shah is the DSL and the administrator, but not in leadership: the decision is the headteacher's.
    const notAllowed = await app.fails('staffPermission.record', permission(s, { approvedBy: { staffId: app.adminId, pin: ADMIN_PIN } }), 'office');
    expect(notAllowed).toMatchObject({ code: 'forbidden', fields: { 'approvedBy.staffId': 'Only the headteacher or a leader can approve.' } });
    expect(notAllowed.message).toBe(
      'Priya Shah is not the headteacher or a leader. Only they can give a member of staff permission to use a personal device.',
    );
    const wrong = await app.fails('staffPermission.record', permission(s, { approvedBy: { staffId: s.headId, pin: '9999' } }), 'office');
    expect(wrong).toMatchObject({ code: 'wrong_pin', fields: { 'approvedBy.pin': 'That PIN is not right.' } });
    expect((await scalar(app, 'SELECT failed_pin_count FROM staff WHERE id = ?', [s.headId]))).toBe(1);
    expect(await lastAuditDetail(app, 'staff_permission.pin_failed')).toMatchObject({ failures: 1 });
    expect(carriesPin(permission(s))).toBe(true);

    const own = await app.fails('staffPermission.record', permission(s, { staffId: s.headId }), 'head');
    expect(own).toMatchObject({
      code: 'forbidden', message: 'Nobody can approve their own permission. Another headteacher or leader must approve it.',
      fields: { 'approvedBy.staffId': 'Someone else must approve this.' },
    });
    expect(await count(app, 'staff_device_permissions')).toBe(0);
    // The deputy can approve the head's, at the head's own console.
    await app.ok('staffPermission.record', permission(s, { staffId: s.headId, approvedBy: { staffId: s.deputyId, pin: DEPUTY_PIN } }), 'head');
    expect((await app.fails('staffPermission.record', permission(s), 'kiosk')).code).toBe('locked');
    expect(await contentHash(app)).not.toBe(before);
  });

  it('asks for a risk assessment before remote learning, and for answers that make sense, telling every problem at once', async () => {
    const s = await school();
    const { app } = s;
    const before = await contentHash(app);
    const blank = await app.fails('staffPermission.record', permission(s, {
      riskAssessedOn: null, permittedUse: ' ', permittedAreas: '', validFrom: '2027-01-10', validUntil: '2027-01-09',
    }), 'office');
    expect(blank.fields).toEqual({
      permittedUse: 'Say what the device may be used for.',
      permittedAreas: 'Say where on site it may be used, for example "the Year 6 classroom".',
      riskAssessedOn: 'Remote learning on a personal device needs a risk assessment first: enter the day it was done.',
      validUntil: 'The last day cannot be before the first day.',
    });
    expect((await app.fails('staffPermission.record', permission(s, { purpose: 'other', purposeDetail: '  ' }), 'office')).fields).toEqual({
      purposeDetail: 'Say what the permission is for.',
    });
    expect(await app.fails('staffPermission.record', permission(s, { validFrom: '2026-09-01', validUntil: '2026-11-22' }), 'office')).toMatchObject({
      code: 'invalid_input', fields: { validUntil: 'The last day has already passed.' },
    });
    expect((await app.fails('staffPermission.record', permission(s, { riskAssessedOn: '2026-11-24' }), 'office')).fields).toEqual({
      riskAssessedOn: 'The risk assessment cannot be dated in the future: record the permission once it has been done.',
    });
    expect(await app.fails('staffPermission.record', permission(s, { staffId: 9999 }), 'office')).toMatchObject({
      code: 'not_found', fields: { staffId: 'Choose the member of staff.' },
    });
    expect(await contentHash(app)).toBe(before);
  });

  it('refuses the same person, device and purpose twice over the same days, until the first is ended', async () => {
    const s = await school();
    const first = await s.app.ok('staffPermission.record', permission(s, { validUntil: null }), 'office');
    expect(await s.app.fails('staffPermission.record', permission(s, { validFrom: '2027-03-01', validUntil: '2027-03-31' }), 'office')).toMatchObject({
      code: 'conflict',
      message: 'Tom Reilly already has permission for a phone for remote learning from Mon, 23 Nov 2026 until it is ended. '
        + 'If this one replaces it, end that one first.',
    });
    // A different purpose is a different permission.
    await s.app.ok('staffPermission.record', permission(s, { purpose: 'lessons', purposeDetail: null, riskAssessedOn: null }), 'office');
    await s.app.ok('staffPermission.end', { permissionId: first.permissionId, reason: 'Replaced by a shorter one' }, 'head');
    await s.app.ok('staffPermission.record', permission(s), 'office');
  });
});

describe('the signed permission', () => {
  it('puts the permission in force once the office records the signature; once only, and never behind the app', async () => {
    const s = await school();
    const { app } = s;
    const { permissionId } = await app.ok('staffPermission.record', permission(s), 'office');
    const signed = await app.ok('staffPermission.recordSigned', { permissionId, signedOn: '2026-11-23' }, 'office');
    expect(signed).toMatchObject({ state: 'in_force', signed: { on: '2026-11-23', recordedBy: 'Olu Office', recordedAt: '2026-11-23T09:00:00.000Z' } });
    expect(await lastAuditDetail(app, 'staff_permission.record_signed')).toEqual({ signedOn: '2026-11-23' });

    const before = await contentHash(app);
    expect(await app.fails('staffPermission.recordSigned', { permissionId, signedOn: '2026-11-23' }, 'office')).toMatchObject({
      code: 'conflict', message: 'That permission was already recorded as signed on Mon, 23 Nov 2026, by Olu Office. Nothing was changed.',
    });
    expect(await contentHash(app)).toBe(before);
    await expect(app.db.run(`UPDATE staff_device_permissions SET signed_on = NULL, signature_recorded_at = NULL, signature_recorded_by = NULL WHERE id = ?`, [permissionId])).rejects.toThrow(/signed once and ended once/);
    await expect(app.db.run(`UPDATE staff_device_permissions SET permitted_areas = 'Anywhere' WHERE id = ?`, [permissionId])).rejects.toThrow(/signed once and ended once/);
    await expect(app.db.run(`UPDATE staff_device_permissions SET valid_until = NULL WHERE id = ?`, [permissionId])).rejects.toThrow(/signed once and ended once/);
  });

  it('is never signed on a day still to come, nor before the permission was recorded, nor once ended or run out', async () => {
    const s = await school();
    const { app } = s;
    const { permissionId } = await app.ok('staffPermission.record', permission(s, { validUntil: '2026-11-24' }), 'office');
    const before = await contentHash(app);
    expect((await app.fails('staffPermission.recordSigned', { permissionId, signedOn: '2026-11-24' }, 'office')).fields).toEqual({
      signedOn: 'The day it was signed cannot be in the future.',
    });
    expect((await app.fails('staffPermission.recordSigned', { permissionId, signedOn: '2026-11-22' }, 'office')).fields).toEqual({
      signedOn: 'It cannot have been signed before the permission was recorded, on Mon, 23 Nov 2026.',
    });
    expect((await app.fails('staffPermission.recordSigned', { permissionId, signedOn: '' }, 'office')).fields).toEqual({ signedOn: 'Enter the day it was signed.' });
    expect(await contentHash(app)).toBe(before);
    // The database itself refuses a signature dated before the record.
    await expect(app.db.run(`UPDATE staff_device_permissions SET signed_on = '2026-11-01', signature_recorded_at = '2026-11-23T09:00:00.000Z',
      signature_recorded_by = 1 WHERE id = ?`, [permissionId])).rejects.toThrow(CHECK_REFUSED);

    await later(s, '2026-11-25T09:00:00Z');
    expect((await app.ok('staffPermission.list', {}, 'office')).permissions[0]!.state).toBe('expired');
    expect((await app.fails('staffPermission.recordSigned', { permissionId, signedOn: '2026-11-25' }, 'office')).message).toBe(
      'That permission ran out on Tue, 24 Nov 2026, so it cannot be signed now.',
    );
    const ended = await app.ok('staffPermission.record', permission(s, { validFrom: '2026-11-25', validUntil: null }), 'office');
    await app.ok('staffPermission.end', { permissionId: ended.permissionId, reason: 'Laptops arrived' }, 'head');
    expect((await app.fails('staffPermission.recordSigned', { permissionId: ended.permissionId, signedOn: '2026-11-25' }, 'office')).message).toBe(
      'That permission was ended on Wed, 25 Nov 2026, so it cannot be signed now.',
    );
  });
});

describe('ending a permission', () => {
  it('is for a head, with a reason, once; the office and the DSL are refused; it is never deleted', async () => {
    const s = await school();
    const { app } = s;
    const { permissionId } = await app.ok('staffPermission.record', permission(s), 'office');
    await app.ok('staffPermission.recordSigned', { permissionId, signedOn: '2026-11-23' }, 'office');
    const before = await contentHash(app);
    expect((await app.fails('staffPermission.end', { permissionId, reason: 'Misused' }, 'office')).code).toBe('forbidden');
    expect((await app.fails('staffPermission.end', { permissionId, reason: 'Misused' }, 'staff')).code).toBe('forbidden');
    expect((await app.fails('staffPermission.end', { permissionId, reason: '  ' }, 'head')).fields).toEqual({ reason: 'Say why the permission ends.' });
    expect(await contentHash(app)).toBe(before);

    await later(s, '2026-11-23T10:15:00Z');
    const ended = await app.ok('staffPermission.end', { permissionId, reason: 'The class is back in school' }, 'head');
    expect(ended).toMatchObject({ state: 'ended', ended: { at: '2026-11-23T10:15:00.000Z', by: 'Helen Bradley', reason: 'The class is back in school' } });
    expect((await scalar(app, `SELECT actor_label FROM audit_log WHERE action = 'staff_permission.end'`))).toBe('Helen Bradley');
    expect(await app.fails('staffPermission.end', { permissionId, reason: 'Again' }, 'head')).toMatchObject({
      code: 'conflict', message: 'That permission was already ended by Helen Bradley on Mon, 23 Nov 2026.',
    });
    await expect(app.db.run(`UPDATE staff_device_permissions SET end_reason = 'Something kinder' WHERE id = ?`, [permissionId])).rejects.toThrow(/signed once and ended once/);
    await expect(app.db.run('DELETE FROM staff_device_permissions')).rejects.toThrow(/never deleted/);
    // Listed after the current ones, as history.
    const again = await app.ok('staffPermission.record', permission(s, { purpose: 'lessons', purposeDetail: null, riskAssessedOn: null }), 'office');
    expect((await app.ok('staffPermission.list', {}, 'office')).permissions.map((p) => [p.permissionId, p.state])).toEqual([
      [again.permissionId, 'awaiting_signature'], [permissionId, 'ended'],
    ]);
  });
});

describe("staff on duty whose phone is not in the safe", () => {
  itOnSqlite('leaves out someone with a permission for a phone only while it is signed, within its days and not ended', async () => {
    const s = await school();
    const { app } = s;
    await app.ok('staffDay.signInAtKiosk', { staffId: s.tomId, pin: TOM_PIN, phone: null });
    expect(await missingNames(s)).toEqual(['Tom Reilly']);

    // A laptop permission does not excuse the phone.
    const laptop = await app.ok('staffPermission.record', permission(s, { deviceKind: 'laptop', deviceDescription: 'Grey laptop' }), 'office');
    await app.ok('staffPermission.recordSigned', { permissionId: laptop.permissionId, signedOn: '2026-11-23' }, 'office');
    expect(await missingNames(s)).toEqual(['Tom Reilly']);
    expect((await onSite(s)).staff[0]!.mayKeep).toEqual([{ permissionId: laptop.permissionId, deviceKind: 'laptop', purpose: 'remote_learning', purposeDetail: 'Year 5 live lessons while the class is at home' }]);

    // Recorded but not signed: not in force, so still asked for.
    const phone = await app.ok('staffPermission.record', permission(s), 'office');
    expect(await missingNames(s)).toEqual(['Tom Reilly']);
    await app.ok('staffPermission.recordSigned', { permissionId: phone.permissionId, signedOn: '2026-11-23' }, 'office');
    expect(await missingNames(s)).toEqual([]);
    expect((await onSite(s)).staff[0]!.mayKeep.map((p) => p.deviceKind)).toEqual(['laptop', 'phone']);

    await later(s, '2026-11-23T14:00:00Z');
    await app.ok('staffPermission.end', { permissionId: phone.permissionId, reason: 'The class is back in school' }, 'head');
    expect(await missingNames(s)).toEqual(['Tom Reilly']);

    // Read from the open days, then each one's permissions by their index, not every permission ever given.
    const plan = ((await app.db.all(`EXPLAIN QUERY PLAN ${PERMISSIONS_IN_FORCE_SQL}`, { today: '2026-11-23' })) as { detail: string }[]).map((r) => r.detail).join('\n');
    expect(plan).toMatch(/SEARCH p USING INDEX staff_device_permissions_by_staff \(staff_id=\?\)/);
  });

  it('counts whole UK days: a permission starts at midnight in the UK, not in UTC, and ends at the next one', async () => {
    const s = await school();
    const { app } = s;
    await later(s, '2027-05-28T09:00:00Z');
    const { permissionId } = await app.ok('staffPermission.record', permission(s, {
      purpose: 'lessons', purposeDetail: null, riskAssessedOn: null, validFrom: '2027-06-02', validUntil: '2027-06-02',
    }), 'office');
    await app.ok('staffPermission.recordSigned', { permissionId, signedOn: '2027-05-28' }, 'office');

    // 23:59 on 1 June in the UK (BST): Tom signs in; his permission starts tomorrow.
    await later(s, '2027-06-01T22:59:00Z');
    await app.ok('staffDay.signInAtKiosk', { staffId: s.tomId, pin: TOM_PIN, phone: null });
    expect((await onSite(s)).staff[0]!.mayKeep).toEqual([]);
    expect(await missingNames(s)).toEqual(['Tom Reilly']);
    expect((await app.ok('staffPermission.list', {}, 'office')).permissions[0]!.state).toBe('not_started');

    // 00:00 on 2 June in the UK while UTC still says 1 June: in force.
    await later(s, '2027-06-01T23:00:00Z');
    expect((await onSite(s)).staff[0]!.mayKeep.map((p) => p.permissionId)).toEqual([permissionId]);
    expect((await app.ok('staffPermission.list', {}, 'office')).permissions[0]!.state).toBe('in_force');

    // Its last day runs to 23:59:59 UK time, then it is over.
    await later(s, '2027-06-02T22:59:59Z');
    expect((await onSite(s)).staff[0]!.mayKeep.map((p) => p.permissionId)).toEqual([permissionId]);
    await later(s, '2027-06-02T23:00:00Z');
    expect((await onSite(s)).staff[0]!.mayKeep).toEqual([]);
    expect((await app.ok('staffPermission.list', {}, 'office')).permissions[0]!.state).toBe('expired');
  });
});

describe('the printed permission', () => {
  it('says what was approved, that it is not in force until signed, and has lines for the headteacher and the member of staff', async () => {
    const s = await school();
    const { app } = s;
    const { permissionId } = await app.ok('staffPermission.record', permission(s), 'office');
    const { print } = await app.ok('staffPermission.print', { permissionId }, 'office');
    expect(print).toMatchObject({ printed: false });
    const file = app.documentLinks.resolve(print.documentId!)!;
    expect(file).toBe(join(app.dir, 'staff-permissions', `staff-permission-${permissionId}.pdf`));
    const pdf = readFileSync(file);
    const text = flatten(await pdfText(pdf));
    for (const expected of [
      'Oak Tree Primary', 'Permission to use a personal device at work', 'Tom Reilly', 'Not in force yet',
      'Phone: Black iPhone 13 in a green case', 'Remote learning: Year 5 live lessons while the class is at home',
      'The Year 5 classroom and the staffroom', 'From Mon, 23 Nov 2026 to Fri, 12 Feb 2027, both included', 'Done on Fri, 20 Nov 2026',
      'Helen Bradley', 'What the device may be used for', 'on the school Teams account', 'Conditions', 'No photos or recordings of pupils.',
      'Never use a personal device to take photos or videos of children', 'Headteacher', 'Member of staff',
      'I have read this permission and will use my device only as it says.', 'Signature', 'Name in capitals', 'Date',
      `Permission ${permissionId}`, 'Page 1 of 1',
    ]) expect(text).toContain(expected);
    const pages = await renderPdfToPngs(pdf, 100);
    expect(pages).toHaveLength(1);
    const ink = inkBounds(pages[0]!)!;
    expect(ink.left).toBeGreaterThanOrEqual(55);
    expect(ink.right).toBeLessThanOrEqual(827 - 55);
    expect(ink.bottom).toBeLessThanOrEqual(1169 - 55);
    await renderFirstPageToFile(pdf, '/tmp/staff-device-permission.png', 100);
    if (process.env.SAFE_HANDS_UPDATE_SCREENSHOTS === '1') await renderFirstPageToFile(pdf, join(APP_ROOT, 'docs', 'screenshots', 'staff-device-permission.png'));

    // Printed again once signed: a copy that says when, with no lines left to sign.
    await app.ok('staffPermission.recordSigned', { permissionId, signedOn: '2026-11-23' }, 'office');
    const again = await app.ok('staffPermission.print', { permissionId }, 'office');
    const signedText = flatten(await pdfText(readFileSync(app.documentLinks.resolve(again.print.documentId!)!)));
    expect(signedText).toContain('Signed and in force until Fri, 12 Feb 2027.');
    expect(signedText).toContain('Signed by Tom Reilly on Mon, 23 Nov 2026; recorded at the office by Olu Office');
    expect(signedText).not.toContain('Name in capitals');
    expect((await app.fails('staffPermission.print', { permissionId: 999 }, 'office')).code).toBe('not_found');
  }, 30_000);
});

describe('retention', () => {
  it('replaces the words typed about a permission once it finished longer ago than the period, and removes its printed copy', async () => {
    const s = await school();
    const { app } = s;
    await app.ok('settings.update', { retentionYears: 1 }, 'staff');
    const old = await app.ok('staffPermission.record', permission(s, { validUntil: '2026-12-18' }), 'office');
    await app.ok('staffPermission.recordSigned', { permissionId: old.permissionId, signedOn: '2026-11-23' }, 'office');
    const oldFile = app.documentLinks.resolve((await app.ok('staffPermission.print', { permissionId: old.permissionId }, 'office')).print.documentId!)!;
    const endedEarly = await app.ok('staffPermission.record', permission(s, { purpose: 'other', purposeDetail: 'Calls from her son’s hospital', riskAssessedOn: null, validUntil: null }), 'office');
    await app.ok('staffPermission.end', { permissionId: endedEarly.permissionId, reason: 'He is home now' }, 'head');
    // No last day and never ended: still running, whatever its age.
    const running = await app.ok('staffPermission.record', permission(s, { purpose: 'lessons', purposeDetail: null, riskAssessedOn: null, validUntil: null }), 'office');
    const runningFile = app.documentLinks.resolve((await app.ok('staffPermission.print', { permissionId: running.permissionId }, 'office')).print.documentId!)!;

    await later(s, '2027-12-20T09:00:00Z');
    const run = await app.ok('retention.runNow', {}, 'staff');
    expect(run.staffPermissionsCleared).toBe(2);
    expect(await lastAuditDetail(app, 'retention.purge')).toMatchObject({ staffPermissionsCleared: 2 });
    const rows = (await app.db.all('SELECT * FROM staff_device_permissions ORDER BY id')) as Record<string, unknown>[];
    expect(rows[0]).toMatchObject({
      staff_id: s.tomId, device_kind: 'phone', purpose: 'remote_learning', device_description: 'Removed', purpose_detail: 'Removed',
      permitted_use: 'Removed', permitted_areas: 'Removed', conditions: 'Removed', risk_assessed_on: '2026-11-20', valid_until: '2026-12-18',
      approved_by: s.headId, signed_on: '2026-11-23', details_removed_at: '2027-12-20T09:00:00.000Z',
    });
    expect(rows[1]).toMatchObject({ purpose_detail: 'Removed', end_reason: 'Removed', ended_by: s.headId });
    expect(rows[2]).toMatchObject({ id: running.permissionId, permitted_areas: 'The Year 5 classroom and the staffroom', details_removed_at: null });
    expect(existsSync(oldFile)).toBe(false);
    expect(existsSync(runningFile)).toBe(true);
    expect((await app.ok('staffPermission.list', {}, 'office')).permissions.find((p) => p.permissionId === old.permissionId)?.detailsRemoved).toBe(true);
    expect((await app.fails('staffPermission.print', { permissionId: old.permissionId }, 'office')).code).toBe('conflict');
    expect((await app.ok('retention.runNow', {}, 'staff')).staffPermissionsCleared).toBe(0);
  });
});

describe('a permission edited behind the app', () => {
  it('is caught by the audit check: changed or added outside Safe Hands', async () => {
    const s = await school();
    let app = s.app;
    const { permissionId } = await app.ok('staffPermission.record', permission(s), 'office');
    app = await editWhileClosed(app, async (db) => {
      // Someone with another program marks it signed without a signature, and adds a permission nobody approved.
      await db.run(`UPDATE staff_device_permissions SET signed_on = '2026-11-23', signature_recorded_at = '2026-11-23T10:00:00.000Z',
        signature_recorded_by = ? WHERE id = ?`, [s.officeId, permissionId]);
      await db.run(`INSERT INTO staff_device_permissions (staff_id, device_kind, device_description, purpose, permitted_use, permitted_areas,
        valid_from, approved_by, recorded_at, recorded_by, signed_on, signature_recorded_at, signature_recorded_by)
        VALUES (?, 'phone', 'Any', 'lessons', 'Anything', 'Anywhere', '2026-11-23', ?, '2026-11-23T09:00:00.000Z', ?, '2026-11-23', '2026-11-23T09:00:00.000Z', ?)`,
        [s.officeId, s.headId, s.officeId, s.officeId]);
    });
    await app.ok('staff.unlock', { staffId: app.adminId, pin: ADMIN_PIN }, 'staff');
    const verdict = await app.ok('audit.verify', {}, 'staff');
    expect(verdict.ok).toBe(false);
    expect(verdict.problems).toEqual(expect.arrayContaining([
      expect.stringMatching(new RegExp(`^Staff member's device permission ${permissionId} has been changed outside Safe Hands since audit entry \\d+\\.$`)),
      `Staff member's device permission ${permissionId + 1} was added outside Safe Hands: no audit entry records it.`,
    ]));
  });
});

