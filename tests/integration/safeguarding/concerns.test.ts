import { afterEach, describe, expect, it } from 'vitest';
import { checkAuditNow } from '../../../src/main/audit/audit-check.js';
import { asAnotherProgram, type AnotherProgram } from '../../helpers/another-program.js';
import { ADMIN_PIN, contentHash, count, createSetUpApp, disposeAll, newVisitor, type TestApp, scalar, column } from '../../helpers/test-app.js';

afterEach(disposeAll);

async function withOfficeStaff() {
  const app = await createSetUpApp();
  for (const [name, pin] of [['Olu Office', '1357'], ['Kim Office', '2468']] as const) {
    const s = await app.ok('staff.create', { displayName: name, roles: [], pin, pinAgain: pin }, 'staff');
    await app.ok('staff.unlock', { staffId: s.staffId, pin }, name);
  }
  return app;
}

const CONCERN = {
  aboutType: 'visitor' as const,
  aboutName: 'Man in a blue coat',
  location: 'Reception',
  whatHappened: 'Took a photo of the <script>alert(1)</script> display board with children in view.',
  actionTaken: 'Asked him to delete it; he did.',
};

describe('concerns', () => {
  it('any staff member records one, linked to the visit; the DSL sees it, reviews it and closes it', async () => {
    const app = await withOfficeStaff();
    const visit = await newVisitor(app);
    const raised = await app.ok('concern.raise', { ...CONCERN, visitId: visit.visitId }, 'Olu Office');
    expect(raised).toMatchObject({ raisedBy: 'Olu Office', status: 'new', visitId: visit.visitId, whatHappened: CONCERN.whatHappened });
    expect((await app.ok('concern.list', {}, 'staff')).concerns.map((c) => c.concernId)).toEqual([raised.concernId]);
    const reviewed = await app.ok('concern.review', { concernId: raised.concernId, outcome: 'Spoke to his employer.', close: false }, 'staff');
    expect(reviewed).toMatchObject({ status: 'reviewed', reviewedBy: 'Priya Shah' });
    const closed = await app.ok('concern.review', { concernId: raised.concernId, outcome: 'No further action.', close: true }, 'staff');
    expect(closed.status).toBe('closed');
    expect((await app.fails('concern.review', { concernId: raised.concernId, outcome: 'Again', close: true }, 'staff')).code).toBe('conflict');
  });

  it('office staff see only the concerns they wrote, and cannot review', async () => {
    const app = await withOfficeStaff();
    await app.ok('concern.raise', CONCERN, 'Olu Office');
    const kims = await app.ok('concern.raise', { ...CONCERN, aboutName: 'Delivery driver' }, 'Kim Office');
    expect((await app.ok('concern.list', {}, 'Kim Office')).concerns.map((c) => c.concernId)).toEqual([kims.concernId]);
    expect((await app.ok('concern.list', {}, 'staff')).concerns).toHaveLength(2);
    expect((await app.fails('concern.review', { concernId: kims.concernId, outcome: 'x', close: true }, 'Kim Office')).code).toBe('forbidden');
  });

  it('keeps concern details out of the audit trail, which everyone with audit access reads', async () => {
    const app = await withOfficeStaff();
    await app.ok('concern.raise', CONCERN, 'Olu Office');
    const details = (await scalar(app, `SELECT detail_json FROM audit_log WHERE action = 'concern.raise'`)) as string;
    expect(details).not.toContain('blue coat');
    await expect(app.db.run('DELETE FROM concerns')).rejects.toThrow(/never deleted/);
  });

  it.each([
    [{ ...CONCERN, whatHappened: '' }, 'whatHappened'],
    [{ ...CONCERN, aboutType: 'alien' }, 'aboutType'],
    [{ ...CONCERN, location: 'x'.repeat(10_000) }, 'location'],
  ])('refuses a bad concern and changes nothing (%#)', async (input, field) => {
    const app = await withOfficeStaff();
    const before = await contentHash(app);
    expect((await app.fails('concern.raise', input, 'Olu Office')).fields?.[field]).toBeTruthy();
    expect(await contentHash(app)).toBe(before);
  });

  it('an unknown visit is refused', async () => {
    const app = await withOfficeStaff();
    expect((await app.fails('concern.raise', { ...CONCERN, visitId: 999 }, 'Olu Office')).code).toBe('not_found');
  });
});

