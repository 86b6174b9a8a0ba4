import { afterEach, describe, expect, it } from 'vitest';
import { AGREEMENTS_FOR_PUPIL_SQL } from '../../../src/main/db/repositories/learner-agreement-repo.js';
import { carriesPin } from '../../../src/main/server/pin-throttle.js';
import type { CommandInput } from '../../../src/shared/contract/index.js';
import { editWhileClosed } from '../../helpers/another-program.js';
import { addColleagues, HEAD, HEAD_PIN, OFFICE, type SetUp } from '../../helpers/learner-staff.js';
import { ADMIN_PIN, contentHash, count, createSetUpApp, disposeAll, lastAuditDetail, scalar, CHECK_REFUSED, itOnSqlite } from '../../helpers/test-app.js';

afterEach(disposeAll);

/** A school with a headteacher (leadership only: not the DSL, not an administrator) and an office account, each at their own console. */
async function school(): Promise<{ app: SetUp; headId: number; officeId: number }> {
  const app = await createSetUpApp();
  const [headId, officeId] = await addColleagues(app, HEAD, OFFICE);
  return { app, headId: headId!, officeId: officeId! };
}

function agreement(headId: number, change: Partial<CommandInput<'learner.recordAgreement'>> = {}): CommandInput<'learner.recordAgreement'> {
  return {
    pupilName: "Amy O'Brien",
    classGroup: '6B',
    deviceKind: 'phone',
    deviceDescription: 'Red Nokia, cracked case',
    reason: 'Walks home alone on Tuesdays and Thursdays',
    conditions: 'Switched off and handed in at the office on arrival',
    validFrom: '2026-11-23',
    validUntil: '2027-07-21',
    agreedBy: { staffId: headId, pin: HEAD_PIN },
    ...change,
  };
}

