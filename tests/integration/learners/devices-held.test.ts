import { afterEach, describe, expect, it } from 'vitest';
import type { CommandInput } from '../../../src/shared/contract/index.js';
import { addColleagues, HEAD, HEAD_PIN, OFFICE, OFFICE_PIN, type SetUp } from '../../helpers/learner-staff.js';
import { contentHash, count, createSetUpApp, disposeAll, lastAuditDetail } from '../../helpers/test-app.js';

afterEach(disposeAll);

/** A school with a headteacher and an office account, each at their own console; the administrator is `staff`. */
async function school(): Promise<{ app: SetUp; headId: number; officeId: number }> {
  const app = await createSetUpApp();
  const [headId, officeId] = await addColleagues(app, HEAD, OFFICE);
  return { app, headId: headId!, officeId: officeId! };
}

/** The clock moves on (a day, or to a time the clocks change); the office unlocks its console again. */
async function at(app: SetUp, officeId: number, instant: string): Promise<void> {
  app.clock.set(instant);
  await app.ok('staff.unlock', { staffId: officeId, pin: OFFICE_PIN }, 'office');
}

/** What the morning queue sends: custody.log for one pupil, held for the day, one bag. */
function handIn(name: string, group: string | null, items: { kind: 'phone' | 'smart_watch'; description: string | null }[], bagSlot = '12'): CommandInput<'custody.log'> {
  return {
    owner: { type: 'learner', name, group, reason: 'learner_day', confiscationReason: null },
    items: items.map((i) => ({ ...i, marks: null, bagSlot })),
  };
}

const PHONE = [{ kind: 'phone' as const, description: 'Red Nokia, cracked case' }];

function held(app: SetUp) {
  return app.ok('learner.devicesHeld', {}, 'office');
}