/** A concern raised by Olu about a pupil, and one raised by the DSL about a member of staff. */
async function twoConcerns(app: TestApp) {
  const pupil = await app.ok('concern.raise', {
    ...CONCERN, aboutType: 'learner', aboutName: 'Jayden, Year 3', location: 'The playground',
    whatHappened: 'Said an older pupil showed him a frightening video on a phone.',
  }, 'Olu Office');
  const teacher = await app.ok('concern.raise', {
    ...CONCERN, aboutType: 'staff', aboutName: 'Mr Hale, Year 5 teacher', location: 'Year 5 classroom',
    whatHappened: 'Pupils say he photographed them on his own phone during PE.',
  }, 'staff');
  return { pupil, teacher };
}

/** What the audit check finds now, after an edit made by another program (on purpose). */
async function editBehindTheApp(app: TestApp, edit: (db: AnotherProgram) => Promise<void>): Promise<string[]> {
  await asAnotherProgram(app, edit);
  return (await checkAuditNow(app.db, app.auditTrail.ring.all())).problems;
}

describe('telling the parents or carers', () => {
  it('the member of staff who raised a concern records who told them and when; the audit keeps no names', async () => {
    const app = await withOfficeStaff();
    const { pupil } = await twoConcerns(app);
    const told = await app.ok('concern.recordParentsInformed', {
      concernId: pupil.concernId, informedOn: '2026-11-23', informedTime: '08:40', informedBy: 'Mrs Okafor, class teacher', whoWasTold: 'His mum',
    }, 'Olu Office');
    expect(told.parentsInformed).toEqual([{
      informed: true, informedOn: '2026-11-23', informedTime: '08:40', informedBy: 'Mrs Okafor, class teacher', whoWasTold: 'His mum',
      recordedAt: '2026-11-23T09:00:00.000Z', recordedBy: 'Olu Office',
    }]);
    // The DSL sees it on the concern.
    const seen = (await app.ok('concern.list', {}, 'staff')).concerns.find((c) => c.concernId === pupil.concernId)!;
    expect(seen.parentsInformed.map((p) => p.informed && p.informedBy)).toEqual(['Mrs Okafor, class teacher']);
    const detail = (await scalar(app, `SELECT detail_json FROM audit_log WHERE action = 'concern.recordParentsInformed'`)) as string;
    expect(detail).not.toContain('Okafor');
    // Someone else's concern is not theirs to see, so not theirs to add to.
    expect((await app.fails('concern.recordParentsInformed', {
      concernId: pupil.concernId, informedOn: '2026-11-23', informedBy: 'Kim', whoWasTold: null,
    }, 'Kim Office')).code).toBe('not_found');
  });

  it('the DSL may decide they are not to be told, with a reason; staff then see the decision but not why, and cannot record telling them', async () => {
    const app = await withOfficeStaff();
    const { pupil } = await twoConcerns(app);
    expect((await app.fails('concern.recordParentsNotInformed', { concernId: pupil.concernId, reason: 'x' }, 'Olu Office')).code).toBe('forbidden');
    const reason = 'Social care are visiting the home first: telling the father now could put Jayden at risk.';
    await app.ok('concern.recordParentsNotInformed', { concernId: pupil.concernId, reason }, 'staff');

    const asOlu = (await app.ok('concern.list', {}, 'Olu Office')).concerns[0]!;
    expect(asOlu.parentsInformed).toEqual([{ informed: false, reason: null, recordedAt: '2026-11-23T09:00:00.000Z', recordedBy: 'Priya Shah' }]);
    const before = await contentHash(app);
    const refused = await app.fails('concern.recordParentsInformed', { concernId: pupil.concernId, informedOn: '2026-11-23', informedBy: 'Olu' }, 'Olu Office');
    expect(refused).toMatchObject({ code: 'forbidden', message: expect.stringContaining('The DSL has decided') });
    expect(await contentHash(app)).toBe(before);

    // Once it is safe, the DSL records that they were told after all: the decision stays in the record, before it.
    const told = await app.ok('concern.recordParentsInformed', { concernId: pupil.concernId, informedOn: '2026-11-23', informedBy: 'Priya Shah, DSL' }, 'staff');
    expect(told.parentsInformed.map((p) => p.informed)).toEqual([false, true]);
    expect(told.parentsInformed[0]).toMatchObject({ reason });
  });

  it('in an allegation against a member of staff only the DSL records what the parents were told', async () => {
    const app = await withOfficeStaff();
    const aboutStaff = await app.ok('concern.raise', { ...CONCERN, aboutType: 'staff', aboutName: 'A lunchtime supervisor' }, 'Olu Office');
    const input = { concernId: aboutStaff.concernId, informedOn: '2026-11-23', informedBy: 'Olu' };
    expect(await app.fails('concern.recordParentsInformed', input, 'Olu Office')).toMatchObject({ code: 'forbidden', message: expect.stringContaining('LADO') });
    expect((await app.ok('concern.recordParentsInformed', input, 'staff')).parentsInformed).toHaveLength(1);
  });

  it.each([
    [{ informedOn: '2026-11-24' }, 'informedOn', 'The day they were told cannot be in the future.'],
    [{ informedTime: '09:30' }, 'informedTime', 'That time has not come yet today (it is 09:00 now).'],
    [{ informedOn: '2026-02-30' }, 'informedOn', 'The day they were told is not a real date.'],
    [{ informedOn: '' }, 'informedOn', 'Enter the day the parents or carers were told.'],
    [{ informedTime: '9.30' }, 'informedTime', 'The time they were told must be a time like 09:30.'],
    [{ informedBy: '   ' }, 'informedBy', 'Say who told the parents or carers.'],
    [{ informedBy: 'x'.repeat(121) }, 'informedBy', 'Who told them is too long (at most 120 characters).'],
    [{ informedBy: 'Mrs O\u202eakafor' }, 'informedBy', 'Who told them contains hidden characters that change how text is shown. Please type it again.'],
  ])('refuses %j with a clear message and changes nothing', async (change, field, message) => {
    const app = await withOfficeStaff();
    const { pupil } = await twoConcerns(app);
    const before = await contentHash(app);
    const failure = await app.fails('concern.recordParentsInformed', {
      concernId: pupil.concernId, informedOn: '2026-11-23', informedTime: '08:30', informedBy: 'Mrs Okafor', ...change,
    }, 'Olu Office');
    expect(failure).toMatchObject({ code: 'invalid_input', fields: { [field]: message } });
    expect(await contentHash(app)).toBe(before);
  });
});

