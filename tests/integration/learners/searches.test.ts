import { afterEach, describe, expect, it } from 'vitest';
import type { CommandInput } from '../../../src/shared/contract/index.js';
import { editWhileClosed } from '../../helpers/another-program.js';
import { addColleagues, HEAD, OFFICE, unlockAgain, type Colleague, type SetUp } from '../../helpers/learner-staff.js';
import { ADMIN_PIN, contentHash, count, createSetUpApp, disposeAll, lastAuditDetail, CHECK_REFUSED } from '../../helpers/test-app.js';

afterEach(disposeAll);

const DSL: Colleague = { displayName: 'Dee Lowe', roles: ['dsl'], pin: '864213', console: 'dsl' };

/**
 * A school with a headteacher (leadership only), a DSL who is not in leadership and an office account, each at
 * their own console; the first administrator (`staff`) is DSL and administrator but not leadership.
 */
async function school(): Promise<{ app: SetUp; headId: number; officeId: number; dslId: number }> {
  const app = await createSetUpApp();
  const [headId, officeId, dslId] = await addColleagues(app, HEAD, OFFICE, DSL);
  return { app, headId: headId!, officeId: officeId!, dslId: dslId! };
}

/** After the clock moves on, each console is unlocked again (sessions last minutes, not hours). */
async function unlockAll(app: SetUp, ids: { head: number; office: number; dsl: number }): Promise<void> {
  await unlockAgain(app, [HEAD, ids.head], [OFFICE, ids.office], [DSL, ids.dsl]);
}

/** The office logs a pupil's phone as confiscated (or held for the day); answers its item. */
async function logPupilPhone(app: SetUp, reason: 'confiscated' | 'learner_day' = 'confiscated', name = 'Kai Morgan'): Promise<{ itemId: number; receiptId: number; receiptNumber: string }> {
  const { receipt } = await app.ok('custody.log', {
    owner: { type: 'learner', name, group: '6B', reason, confiscationReason: reason === 'confiscated' ? 'Filming other pupils at break' : null },
    items: [{ kind: 'phone', description: 'Black iPhone', marks: null, bagSlot: 'C1' }],
  }, 'office');
  return { itemId: receipt.items[0]!.itemId, receiptId: receipt.receiptId, receiptNumber: receipt.receiptNumber };
}

function search(itemId: number, change: Partial<CommandInput<'learner.recordSearch'>> = {}): CommandInput<'learner.recordSearch'> {
  return {
    itemId,
    consentFrom: 'parent',
    consentName: 'Dawn Morgan',
    consentRelationship: 'Mother',
    consentOn: '2026-11-23',
    consentTime: '10:05',
    lookedAt: 'Photos and videos taken today',
    found: 'Two videos filmed in the playground',
    content: 'deleted',
    contentDetail: 'Both videos, deleted with Kai watching',
    witness: 'Mr Evans, deputy head',
    ...change,
  };
}

/** 09:00 in London in November: the office logs the phone at 09:15:30, the head searches it at 10:30. */
async function confiscatedThisMorning(): Promise<Awaited<ReturnType<typeof school>> & { phone: Awaited<ReturnType<typeof logPupilPhone>> }> {
  const s = await school();
  s.app.clock.set('2026-11-23T09:15:30Z');
  await unlockAll(s.app, { head: s.headId, office: s.officeId, dsl: s.dslId });
  const phone = await logPupilPhone(s.app);
  s.app.clock.set('2026-11-23T10:30:00Z');
  await unlockAll(s.app, { head: s.headId, office: s.officeId, dsl: s.dslId });
  return { ...s, phone };
}