describe("pupils' devices held for the day", () => {
  it('goes in through custody.log (one receipt, one audit entry) and out through custody.return to the pupil', async () => {
    const { app, headId, officeId } = await school();
    await app.ok('learner.recordAgreement', {
      pupilName: "Amy O'Brien", classGroup: 'Year 6', deviceKind: 'phone', deviceDescription: 'Red Nokia, cracked case',
      reason: 'Walks home alone', conditions: null, validFrom: '2026-11-23', validUntil: '2027-07-21', agreedBy: { staffId: headId, pin: HEAD_PIN },
    }, 'head');
    // The DSL (the first account) and the head may agree to releasing a confiscated device early.
    expect(await held(app)).toEqual({
      forTheDay: [], confiscated: [], endOfDay: '17:30',
      earlyAgreers: [{ staffId: headId, displayName: 'Helen Bradley' }, { staffId: app.adminId, displayName: 'Priya Shah' }],
    });

    await at(app, officeId, '2026-11-23T08:31:00Z');
    const { receipt } = await app.ok('custody.log', handIn("Amy O'Brien", 'Year 6', PHONE), 'office');
    expect(await count(app, 'receipts')).toBe(1);
    expect(await lastAuditDetail(app, 'custody.log')).toMatchObject({ ownerType: 'learner', reason: 'learner_day', itemIds: [receipt.items[0]!.itemId] });
    const list = await held(app);
    expect(list.confiscated).toEqual([]);
    expect(list.forTheDay).toEqual([{
      receiptId: receipt.receiptId, receiptNumber: receipt.receiptNumber, pupilName: "Amy O'Brien", classGroup: 'Year 6', reason: 'learner_day',
      items: [expect.objectContaining({ kind: 'phone', description: 'Red Nokia, cracked case', bagSlot: '12', state: 'in_safe' })],
      handedInAt: '2026-11-23T08:31:00.000Z', notCollectedSince: null, pastEndOfDay: false,
    }]);

    await at(app, officeId, '2026-11-23T15:15:00Z');
    const back = await app.ok('custody.return', { receiptId: receipt.receiptId, itemIds: [receipt.items[0]!.itemId], returnedTo: "Amy O'Brien", note: null }, 'office');
    expect(back.receipt.items[0]).toMatchObject({ state: 'returned', closedTo: "Amy O'Brien", closedBy: 'Olu Office', closedAt: '2026-11-23T15:15:00.000Z' });
    expect(await lastAuditDetail(app, 'custody.return')).toEqual({ itemIds: [receipt.items[0]!.itemId] });
    expect((await held(app)).forTheDay).toEqual([]);
  });

  it('given back from two screens at once: the second is told it is already back, and nothing changes', async () => {
    const { app } = await school();
    const { receipt } = await app.ok('custody.log', handIn("Amy O'Brien", 'Year 6', PHONE), 'office');
    const giveBack = { receiptId: receipt.receiptId, itemIds: [receipt.items[0]!.itemId], returnedTo: "Amy O'Brien", note: null };
    // Both screens read the list before either gave it back.
    expect((await app.ok('learner.devicesHeld', {}, 'staff')).forTheDay).toHaveLength(1);
    expect((await held(app)).forTheDay).toHaveLength(1);
    await app.ok('custody.return', giveBack, 'office');
    const before = await contentHash(app);
    const second = await app.fails('custody.return', giveBack, 'staff');
    expect(second.code).toBe('conflict');
    expect(second.message).toBe("Phone (bag 12) was already returned to Amy O'Brien by Olu Office on 23 Nov 2026, 09:00. Nothing was changed.");
    expect(await contentHash(app)).toBe(before);
  });

  it('keeps two pupils with the same name in two classes apart, each with their own receipt and their own row', async () => {
    const { app } = await school();
    const sixB = await app.ok('custody.log', handIn('Amy Jones', '6B', PHONE, '4'), 'office');
    const threeA = await app.ok('custody.log', handIn('Amy Jones', '3A', [{ kind: 'smart_watch', description: 'Pink watch' }], '9'), 'office');
    expect((await held(app)).forTheDay.map((h) => [h.pupilName, h.classGroup, h.items.map((i) => i.bagSlot)])).toEqual([
      ['Amy Jones', '3A', ['9']],
      ['Amy Jones', '6B', ['4']],
    ]);
    await app.ok('custody.return', { receiptId: sixB.receipt.receiptId, itemIds: [sixB.receipt.items[0]!.itemId], returnedTo: 'Amy Jones' }, 'office');
    expect((await held(app)).forTheDay.map((h) => [h.receiptId, h.classGroup])).toEqual([[threeA.receipt.receiptId, '3A']]);
  });

  it('takes a name typed in lower case with extra spaces, or of one character, as typed and tidied', async () => {
    const { app, headId } = await school();
    await app.ok('learner.recordAgreement', {
      pupilName: "Amy O'Brien", classGroup: 'Year 6', deviceKind: 'phone', deviceDescription: 'Red Nokia',
      reason: 'Walks home alone', conditions: null, validFrom: '2026-11-23', validUntil: '2027-07-21', agreedBy: { staffId: headId, pin: HEAD_PIN },
    }, 'head');
    // The queue asks for the agreement as the name is typed: any case and spacing finds the whole name.
    expect((await app.ok('learner.agreementsFor', { pupilName: "  amy   o'brien " }, 'office')).agreements.map((a) => a.pupilName)).toEqual(["Amy O'Brien"]);
    // One letter is a name of its own, not the start of another's.
    expect((await app.ok('learner.agreementsFor', { pupilName: 'A' }, 'office')).agreements).toEqual([]);
    await app.ok('custody.log', handIn('  sam   fox ', null, PHONE, '3'), 'office');
    await app.ok('custody.log', handIn('李', '2A', PHONE, '5'), 'office');
    expect((await held(app)).forTheDay.map((h) => [h.pupilName, h.classGroup])).toEqual([['sam fox', null], ['李', '2A']]);
    const refused = await app.fails('custody.log', handIn('   ', '6B', PHONE), 'office');
    expect(refused.fields).toEqual({ 'owner.name': "Please enter the pupil's name." });
  });

  it('lists confiscated devices apart, never among those given back to the pupil', async () => {
    const { app } = await school();
    await app.ok('custody.log', handIn('Sam Fox', '5C', PHONE, '2'), 'office');
    const taken = await app.ok('custody.log', {
      owner: { type: 'learner', name: 'Kofi Mensah', group: '6B', reason: 'confiscated', confiscationReason: 'Filming in the toilets' },
      items: [{ kind: 'phone', description: 'Black iPhone', marks: null, bagSlot: 'C1' }],
    }, 'office');
    const list = await held(app);
    expect(list.forTheDay.map((h) => h.pupilName)).toEqual(['Sam Fox']);
    expect(list.confiscated).toEqual([expect.objectContaining({
      receiptId: taken.receipt.receiptId, pupilName: 'Kofi Mensah', reason: 'confiscated',
      items: [expect.objectContaining({ confiscationReason: 'Filming in the toilets' })],
    })]);
  });
});

