import { existsSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { ADMIN_PIN, contentHash, count, createSetUpApp, disposeAll, newVisitor, sqlite } from '../../helpers/test-app.js';
import { logIntoSafe, PHONE_AND_WATCH, tokenOf, visitorWithDeclaredDevices } from '../../helpers/custody.js';
import { groupScanCode } from '../../../src/shared/domain/scan-code.js';

afterEach(disposeAll);

describe('logging devices into the safe', () => {
  it('turns the pending handover into a receipt with an unguessable upper-case token', async () => {
    const app = await createSetUpApp();
    const { receipt, print, visitId } = await logIntoSafe(app);
    expect(receipt).toMatchObject({
      receiptNumber: '2026-0001', ownerType: 'visitor', ownerName: "Zoë O'Brien-Łukasz", visitId, createdBy: 'Priya Shah', printCount: 0,
    });
    expect(receipt.items.map((i) => [i.kind, i.bagSlot, i.state, i.loggedBy])).toEqual([
      ['phone', '12', 'in_safe', 'Priya Shah'],
      ['smart_watch', '12', 'in_safe', 'Priya Shah'],
    ]);
    expect(await tokenOf(app, receipt.receiptId)).toMatch(/^[A-Z2-7]{26}$/);
    expect((await app.ok('custody.pendingHandovers', {}, 'staff')).handovers).toEqual([]);
    expect((await app.ok('visit.onSite', {}, 'staff')).visits[0]).toMatchObject({ itemsInSafe: 2, collectionRequestedAt: null });
    // No printer set up: the items are logged all the same and the PDF is kept and offered.
    expect(print).toMatchObject({ printed: false, reason: expect.stringMatching(/no printer/i) });
    expect(print.documentId).toBeTruthy();
    expect(existsSync(app.documentLinks.resolve(print.documentId!)!)).toBe(true);
  });

  it('numbers receipts in sequence within the year, starting again in January', async () => {
    const app = await createSetUpApp();
    await logIntoSafe(app);
    const second = await newVisitor(app, { firstName: 'Tom', lastName: 'Reed' });
    const log = () => app.ok('custody.log', { owner: { type: 'visitor', visitId: second.visitId }, items: [PHONE_AND_WATCH[0]!] }, 'staff');
    expect((await log()).receipt.receiptNumber).toBe('2026-0002');
    app.clock.set('2027-01-04T08:00:00.000Z');
    await app.ok('staff.unlock', { staffId: app.adminId, pin: ADMIN_PIN }, 'staff');
    expect((await log()).receipt.receiptNumber).toBe('2027-0001');
  });

  it('logs staff devices and pupils’ devices without any kiosk step', async () => {
    const app = await createSetUpApp();
    const staff = await app.ok('custody.log', { owner: { type: 'staff', staffId: app.adminId }, items: [{ kind: 'phone', bagSlot: 'S1' }] }, 'staff');
    expect(staff.receipt).toMatchObject({ ownerName: 'Priya Shah', ownerDetail: 'Staff' });
    const pupil = await app.ok(
      'custody.log',
      { owner: { type: 'learner', name: 'Ollie Mistry', group: 'Year 5', reason: 'confiscated', confiscationReason: 'Filming in the playground' }, items: [{ kind: 'phone', bagSlot: 'C3' }] },
      'staff',
    );
    expect(pupil.receipt).toMatchObject({ ownerName: 'Ollie Mistry', ownerDetail: 'Pupil, Year 5' });
    expect(pupil.receipt.items[0]).toMatchObject({ reason: 'confiscated', confiscationReason: 'Filming in the playground' });
  });

  it.each([
    ['a 10,000-character bag number', { items: [{ kind: 'phone', bagSlot: 'x'.repeat(10_000) }] }, 'items.0.bagSlot'],
    ['no items', { items: [] }, 'items'],
    ['an unknown kind', { items: [{ kind: 'drone', bagSlot: '1' }] }, 'items.0.kind'],
    ['a confiscation with no reason', { owner: { type: 'learner', name: 'Ollie', reason: 'confiscated' } }, 'owner.confiscationReason'],
    ['an owner of no known type', { owner: { type: 'alien' } }, 'owner.type'],
  ])('refuses %s and changes nothing', async (_label, change, field) => {
    const app = await createSetUpApp();
    const { visit } = await visitorWithDeclaredDevices(app);
    const before = await contentHash(app);
    const error = await app.fails('custody.log', { owner: { type: 'visitor', visitId: visit.visitId }, items: PHONE_AND_WATCH, ...change }, 'staff');
    expect(error.code).toBe('invalid_input');
    expect(Object.keys(error.fields ?? {})).toContain(field);
    expect(await contentHash(app)).toBe(before);
  });

  it('will not log the same pending handover twice', async () => {
    const app = await createSetUpApp();
    const { visit, handover } = await visitorWithDeclaredDevices(app);
    const input = { handoverId: handover.handoverId, owner: { type: 'visitor' as const, visitId: visit.visitId }, items: PHONE_AND_WATCH };
    await app.ok('custody.log', input, 'staff');
    const before = await contentHash(app);
    expect((await app.fails('custody.log', input, 'staff')).code).toBe('conflict');
    expect(await contentHash(app)).toBe(before);
  });

  it('needs an unlocked console', async () => {
    const app = await createSetUpApp();
    const { visit } = await visitorWithDeclaredDevices(app);
    expect((await app.fails('custody.log', { owner: { type: 'visitor', visitId: visit.visitId }, items: PHONE_AND_WATCH }, 'kiosk')).code).toBe('locked');
  });
});

describe('finding a receipt at the collection desk', () => {
  it('finds it by the scanned token, with the scanner’s trailing newline, or by the receipt number', async () => {
    const app = await createSetUpApp();
    const { receipt } = await logIntoSafe(app);
    const token = await tokenOf(app, receipt.receiptId);
    expect((await app.ok('custody.findReceipt', { code: `${token}\n` }, 'staff')).receiptId).toBe(receipt.receiptId);
    expect((await app.ok('custody.findReceipt', { code: ' 2026-0001 ' }, 'staff')).receiptId).toBe(receipt.receiptId);
  });

  it('finds it by a token typed from the paper: lower case, in groups, with 0, 1 and 8 for O, I and B', async () => {
    const app = await createSetUpApp();
    const { receipt } = await logIntoSafe(app);
    const token = await tokenOf(app, receipt.receiptId);
    const grouped = (t: string) => t.match(/.{1,4}/g)!.join(' ');
    const typed = [
      token.toLowerCase(),
      grouped(token),
      token.match(/.{1,5}/g)!.join('-'),
      grouped(token.toLowerCase()).replace(/o/g, '0').replace(/i/g, '1').replace(/b/g, '8'),
      `\u200b${token}\r\n`,
    ];
    for (const code of typed) expect((await app.ok('custody.findReceipt', { code }, 'staff')).receiptId, code).toBe(receipt.receiptId);
  });

  it('finds it by the code exactly as the receipt prints it, typed back with spaces, dashes or none, in lower case', async () => {
    const app = await createSetUpApp();
    const { receipt } = await logIntoSafe(app);
    const printed = groupScanCode(await tokenOf(app, receipt.receiptId));
    expect(printed).toMatch(/^([A-Z2-7]{4} ){6}[A-Z2-7]{2}$/);
    for (const code of [printed, printed.toLowerCase(), printed.replace(/ /g, '-').toLowerCase(), printed.replace(/ /g, '')]) {
      expect((await app.ok('custody.findReceipt', { code }, 'staff')).receiptId, code).toBe(receipt.receiptId);
    }
  });

  it.each([
    ['a token one character short', (t: string) => t.slice(1), 'invalid_input', /not a safe hands receipt/i],
    ['a token with a 9, which no code has', (t: string) => `9${t.slice(1)}`, 'invalid_input', /not a safe hands receipt/i],
    ['an unknown token', () => 'A'.repeat(26), 'not_found', /no receipt/i],
    ['a malformed code', () => "'; DROP TABLE receipts;--", 'invalid_input', /not a safe hands receipt/i],
    ['an empty code', () => '   ', 'invalid_input', /scan/i],
    ['an unknown receipt number', () => '2026-0999', 'not_found', /no receipt 2026-0999/i],
  ])('refuses %s plainly', async (_label, code, errorCode, message) => {
    const app = await createSetUpApp();
    const { receipt } = await logIntoSafe(app);
    const error = await app.fails('custody.findReceipt', { code: code(await tokenOf(app, receipt.receiptId)) }, 'staff');
    expect(error.code).toBe(errorCode);
    expect(error.message).toMatch(message);
  });

  it('finds what is held for someone by name when the receipt is lost', async () => {
    const app = await createSetUpApp();
    const { receipt } = await logIntoSafe(app);
    expect((await app.ok('custody.searchByOwner', { name: 'obri' }, 'staff')).receipts.map((r) => r.receiptId)).toEqual([receipt.receiptId]);
    expect((await app.ok('custody.searchByOwner', { name: "Zoë O'Brien" }, 'staff')).receipts.map((r) => r.receiptId)).toEqual([receipt.receiptId]);
    expect((await app.ok('custody.searchByOwner', { name: 'nobody' }, 'staff')).receipts).toEqual([]);
  });
});

describe('returning items and the sign-out guard', () => {
  it('stops a visitor with items in the safe signing out until every item is returned', async () => {
    const app = await createSetUpApp();
    const { receipt, visitId } = await logIntoSafe(app);
    const guarded = await app.ok('visit.signOut', { visitId });
    expect(guarded).toMatchObject({ status: 'collect_items', itemsInSafe: 2 });
    const onSite = (await app.ok('visit.onSite', {}, 'staff')).visits[0]!;
    expect(onSite.collectionRequestedAt).toBe('2026-11-23T09:00:00.000Z');

    const [phone, watch] = receipt.items;
    const first = await app.ok('custody.return', { receiptId: receipt.receiptId, itemIds: [phone!.itemId], returnedTo: 'Zoë O’Brien-Łukasz' }, 'staff');
    expect(first.visitSignedOut).toBe(false);
    expect((await app.ok('visit.onSite', {}, 'staff')).visits).toHaveLength(1);

    app.clock.advance(60_000);
    const second = await app.ok('custody.return', { receiptId: receipt.receiptId, itemIds: [watch!.itemId], returnedTo: 'Zoë O’Brien-Łukasz' }, 'staff');
    expect(second.visitSignedOut).toBe(true);
    expect(second.receipt.items.map((i) => [i.state, i.closedBy, i.closedTo])).toEqual([
      ['returned', 'Priya Shah', 'Zoë O’Brien-Łukasz'],
      ['returned', 'Priya Shah', 'Zoë O’Brien-Łukasz'],
    ]);
    expect((await app.ok('visit.onSite', {}, 'staff')).visits).toEqual([]);
  });

  it('a return mid-visit (to make a call) does not sign the visitor out', async () => {
    const app = await createSetUpApp();
    const { receipt } = await logIntoSafe(app);
    const result = await app.ok('custody.return', { receiptId: receipt.receiptId, itemIds: receipt.items.map((i) => i.itemId), returnedTo: 'Zoë' }, 'staff');
    expect(result.visitSignedOut).toBe(false);
    expect((await app.ok('visit.onSite', {}, 'staff')).visits).toHaveLength(1);
  });

  it('the same item returned from two consoles: the second is refused, says who did it, and changes nothing', async () => {
    const app = await createSetUpApp();
    const { receipt } = await logIntoSafe(app);
    await app.ok('staff.unlock', { staffId: app.adminId, pin: ADMIN_PIN }, 'console-2');
    const itemIds = [receipt.items[0]!.itemId];
    await app.ok('custody.return', { receiptId: receipt.receiptId, itemIds, returnedTo: 'Zoë' }, 'staff');
    const before = await contentHash(app);
    const error = await app.fails('custody.return', { receiptId: receipt.receiptId, itemIds: [receipt.items[1]!.itemId, itemIds[0]!], returnedTo: 'Someone else' }, 'console-2');
    expect(error.code).toBe('conflict');
    expect(error.message).toMatch(/already returned to Zoë by Priya Shah/);
    expect(await contentHash(app)).toBe(before);
  });

  it.each([
    ['to nobody', { returnedTo: '  ' }, 'returnedTo'],
    ['no items', { itemIds: [] }, 'itemIds'],
    ['the same item twice', { itemIds: [1, 1] }, 'itemIds'],
  ])('refuses a return %s', async (_label, change, field) => {
    const app = await createSetUpApp();
    const { receipt } = await logIntoSafe(app);
    const before = await contentHash(app);
    const error = await app.fails('custody.return', { receiptId: receipt.receiptId, itemIds: [receipt.items[0]!.itemId], returnedTo: 'Zoë', ...change }, 'staff');
    expect(error.code).toBe('invalid_input');
    expect(error.fields?.[field]).toBeTruthy();
    expect(await contentHash(app)).toBe(before);
  });

  it('an item from another receipt is refused', async () => {
    const app = await createSetUpApp();
    const { receipt } = await logIntoSafe(app);
    const other = await app.ok('custody.log', { owner: { type: 'staff', staffId: app.adminId }, items: [{ kind: 'phone', bagSlot: 'S1' }] }, 'staff');
    const error = await app.fails('custody.return', { receiptId: receipt.receiptId, itemIds: [other.receipt.items[0]!.itemId], returnedTo: 'Zoë' }, 'staff');
    expect(error.message).toMatch(/not on this receipt/);
  });

  it('staff can close the visit with a reason; the items stay in the safe, flagged', async () => {
    const app = await createSetUpApp();
    const { visitId } = await logIntoSafe(app);
    expect((await app.fails('visit.overrideSignOut', { visitId, reason: '' }, 'staff')).code).toBe('invalid_input');
    const result = await app.ok('visit.overrideSignOut', { visitId, reason: 'Left in a hurry; phone to be collected tomorrow' }, 'staff');
    expect(result).toEqual({ signedOut: true, itemsStillInSafe: 2 });
    const safe = await app.ok('custody.inSafe', {}, 'staff');
    expect(safe.itemCount).toBe(2);
    expect(safe.owners[0]).toMatchObject({ ownerName: "Zoë O'Brien-Łukasz", visitId });
    const row = await app.db.get('SELECT sign_out_method, sign_out_override_reason FROM visits WHERE id = ?', [visitId]);
    expect(row).toEqual({ sign_out_method: 'staff', sign_out_override_reason: 'Left in a hurry; phone to be collected tomorrow' });
  });
});

describe('custody records', () => {
  it('are never deleted, and a closed item never changes', async () => {
    const app = await createSetUpApp();
    const { receipt } = await logIntoSafe(app);
    await expect(app.db.run('DELETE FROM custody_items')).rejects.toThrow(/never deleted/);
    await expect(app.db.run('DELETE FROM receipts')).rejects.toThrow(/never deleted/);
    await app.ok('custody.handOn', { itemId: receipt.items[0]!.itemId, handedTo: 'PC 4512, Kent Police', reason: 'Evidence in a safeguarding referral' }, 'staff');
    await expect(app.db.run(`UPDATE custody_items SET state = 'in_safe', closed_at = NULL WHERE id = ?`, [receipt.items[0]!.itemId])).rejects.toThrow(/only change once/);
    await expect(app.db.run(`UPDATE custody_items SET bag_slot = '99' WHERE id = ?`, [receipt.items[1]!.itemId])).rejects.toThrow(/only change once/);
  });

  it('hands an item on to the police with who and why, and refuses to hand it on twice', async () => {
    const app = await createSetUpApp();
    const { receipt } = await logIntoSafe(app);
    const itemId = receipt.items[0]!.itemId;
    expect((await app.fails('custody.handOn', { itemId, handedTo: 'PC 4512', reason: '' }, 'staff')).code).toBe('invalid_input');
    const view = await app.ok('custody.handOn', { itemId, handedTo: 'PC 4512, Kent Police', reason: 'Evidence' }, 'staff');
    expect(view.items[0]).toMatchObject({ state: 'handed_on', closedTo: 'PC 4512, Kent Police', closedNote: 'Evidence', closedBy: 'Priya Shah' });
    expect((await app.fails('custody.handOn', { itemId, handedTo: 'Someone', reason: 'Again' }, 'staff')).message).toMatch(/already handed on to PC 4512/);
  });

  it('a correction is a new record: staff see the corrected bag, the original row stays as written', async () => {
    const app = await createSetUpApp();
    const { receipt } = await logIntoSafe(app);
    const itemId = receipt.items[0]!.itemId;
    const view = await app.ok('custody.correct', { itemId, description: 'Black iPhone', marks: null, bagSlot: '21', reason: 'Wrote the wrong bag' }, 'staff');
    expect(view.items[0]).toMatchObject({ bagSlot: '21', corrected: true });
    expect((await app.db.get('SELECT bag_slot FROM custody_items WHERE id = ?', [itemId]))).toEqual({ bag_slot: '12' });
    expect(await count(app, 'custody_corrections')).toBe(1);
  });
});

describe('the safe view', () => {
  it('groups by owner, longest held first, and flags what is still here after the end of the day', async () => {
    const app = await createSetUpApp();
    await app.ok('custody.log', { owner: { type: 'staff', staffId: app.adminId }, items: [{ kind: 'phone', bagSlot: 'S1' }] }, 'staff');
    app.clock.advance(30 * 60_000);
    await app.ok('staff.unlock', { staffId: app.adminId, pin: ADMIN_PIN }, 'staff');
    await logIntoSafe(app);
    let safe = await app.ok('custody.inSafe', {}, 'staff');
    expect(safe.owners.map((o) => [o.ownerName, o.items.length, o.pastEndOfDay])).toEqual([
      ['Priya Shah', 1, false],
      ["Zoë O'Brien-Łukasz", 2, false],
    ]);
    expect(safe.itemCount).toBe(3);
    app.clock.set('2026-11-23T17:45:00.000Z');
    await app.ok('staff.unlock', { staffId: app.adminId, pin: ADMIN_PIN }, 'staff');
    safe = await app.ok('custody.inSafe', {}, 'staff');
    expect(safe.owners.every((o) => o.pastEndOfDay)).toBe(true);
  });
});
