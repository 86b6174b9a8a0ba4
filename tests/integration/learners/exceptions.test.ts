import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { APP_ROOT } from '../../../src/main/core/paths.js';
import { EXCEPTIONS_FOR_PUPIL_SQL } from '../../../src/main/db/repositories/learner-exception-repo.js';
import { carriesPin } from '../../../src/main/server/pin-throttle.js';
import type { CommandInput } from '../../../src/shared/contract/index.js';
import { editWhileClosed } from '../../helpers/another-program.js';
import { flatten, inkBounds, pdfText, renderFirstPageToFile, renderPdfToPngs } from '../../helpers/pdf.js';
import { addColleagues, HEAD, HEAD_PIN, OFFICE, OFFICE_PIN, unlockAgain, type Colleague, type SetUp } from '../../helpers/learner-staff.js';
import { ADMIN_PIN, contentHash, count, createSetUpApp, disposeAll, lastAuditDetail, scalar, CHECK_REFUSED, itOnSqlite } from '../../helpers/test-app.js';

afterEach(disposeAll);

const DSL_PIN = '735194';
const DSL: Colleague = { displayName: 'Dee Okafor', roles: ['dsl'], pin: DSL_PIN, console: 'dsl' };

/**
 * A school with a headteacher (leadership only), a DSL (not leadership, not an administrator) and an office
 * account, each at their own console. The first account, Priya Shah, is DSL and administrator.
 */
async function school(): Promise<{ app: SetUp; headId: number; dslId: number; officeId: number }> {
  const app = await createSetUpApp();
  const [headId, dslId, officeId] = await addColleagues(app, HEAD, DSL, OFFICE);
  return { app, headId: headId!, dslId: dslId!, officeId: officeId! };
}

/** Unlocks every console again after the clock moved on past their sessions. */
async function unlockAll(app: SetUp, ids: { headId: number; dslId: number; officeId: number }): Promise<void> {
  await unlockAgain(app, [HEAD, ids.headId], [DSL, ids.dslId], [OFFICE, ids.officeId]);
}

function exception(approvedBy: { staffId: number; pin: string }, change: Partial<CommandInput<'learner.recordException'>> = {}): CommandInput<'learner.recordException'> {
  return {
    pupilName: 'Maya Patel',
    classGroup: '4R',
    deviceKind: 'phone',
    deviceDescription: 'White iPhone SE in a blue case',
    reason: 'Medical monitoring: the phone reads her blood glucose monitor',
    permittedUse: 'Checking her glucose readings and answering the monitor’s alarms. No calls, messages, photos or games.',
    expectations: 'Kept on silent in her tray. She tells the adult in the room when she checks it, and shows them if it alarms.',
    sanctions: 'If she uses it for anything else, it is kept at the office until the end of the day and her parents are told.',
    validFrom: '2026-11-23',
    validUntil: '2027-07-21',
    approvedBy,
    ...change,
  };
}

const signatures = (exceptionId: number, change: Partial<CommandInput<'learner.recordExceptionSigned'>> = {}): CommandInput<'learner.recordExceptionSigned'> => ({
  exceptionId, learnerName: 'Maya Patel', parentName: 'Anita Patel', parentRelationship: 'Mother', signedOn: '2026-11-23', ...change,
});