describe("the head's prior agreement for a pupil's device", () => {
  it('is recorded by the head with their own PIN, fixed from then on, and listed for the office', async () => {
    const { app, headId } = await school();
    expect((await app.ok('staff.session', {}, 'head')).session?.roles).toEqual(['office', 'head']);

    const view = await app.ok('learner.recordAgreement', agreement(headId), 'head');
    expect(view).toMatchObject({
      pupilName: "Amy O'Brien", classGroup: '6B', deviceKind: 'phone', state: 'in_force', agreedBy: 'Helen Bradley', recordedBy: 'Helen Bradley',
      validFrom: '2026-11-23', validUntil: '2027-07-21', ended: null,
    });
    const listed = await app.ok('learner.agreements', {}, 'office');
    expect(listed.agreements.map((a) => a.agreementId)).toEqual([view.agreementId]);
    // Only heads are offered as who agreed.
    expect(listed.heads).toEqual([{ staffId: headId, displayName: 'Helen Bradley' }]);
    // The entry is the head's, and carries no name: the trail outlives the pupil's name on the record.
    expect((await scalar(app, `SELECT actor_label FROM audit_log WHERE action = 'learner.record_agreement'`))).toBe('Helen Bradley');
    expect(JSON.stringify(await lastAuditDetail(app, 'learner.record_agreement'))).not.toContain('Amy');

    await expect(app.db.run(`UPDATE learner_agreements SET valid_until = '2030-01-01' WHERE id = ?`, [view.agreementId])).rejects.toThrow(/only be ended, once/);
    await expect(app.db.run(`UPDATE learner_agreements SET pupil_name = 'Someone else' WHERE id = ?`, [view.agreementId])).rejects.toThrow(/only be ended, once/);
    await expect(app.db.run('DELETE FROM learner_agreements')).rejects.toThrow(/never deleted/);
  });

  it('is refused to anyone without the head role, however senior, and nothing is written', async () => {
    const { app, headId } = await school();
    const before = await contentHash(app);
    // The first account is DSL and administrator, but not leadership.
    expect((await app.fails('learner.recordAgreement', agreement(headId), 'staff'))).toMatchObject({
      code: 'forbidden', message: 'This needs the Headteacher or leadership role. Ask someone who has it.',
    });
    expect((await app.fails('learner.recordAgreement', agreement(headId), 'office')).code).toBe('forbidden');
    expect((await app.fails('learner.recordAgreement', agreement(headId), 'kiosk')).code).toBe('locked');
    expect(await contentHash(app)).toBe(before);
  });

  it('needs the agreeing person to be a head, typing their own right PIN; a wrong PIN counts against their account', async () => {
    const { app, headId } = await school();
    const notAHead = await app.fails('learner.recordAgreement', agreement(headId, { agreedBy: { staffId: app.adminId, pin: ADMIN_PIN } }), 'head');
    expect(notAHead).toMatchObject({ code: 'forbidden', fields: { 'agreedBy.staffId': 'Only the headteacher or a leader can agree.' } });
    expect(notAHead.message).toBe("Priya Shah does not have the Headteacher or leadership role. Only the headteacher or a leader can agree to a pupil's device.");

    const wrong = await app.fails('learner.recordAgreement', agreement(headId, { agreedBy: { staffId: headId, pin: '9999' } }), 'head');
    expect(wrong).toMatchObject({ code: 'wrong_pin', fields: { 'agreedBy.pin': 'That PIN is not right.' } });
    expect(await count(app, 'learner_agreements')).toBe(0);
    expect((await scalar(app, 'SELECT failed_pin_count FROM staff WHERE id = ?', [headId]))).toBe(1);
    expect(await lastAuditDetail(app, 'learner.agreement_pin_failed')).toMatchObject({ failures: 1 });
    // A screen held back for wrong PINs is held back here too, so recording agreements is no way round the wait.
    expect(carriesPin(agreement(headId))).toBe(true);
    expect((await app.fails('learner.recordAgreement', { ...agreement(headId), agreedBy: undefined }, 'head')).fields).toEqual({
      agreedBy: 'Choose who agreed, and have them type their own PIN.',
    });
  });

  it('refuses a last day before the first, a last day already past and dates that do not exist, saying which', async () => {
    const { app, headId } = await school();
    const before = await contentHash(app);
    const backwards = await app.fails('learner.recordAgreement', agreement(headId, { validFrom: '2027-01-10', validUntil: '2027-01-09' }), 'head');
    expect(backwards).toMatchObject({ code: 'invalid_input', fields: { validUntil: 'The last day cannot be before the first day.' } });
    // Told with every other problem at once, so the form shows them together.
    const both = await app.fails('learner.recordAgreement', agreement(headId, { reason: ' ', validFrom: '2027-01-10', validUntil: '2027-01-09' }), 'head');
    expect(both.fields).toEqual({
      reason: 'Say why the pupil needs the device, for example "walks home alone".',
      validUntil: 'The last day cannot be before the first day.',
    });
    const past = await app.fails('learner.recordAgreement', agreement(headId, { validFrom: '2026-09-01', validUntil: '2026-11-22' }), 'head');
    expect(past).toMatchObject({ code: 'invalid_input', fields: { validUntil: 'The last day has already passed.' } });
    const unreal = await app.fails('learner.recordAgreement', agreement(headId, { validUntil: '2027-02-30' }), 'head');
    expect(unreal.fields).toEqual({ validUntil: 'The last day is not a real date.' });
    expect(await contentHash(app)).toBe(before);
    // One day is a whole agreement: the first and last day are both included.
    expect((await app.ok('learner.recordAgreement', agreement(headId, { validFrom: '2026-11-23', validUntil: '2026-11-23' }), 'head')).state).toBe('in_force');
  });

  it('runs for whole days on the UK calendar: not yet in force before its first day, over after its last', async () => {
    const { app, headId } = await school();
    const { agreementId } = await app.ok('learner.recordAgreement', agreement(headId, { validFrom: '2026-11-24', validUntil: '2026-11-27' }), 'head');
    const state = async () => (await app.ok('learner.agreementsFor', { pupilName: "Amy O'Brien" }, 'office')).agreements[0]!.state;
    expect(await state()).toBe('not_started');
    // 23:59 in London on the last day is still in force; a minute later it is not.
    app.clock.set('2026-11-27T23:59:00Z');
    await app.ok('staff.unlock', { staffId: headId, pin: HEAD_PIN }, 'office');
    // (The session lasts: these answers come within its minutes.)
    expect(await state()).toBe('in_force');
    app.clock.set('2026-11-28T00:00:00Z');
    expect(await state()).toBe('expired');
    expect(await app.fails('learner.endAgreement', { agreementId, reason: 'Too late' }, 'office')).toMatchObject({
      code: 'conflict', message: 'That agreement already ran out on Fri, 27 Nov 2026.',
    });
  });

  it('is ended early once, with who and why; the second try is refused and the record stays', async () => {
    const { app, headId } = await school();
    const { agreementId } = await app.ok('learner.recordAgreement', agreement(headId), 'head');
    expect((await app.fails('learner.endAgreement', { agreementId, reason: 'Moved school' }, 'office')).code).toBe('forbidden');
    expect((await app.fails('learner.endAgreement', { agreementId, reason: '   ' }, 'head')).fields).toEqual({ reason: 'Say why the agreement ends early.' });
    app.clock.set('2026-12-01T10:00:00Z');
    await app.ok('staff.unlock', { staffId: headId, pin: HEAD_PIN }, 'head');
    const ended = await app.ok('learner.endAgreement', { agreementId, reason: 'Used the phone in class twice' }, 'head');
    expect(ended).toMatchObject({ state: 'ended', ended: { at: '2026-12-01T10:00:00.000Z', by: 'Helen Bradley', reason: 'Used the phone in class twice' } });
    const before = await contentHash(app);
    expect(await app.fails('learner.endAgreement', { agreementId, reason: 'Again' }, 'head')).toMatchObject({
      code: 'conflict', message: 'That agreement was already ended by Helen Bradley on Tue, 1 Dec 2026.',
    });
    expect(await contentHash(app)).toBe(before);
    await expect(app.db.run(`UPDATE learner_agreements SET end_reason = 'Something kinder' WHERE id = ?`, [agreementId])).rejects.toThrow(/only be ended, once/);
    // Ended agreements stay on the list, after the current ones.
    const { agreementId: next } = await app.ok('learner.recordAgreement', agreement(headId, { validFrom: '2026-12-01' }), 'head');
    expect((await app.ok('learner.agreements', {}, 'head')).agreements.map((a) => [a.agreementId, a.state])).toEqual([[next, 'in_force'], [agreementId, 'ended']]);
  });

  it('refuses the same pupil and kind of device twice over the same days, until the first is ended', async () => {
    const { app, headId } = await school();
    const { agreementId } = await app.ok('learner.recordAgreement', agreement(headId), 'head');
    const again = await app.fails('learner.recordAgreement', agreement(headId, { pupilName: "amy  o'brien", classGroup: '6b', validFrom: '2027-01-04' }), 'head');
    expect(again).toMatchObject({
      code: 'conflict',
      message: "Amy O'Brien (6B) already has an agreement for a phone from Mon, 23 Nov 2026 to Wed, 21 Jul 2027. If this one replaces it, end that one first.",
    });
    // Another device, or another Amy O'Brien in another class, is another agreement.
    await app.ok('learner.recordAgreement', agreement(headId, { deviceKind: 'smart_watch', deviceDescription: 'Blue watch' }), 'head');
    await app.ok('learner.recordAgreement', agreement(headId, { classGroup: '3A' }), 'head');
    await app.ok('learner.endAgreement', { agreementId, reason: 'New phone' }, 'head');
    await app.ok('learner.recordAgreement', agreement(headId, { deviceDescription: 'Black iPhone SE' }), 'head');
  });

  itOnSqlite('is found at hand-in by the whole name however it is typed, in any script, and never by a first name alone', async () => {
    const { app, headId } = await school();
    await app.ok('learner.recordAgreement', agreement(headId), 'head');
    await app.ok('learner.recordAgreement', agreement(headId, { pupilName: '王芳', classGroup: '5C' }), 'head');
    // A pupil known by one character is a name like any other.
    await app.ok('learner.recordAgreement', agreement(headId, { pupilName: '李', classGroup: '2A', deviceKind: 'smart_watch' }), 'head');
    const found = async (name: string) => (await app.ok('learner.agreementsFor', { pupilName: name }, 'office')).agreements.map((a) => a.pupilName);
    expect(await found("Amy O'Brien")).toEqual(["Amy O'Brien"]);
    expect(await found('  AMY   OBRIEN ')).toEqual(["Amy O'Brien"]);
    expect(await found("O’Brien Amy")).toEqual(["Amy O'Brien"]);
    expect(await found('Amy')).toEqual([]);
    expect(await found('王芳')).toEqual(['王芳']);
    expect(await found('王')).toEqual([]);
    expect(await found('李')).toEqual(['李']);
    // Asked at every pause in typing: it seeks the pupil's index, never reads every agreement.
    const plan = ((await app.db.all(`EXPLAIN QUERY PLAN ${AGREEMENTS_FOR_PUPIL_SQL}`, { pupilKey: 'amy obrien', today: '2026-11-23' })) as { detail: string }[])
      .map((r) => r.detail).join('\n');
    expect(plan).toMatch(/SEARCH a USING INDEX learner_agreements_by_pupil \(pupil_key=\?\)/);
    expect((await app.fails('learner.agreementsFor', { pupilName: '--' }, 'office')).message).toBe("The pupil's name must have at least one letter or number.");
    expect((await app.fails('learner.recordAgreement', agreement(headId, { pupilName: "'" }), 'head')).fields).toEqual({
      pupilName: "The pupil's name must have at least one letter or number.",
    });
  });

  it('loses the words that name the pupil once it finished longer ago than the retention period, keeping the rest', async () => {
    const { app, headId } = await school();
    await app.ok('settings.update', { retentionYears: 1 }, 'staff');
    const old = await app.ok('learner.recordAgreement', agreement(headId, { validUntil: '2026-12-18' }), 'head');
    const endedEarly = await app.ok('learner.recordAgreement', agreement(headId, { pupilName: 'Kofi Mensah', validUntil: '2027-07-21' }), 'head');
    await app.ok('learner.endAgreement', { agreementId: endedEarly.agreementId, reason: "Kofi's family moved away" }, 'head');
    const current = await app.ok('learner.recordAgreement', agreement(headId, { pupilName: 'Zoë Lee', validUntil: '2028-07-21' }), 'head');

    app.clock.set('2027-12-20T09:00:00Z');
    await app.ok('staff.unlock', { staffId: app.adminId, pin: ADMIN_PIN }, 'staff');
    const run = await app.ok('retention.runNow', {}, 'staff');
    expect(run.agreementsCleared).toBe(2);
    expect(await lastAuditDetail(app, 'retention.purge')).toMatchObject({ agreementsCleared: 2 });
    const rows = (await app.db.all('SELECT * FROM learner_agreements ORDER BY id')) as Record<string, unknown>[];
    expect(rows[0]).toMatchObject({
      id: old.agreementId, pupil_name: 'Removed', class_group: 'Removed', device_description: 'Removed', reason: 'Removed', conditions: null,
      device_kind: 'phone', valid_from: '2026-11-23', valid_until: '2026-12-18', agreed_by: headId,
    });
    expect(rows[1]).toMatchObject({ pupil_name: 'Removed', end_reason: 'Removed', ended_by: headId });
    expect(rows[2]).toMatchObject({ id: current.agreementId, pupil_name: 'Zoë Lee', reason: 'Walks home alone on Tuesdays and Thursdays' });
    expect((await app.ok('learner.agreementsFor', { pupilName: 'Kofi Mensah' }, 'staff')).agreements).toEqual([]);
    expect((await app.ok('retention.runNow', {}, 'staff')).agreementsCleared).toBe(0);
  });
});