describe('a device not collected stays flagged the next morning', () => {
  it('handed in at 23:59 is today\'s until midnight, past the end of the day, and not collected a minute later', async () => {
    const { app, officeId } = await school();
    // 23:59 in London on a summer night, when it is still 22:59 in UTC: midnight comes an hour before UTC's.
    await at(app, officeId, '2027-06-15T22:59:00Z');
    await app.ok('custody.log', handIn('Sam Fox', '5C', PHONE), 'office');
    expect((await held(app)).forTheDay[0]).toMatchObject({ notCollectedSince: null, pastEndOfDay: true });
    await at(app, officeId, '2027-06-15T22:59:59Z');
    expect((await held(app)).forTheDay[0]).toMatchObject({ notCollectedSince: null });
    await at(app, officeId, '2027-06-15T23:00:30Z');
    expect((await held(app)).forTheDay[0]).toMatchObject({ notCollectedSince: '2027-06-15', pastEndOfDay: true });
  });

  it('before its end time a device handed in today is neither flagged nor late; after it, late but not yet uncollected', async () => {
    const { app, officeId } = await school();
    await app.ok('settings.update', { endOfDay: '15:30' }, 'staff');
    await app.ok('custody.log', handIn('Sam Fox', '5C', PHONE), 'office');
    await at(app, officeId, '2026-11-23T15:29:00Z');
    expect(await held(app)).toMatchObject({ endOfDay: '15:30', forTheDay: [{ notCollectedSince: null, pastEndOfDay: false }] });
    await at(app, officeId, '2026-11-23T15:30:00Z');
    expect((await held(app)).forTheDay[0]).toMatchObject({ notCollectedSince: null, pastEndOfDay: true });
  });

  it('puts the ones not collected first, oldest first, then today\'s by name', async () => {
    const { app, officeId } = await school();
    await app.ok('custody.log', handIn('Zac Ward', '4B', PHONE, '1'), 'office');
    await at(app, officeId, '2026-11-24T08:40:00Z');
    await app.ok('custody.log', handIn('Yasmin Ali', '6B', PHONE, '2'), 'office');
    await app.ok('custody.log', handIn('Ben Cole', '6B', PHONE, '3'), 'office');
    await app.ok('custody.log', handIn('ava Shah', '3A', PHONE, '4'), 'office');
    await at(app, officeId, '2026-11-25T08:40:00Z');
    await app.ok('custody.log', handIn('Cara Moss', '2A', PHONE, '5'), 'office');
    expect((await held(app)).forTheDay.map((h) => [h.pupilName, h.notCollectedSince])).toEqual([
      ['Zac Ward', '2026-11-23'],
      ['ava Shah', '2026-11-24'],
      ['Ben Cole', '2026-11-24'],
      ['Yasmin Ali', '2026-11-24'],
      ['Cara Moss', null],
    ]);
  });

  it('goes by the UK calendar on the night the clocks go back, not by UTC', async () => {
    const { app, officeId } = await school();
    // 23:30 BST on Saturday 30 October, and 00:30 BST on Sunday 31 October (still 30 October in UTC).
    await at(app, officeId, '2027-10-30T22:30:00Z');
    await app.ok('custody.log', handIn('Sam Fox', '5C', PHONE, '1'), 'office');
    await at(app, officeId, '2027-10-30T23:30:00Z');
    await app.ok('custody.log', handIn('Ben Cole', '6B', PHONE, '2'), 'office');
    // 01:30 GMT, the second 01:30 of the night: Sam's is from yesterday, Ben's is from today.
    await at(app, officeId, '2027-10-31T01:30:00Z');
    expect((await held(app)).forTheDay.map((h) => [h.pupilName, h.notCollectedSince])).toEqual([['Sam Fox', '2027-10-30'], ['Ben Cole', null]]);
  });

  it('goes by the UK calendar on the night the clocks go forward', async () => {
    const { app, officeId } = await school();
    // 23:59 GMT on Saturday 27 March; then 02:00 BST, a minute later on the wall clock and an hour on the real one.
    await at(app, officeId, '2027-03-27T23:59:00Z');
    await app.ok('custody.log', handIn('Sam Fox', '5C', PHONE, '1'), 'office');
    await at(app, officeId, '2027-03-28T00:59:59Z');
    expect((await held(app)).forTheDay[0]!.notCollectedSince).toBe('2027-03-27');
    await at(app, officeId, '2027-03-28T01:00:00Z');
    await app.ok('custody.log', handIn('Ben Cole', '6B', PHONE, '2'), 'office');
    expect((await held(app)).forTheDay.map((h) => [h.pupilName, h.notCollectedSince])).toEqual([['Sam Fox', '2027-03-27'], ['Ben Cole', null]]);
  });

  it('is a read for staff only: the kiosk is refused', async () => {
    const { app } = await school();
    expect((await app.fails('learner.devicesHeld', {})).code).toBe('locked');
    expect((await app.fails('learner.devicesHeld', { extra: 1 }, 'office')).code).toBe('invalid_input');
  });
});