describe('a search of a confiscated pupil device', () => {
  it('is recorded by the head as the searcher, at the time it is done, and listed newest first for the DSL and the head', async () => {
    const { app, phone, headId, officeId, dslId } = await confiscatedThisMorning();
    const view = await app.ok('learner.recordSearch', search(phone.itemId), 'head');
    expect(view).toEqual({
      searchId: expect.any(Number), itemId: phone.itemId, receiptId: phone.receiptId, receiptNumber: phone.receiptNumber,
      pupilName: 'Kai Morgan', classGroup: '6B', deviceKind: 'phone', deviceDescription: 'Black iPhone',
      searchedAt: '2026-11-23T10:30:00.000Z', searchedBy: 'Helen Bradley',
      consentFrom: 'parent', consentName: 'Dawn Morgan', consentRelationship: 'Mother', consentGivenAt: '2026-11-23T10:05:00.000Z',
      lookedAt: 'Photos and videos taken today', found: 'Two videos filmed in the playground',
      content: 'deleted', contentDetail: 'Both videos, deleted with Kai watching', witness: 'Mr Evans, deputy head',
    });
    // A second look later the same morning, with the pupil's own consent and nothing found: "nothing" is an answer.
    app.clock.set('2026-11-23T11:00:00Z');
    await unlockAll(app, { head: headId, office: officeId, dsl: dslId });
    const second = await app.ok('learner.recordSearch', search(phone.itemId, {
      consentFrom: 'learner', consentName: 'Kai Morgan', consentRelationship: null, consentTime: '10:58',
      lookedAt: 'Messages', found: 'nothing', content: 'none', contentDetail: null, witness: null,
    }), 'head');
    expect(second).toMatchObject({ consentFrom: 'learner', consentRelationship: null, found: 'nothing', content: 'none', contentDetail: null, witness: null });

    // The DSL sees every search (not only their own), as does the head; the office and an administrator do not.
    for (const who of ['dsl', 'head'] as const) {
      expect((await app.ok('learner.searches', {}, who)).searches.map((s) => s.searchId)).toEqual([second.searchId, view.searchId]);
    }
    expect(await app.fails('learner.searches', {}, 'office')).toMatchObject({ code: 'forbidden' });
    expect(await count(app, 'learner_searches')).toBe(2);
  });

  it('leaves an audit entry by the searcher that names nobody and repeats none of the words', async () => {
    const { app, phone } = await confiscatedThisMorning();
    const { searchId } = await app.ok('learner.recordSearch', search(phone.itemId), 'head');
    const entry = await app.db.get(`SELECT actor_label, entity, entity_id FROM audit_log WHERE action = 'learner.record_search'`);
    expect(entry).toEqual({ actor_label: 'Helen Bradley', entity: 'learner_search', entity_id: searchId });
    const detail = await lastAuditDetail(app, 'learner.record_search');
    expect(detail).toEqual({ itemId: phone.itemId, consentFrom: 'parent', consentGivenAt: '2026-11-23T10:05:00.000Z', content: 'deleted', witnessPresent: true });
    expect(JSON.stringify(detail)).not.toMatch(/Kai|Dawn|Mother|videos|Evans/);
  });

  it('is refused to everyone without the head role, the DSL included, and nothing is written', async () => {
    const { app, phone } = await confiscatedThisMorning();
    const before = await contentHash(app);
    for (const who of ['office', 'dsl', 'staff'] as const) {
      expect(await app.fails('learner.recordSearch', search(phone.itemId), who)).toMatchObject({
        code: 'forbidden', message: 'This needs the Headteacher or leadership role. Ask someone who has it.',
      });
    }
    expect((await app.fails('learner.recordSearch', search(phone.itemId), 'kiosk')).code).toBe('locked');
    expect((await app.fails('learner.searches', {}, 'kiosk')).code).toBe('locked');
    expect(await contentHash(app)).toBe(before);
  });

  it("needs whose consent, a parent's relationship, and what was deleted unless nothing was, telling every problem at once", async () => {
    const { app, phone } = await confiscatedThisMorning();
    const before = await contentHash(app);
    const parentNoRelationship = await app.fails('learner.recordSearch', search(phone.itemId, { consentRelationship: '  ' }), 'head');
    expect(parentNoRelationship).toMatchObject({
      code: 'invalid_input', fields: { consentRelationship: 'Say how they are related to the pupil, for example mother or foster carer.' },
    });
    expect((await app.fails('learner.recordSearch', search(phone.itemId, { consentFrom: 'learner' }), 'head')).fields).toEqual({
      consentRelationship: 'The pupil gave consent, so leave the relationship empty.',
    });
    expect((await app.fails('learner.recordSearch', search(phone.itemId, { content: 'deletion_requested', contentDetail: null }), 'head')).fields).toEqual({
      contentDetail: 'Say what they were asked to delete.',
    });
    expect((await app.fails('learner.recordSearch', search(phone.itemId, { content: 'none' }), 'head')).fields).toEqual({
      contentDetail: 'Nothing was deleted, so leave this empty.',
    });
    const everything = await app.fails('learner.recordSearch', {
      itemId: phone.itemId, consentFrom: 'parent', consentName: '', consentRelationship: null, consentOn: '2026-11-23', consentTime: '10:05',
      lookedAt: ' ', found: '', content: 'deleted', contentDetail: '', witness: null,
    }, 'head');
    expect(everything.fields).toEqual({
      consentName: 'Enter the name of the person who gave consent.',
      consentRelationship: 'Say how they are related to the pupil, for example mother or foster carer.',
      lookedAt: 'Say what was looked at, for example "photos and messages from today".',
      found: 'Say what was found. If nothing was, write "nothing".',
      contentDetail: 'Say what was deleted.',
    });
    expect((await app.fails('learner.recordSearch', search(phone.itemId, { consentOn: '', consentTime: '' }), 'head')).fields).toEqual({
      consentOn: 'Enter the day consent was given.',
      consentTime: 'Enter the time consent was given.',
    });
    expect((await app.fails('learner.recordSearch', search(phone.itemId, { consentTime: '9.30' }), 'head')).fields).toEqual({
      consentTime: 'The time consent was given must be a time like 09:30.',
    });
    expect((await app.fails('learner.recordSearch', { ...search(phone.itemId), consentFrom: 'teacher' } as never, 'head')).fields).toEqual({
      consentFrom: 'Say who gave consent: the pupil, or a parent or carer.',
    });
    expect(await contentHash(app)).toBe(before);
  });

  it('refuses consent in the future or before the device was logged, on the box that is wrong; the minute it was logged is fine', async () => {
    const { app, phone } = await confiscatedThisMorning();
    const before = await contentHash(app);
    expect(await app.fails('learner.recordSearch', search(phone.itemId, { consentOn: '2026-11-24' }), 'head')).toMatchObject({
      code: 'invalid_input', fields: { consentOn: 'The day consent was given cannot be in the future.' },
    });
    expect((await app.fails('learner.recordSearch', search(phone.itemId, { consentTime: '10:31' }), 'head')).fields).toEqual({
      consentTime: 'That time has not come yet today (it is 10:30 now).',
    });
    const early = await app.fails('learner.recordSearch', search(phone.itemId, { consentTime: '09:14' }), 'head');
    expect(early).toMatchObject({
      code: 'invalid_input',
      message: 'The device was logged as confiscated at 09:15 on Mon, 23 Nov 2026, so consent cannot have been given before then.',
    });
    expect(Object.keys(early.fields ?? {})).toEqual(['consentTime']);
    expect(Object.keys((await app.fails('learner.recordSearch', search(phone.itemId, { consentOn: '2026-11-22' }), 'head')).fields ?? {})).toEqual(['consentOn']);
    expect((await app.fails('learner.recordSearch', search(phone.itemId, { consentOn: '2026-02-30' }), 'head')).fields).toEqual({
      consentOn: 'The day consent was given is not a real date.',
    });
    expect(await contentHash(app)).toBe(before);
    // Consent typed to the minute the phone was logged (09:15, logged at 09:15:30), and now (10:30), are both fine.
    expect((await app.ok('learner.recordSearch', search(phone.itemId, { consentTime: '09:15' }), 'head')).consentGivenAt).toBe('2026-11-23T09:15:00.000Z');
    expect((await app.ok('learner.recordSearch', search(phone.itemId, { consentTime: '10:30' }), 'head')).consentGivenAt).toBe('2026-11-23T10:30:00.000Z');
  });

  it('reads the consent time on the UK clock: summer time, and a time the clocks skipped', async () => {
    const { app, headId, officeId, dslId } = await school();
    app.clock.set('2027-03-28T00:30:00Z');
    await unlockAll(app, { head: headId, office: officeId, dsl: dslId });
    const phone = await logPupilPhone(app);
    app.clock.set('2027-03-28T09:00:00Z');
    await unlockAll(app, { head: headId, office: officeId, dsl: dslId });
    // 01:30 never happened on 28 March 2027 in the UK: at 01:00 GMT the clocks went to 02:00 BST.
    expect((await app.fails('learner.recordSearch', search(phone.itemId, { consentOn: '2027-03-28', consentTime: '01:30' }), 'head')).fields).toEqual({
      consentTime: '01:30 did not happen on that day: the clocks went forward an hour. Check the time.',
    });
    // 09:45 BST is 08:45 GMT; 10:05 BST would be after 09:00 GMT, which is now.
    expect((await app.ok('learner.recordSearch', search(phone.itemId, { consentOn: '2027-03-28', consentTime: '09:45' }), 'head')).consentGivenAt)
      .toBe('2027-03-28T08:45:00.000Z');
    expect((await app.fails('learner.recordSearch', search(phone.itemId, { consentOn: '2027-03-28', consentTime: '10:05' }), 'head')).fields).toEqual({
      consentTime: 'That time has not come yet today (it is 10:00 now).',
    });
  });

  it('is only of a confiscated device the school still holds', async () => {
    const { app, phone, headId, officeId, dslId } = await confiscatedThisMorning();
    const forTheDay = await logPupilPhone(app, 'learner_day', 'Amy Jones');
    const before = await contentHash(app);
    expect(await app.fails('learner.recordSearch', search(forTheDay.itemId), 'head')).toMatchObject({
      code: 'invalid_input', message: 'Only a confiscated device can be searched. This one is not confiscated.',
      fields: { itemId: 'Only a confiscated device can be searched.' },
    });
    expect(await app.fails('learner.recordSearch', search(999_999), 'head')).toMatchObject({ code: 'not_found', message: 'That device could not be found. Refresh the list.' });
    expect(await contentHash(app)).toBe(before);

    app.clock.set('2026-11-23T11:00:00Z');
    await unlockAll(app, { head: headId, office: officeId, dsl: dslId });
    await app.ok('learner.handToPolice', {
      receiptId: phone.receiptId, itemIds: [phone.itemId], officerName: 'PC Amir Khan', officerNumber: '4521', policeForce: 'Kent Police',
      policeReference: 'KP/26/11873', note: null,
    }, 'head');
    expect(await app.fails('learner.recordSearch', search(phone.itemId), 'head')).toMatchObject({
      code: 'conflict',
      message: 'That device left the safe at 11:00 on Mon, 23 Nov 2026. A search is recorded as it is done, while the school holds the device.',
      fields: { itemId: 'This device is no longer held by the school.' },
    });
  });

  it('is never changed or deleted, and cannot be written for a device that is not confiscated, even past the app', async () => {
    const { app, phone } = await confiscatedThisMorning();
    const { searchId } = await app.ok('learner.recordSearch', search(phone.itemId), 'head');
    const forTheDay = await logPupilPhone(app, 'learner_day', 'Amy Jones');
    await expect(app.db.run(`UPDATE learner_searches SET found = 'nothing' WHERE id = ?`, [searchId])).rejects.toThrow(/never changed/);
    // Even the change retention makes is refused while the device is still in the safe.
    await expect(app.db.run(`UPDATE learner_searches SET consent_name = 'Removed', consent_relationship = 'Removed', looked_at = 'Removed',
      found = 'Removed', content_detail = 'Removed', witness = 'Removed' WHERE id = ?`, [searchId])).rejects.toThrow(/never changed/);
    await expect(app.db.run('DELETE FROM learner_searches')).rejects.toThrow(/never deleted/);
    const insert = async (itemId: number, consentFrom: string, relationship: string | null) => (await app.db.run(`INSERT INTO learner_searches (item_id, searched_at, searched_by, consent_from, consent_name, consent_relationship, consent_given_at,
         looked_at, found, content_action) VALUES (?, '2026-11-23T10:30:00.000Z', 1, ?, 'Someone', ?, '2026-11-23T10:00:00.000Z', 'All', 'nothing', 'none')`, [itemId, consentFrom, relationship]));
    await expect(insert(forTheDay.itemId, 'learner', null)).rejects.toThrow(/only a confiscated device/);
    await expect(insert(phone.itemId, 'parent', null)).rejects.toThrow(CHECK_REFUSED);
    await expect(insert(phone.itemId, 'teacher', null)).rejects.toThrow(CHECK_REFUSED);
    expect(await count(app, 'learner_searches')).toBe(1);
  });

  it('is caught by the audit check when edited or added outside Safe Hands', async () => {
    const s = await confiscatedThisMorning();
    let app = s.app;
    const { searchId } = await app.ok('learner.recordSearch', search(s.phone.itemId), 'head');
    // Someone with another program rewrites what was found.
    app = await editWhileClosed(app, (db) => db.run(`UPDATE learner_searches SET found = 'nothing' WHERE id = ?`, [searchId]));
    await app.ok('staff.unlock', { staffId: app.adminId, pin: ADMIN_PIN }, 'staff');
    const verdict = await app.ok('audit.verify', {}, 'staff');
    expect(verdict.ok).toBe(false);
    expect(verdict.problems).toEqual(expect.arrayContaining([
      expect.stringMatching(new RegExp(`^Search of a pupil's device ${searchId} has been changed outside Safe Hands since audit entry \\d+\\.$`)),
    ]));
  });

  it('loses the words that name people once the device has gone and the receipt is past the retention period', async () => {
    const { app, phone, headId, officeId, dslId } = await confiscatedThisMorning();
    await app.ok('settings.update', { retentionYears: 1 }, 'staff');
    const gone = await app.ok('learner.recordSearch', search(phone.itemId), 'head');
    const stillHeld = await logPupilPhone(app, 'confiscated', 'Zoë Lee');
    const kept = await app.ok('learner.recordSearch', search(stillHeld.itemId, {
      consentFrom: 'learner', consentName: 'Zoë Lee', consentRelationship: null, consentTime: '10:30', content: 'none', contentDetail: null, witness: null,
    }), 'head');
    app.clock.set('2026-11-23T11:00:00Z');
    await unlockAll(app, { head: headId, office: officeId, dsl: dslId });
    await app.ok('learner.handToPolice', {
      receiptId: phone.receiptId, itemIds: [phone.itemId], officerName: 'PC Amir Khan', officerNumber: null, policeForce: 'Kent Police',
      policeReference: 'KP/26/11873', note: null,
    }, 'head');

    app.clock.set('2027-12-20T09:00:00Z');
    await unlockAll(app, { head: headId, office: officeId, dsl: dslId });
    const run = await app.ok('retention.runNow', {}, 'staff');
    expect(run.searchesCleared).toBe(1);
    expect(await lastAuditDetail(app, 'retention.purge')).toMatchObject({ searchesCleared: 1 });
    const rows = (await app.db.all('SELECT * FROM learner_searches ORDER BY id')) as Record<string, unknown>[];
    expect(rows[0]).toMatchObject({
      id: gone.searchId, consent_name: 'Removed', consent_relationship: 'Removed', looked_at: 'Removed', found: 'Removed',
      content_detail: 'Removed', witness: 'Removed',
      item_id: phone.itemId, searched_by: headId, consent_from: 'parent', consent_given_at: '2026-11-23T10:05:00.000Z', content_action: 'deleted',
    });
    // A device still in the safe keeps its search as it was, however old.
    expect(rows[1]).toMatchObject({ id: kept.searchId, consent_name: 'Zoë Lee', found: 'Two videos filmed in the playground', witness: null });
    const listed = (await app.ok('learner.searches', {}, 'dsl')).searches;
    expect(listed.find((s) => s.searchId === gone.searchId)).toMatchObject({ pupilName: 'Removed', consentName: 'Removed', found: 'Removed' });
    expect((await app.ok('retention.runNow', {}, 'staff')).searchesCleared).toBe(0);
  });
});