describe("a pupil's device exception, approved by the DSL or the headteacher", () => {
  it('is recorded at the office with the DSL typing their own PIN, and is not in force until signed', async () => {
    const { app, dslId, headId } = await school();
    const view = await app.ok('learner.recordException', exception({ staffId: dslId, pin: DSL_PIN }), 'office');
    expect(view).toMatchObject({
      pupilName: 'Maya Patel', classGroup: '4R', deviceKind: 'phone', approvedBy: 'Dee Okafor', recordedBy: 'Olu Office',
      validFrom: '2026-11-23', validUntil: '2027-07-21', signed: null, ended: null, state: 'awaiting_signatures',
    });
    const listed = await app.ok('learner.exceptions', {}, 'office');
    expect(listed.exceptions.map((e) => e.exceptionId)).toEqual([view.exceptionId]);
    // Who may approve: every active DSL and head, and nobody else.
    expect(listed.approvers.map((a) => a.displayName)).toEqual(['Dee Okafor', 'Helen Bradley', 'Priya Shah']);
    expect(listed.approvers.find((a) => a.displayName === 'Helen Bradley')?.staffId).toBe(headId);

    // The entry is the approver's, made at the office's console, and names no pupil.
    const entry = await app.db.get(`SELECT actor_label, entity, entity_id FROM audit_log WHERE action = 'learner.record_exception'`);
    expect(entry).toEqual({ actor_label: 'Dee Okafor', entity: 'learner_exception', entity_id: view.exceptionId });
    expect(await lastAuditDetail(app, 'learner.record_exception')).toMatchObject({ deviceKind: 'phone', validUntil: '2027-07-21' });
    expect(JSON.stringify(await lastAuditDetail(app, 'learner.record_exception'))).not.toMatch(/Maya|Patel|glucose/);

    // At hand-in the office sees it, and that it is not in force yet.
    expect((await app.ok('learner.agreementsFor', { pupilName: 'maya  PATEL' }, 'office')).exceptions.map((e) => e.state)).toEqual(['awaiting_signatures']);
  });

  it('is approved by a headteacher who is not the DSL just the same', async () => {
    const { app, headId } = await school();
    const view = await app.ok('learner.recordException', exception({ staffId: headId, pin: HEAD_PIN }), 'office');
    expect(view).toMatchObject({ approvedBy: 'Helen Bradley', recordedBy: 'Olu Office', state: 'awaiting_signatures' });
    expect((await scalar(app, `SELECT actor_label FROM audit_log WHERE action = 'learner.record_exception'`))).toBe('Helen Bradley');
  });

  it('refuses an approver who is neither DSL nor head, and a wrong PIN, which counts against their account', async () => {
    const { app, officeId, dslId } = await school();
    const before = await contentHash(app);
    const notAllowed = await app.fails('learner.recordException', exception({ staffId: officeId, pin: OFFICE_PIN }), 'office');
    expect(notAllowed).toMatchObject({ code: 'forbidden', fields: { 'approvedBy.staffId': 'Only the DSL or the headteacher can approve.' } });
    expect(notAllowed.message).toBe(
      "Olu Office is neither a Designated Safeguarding Lead nor the headteacher or a leader. Only they can approve a pupil's device exception.",
    );
    expect(await contentHash(app)).toBe(before);

    const wrong = await app.fails('learner.recordException', exception({ staffId: dslId, pin: '999999' }), 'office');
    expect(wrong).toMatchObject({ code: 'wrong_pin', fields: { 'approvedBy.pin': 'That PIN is not right.' } });
    expect(await count(app, 'learner_exceptions')).toBe(0);
    expect((await scalar(app, 'SELECT failed_pin_count FROM staff WHERE id = ?', [dslId]))).toBe(1);
    expect(await lastAuditDetail(app, 'learner.exception_pin_failed')).toMatchObject({ failures: 1 });
    // Held back with the other screens that take PINs, so exceptions are no way round the wait.
    expect(carriesPin(exception({ staffId: dslId, pin: DSL_PIN }))).toBe(true);
    expect((await app.fails('learner.recordException', { ...exception({ staffId: dslId, pin: DSL_PIN }), approvedBy: undefined }, 'office')).fields).toEqual({
      approvedBy: 'Choose who approved, and have them type their own PIN.',
    });
    // The kiosk cannot record one at all.
    expect((await app.fails('learner.recordException', exception({ staffId: dslId, pin: DSL_PIN }), 'kiosk')).code).toBe('locked');
  });

  it('asks for what the written agreement says, and for days that make sense, telling every problem at once', async () => {
    const { app, dslId } = await school();
    const before = await contentHash(app);
    const blank = await app.fails('learner.recordException', exception({ staffId: dslId, pin: DSL_PIN }, {
      permittedUse: ' ', expectations: '', sanctions: '  ', validFrom: '2027-01-10', validUntil: '2027-01-09',
    }), 'office');
    expect(blank.fields).toEqual({
      permittedUse: 'Say what the pupil may use the device for.',
      expectations: 'Say what is expected of the pupil, for example where the device is kept.',
      sanctions: 'Say what happens if the device is misused.',
      validUntil: 'The last day cannot be before the first day.',
    });
    const past = await app.fails('learner.recordException', exception({ staffId: dslId, pin: DSL_PIN }, { validFrom: '2026-09-01', validUntil: '2026-11-22' }), 'office');
    expect(past).toMatchObject({ code: 'invalid_input', fields: { validUntil: 'The last day has already passed.' } });
    expect(await contentHash(app)).toBe(before);
  });

  it('refuses the same pupil and kind of device twice over the same days, until the first is ended', async () => {
    const { app, dslId } = await school();
    const first = await app.ok('learner.recordException', exception({ staffId: dslId, pin: DSL_PIN }), 'office');
    const again = await app.fails('learner.recordException', exception({ staffId: dslId, pin: DSL_PIN }, { pupilName: 'PATEL maya', classGroup: '4r' }), 'office');
    expect(again).toMatchObject({
      code: 'conflict',
      message: 'Maya Patel (4R) already has an exception for a phone from Mon, 23 Nov 2026 to Wed, 21 Jul 2027. If this one replaces it, end that one first.',
    });
    await app.ok('learner.endException', { exceptionId: first.exceptionId, reason: 'A new phone' }, 'dsl');
    await app.ok('learner.recordException', exception({ staffId: dslId, pin: DSL_PIN }, { deviceDescription: 'Black Pixel 7' }), 'office');
  });
});