describe('the debrief', () => {
  it('is the DSL\'s, written only once the concern is closed, once, and shown on the concern', async () => {
    const app = await withOfficeStaff();
    const { pupil } = await twoConcerns(app);
    const debrief = { concernId: pupil.concernId, lessonsLearnt: 'The phone was in a bag all day: the office never knew it was on site.', practiceChange: 'Year 3 phones are handed in at the gate.' };
    const before = await contentHash(app);
    expect(await app.fails('concern.recordDebrief', debrief, 'staff')).toMatchObject({ code: 'conflict', message: expect.stringContaining('Close the concern first') });
    await app.ok('concern.review', { concernId: pupil.concernId, outcome: 'Spoke to both families.', close: false }, 'staff');
    expect((await app.fails('concern.recordDebrief', debrief, 'staff')).code).toBe('conflict');
    expect(await count(app, 'concern_debriefs')).toBe(0);
    // Even written straight into the database, a debrief needs a closed concern.
    await expect(app.db.run(`INSERT INTO concern_debriefs (concern_id, lessons_learnt, recorded_at, recorded_by) VALUES (?, 'x', 'now', 1)`, [pupil.concernId])).rejects.toThrow(/only once the concern is closed/);

    await app.ok('concern.review', { concernId: pupil.concernId, outcome: 'Resolved with both families.', close: true }, 'staff');
    expect((await app.fails('concern.recordDebrief', debrief, 'Olu Office')).code).toBe('forbidden');
    const done = await app.ok('concern.recordDebrief', debrief, 'staff');
    expect(done.debrief).toEqual({
      lessonsLearnt: debrief.lessonsLearnt, practiceChange: debrief.practiceChange, recordedAt: '2026-11-23T09:00:00.000Z', recordedBy: 'Priya Shah',
    });
    // Olu, who raised it, sees what was learnt.
    expect((await app.ok('concern.list', {}, 'Olu Office')).concerns[0]!.debrief?.lessonsLearnt).toBe(debrief.lessonsLearnt);
    expect(await app.fails('concern.recordDebrief', { ...debrief, lessonsLearnt: 'Again' }, 'staff')).toMatchObject({ code: 'conflict', message: 'This concern already has its debrief.' });
    await expect(app.db.run(`UPDATE concern_debriefs SET lessons_learnt = 'Nothing'`)).rejects.toThrow(/never changed/);
    expect(before).not.toBe(await contentHash(app));
  });
});

