import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_RISK_CHECKLIST } from '../../../src/shared/domain/exceptions.js';
import type { CommandInput } from '../../../src/shared/contract/index.js';
import { PHONE_AND_WATCH, tokenOf, visitorWithDeclaredDevices } from '../../helpers/custody.js';
import { ADMIN_PIN, createSetUpApp, disposeAll, newVisitor, lastAuditDetail, type TestApp, sqlite, scalar } from '../../helpers/test-app.js';

afterEach(disposeAll);

type SetUpApp = Awaited<ReturnType<typeof createSetUpApp>>;

async function unlock(app: SetUpApp): Promise<void> {
  await app.ok('staff.unlock', { staffId: app.adminId, pin: ADMIN_PIN }, 'staff');
}

/** An approval whose every free-text field names the visitor, as a DSL writing quickly would. */
function approvalNaming(app: SetUpApp, name: string, target: CommandInput<'exception.approve'>['target']): CommandInput<'exception.approve'> {
  return {
    target, purpose: 'other', purposeDetail: `${name}'s audit of the nursery rooms`, devices: [{ kind: 'laptop', quantity: 1 }],
    permittedUse: `${name} may photograph the displays`, permittedAreas: `Office, and Room 2 with ${name}'s escort`,
    conditions: `${name} must not photograph children`, riskNotes: `${name} is known to the local authority`,
    riskChecklist: DEFAULT_RISK_CHECKLIST.map((item) => ({ item, checked: true })), approver: { staffId: app.adminId, pin: ADMIN_PIN },
  };
}

async function book(app: TestApp, firstName: string, expectedDate: string): Promise<number> {
  return (await app.ok('booking.create', {
    firstName, lastName: 'Marsh', organisation: 'Kent County Council', visitorType: 'local_authority', host: `${firstName}'s host, Mrs Patel`, expectedDate,
  }, 'staff')).bookingId;
}

async function exceptionRow(app: TestApp, id: number): Promise<Record<string, unknown>> {
  return (await app.db.get('SELECT * FROM device_exceptions WHERE id = ?', [id])) as Record<string, unknown>;
}

describe('retention of device exceptions', () => {
  it('replaces what staff typed on the approvals of removed visitors and of bookings past the period, keeping the approvals and their dates', async () => {
    const app = await createSetUpApp();
    await app.ok('settings.update', { retentionYears: 1 }, 'staff');
    // A visitor approved on the day, then revoked.
    const helen = await newVisitor(app, { firstName: 'Helen', lastName: 'Marsh', organisation: null });
    const helenException = (await app.ok('exception.approve', approvalNaming(app, 'Helen', { type: 'visit', visitId: helen.visitId }), 'staff')).exceptionId;
    await app.ok('exception.revoke', { exceptionId: helenException, reason: 'Helen photographed a child in Room 2' }, 'staff');
    await app.ok('visit.signOut', { visitId: helen.visitId });
    // A visitor approved in advance who never came: nobody marked the booking, so it is still "expected".
    const noShowBooking = await book(app, 'Nia', '2026-11-23');
    const noShowException = (await app.ok('exception.approve', approvalNaming(app, 'Nia', { type: 'booking', bookingId: noShowBooking }), 'staff')).exceptionId;
    const before = [(await exceptionRow(app, helenException)), (await exceptionRow(app, noShowException))];

    // A year and a day later, with a visitor approved this week.
    app.clock.set('2027-11-24T09:00:00Z');
    await unlock(app);
    const recent = await newVisitor(app, { firstName: 'Rhian', lastName: 'Marsh', organisation: null });
    const recentException = (await app.ok('exception.approve', approvalNaming(app, 'Rhian', { type: 'visit', visitId: recent.visitId }), 'staff')).exceptionId;
    const recentBefore = await exceptionRow(app, recentException);
    const count = await scalar(app, 'SELECT count(*) FROM device_exceptions');

    const run = await app.ok('retention.runNow', {}, 'staff');

    expect(run).toMatchObject({ visitorsRemoved: 1, exceptionsCleared: 2 });
    expect(await lastAuditDetail(app, 'retention.purge')).toMatchObject({ exceptionsCleared: 2 });
    // The DSL's list of approvals still shows both, with when and by whom, but no longer what was typed.
    const listed = (await app.ok('exception.list', {}, 'staff')).exceptions.filter((e) => e.exceptionId !== recentException);
    expect(listed.map((e) => [e.exceptionId, e.permittedUse, e.permittedAreas, e.conditions, e.riskNotes, e.purposeDetail, e.revokeReason])).toEqual([
      [noShowException, 'Removed', 'Removed', null, null, 'Removed', null],
      [helenException, 'Removed', 'Removed', null, null, 'Removed', 'Removed'],
    ]);
    for (const [index, id] of [helenException, noShowException].entries()) {
      const after = await exceptionRow(app, id);
      expect(JSON.stringify(after)).not.toMatch(/Helen|Nia/);
      for (const kept of ['visit_id', 'booking_id', 'purpose', 'devices_json', 'risk_checklist_json', 'valid_from', 'valid_until', 'approved_by', 'approved_at', 'revoked_at', 'revoked_by', 'record_token']) {
        expect(after[kept], kept).toEqual(before[index]![kept]);
      }
    }
    expect(await exceptionRow(app, recentException)).toEqual(recentBefore);
    expect((await scalar(app, 'SELECT count(*) FROM device_exceptions'))).toBe(count);
    // Done once: the next run finds nothing more to replace, and the approvals cannot be changed otherwise.
    app.clock.set('2027-11-25T09:00:00Z');
    await unlock(app);
    expect((await app.ok('retention.runNow', {}, 'staff')).exceptionsCleared).toBe(0);
    await expect(app.db.run(`UPDATE device_exceptions SET permitted_use = 'Anything' WHERE id = ?`, [recentException])).rejects.toThrow(/can only be revoked/);
    await expect(app.db.run(`UPDATE device_exceptions SET valid_from = '2020-01-01T00:00:00.000Z', permitted_use = 'Removed' WHERE id = ?`, [helenException])).rejects.toThrow(/can only be revoked/);
    expect((await app.ok('audit.verify', {}, 'staff')).ok).toBe(true);
  });
});