describe('the signed agreement', () => {
  it('puts the exception in force once the office records who signed and when; once only', async () => {
    const { app, dslId } = await school();
    const { exceptionId } = await app.ok('learner.recordException', exception({ staffId: dslId, pin: DSL_PIN }), 'office');
    const signed = await app.ok('learner.recordExceptionSigned', signatures(exceptionId), 'office');
    expect(signed).toMatchObject({
      state: 'in_force',
      signed: { on: '2026-11-23', learnerName: 'Maya Patel', parentName: 'Anita Patel', parentRelationship: 'Mother', recordedBy: 'Olu Office', recordedAt: '2026-11-23T09:00:00.000Z' },
    });
    expect(await lastAuditDetail(app, 'learner.record_exception_signed')).toEqual({ signedOn: '2026-11-23' });
    expect((await app.ok('learner.agreementsFor', { pupilName: 'Maya Patel' }, 'office')).exceptions[0]!.state).toBe('in_force');

    const before = await contentHash(app);
    expect(await app.fails('learner.recordExceptionSigned', signatures(exceptionId, { parentName: 'Raj Patel', parentRelationship: 'Father' }), 'office')).toMatchObject({
      code: 'conflict', message: 'That agreement was already recorded as signed on Mon, 23 Nov 2026, by Olu Office. Nothing was changed.',
    });
    expect(await contentHash(app)).toBe(before);
    // Not behind the app's back either: what was signed, and by whom, stays as recorded.
    await expect(app.db.run(`UPDATE learner_exceptions SET signed_by_parent = 'Raj Patel' WHERE id = ?`, [exceptionId])).rejects.toThrow(/signed once and ended once/);
    await expect(app.db.run(`UPDATE learner_exceptions SET signed_on = NULL, signed_by_learner = NULL, signed_by_parent = NULL,
      parent_relationship = NULL, signatures_recorded_at = NULL, signatures_recorded_by = NULL WHERE id = ?`, [exceptionId])).rejects.toThrow(/signed once and ended once/);
  });

  it('is never signed on a day still to come, nor before the exception was recorded', async () => {
    const { app, dslId } = await school();
    const { exceptionId } = await app.ok('learner.recordException', exception({ staffId: dslId, pin: DSL_PIN }), 'office');
    const before = await contentHash(app);
    expect(await app.fails('learner.recordExceptionSigned', signatures(exceptionId, { signedOn: '2026-11-24' }), 'office')).toMatchObject({
      code: 'invalid_input', fields: { signedOn: 'The day it was signed cannot be in the future.' },
    });
    expect((await app.fails('learner.recordExceptionSigned', signatures(exceptionId, { signedOn: '2026-11-22' }), 'office')).fields).toEqual({
      signedOn: 'It cannot have been signed before the exception was recorded, on Mon, 23 Nov 2026.',
    });
    expect((await app.fails('learner.recordExceptionSigned', signatures(exceptionId, { parentName: ' ', parentRelationship: '', signedOn: '' }), 'office')).fields).toEqual({
      parentName: 'Enter the name of the parent or carer who signed.',
      parentRelationship: 'Say how they are related to the pupil, for example mother or foster carer.',
      signedOn: 'Enter the day it was signed.',
    });
    expect(await contentHash(app)).toBe(before);
    // The database itself refuses a signature dated before the record.
    await expect(app.db.run(`UPDATE learner_exceptions SET signed_on = '2026-11-01', signed_by_learner = 'M', signed_by_parent = 'A',
      parent_relationship = 'Mother', signatures_recorded_at = '2026-11-23T09:00:00.000Z', signatures_recorded_by = 1 WHERE id = ?`, [exceptionId])).rejects.toThrow(CHECK_REFUSED);
  });

  it('runs for whole UK days once signed: still to start before its first day, over after its last', async () => {
    const { app, dslId, headId, officeId } = await school();
    const { exceptionId } = await app.ok('learner.recordException', exception({ staffId: dslId, pin: DSL_PIN }, { validFrom: '2026-11-30', validUntil: '2026-12-04' }), 'office');
    const state = async () => (await app.ok('learner.exceptions', {}, 'office')).exceptions[0]!.state;
    expect(await state()).toBe('awaiting_signatures');
    await app.ok('learner.recordExceptionSigned', signatures(exceptionId), 'office');
    expect(await state()).toBe('not_started');
    app.clock.set('2026-12-04T23:59:00Z');
    await unlockAll(app, { headId, dslId, officeId });
    expect(await state()).toBe('in_force');
    app.clock.set('2026-12-05T00:00:00Z');
    expect(await state()).toBe('expired');
    expect(await app.fails('learner.endException', { exceptionId, reason: 'Too late' }, 'dsl')).toMatchObject({
      code: 'conflict', message: 'That exception already ran out on Fri, 4 Dec 2026.',
    });
  });

  it('cannot be signed once the exception has ended or run out', async () => {
    const { app, dslId, headId, officeId } = await school();
    const ended = await app.ok('learner.recordException', exception({ staffId: dslId, pin: DSL_PIN }), 'office');
    await app.ok('learner.endException', { exceptionId: ended.exceptionId, reason: 'Her new monitor has its own reader' }, 'head');
    expect(await app.fails('learner.recordExceptionSigned', signatures(ended.exceptionId), 'office')).toMatchObject({
      code: 'conflict', message: 'That exception was ended on Mon, 23 Nov 2026, so it cannot be signed now.',
    });
    const short = await app.ok('learner.recordException', exception({ staffId: dslId, pin: DSL_PIN }, { pupilName: 'Tom Reed', validUntil: '2026-11-24' }), 'office');
    app.clock.set('2026-11-25T09:00:00Z');
    await unlockAll(app, { headId, dslId, officeId });
    // Never signed, it simply ran out: it was never in force.
    expect((await app.ok('learner.exceptions', {}, 'office')).exceptions.find((e) => e.exceptionId === short.exceptionId)?.state).toBe('expired');
    expect((await app.fails('learner.recordExceptionSigned', signatures(short.exceptionId, { signedOn: '2026-11-25' }), 'office')).message).toBe(
      'That exception ran out on Tue, 24 Nov 2026, so it cannot be signed now.',
    );
  });
});