describe('an agreement edited behind the app', () => {
  it('is caught by the audit check: changed, added or deleted outside Safe Hands', async () => {
    let { app, headId } = await school();
    const { agreementId } = await app.ok('learner.recordAgreement', agreement(headId), 'head');
    app = await editWhileClosed(app, async (db) => {
      // Someone with another program stretches the agreement to the end of next year, and adds one nobody agreed.
      await db.run(`UPDATE learner_agreements SET valid_until = '2027-12-31' WHERE id = ?`, [agreementId]);
      await db.run(`INSERT INTO learner_agreements (pupil_name, pupil_key, class_group, device_kind, device_description, reason, valid_from, valid_until, agreed_by, recorded_at, recorded_by)
        VALUES ('Sam Fox', 'fox sam', '6B', 'phone', 'Any', 'Wanted one', '2026-11-23', '2027-07-21', ?, '2026-11-23T09:00:00.000Z', ?)`, [headId, headId]);
    });
    await app.ok('staff.unlock', { staffId: app.adminId, pin: ADMIN_PIN }, 'staff');
    const verdict = await app.ok('audit.verify', {}, 'staff');
    expect(verdict.ok).toBe(false);
    expect(verdict.problems).toEqual(expect.arrayContaining([
      expect.stringMatching(new RegExp(`^Pupil's device agreement ${agreementId} has been changed outside Safe Hands since audit entry \\d+\\.$`)),
      `Pupil's device agreement ${agreementId + 1} was added outside Safe Hands: no audit entry records it.`,
    ]));
  });
});

describe('the head role on staff accounts', () => {
  it('is given and taken away by an administrator like the others, and is stored so that older staff rows still check', async () => {
    const { app, headId } = await school();
    expect((await app.ok('staff.list', {}, 'staff')).staff.find((s) => s.staffId === headId)?.roles).toEqual(['office', 'head']);
    await app.ok('staff.update', { staffId: headId, displayName: 'Helen Bradley', roles: ['dsl', 'head'] }, 'staff');
    expect((await app.db.get('SELECT is_dsl, is_head FROM staff WHERE id = ?', [headId]))).toEqual({ is_dsl: 1, is_head: 1 });
    await app.ok('staff.update', { staffId: headId, displayName: 'Helen Bradley', roles: ['dsl'] }, 'staff');
    // "No" is null, as on every account from before the role existed, whose sealed hashes must still hold.
    expect((await scalar(app, 'SELECT is_head FROM staff WHERE id = ?', [headId]))).toBeNull();
    await expect(app.db.run('UPDATE staff SET is_head = 0 WHERE id = ?', [headId])).rejects.toThrow(CHECK_REFUSED);
  });
});