describe('retention of bookings', () => {
  it('removes the names on a booking nobody marked once its day is past the period, and leaves recent and future bookings', async () => {
    const app = await createSetUpApp();
    await app.ok('settings.update', { retentionYears: 1 }, 'staff');
    const neverCame = await book(app, 'Nia', '2026-11-23');
    app.clock.set('2027-11-20T09:00:00Z');
    await unlock(app);
    const lastWeek = await book(app, 'Owen', '2027-11-20');
    const nextWeek = await book(app, 'Priya', '2027-12-01');
    app.clock.set('2027-11-24T09:00:00Z');
    await unlock(app);

    expect((await app.ok('retention.runNow', {}, 'staff')).bookingsCleared).toBe(1);

    const shown = async (date: string) => (await app.ok('booking.list', { date }, 'staff')).bookings.map((b) => [b.bookingId, b.status, b.firstName, b.lastName, b.organisation, b.host]);
    expect(await shown('2026-11-23')).toEqual([[neverCame, 'expected', 'Removed', 'visitor', null, 'Removed']]);
    expect(await shown('2027-11-20')).toEqual([[lastWeek, 'expected', 'Owen', 'Marsh', 'Kent County Council', "Owen's host, Mrs Patel"]]);
    expect(await shown('2027-12-01')).toEqual([[nextWeek, 'expected', 'Priya', 'Marsh', 'Kent County Council', "Priya's host, Mrs Patel"]]);
  });
});

describe('retention of custody corrections', () => {
  it('removes what a correction said of a device with the device’s own description, keeping the correction', async () => {
    const app = await createSetUpApp();
    await app.ok('settings.update', { retentionYears: 1 }, 'staff');
    const { visit, handover } = await visitorWithDeclaredDevices(app);
    const { receipt } = await app.ok('custody.log', { handoverId: handover.handoverId, owner: { type: 'visitor', visitId: visit.visitId }, items: PHONE_AND_WATCH }, 'staff');
    const phone = receipt.items[0]!.itemId;
    await app.ok('custody.correct', { itemId: phone, description: 'Black iPhone, case says ZOË', marks: 'Zoë’s initials scratched on the back', bagSlot: '14', reason: 'Zoë pointed out her initials' }, 'staff');
    await app.ok('custody.return', { receiptId: receipt.receiptId, itemIds: receipt.items.map((i) => i.itemId), returnedTo: 'Zoë' }, 'staff');
    await app.ok('visit.signOut', { visitId: visit.visitId });
    app.clock.set('2027-11-24T09:00:00Z');
    await unlock(app);

    expect(await app.ok('retention.runNow', {}, 'staff')).toMatchObject({ visitorsRemoved: 1, custodyCleared: 2 });

    // The receipt, looked up by its code, no longer describes the phone by its owner's name.
    const found = await app.ok('custody.findReceipt', { code: (await tokenOf(app, receipt.receiptId)) }, 'staff');
    expect(found.items.map((i) => [i.kind, i.description, i.marks, i.bagSlot, i.closedTo])).toEqual([
      ['phone', null, null, '14', 'Removed'],
      ['smart_watch', null, null, '12', 'Removed'],
    ]);
    expect((await app.db.all('SELECT description, marks, bag_slot, reason FROM custody_corrections WHERE item_id = ?', [phone]))).toEqual([
      { description: null, marks: null, bag_slot: '14', reason: 'Removed' },
    ]);
    await expect(app.db.run(`UPDATE custody_corrections SET bag_slot = '1', description = NULL, marks = NULL, reason = 'Removed'`)).rejects.toThrow(/never changed/);
    expect((await app.ok('audit.verify', {}, 'staff')).ok).toBe(true);
  });
});