describe('ending an exception', () => {
  itOnSqlite('is for the DSL or the headteacher, with a reason, once; the office is refused', async () => {
    const { app, dslId, headId, officeId } = await school();
    const { exceptionId } = await app.ok('learner.recordException', exception({ staffId: dslId, pin: DSL_PIN }), 'office');
    await app.ok('learner.recordExceptionSigned', signatures(exceptionId), 'office');
    const before = await contentHash(app);
    expect((await app.fails('learner.endException', { exceptionId, reason: 'Misused' }, 'office')).code).toBe('forbidden');
    expect((await app.fails('learner.endException', { exceptionId, reason: '  ' }, 'dsl')).fields).toEqual({ reason: 'Say why the exception ends.' });
    expect(await contentHash(app)).toBe(before);
    app.clock.set('2026-11-23T09:10:00Z');
    await unlockAll(app, { headId, dslId, officeId });
    const ended = await app.ok('learner.endException', { exceptionId, reason: 'Took photos of other pupils' }, 'head');
    expect(ended).toMatchObject({ state: 'ended', ended: { at: '2026-11-23T09:10:00.000Z', by: 'Helen Bradley', reason: 'Took photos of other pupils' } });
    expect(await lastAuditDetail(app, 'learner.end_exception')).toEqual({});
    expect(await app.fails('learner.endException', { exceptionId, reason: 'Again' }, 'dsl')).toMatchObject({
      code: 'conflict', message: 'That exception was already ended by Helen Bradley on Mon, 23 Nov 2026.',
    });
    await expect(app.db.run(`UPDATE learner_exceptions SET end_reason = 'Something kinder' WHERE id = ?`, [exceptionId])).rejects.toThrow(/signed once and ended once/);
    await expect(app.db.run(`UPDATE learner_exceptions SET sanctions = 'None' WHERE id = ?`, [exceptionId])).rejects.toThrow(/signed once and ended once/);
    await expect(app.db.run('DELETE FROM learner_exceptions')).rejects.toThrow(/never deleted/);
    // Shown at hand-in as ended, after any current one.
    expect((await app.ok('learner.agreementsFor', { pupilName: 'Maya Patel' }, 'office')).exceptions.map((e) => e.state)).toEqual(['ended']);
    const plan = ((await app.db.all(`EXPLAIN QUERY PLAN ${EXCEPTIONS_FOR_PUPIL_SQL}`, { pupilKey: 'maya patel', today: '2026-11-23' })) as { detail: string }[])
      .map((r) => r.detail).join('\n');
    expect(plan).toMatch(/SEARCH e USING INDEX learner_exceptions_by_pupil \(pupil_key=\?\)/);
  });
});

