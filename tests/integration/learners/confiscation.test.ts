import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '../../../src/main/core/paths.js';
import { carriesPin } from '../../../src/main/server/pin-throttle.js';
import type { CommandInput } from '../../../src/shared/contract/index.js';
import { editWhileClosed } from '../../helpers/another-program.js';
import { addColleagues, HEAD, HEAD_PIN, OFFICE, OFFICE_PIN, unlockAgain, type Colleague, type SetUp } from '../../helpers/learner-staff.js';
import { ADMIN_PIN, contentHash, count, createSetUpApp, disposeAll, lastAuditDetail, reopenTestApp, scalar, itOnSqlite } from '../../helpers/test-app.js';

afterEach(disposeAll);

const DSL_PIN = '246813';
const DSL: Colleague = { displayName: 'Dee Safeguarding', roles: ['dsl'], pin: DSL_PIN, console: 'dsl' };

/**
 * A school on Monday 23 November 2026 at 09:00 (GMT, so UK time is UTC), its day ending at 15:15. The first
 * account (`staff`) is DSL and administrator; Dee is the DSL alone, Helen the headteacher alone, Olu office
 * only. Olu and Dee each have a console open.
 */
async function school(): Promise<{ app: SetUp; officeId: number; dslId: number; headId: number }> {
  const app = await createSetUpApp();
  await app.ok('settings.update', { endOfDay: '15:15' }, 'staff');
  const [officeId, dslId, headId] = await addColleagues(app, OFFICE, DSL, { ...HEAD, console: null });
  return { app, officeId: officeId!, dslId: dslId!, headId: headId! };
}

/** The clock moves on; the consoles, locked by then, are unlocked again. */
async function at(app: SetUp, ids: { officeId: number; dslId: number }, instant: string): Promise<void> {
  app.clock.set(instant);
  await unlockAgain(app, [OFFICE, ids.officeId], [DSL, ids.dslId]);
}

/** Kai's phone and watch, confiscated at 09:00 and logged into bag C1 on one receipt. */
async function confiscate(app: SetUp, reason: 'confiscated' | 'learner_day' = 'confiscated') {
  const { receipt } = await app.ok('custody.log', {
    owner: { type: 'learner', name: 'Kai Morgan', group: '6B', reason, confiscationReason: reason === 'confiscated' ? 'Filming in the toilets' : null },
    items: [
      { kind: 'phone', description: 'Black iPhone', marks: null, bagSlot: 'C1' },
      { kind: 'smart_watch', description: 'Blue watch', marks: null, bagSlot: 'C1' },
    ],
  }, 'office');
  return { receiptId: receipt.receiptId, phone: receipt.items[0]!.itemId, watch: receipt.items[1]!.itemId };
}

function release(
  receiptId: number, itemIds: number[], change: Partial<CommandInput<'learner.releaseConfiscated'>> = {},
): CommandInput<'learner.releaseConfiscated'> {
  return {
    receiptId, itemIds, parentName: 'Dawn Morgan', relationship: 'mother', relationshipOther: null,
    identityCheck: 'photo_id', identityNote: null, note: null, early: null, ...change,
  };
}

function police(receiptId: number, itemIds: number[]): CommandInput<'learner.handToPolice'> {
  return {
    receiptId, itemIds, officerName: 'PC Amir Khan', officerNumber: '4471', policeForce: 'Kent Police', policeReference: '46/123456/26', note: null,
  };
}

const stillConfiscated = async (app: SetUp) => (await app.ok('learner.devicesHeld', {}, 'office')).confiscated.flatMap((h) => h.items.map((i) => i.itemId));