describe('an allegation against a member of staff', () => {
  it('records the LADO referral and later its outcome, and the police contact; the staff member who raised it sees none of it', async () => {
    const app = await withOfficeStaff();
    const aboutStaff = await app.ok('concern.raise', { ...CONCERN, aboutType: 'staff', aboutName: 'A teaching assistant' }, 'Olu Office');
    const id = aboutStaff.concernId;
    expect((await app.fails('concern.recordLadoReferral', { concernId: id, referredOn: '2026-11-23', ladoReference: 'LADO/26/0411' }, 'Olu Office')).code).toBe('forbidden');
    expect(await app.fails('concern.recordLadoOutcome', { concernId: id, outcome: 'unfounded', outcomeOn: '2026-11-23' }, 'staff'))
      .toMatchObject({ code: 'conflict', message: 'Record the LADO referral first.' });

    const referred = await app.ok('concern.recordLadoReferral', { concernId: id, referredOn: '2026-11-20', ladoReference: 'LADO/26/0411' }, 'staff');
    expect(referred.ladoReferral).toMatchObject({ referredOn: '2026-11-20', ladoReference: 'LADO/26/0411', recordedBy: 'Priya Shah', outcome: null });
    expect((await app.fails('concern.recordLadoReferral', { concernId: id, referredOn: '2026-11-21', ladoReference: 'LADO/26/0999' }, 'staff')).code).toBe('conflict');

    const police = await app.ok('concern.recordPoliceContact', {
      concernId: id, contactedOn: '2026-11-21', policeForce: 'Kent Police', officer: 'DC Sarah Mensah', reference: '46/118822/26',
    }, 'staff');
    expect(police.policeContacts).toEqual([{
      contactedOn: '2026-11-21', policeForce: 'Kent Police', officer: 'DC Sarah Mensah', reference: '46/118822/26',
      recordedAt: '2026-11-23T09:00:00.000Z', recordedBy: 'Priya Shah',
    }]);

    const before = await contentHash(app);
    expect(await app.fails('concern.recordLadoOutcome', { concernId: id, outcome: 'unfounded', outcomeOn: '2026-11-19' }, 'staff'))
      .toMatchObject({ code: 'invalid_input', fields: { outcomeOn: 'The outcome cannot be before the referral (Fri, 20 Nov 2026).' } });
    expect((await app.fails('concern.recordLadoOutcome', { concernId: id, outcome: 'unfounded', outcomeOn: '2026-11-30' }, 'staff')).fields)
      .toEqual({ outcomeOn: 'The day of the outcome cannot be in the future.' });
    expect((await app.fails('concern.recordLadoOutcome', { concernId: id, outcome: 'dismissed', outcomeOn: '2026-11-23' }, 'staff')).fields)
      .toEqual({ outcome: 'Choose the outcome the LADO gave.' });
    expect(await contentHash(app)).toBe(before);

    const decided = await app.ok('concern.recordLadoOutcome', { concernId: id, outcome: 'unsubstantiated', outcomeOn: '2026-11-23', note: 'Refresher on the staff code of conduct.' }, 'staff');
    expect(decided.ladoReferral).toMatchObject({ outcome: 'unsubstantiated', outcomeOn: '2026-11-23', outcomeNote: 'Refresher on the staff code of conduct.', outcomeRecordedBy: 'Priya Shah' });
    expect((await app.fails('concern.recordLadoOutcome', { concernId: id, outcome: 'false', outcomeOn: '2026-11-23' }, 'staff')).code).toBe('conflict');
    await expect(app.db.run(`UPDATE concern_lado_referrals SET lado_reference = 'other'`)).rejects.toThrow(/never changed/);

    // Olu raised it and still sees it, but the LADO's and the police's part are for those handling the allegation.
    const asOlu = (await app.ok('concern.list', {}, 'Olu Office')).concerns[0]!;
    expect([asOlu.concernId, asOlu.ladoReferral, asOlu.policeContacts]).toEqual([id, null, []]);
    const audited = (await column(app, `SELECT detail_json FROM audit_log WHERE action LIKE 'concern.record%'`)).join();
    expect(audited).not.toMatch(/LADO\/26|Mensah|46\/118822/);
  });

  it('refuses a LADO referral on a concern that is not about a member of staff, and one dated in the future', async () => {
    const app = await withOfficeStaff();
    const { pupil, teacher } = await twoConcerns(app);
    const before = await contentHash(app);
    expect(await app.fails('concern.recordLadoReferral', { concernId: pupil.concernId, referredOn: '2026-11-23', ladoReference: 'LADO/1' }, 'staff'))
      .toMatchObject({ code: 'conflict', message: 'A LADO referral is for a concern about a member of staff. This one is about a pupil.' });
    await expect(app.db.run(`INSERT INTO concern_lado_referrals (concern_id, referred_on, lado_reference, recorded_at, recorded_by) VALUES (?, '2026-11-23', 'L', 'now', 1)`, [pupil.concernId])).rejects.toThrow(/only for a concern about a member of staff/);
    expect((await app.fails('concern.recordLadoReferral', { concernId: teacher.concernId, referredOn: '2026-11-24', ladoReference: 'LADO/1' }, 'staff')).fields)
      .toEqual({ referredOn: 'The day of the referral cannot be in the future.' });
    expect((await app.fails('concern.recordLadoReferral', { concernId: teacher.concernId, referredOn: '2026-11-23', ladoReference: 'L'.repeat(41) }, 'staff')).fields)
      .toEqual({ ladoReference: "The LADO's reference is too long (at most 40 characters)." });
    expect((await app.fails('concern.recordPoliceContact', {
      concernId: teacher.concernId, contactedOn: '2026-12-01', policeForce: 'Kent Police', officer: 'PC 1', reference: 'R1',
    }, 'staff')).fields).toEqual({ contactedOn: 'The day the police were contacted cannot be in the future.' });
    expect((await app.fails('concern.recordPoliceContact', {
      concernId: teacher.concernId, contactedOn: '2026-11-23', policeForce: 'Kent Police', officer: ' ', reference: 'R1',
    }, 'staff')).fields).toEqual({ officer: "Enter the officer's name or collar number." });
    expect(await contentHash(app)).toBe(before);
  });
});

