import { afterEach, describe, expect, it } from 'vitest';
import { contentHash, count, createSetUpApp, disposeAll, lastAuditDetail, type TestApp, sqlite, scalar, itOnSqlite } from '../../helpers/test-app.js';

afterEach(disposeAll);

const TOM_PIN = '1470';

/**
 * A nursery that keeps staff phones in the safe: Tom signed in at the kiosk at 08:30 with his phone into
 * pouch 4, and the administrator's console (`staff`) is the office's.
 */
async function tomAtWork(): Promise<{ app: TestApp & { adminId: number }; tomId: number; dayId: number; receiptId: number; receiptNumber: string }> {
  const app = await createSetUpApp('nursery');
  await app.ok('settings.update', { staffPhonesInSafe: true }, 'staff');
  const tom = await app.ok('staff.create', { displayName: 'Tom Reilly', roles: [], pin: TOM_PIN, pinAgain: TOM_PIN }, 'staff');
  app.clock.set('2026-11-23T08:30:00Z');
  const day = await app.ok('staffDay.signInAtKiosk', { staffId: tom.staffId, pin: TOM_PIN, phone: { bagSlot: 'Pouch 4', description: 'Black iPhone' } });
  return { app, tomId: tom.staffId, dayId: day.staffDayId, receiptId: day.phone!.receipt.receiptId, receiptNumber: day.phone!.receipt.receiptNumber };
}

/** The office's console, unlocked again as time moves on (it locks itself when left). */
async function at(app: TestApp & { adminId: number }, iso: string): Promise<void> {
  app.clock.set(iso);
  await app.ok('staff.unlock', { staffId: app.adminId, pin: '482613' }, 'staff');
}

describe('break time for a phone kept in the safe', () => {
  it('goes back under the morning receipt every time, so no new receipt is printed and the morning paper still collects it', async () => {
    const { app, tomId, dayId, receiptId, receiptNumber } = await tomAtWork();
    const printedBefore = await scalar(app, 'SELECT print_count FROM receipts WHERE id = ?', [receiptId]);

    for (const [out, back] of [['2026-11-23T10:30:00Z', '2026-11-23T10:45:00Z'], ['2026-11-23T12:15:00Z', '2026-11-23T12:50:00Z']] as const) {
      await at(app, out);
      expect(await app.ok('staffDay.breakOut', { staffDayId: dayId }, 'staff')).toEqual({
        displayName: 'Tom Reilly', devices: [{ kind: 'phone', bagSlot: 'Pouch 4', receiptNumber }],
      });
      expect((await app.ok('staffDay.onSite', {}, 'staff')).staff[0]).toMatchObject({ phoneInSafe: false, devicesOut: [{ kind: 'phone', takenAt: new Date(out).toISOString() }] });
      await at(app, back);
      expect(await app.ok('staffDay.breakBack', { staffDayId: dayId }, 'staff')).toEqual({
        displayName: 'Tom Reilly', devices: [{ kind: 'phone', bagSlot: 'Pouch 4', receiptNumber }],
      });
      expect((await app.ok('staffDay.onSite', {}, 'staff')).staff[0]).toMatchObject({
        phoneInSafe: true, devicesOut: [], devicesInSafe: [{ receiptNumber, bagSlot: 'Pouch 4', description: 'Black iPhone', loggedAt: new Date(back).toISOString() }],
      });
    }

    // One receipt all day, never printed again; each spell in the safe is its own custody record, none removed.
    expect(await count(app, 'receipts')).toBe(1);
    expect((await scalar(app, 'SELECT print_count FROM receipts WHERE id = ?', [receiptId]))).toBe(printedBefore);
    expect((await app.db.all('SELECT state, closed_note, logged_at FROM custody_items WHERE receipt_id = ? ORDER BY id', [receiptId]))).toEqual([
      { state: 'returned', closed_note: 'Break', logged_at: '2026-11-23T08:30:00.000Z' },
      { state: 'returned', closed_note: 'Break', logged_at: '2026-11-23T10:45:00.000Z' },
      { state: 'in_safe', closed_note: null, logged_at: '2026-11-23T12:50:00.000Z' },
    ]);
    expect(await lastAuditDetail(app, 'staff_day.break_back')).toMatchObject({ receiptIds: [receiptId] });

    // Home time: the receipt he was given at 08:30, scanned at the office, finds his phone in the safe.
    const token = (await scalar(app, 'SELECT token FROM receipts WHERE id = ?', [receiptId])) as string;
    const found = await app.ok('custody.findReceipt', { code: token }, 'staff');
    expect(found.items.filter((i) => i.state === 'in_safe').map((i) => i.bagSlot)).toEqual(['Pouch 4']);
    await at(app, '2026-11-23T17:00:00Z');
    expect(await app.ok('staffDay.signOutAtKiosk', { staffId: tomId, pin: TOM_PIN, collectPhone: true })).toMatchObject({ takenFromSafe: 1, stillInSafe: 0 });
  });

  it('says when there is nothing to take out or put back, and changes nothing', async () => {
    const { app, dayId } = await tomAtWork();
    let before = await contentHash(app);
    expect(await app.fails('staffDay.breakBack', { staffDayId: dayId }, 'staff')).toEqual({
      code: 'conflict', message: "Nothing of Tom Reilly's is out of the safe. Nothing was changed.",
    });
    expect(await contentHash(app)).toBe(before);
    await app.ok('staffDay.breakOut', { staffDayId: dayId }, 'staff');
    before = (await contentHash(app));
    expect(await app.fails('staffDay.breakOut', { staffDayId: dayId }, 'staff')).toEqual({
      code: 'conflict', message: "Nothing of Tom Reilly's is in the safe now. Nothing was changed.",
    });
    expect((await app.fails('staffDay.breakBack', { staffDayId: 999 }, 'staff')).message).toBe('They are not signed in now. Refresh the list. Nothing was changed.');
    expect(await contentHash(app)).toBe(before);
    expect((await app.fails('staffDay.breakBack', { staffDayId: dayId }, 'kiosk')).code).toBe('locked');
  });

  itOnSqlite('gives everything out in one transaction: when one receipt cannot be closed, nothing is given out', async () => {
    const { app, tomId, dayId } = await tomAtWork();
    await app.ok('custody.log', { owner: { type: 'staff', staffId: tomId }, items: [{ kind: 'tablet', description: null, marks: null, bagSlot: 'Pouch 4' }] }, 'staff');
    sqlite(app).exec(`CREATE TEMP TRIGGER refuse_tablet BEFORE UPDATE ON custody_items WHEN NEW.kind = 'tablet' BEGIN SELECT RAISE(ABORT, 'refused for the test'); END`);
    const before = await contentHash(app);
    expect((await app.fails('staffDay.breakOut', { staffDayId: dayId }, 'staff')).code).toBe('internal');
    expect(await contentHash(app)).toBe(before);
    sqlite(app).exec('DROP TRIGGER temp.refuse_tablet');
    expect((await app.ok('staffDay.breakOut', { staffDayId: dayId }, 'staff')).devices.map((d) => d.kind).sort()).toEqual(['phone', 'tablet']);
  });
});