describe('a confiscated device released to a parent or carer', () => {
  it('goes at the end of the day from the office alone: the record, the closed item and the receipt say who, how related, how checked', async () => {
    const { app, officeId, dslId } = await school();
    const kai = await confiscate(app);
    await at(app, { officeId, dslId }, '2026-11-23T15:15:00Z');

    const receipt = await app.ok('learner.releaseConfiscated', release(kai.receiptId, [kai.phone, kai.watch]), 'office');
    expect(receipt.items.map((i) => [i.state, i.closedTo, i.closedBy, i.closedAt])).toEqual([
      ['handed_on', 'Dawn Morgan (mother)', 'Olu Office', '2026-11-23T15:15:00.000Z'],
      ['handed_on', 'Dawn Morgan (mother)', 'Olu Office', '2026-11-23T15:15:00.000Z'],
    ]);
    expect(receipt.items[0]!.confiscationOutcome).toEqual({ way: 'parent', relationship: 'mother', identityCheck: 'Photo ID seen', early: null });
    expect(await stillConfiscated(app)).toEqual([]);
    expect((await app.db.all('SELECT item_id, released_by, parent_name, relationship, identity_check, early_agreed_by FROM confiscation_releases ORDER BY id'))).toEqual([
      { item_id: kai.phone, released_by: officeId, parent_name: 'Dawn Morgan', relationship: 'mother', identity_check: 'photo_id', early_agreed_by: null },
      { item_id: kai.watch, released_by: officeId, parent_name: 'Dawn Morgan', relationship: 'mother', identity_check: 'photo_id', early_agreed_by: null },
    ]);
    // One entry for the release, naming nobody: the trail is kept for good.
    const entry = await lastAuditDetail(app, 'learner.release_confiscated');
    expect(entry).toEqual({ itemIds: [kai.phone, kai.watch], relationship: 'mother', identityCheck: 'photo_id' });
    expect(JSON.stringify(entry)).not.toMatch(/Dawn|Morgan|Kai/);
    // Found again by scanning the receipt, it shows how each item left.
    const found = await app.ok('custody.findReceipt', { code: receipt.receiptNumber }, 'office');
    expect(found.items[1]!.confiscationOutcome).toMatchObject({ way: 'parent', identityCheck: 'Photo ID seen' });
  });

  it('takes another relationship or identity check only with the words for it, and says so before anything is written', async () => {
    const { app, officeId, dslId } = await school();
    const kai = await confiscate(app);
    await at(app, { officeId, dslId }, '2026-11-23T16:00:00Z');
    const before = await contentHash(app);
    expect((await app.fails('learner.releaseConfiscated', release(kai.receiptId, [kai.phone], {
      relationship: 'other', identityCheck: 'other', parentName: '  ',
    }), 'office')).fields).toEqual({
      parentName: 'Enter the full name of the parent or carer collecting.',
      relationshipOther: 'Say who they are to the pupil, for example aunt.',
      identityNote: 'Say how you checked who they are.',
    });
    expect((await app.fails('learner.releaseConfiscated', release(kai.receiptId, []), 'office')).fields).toEqual({ itemIds: 'Tick at least one device.' });
    expect(await contentHash(app)).toBe(before);

    const receipt = await app.ok('learner.releaseConfiscated', release(kai.receiptId, [kai.phone], {
      parentName: 'Joy Morgan', relationship: 'other', relationshipOther: 'aunt', identityCheck: 'other', identityNote: 'Mum phoned ahead to say Joy was coming',
    }), 'office');
    expect(receipt.items[0]).toMatchObject({
      closedTo: 'Joy Morgan (aunt)',
      confiscationOutcome: { way: 'parent', relationship: 'aunt', identityCheck: 'Mum phoned ahead to say Joy was coming', early: null },
    });
  });

  it('is refused before the end of the day without the DSL or headteacher, changing nothing', async () => {
    const { app, officeId, dslId } = await school();
    const kai = await confiscate(app);
    await at(app, { officeId, dslId }, '2026-11-23T15:14:00Z');
    const before = await contentHash(app);
    const refused = await app.fails('learner.releaseConfiscated', release(kai.receiptId, [kai.phone]), 'office');
    expect(refused).toMatchObject({
      code: 'conflict',
      message: 'A confiscated device goes home at the end of the school day (15:15). To release it now, the DSL or the headteacher must agree: '
        + 'choose who, have them type their own PIN, and say why.',
      fields: { early: 'Before the end of the day, the DSL or the headteacher must agree.' },
    });
    expect(await contentHash(app)).toBe(before);
    expect(await stillConfiscated(app)).toEqual([kai.phone, kai.watch]);
  });

  it('goes before the end of the day when the DSL, or the headteacher, types their own PIN with a reason', async () => {
    const { app, officeId, dslId, headId } = await school();
    const kai = await confiscate(app);
    await at(app, { officeId, dslId }, '2026-11-23T11:30:00Z');
    const byDsl = await app.ok('learner.releaseConfiscated', release(kai.receiptId, [kai.phone], {
      early: { staffId: dslId, pin: DSL_PIN, reason: 'Hospital appointment at 12' },
    }), 'office');
    expect(byDsl.items[0]!.confiscationOutcome).toEqual({
      way: 'parent', relationship: 'mother', identityCheck: 'Photo ID seen', early: { agreedBy: 'Dee Safeguarding', reason: 'Hospital appointment at 12' },
    });
    expect(await lastAuditDetail(app, 'learner.release_confiscated')).toEqual({
      itemIds: [kai.phone], relationship: 'mother', identityCheck: 'photo_id', earlyAgreedBy: dslId,
    });

    const byHead = await app.ok('learner.releaseConfiscated', release(kai.receiptId, [kai.watch], {
      identityCheck: 'known_to_staff', early: { staffId: headId, pin: HEAD_PIN, reason: 'Going home ill' },
    }), 'office');
    expect(byHead.items[1]!.confiscationOutcome).toMatchObject({ identityCheck: 'Known to staff', early: { agreedBy: 'Helen Bradley', reason: 'Going home ill' } });
    expect((await app.db.all('SELECT early_agreed_by, early_reason FROM confiscation_releases ORDER BY id'))).toEqual([
      { early_agreed_by: dslId, early_reason: 'Hospital appointment at 12' },
      { early_agreed_by: headId, early_reason: 'Going home ill' },
    ]);
    // A screen held back for wrong PINs is held back here too.
    expect(carriesPin(release(1, [1], { early: { staffId: dslId, pin: DSL_PIN, reason: 'x' } }))).toBe(true);
  });

  it('counts a wrong PIN against the account of whoever agrees, and refuses an office account as agreeing', async () => {
    const { app, officeId, dslId } = await school();
    const kai = await confiscate(app);
    const before = await contentHash(app);
    const wrong = await app.fails('learner.releaseConfiscated', release(kai.receiptId, [kai.phone], {
      early: { staffId: dslId, pin: '999999', reason: 'Hospital' },
    }), 'office');
    expect(wrong).toMatchObject({ code: 'wrong_pin', fields: { 'early.pin': 'That PIN is not right.' } });
    expect((await scalar(app, 'SELECT failed_pin_count FROM staff WHERE id = ?', [dslId]))).toBe(1);
    expect(await lastAuditDetail(app, 'learner.early_release_pin_failed')).toMatchObject({ failures: 1 });
    expect(await count(app, 'confiscation_releases')).toBe(0);

    const office = await app.fails('learner.releaseConfiscated', release(kai.receiptId, [kai.phone], {
      early: { staffId: officeId, pin: OFFICE_PIN, reason: 'Hospital' },
    }), 'office');
    expect(office).toMatchObject({
      code: 'forbidden',
      message: 'Olu Office is not the DSL or a headteacher or leader. Only they can agree to release a confiscated device before the end of the day.',
      fields: { 'early.staffId': 'Only the DSL or the headteacher can agree.' },
    });
    expect(await stillConfiscated(app)).toEqual([kai.phone, kai.watch]);
    // Only the wrong PIN's count and its entry were written.
    expect((await count(app, 'confiscation_releases')) + (await count(app, 'police_handovers'))).toBe(0);
    expect(await contentHash(app)).not.toBe(before);
  });

  it('may go any time on a later day, and some items may go while the rest stay', async () => {
    const { app, officeId, dslId } = await school();
    const kai = await confiscate(app);
    await at(app, { officeId, dslId }, '2026-11-24T08:30:00Z');
    await app.ok('learner.releaseConfiscated', release(kai.receiptId, [kai.watch]), 'office');
    expect(await stillConfiscated(app)).toEqual([kai.phone]);
    const held = await app.ok('learner.devicesHeld', {}, 'office');
    expect(held.confiscated[0]).toMatchObject({ notCollectedSince: '2026-11-23', pastEndOfDay: true });
    expect(held.earlyAgreers.map((a) => a.displayName)).toEqual(['Dee Safeguarding', 'Helen Bradley', 'Priya Shah']);
  });

  it('tells a second desk who it already went to, and changes nothing', async () => {
    const { app, officeId, dslId } = await school();
    const kai = await confiscate(app);
    await at(app, { officeId, dslId }, '2026-11-23T15:30:00Z');
    await app.ok('learner.releaseConfiscated', release(kai.receiptId, [kai.phone]), 'office');
    const before = await contentHash(app);
    const again = await app.fails('learner.releaseConfiscated', release(kai.receiptId, [kai.watch, kai.phone], { parentName: 'Mark Morgan', relationship: 'father' }), 'staff');
    expect(again).toMatchObject({
      code: 'conflict',
      message: 'Phone (bag C1) was already handed on to Dawn Morgan (mother) by Olu Office on 23 Nov 2026, 15:30. Nothing was changed.',
    });
    expect((await app.fails('learner.handToPolice', police(kai.receiptId, [kai.phone]), 'dsl')).message).toMatch(/^Phone \(bag C1\) was already handed on to Dawn Morgan/);
    expect(await contentHash(app)).toBe(before);
    expect(await stillConfiscated(app)).toEqual([kai.watch]);
  });

  it('is only for confiscated devices on that receipt', async () => {
    const { app, officeId, dslId } = await school();
    const kai = await confiscate(app);
    const amy = await confiscate(app, 'learner_day');
    await at(app, { officeId, dslId }, '2026-11-23T16:00:00Z');
    const before = await contentHash(app);
    expect(await app.fails('learner.releaseConfiscated', release(amy.receiptId, [amy.phone]), 'office')).toMatchObject({
      code: 'invalid_input', message: 'Phone (bag C1) was not confiscated: it goes back to its owner from Collect.',
    });
    expect((await app.fails('learner.handToPolice', police(amy.receiptId, [amy.phone]), 'dsl')).code).toBe('invalid_input');
    expect((await app.fails('learner.releaseConfiscated', release(kai.receiptId, [amy.phone]), 'office')).message).toBe(
      'One of those devices is not on this receipt. Refresh the list.',
    );
    expect(await contentHash(app)).toBe(before);
  });
});