describe('the printable agreement', () => {
  it('says what was approved, that it is not in force until signed, and has lines for the pupil and a parent to sign', async () => {
    const { app, dslId } = await school();
    const { exceptionId } = await app.ok('learner.recordException', exception({ staffId: dslId, pin: DSL_PIN }), 'office');
    const { print } = await app.ok('learner.printExceptionAgreement', { exceptionId }, 'office');
    // No A4 printer chosen: the PDF is kept and offered, as for the roll call.
    expect(print).toMatchObject({ printed: false });
    const file = app.documentLinks.resolve(print.documentId!)!;
    expect(file).toBe(join(app.dir, 'learner-exceptions', `learner-exception-${exceptionId}.pdf`));
    const pdf = readFileSync(file);
    const text = flatten(await pdfText(pdf));
    for (const expected of [
      'Oak Tree Primary', "Agreement for a pupil's device in exceptional circumstances", 'Maya Patel', 'Class or year group: 4R',
      'Not in force yet', 'Phone: White iPhone SE in a blue case', 'Medical monitoring: the phone reads her blood glucose monitor',
      'From Mon, 23 Nov 2026 to Wed, 21 Jul 2027', 'Dee Okafor', 'What the device may be used for', 'No calls, messages, photos or games.',
      'What is expected of the pupil', 'Kept on silent in her tray.', 'If the device is misused', 'kept at the office until the end of the day',
      'We have read this agreement and agree to it.', 'The pupil', 'Parent or carer', 'Signature', 'Name in capitals', 'Relationship', 'Date',
      `Exception ${exceptionId}`, 'Page 1 of 1',
    ]) expect(text).toContain(expected);
    const pages = await renderPdfToPngs(pdf, 100);
    expect(pages).toHaveLength(1);
    const ink = inkBounds(pages[0]!)!;
    // Inside the 15 mm margins of an A4 page (827 x 1169 px at 100 dpi; 15 mm is 59 px).
    expect(ink.left).toBeGreaterThanOrEqual(55);
    expect(ink.right).toBeLessThanOrEqual(827 - 55);
    expect(ink.bottom).toBeLessThanOrEqual(1169 - 55);
    await renderFirstPageToFile(pdf, '/tmp/learner-exception-agreement.png', 100);
    if (process.env.SAFE_HANDS_UPDATE_SCREENSHOTS === '1') await renderFirstPageToFile(pdf, join(APP_ROOT, 'docs', 'screenshots', 'learner-exception-agreement.png'));

    // Printed again once signed, it is a copy that says who signed and when, with no blank lines left to sign.
    await app.ok('learner.recordExceptionSigned', signatures(exceptionId), 'office');
    const again = await app.ok('learner.printExceptionAgreement', { exceptionId }, 'office');
    const signedText = flatten(await pdfText(readFileSync(app.documentLinks.resolve(again.print.documentId!)!)));
    expect(signedText).toContain('Signed and in force until Wed, 21 Jul 2027.');
    expect(signedText).toContain('Signed on Mon, 23 Nov 2026 by Maya Patel (the pupil) and Anita Patel (Mother). Recorded at the office by Olu Office');
    expect(signedText).not.toContain('Name in capitals');
    expect((await app.fails('learner.printExceptionAgreement', { exceptionId: 999 }, 'office')).code).toBe('not_found');
    }, 30_000);

  it('runs onto a second page when what the school wrote is long, never cutting a section', async () => {
    const { app, dslId } = await school();
    const long = (words: string) => `${words} `.repeat(Math.floor(990 / (words.length + 1))).trim();
    const { exceptionId } = await app.ok('learner.recordException', exception({ staffId: dslId, pin: DSL_PIN }, {
      permittedUse: long('Reading the glucose monitor.').slice(0, 500), expectations: long('She keeps it in her tray.'), sanctions: long('It is kept at the office.'),
    }), 'office');
    const { print } = await app.ok('learner.printExceptionAgreement', { exceptionId }, 'office');
    const pdf = readFileSync(app.documentLinks.resolve(print.documentId!)!);
    const pages = await renderPdfToPngs(pdf, 60);
    expect(pages).toHaveLength(2);
    for (const page of pages) expect(inkBounds(page)!.bottom).toBeLessThanOrEqual(page.height - 30);
    expect(flatten(await pdfText(pdf))).toContain(`Page ${pages.length} of ${pages.length}`);
  }, 30_000);
});

