import { afterEach, describe, expect, it } from 'vitest';
import { ADMIN_PIN, createSetUpApp, disposeAll } from '../../helpers/test-app.js';

afterEach(disposeAll);

const CONCERN = { aboutName: 'Man in a blue coat', location: 'Reception', whatHappened: 'Filmed the playground.', actionTaken: 'Asked him to stop.' };

describe("the DSL's inbox", () => {
  it('is empty on a quiet day, and only the DSL may read it', async () => {
    const app = await createSetUpApp();
    expect((await app.ok('inbox.list', {}, 'staff')).items).toEqual([]);
    const office = await app.ok('staff.create', { displayName: 'Olu Office', roles: [], pin: '1357', pinAgain: '1357' }, 'staff');
    await app.ok('staff.unlock', { staffId: office.staffId, pin: '1357' }, 'olu');
    expect((await app.fails('inbox.list', {}, 'olu')).code).toBe('forbidden');
  });

  it('lists a new concern until the DSL reviews it, and a LADO referral until its outcome is recorded', async () => {
    const app = await createSetUpApp();
    const visitorConcern = await app.ok('concern.raise', { ...CONCERN, aboutType: 'visitor', visitId: null }, 'staff');
    app.clock.advance(60_000);
    const staffConcern = await app.ok('concern.raise', { ...CONCERN, aboutType: 'staff', aboutName: 'J. Teacher', visitId: null }, 'staff');
    let items = (await app.ok('inbox.list', {}, 'staff')).items;
    expect(items.map((i) => [i.kind, i.title])).toEqual([
      ['concern', 'A visitor: Man in a blue coat'],
      ['concern', 'A member of staff: J. Teacher'],
    ]);
    expect(items[0]!.opens).toBe('concerns');

    await app.ok('concern.review', { concernId: visitorConcern.concernId, outcome: 'Spoke to his employer.', close: false }, 'staff');
    await app.ok('concern.review', { concernId: staffConcern.concernId, outcome: 'Referred to the LADO.', close: false }, 'staff');
    await app.ok('concern.recordLadoReferral', { concernId: staffConcern.concernId, referredOn: '2026-11-23', ladoReference: 'LADO-77' }, 'staff');
    items = (await app.ok('inbox.list', {}, 'staff')).items;
    expect(items.map((i) => i.kind)).toEqual(['lado_outcome']);
    expect(items[0]!.title).toBe('J. Teacher: referred to the LADO on Mon, 23 Nov 2026');
    expect(items[0]!.detail).toContain('LADO-77');

    await app.ok('concern.recordLadoOutcome', { concernId: staffConcern.concernId, outcome: 'unfounded', outcomeOn: '2026-11-23', note: null }, 'staff');
    expect((await app.ok('inbox.list', {}, 'staff')).items).toEqual([]);
  });

  it('lists what is still in the safe after the end of the day, and no longer once it is returned', async () => {
    const app = await createSetUpApp();
    const logged = await app.ok('custody.log', { owner: { type: 'staff', staffId: app.adminId }, items: [{ kind: 'phone', bagSlot: 'S1' }] }, 'staff');
    expect((await app.ok('inbox.list', {}, 'staff')).items).toEqual([]);
    // 09:00 on the day the test starts: 17:30 is the default end of the day, and one minute past it the phone waits.
    app.clock.advance((8 * 60 + 31) * 60_000);
    await app.ok('staff.unlock', { staffId: app.adminId, pin: ADMIN_PIN }, 'staff');
    const items = (await app.ok('inbox.list', {}, 'staff')).items;
    expect(items.map((i) => [i.kind, i.title, i.opens])).toEqual([['held_past_end_of_day', 'Phone: Priya Shah', 'safe']]);
    await app.ok('custody.return', { receiptId: logged.receipt.receiptId, itemIds: logged.receipt.items.map((i) => i.itemId), returnedTo: 'Priya Shah', note: null }, 'staff');
    expect((await app.ok('inbox.list', {}, 'staff')).items).toEqual([]);
  });

  it('shows the expectations review once it is due soon, after everything else', async () => {
    const app = await createSetUpApp();
    await app.ok('concern.raise', { ...CONCERN, aboutType: 'visitor', visitId: null }, 'staff');
    // Set up on 23 Nov 2026, the review is due a year on; eleven and a half months later it is due soon.
    app.clock.advance(350 * 24 * 60 * 60_000);
    await app.ok('staff.unlock', { staffId: app.adminId, pin: ADMIN_PIN }, 'staff');
    const items = (await app.ok('inbox.list', {}, 'staff')).items;
    expect(items.map((i) => i.kind)).toEqual(['concern', 'policy_review']);
    expect(items[1]!.title).toContain('annual review');
    expect(items[1]!.opens).toBe('expectations');
  });

  it("lists a pupil's exception until the agreement is signed, as it is not in force before", async () => {
    const app = await createSetUpApp();
    // The administrator is also the DSL, who approves with their own PIN.
    const recorded = await app.ok('learner.recordException', {
      pupilName: 'Maya Patel', classGroup: '4R', deviceKind: 'phone', deviceDescription: 'White iPhone SE',
      reason: 'reads her glucose monitor', permittedUse: 'Glucose readings only.', expectations: 'On silent in her tray.',
      sanctions: 'Kept at the office for the day.', validFrom: '2026-11-23', validUntil: '2027-07-21',
      approvedBy: { staffId: app.adminId, pin: ADMIN_PIN },
    }, 'staff');
    const items = (await app.ok('inbox.list', {}, 'staff')).items;
    expect(items.map((i) => [i.kind, i.title, i.opens])).toEqual([
      ['pupil_exception_unsigned', 'Maya Patel (4R): phone, reads her glucose monitor', 'pupilExceptions'],
    ]);
    await app.ok('learner.recordExceptionSigned', {
      exceptionId: recorded.exceptionId, learnerName: 'Maya Patel', parentName: 'Anita Patel', parentRelationship: 'Mother', signedOn: '2026-11-23',
    }, 'staff');
    expect((await app.ok('inbox.list', {}, 'staff')).items).toEqual([]);
  });

  it('sends a confiscated phone held past the end of the day to Confiscated, where it is released', async () => {
    const app = await createSetUpApp();
    await app.ok('custody.log', {
      owner: { type: 'learner', name: 'Kai Morgan', group: '6B', reason: 'confiscated', confiscationReason: 'Filming at break' },
      items: [{ kind: 'phone', bagSlot: 'C1' }],
    }, 'staff');
    app.clock.advance((8 * 60 + 31) * 60_000);
    await app.ok('staff.unlock', { staffId: app.adminId, pin: ADMIN_PIN }, 'staff');
    expect((await app.ok('inbox.list', {}, 'staff')).items.map((i) => [i.kind, i.title, i.opens])).toEqual([
      ['held_past_end_of_day', 'Phone: Kai Morgan', 'confiscated'],
    ]);
  });
});