describe('the other ways out of the safe', () => {
  it('refuse a confiscated device, saying where to go, and change nothing', async () => {
    const { app } = await school();
    const kai = await confiscate(app);
    const before = await contentHash(app);
    const message = "Phone (bag C1) was confiscated. It can only go to a named parent or carer, or to the police: use Pupils' devices, then Confiscated. Nothing was changed.";
    expect(await app.fails('custody.return', { receiptId: kai.receiptId, itemIds: [kai.phone], returnedTo: 'Kai Morgan', note: null }, 'office')).toMatchObject({ code: 'conflict', message });
    expect(await app.fails('custody.handOn', { itemId: kai.phone, handedTo: 'Dawn Morgan', reason: 'Mum came in' }, 'office')).toMatchObject({ code: 'conflict', message });
    expect(await contentHash(app)).toBe(before);
  });
});

describe('a confiscated device handed to the police', () => {
  it('is recorded by the DSL or headteacher with the officer, force, reference and the time now', async () => {
    const { app, officeId, dslId } = await school();
    const kai = await confiscate(app);
    await at(app, { officeId, dslId }, '2026-11-23T10:42:00Z');
    const before = await contentHash(app);
    expect((await app.fails('learner.handToPolice', police(kai.receiptId, [kai.phone]), 'office')).code).toBe('forbidden');
    expect(await contentHash(app)).toBe(before);

    const receipt = await app.ok('learner.handToPolice', police(kai.receiptId, [kai.phone, kai.watch]), 'dsl');
    expect(receipt.items[0]).toMatchObject({
      state: 'handed_on', closedTo: 'PC Amir Khan 4471, Kent Police', closedBy: 'Dee Safeguarding', closedAt: '2026-11-23T10:42:00.000Z',
      closedNote: 'Handed to the police, reference 46/123456/26',
      confiscationOutcome: { way: 'police', officer: 'PC Amir Khan 4471', force: 'Kent Police', reference: '46/123456/26' },
    });
    expect((await app.db.all('SELECT item_id, handed_at, handed_by, police_force, police_reference FROM police_handovers ORDER BY id'))).toEqual([
      { item_id: kai.phone, handed_at: '2026-11-23T10:42:00.000Z', handed_by: dslId, police_force: 'Kent Police', police_reference: '46/123456/26' },
      { item_id: kai.watch, handed_at: '2026-11-23T10:42:00.000Z', handed_by: dslId, police_force: 'Kent Police', police_reference: '46/123456/26' },
    ]);
    const entry = await lastAuditDetail(app, 'learner.hand_to_police');
    expect(entry).toEqual({ itemIds: [kai.phone, kai.watch] });
    expect(await stillConfiscated(app)).toEqual([]);
    // Once gone to the police, it cannot be released to a parent as well.
    expect((await app.fails('learner.releaseConfiscated', release(kai.receiptId, [kai.phone]), 'office')).message).toMatch(
      /^Phone \(bag C1\) was already handed on to PC Amir Khan 4471, Kent Police by Dee Safeguarding/,
    );
  });
});