describe('retention', () => {
  it("removes the pupil's name, the words about them and who signed, once finished longer ago than the period; and the printed agreement", async () => {
    const { app, dslId, headId, officeId } = await school();
    await app.ok('settings.update', { retentionYears: 1 }, 'staff');
    const old = await app.ok('learner.recordException', exception({ staffId: dslId, pin: DSL_PIN }, { validUntil: '2026-12-18' }), 'office');
    await app.ok('learner.recordExceptionSigned', signatures(old.exceptionId), 'office');
    const { print } = await app.ok('learner.printExceptionAgreement', { exceptionId: old.exceptionId }, 'office');
    const oldFile = app.documentLinks.resolve(print.documentId!)!;
    const endedEarly = await app.ok('learner.recordException', exception({ staffId: dslId, pin: DSL_PIN }, { pupilName: 'Kofi Mensah' }), 'office');
    await app.ok('learner.endException', { exceptionId: endedEarly.exceptionId, reason: "Kofi's monitor now has its own reader" }, 'dsl');
    const current = await app.ok('learner.recordException', exception({ staffId: dslId, pin: DSL_PIN }, { pupilName: 'Zoë Lee', validUntil: '2028-07-21' }), 'office');
    const currentPrint = await app.ok('learner.printExceptionAgreement', { exceptionId: current.exceptionId }, 'office');
    const currentFile = app.documentLinks.resolve(currentPrint.print.documentId!)!;

    app.clock.set('2027-12-20T09:00:00Z');
    await unlockAll(app, { headId, dslId, officeId });
    const run = await app.ok('retention.runNow', {}, 'staff');
    expect(run.learnerExceptionsCleared).toBe(2);
    expect(await lastAuditDetail(app, 'retention.purge')).toMatchObject({ learnerExceptionsCleared: 2 });
    const rows = (await app.db.all('SELECT * FROM learner_exceptions ORDER BY id')) as Record<string, unknown>[];
    expect(rows[0]).toMatchObject({
      id: old.exceptionId, pupil_name: 'Removed', pupil_key: `removed:${old.exceptionId}`, class_group: 'Removed', device_description: 'Removed',
      reason: 'Removed', permitted_use: 'Removed', expectations: 'Removed', sanctions: 'Removed', signed_by_learner: 'Removed', signed_by_parent: 'Removed',
      device_kind: 'phone', valid_until: '2026-12-18', approved_by: dslId, signed_on: '2026-11-23', parent_relationship: 'Mother',
    });
    expect(rows[1]).toMatchObject({ pupil_name: 'Removed', end_reason: 'Removed', signed_by_learner: null, ended_by: dslId });
    expect(rows[2]).toMatchObject({ id: current.exceptionId, pupil_name: 'Zoë Lee' });
    expect(existsSync(oldFile)).toBe(false);
    expect(existsSync(currentFile)).toBe(true);
    expect((await app.ok('learner.agreementsFor', { pupilName: 'Kofi Mensah' }, 'office')).exceptions).toEqual([]);
    expect((await app.fails('learner.printExceptionAgreement', { exceptionId: old.exceptionId }, 'office')).code).toBe('conflict');
    expect((await app.ok('retention.runNow', {}, 'staff')).learnerExceptionsCleared).toBe(0);
  });
});