describe('what follows a concern, kept and sealed like the concern', () => {
  it('an edit or an addition made behind the app\'s back is caught by the audit check', async () => {
    const app = await withOfficeStaff();
    const { teacher } = await twoConcerns(app);
    await app.ok('concern.recordLadoReferral', { concernId: teacher.concernId, referredOn: '2026-11-20', ladoReference: 'LADO/26/0411' }, 'staff');
    await app.ok('concern.recordParentsNotInformed', { concernId: teacher.concernId, reason: 'The LADO asked us to wait.' }, 'staff');
    expect((await checkAuditNow(app.db, app.auditTrail.ring.all())).problems).toEqual([]);

    const problems = await editBehindTheApp(app, async (db) => {
      // Whoever owns the database can get past the triggers; the seal still shows what they did.
      await db.run(`UPDATE concern_lado_referrals SET lado_reference = 'LADO/26/9999'`);
      await db.run(`INSERT INTO concern_police_contacts (concern_id, contacted_on, police_force, officer, reference, recorded_at, recorded_by)
                  VALUES (?, '2026-11-21', 'Kent Police', 'PC Nobody', 'FAKE', '2026-11-23T09:00:00.000Z', 1)`, [teacher.concernId]);
      await db.run('DELETE FROM concern_parents_informed');
    });
    const text = problems.join('\n');
    expect(text).toMatch(/LADO referral 1 has been changed outside Safe Hands/);
    expect(text).toMatch(/Police contact 1 was added outside Safe Hands/);
    expect(text).toMatch(/Parents informed record 1 has been deleted outside Safe Hands/);
  });

  it('a retention run leaves them as they are, however old', async () => {
    const app = await withOfficeStaff();
    await app.ok('settings.update', { retentionYears: 1 }, 'staff');
    const visit = await newVisitor(app, { firstName: 'Dana', lastName: 'Cole' });
    const aboutVisitor = await app.ok('concern.raise', { ...CONCERN, visitId: visit.visitId }, 'staff');
    await app.ok('concern.recordParentsInformed', { concernId: aboutVisitor.concernId, informedOn: '2026-11-23', informedBy: 'Mrs Okafor', whoWasTold: "Dana Cole's children's parents" }, 'staff');
    await app.ok('concern.recordPoliceContact', { concernId: aboutVisitor.concernId, contactedOn: '2026-11-23', policeForce: 'Kent Police', officer: 'PC Cole', reference: '46/1' }, 'staff');
    await app.ok('concern.review', { concernId: aboutVisitor.concernId, outcome: 'Banned from site.', close: true }, 'staff');
    await app.ok('concern.recordDebrief', { concernId: aboutVisitor.concernId, lessonsLearnt: 'Dana Cole was not escorted.' }, 'staff');
    await app.ok('visit.signOut', { visitId: visit.visitId });
    const before = (await app.ok('concern.list', {}, 'staff')).concerns[0]!;

    app.clock.set('2028-11-24T09:00:00Z');
    await app.ok('staff.unlock', { staffId: app.adminId, pin: ADMIN_PIN }, 'staff');
    expect((await app.ok('retention.runNow', {}, 'staff')).visitorsRemoved).toBe(1);
    const after = (await app.ok('concern.list', {}, 'staff')).concerns[0]!;
    expect([after.parentsInformed, after.policeContacts, after.debrief]).toEqual([before.parentsInformed, before.policeContacts, before.debrief]);
  });
});