describe('the records of a confiscated device leaving', () => {
  it('lose the names once retention removes them from the custody item, keeping the reference, force, relationship and times', async () => {
    const { app, officeId, dslId, headId } = await school();
    await app.ok('settings.update', { retentionYears: 1 }, 'staff');
    const kai = await confiscate(app);
    await at(app, { officeId, dslId }, '2026-11-23T12:00:00Z');
    await app.ok('learner.releaseConfiscated', release(kai.receiptId, [kai.phone], {
      relationship: 'other', relationshipOther: 'aunt', identityCheck: 'other', identityNote: 'Mum phoned ahead', note: 'Joy signed the book',
      early: { staffId: headId, pin: HEAD_PIN, reason: 'Dentist at one' },
    }), 'office');
    await app.ok('learner.handToPolice', { ...police(kai.receiptId, [kai.watch]), note: 'PC Khan took it to Maidstone' }, 'dsl');
    const recent = await confiscate(app);
    await at(app, { officeId, dslId }, '2026-11-23T16:00:00Z');
    await app.ok('learner.releaseConfiscated', release(recent.receiptId, [recent.phone]), 'office');

    await at(app, { officeId, dslId }, '2027-11-23T11:00:00Z');
    // A year on (the cut-off 11:00 a year ago): Kai's receipt from 09:00 is past it, the one from 12:00 not yet.
    const run = await app.ok('retention.runNow', {}, 'staff');
    expect(run.confiscationsCleared).toBe(2);
    expect(await lastAuditDetail(app, 'retention.purge')).toMatchObject({ confiscationsCleared: 2 });
    expect((await app.db.all('SELECT * FROM confiscation_releases ORDER BY id'))).toEqual([
      expect.objectContaining({
        item_id: kai.phone, parent_name: 'Removed', relationship: 'other', relationship_other: 'Removed', identity_check: 'other',
        identity_note: 'Removed', early_agreed_by: headId, early_reason: 'Removed', note: null, released_at: '2026-11-23T12:00:00.000Z',
      }),
      expect.objectContaining({ item_id: recent.phone, parent_name: 'Dawn Morgan' }),
    ]);
    expect((await app.db.get('SELECT * FROM police_handovers'))).toEqual(expect.objectContaining({
      officer_name: 'Removed', officer_number: null, note: null, police_force: 'Kent Police', police_reference: '46/123456/26', handed_at: '2026-11-23T12:00:00.000Z',
    }));
    expect((await app.ok('custody.findReceipt', { code: String((await scalar(app, 'SELECT number FROM receipts WHERE id = ?', [kai.receiptId]))) }, 'office')).items
      .map((i) => [i.closedTo, i.closedNote, i.confiscationReason])).toEqual([['Removed', 'Removed', 'Removed'], ['Removed', 'Removed', 'Removed']]);
    expect((await app.ok('retention.runNow', {}, 'staff')).confiscationsCleared).toBe(0);
    await at(app, { officeId, dslId }, '2027-11-24T11:00:00Z');
    expect((await app.ok('retention.runNow', {}, 'staff')).confiscationsCleared).toBe(1);
  });

  itOnSqlite('refuse any other change, deletion or a record written for a device not confiscated or gone; and a confiscated device leaves only with one', async () => {
    const { app, officeId, dslId } = await school();
    const kai = await confiscate(app);
    const amy = await confiscate(app, 'learner_day');
    const kept = await confiscate(app);
    await at(app, { officeId, dslId }, '2026-11-23T16:00:00Z');
    await app.ok('learner.releaseConfiscated', release(kai.receiptId, [kai.phone]), 'office');
    await app.ok('learner.handToPolice', police(kai.receiptId, [kai.watch]), 'dsl');
    const before = await contentHash(app);

    app.close();
    const db = new Database(join(app.dir, DATABASE_FILE));
    try {
      expect(() => db.prepare(`UPDATE confiscation_releases SET parent_name = 'Someone else'`).run()).toThrow(/release to a parent or carer is never changed/);
      expect(() => db.prepare(`UPDATE confiscation_releases SET early_reason = 'Made up', early_agreed_by = ?`).run(dslId)).toThrow(/never changed/);
      expect(() => db.prepare(`UPDATE police_handovers SET police_reference = 'none'`).run()).toThrow(/handover to the police is never changed/);
      expect(() => db.prepare('DELETE FROM confiscation_releases').run()).toThrow(/never deleted/);
      expect(() => db.prepare('DELETE FROM police_handovers').run()).toThrow(/never deleted/);
      const insert = `INSERT INTO confiscation_releases (item_id, released_at, released_by, parent_name, relationship, identity_check) VALUES (?, '2026-11-23T16:00:00Z', ?, 'X', 'mother', 'photo_id')`;
      expect(() => db.prepare(insert).run(amy.phone, officeId)).toThrow(/only a confiscated device still in the safe/);
      expect(() => db.prepare(`INSERT INTO police_handovers (item_id, handed_at, handed_by, officer_name, police_force, police_reference) VALUES (?, 'x', ?, 'PC', 'Kent', '1')`)
        .run(kai.phone, dslId)).toThrow(/only a confiscated device still in the safe/);
      // A confiscated device cannot simply be marked as gone: it needs one of the two records.
      expect(() => db.prepare(`UPDATE custody_items SET state = 'returned', closed_at = 'x', closed_by = ?, closed_to = 'Kai' WHERE id = ?`).run(officeId, kept.phone))
        .toThrow(/a confiscated device leaves the safe only released to a parent or carer, or handed to the police/);
    } finally {
      db.close();
    }
    await reopenTestApp(app);
    expect(await contentHash(app)).toBe(before);
  });

  it('are sealed in the audit trail: a removal of names made behind the app is caught', async () => {
    const { app, officeId, dslId } = await school();
    const kai = await confiscate(app);
    await at(app, { officeId, dslId }, '2026-11-23T16:00:00Z');
    await app.ok('learner.releaseConfiscated', release(kai.receiptId, [kai.phone]), 'office');
    await app.ok('learner.handToPolice', police(kai.receiptId, [kai.watch]), 'dsl');
    const [releaseId, handoverId] = [
      (await scalar(app, 'SELECT id FROM confiscation_releases')) as number,
      (await scalar(app, 'SELECT id FROM police_handovers')) as number,
    ];
    const reopened = await editWhileClosed(app, async (db) => {
      // The one shape of change the triggers let through, made by another program: hiding who collected it.
      await db.run(`UPDATE confiscation_releases SET parent_name = 'Removed'`);
      await db.run(`UPDATE police_handovers SET officer_name = 'Removed', officer_number = NULL`);
    });
    await reopened.ok('staff.unlock', { staffId: reopened.adminId, pin: ADMIN_PIN }, 'staff');
    const verdict = await reopened.ok('audit.verify', {}, 'staff');
    expect(verdict.ok).toBe(false);
    expect(verdict.problems).toEqual(expect.arrayContaining([
      expect.stringMatching(new RegExp(`^Release of a confiscated device ${releaseId} has been changed outside Safe Hands since audit entry \\d+\\.$`)),
      expect.stringMatching(new RegExp(`^Handover to the police ${handoverId} has been changed outside Safe Hands since audit entry \\d+\\.$`)),
    ]));
  });
});