describe('an exception edited behind the app', () => {
  it('is caught by the audit check: changed, added or deleted outside Safe Hands', async () => {
    const s = await school();
    let app = s.app;
    const { exceptionId } = await app.ok('learner.recordException', exception({ staffId: s.dslId, pin: DSL_PIN }), 'office');
    app = await editWhileClosed(app, async (db) => {
      // Someone with another program marks the agreement signed without a signature, and adds an exception nobody approved.
      await db.run(`UPDATE learner_exceptions SET signed_on = '2026-11-23', signed_by_learner = 'Maya Patel', signed_by_parent = 'A Parent',
        parent_relationship = 'Mother', signatures_recorded_at = '2026-11-23T10:00:00.000Z', signatures_recorded_by = ? WHERE id = ?`, [s.officeId, exceptionId]);
      await db.run(`INSERT INTO learner_exceptions (pupil_name, pupil_key, class_group, device_kind, device_description, reason, permitted_use, expectations,
        sanctions, valid_from, valid_until, approved_by, recorded_at, recorded_by)
        VALUES ('Sam Fox', 'fox sam', '6B', 'phone', 'Any', 'Wanted one', 'Anything', 'None', 'None', '2026-11-23', '2027-07-21', ?, '2026-11-23T09:00:00.000Z', ?)`,
        [s.headId, s.officeId]);
    });
    await app.ok('staff.unlock', { staffId: app.adminId, pin: ADMIN_PIN }, 'staff');
    const verdict = await app.ok('audit.verify', {}, 'staff');
    expect(verdict.ok).toBe(false);
    expect(verdict.problems).toEqual(expect.arrayContaining([
      expect.stringMatching(new RegExp(`^Pupil's device exception ${exceptionId} has been changed outside Safe Hands since audit entry \\d+\\.$`)),
      `Pupil's device exception ${exceptionId + 1} was added outside Safe Hands: no audit entry records it.`,
    ]));
  });
});
