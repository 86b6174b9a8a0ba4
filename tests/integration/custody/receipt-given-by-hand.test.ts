/**
 * "Written by hand and given": when the printer never took a receipt, staff write its number on paper for
 * the owner and record it. Through the real command table on a real data folder, with real CUPS (the
 * cups-pdf queue, tests/helpers/cups.ts) where a receipt must really print.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { findCupsPdfQueue } from '../../helpers/cups.js';
import { logIntoSafe, PHONE_AND_WATCH } from '../../helpers/custody.js';
import { contentHash, createSetUpApp, disposeAll, reopenTestApp, type TestApp, sqlite } from '../../helpers/test-app.js';

afterEach(disposeAll);
const SKIP_PRINTER = process.env.SAFE_HANDS_SKIP_PRINTER_TESTS === '1';

async function receiptEntries(app: TestApp, receiptId: number): Promise<{ action: string; actor: string; at: string }[]> {
  return (await app.db.all("SELECT action, actor_label AS actor, at FROM audit_log WHERE entity = 'receipt' AND entity_id = ? AND action LIKE 'receipt.%' ORDER BY id", [receiptId])) as { action: string; actor: string; at: string }[];
}

async function inTheSafe(app: TestApp, receiptId: number) {
  return (await app.ok('custody.inSafe', {}, 'staff')).owners.flatMap((o) => o.receipts).find((r) => r.receiptId === receiptId);
}

describe('a receipt written by hand and given', () => {
  it('records who and when in the trail, stops it being listed as not printed, and it can still be printed', async () => {
    const app = await createSetUpApp();
    // No receipt printer is set up: the receipt never prints.
    const { receipt } = await logIntoSafe(app);
    expect(await inTheSafe(app, receipt.receiptId)).toMatchObject({ printCount: 0, givenByHand: null });

    app.clock.advance(4 * 60_000);
    const given = await app.ok('custody.markGivenByHand', { receiptId: receipt.receiptId }, 'staff');
    const at = app.clock.now().toISOString();
    expect(given).toMatchObject({ receiptId: receipt.receiptId, printCount: 0, givenByHand: { at, by: 'Priya Shah' } });
    expect(await receiptEntries(app, receipt.receiptId)).toEqual([
      { action: 'receipt.print_failed', actor: 'Priya Shah', at: expect.any(String) },
      { action: 'receipt.given_by_hand', actor: 'Priya Shah', at },
    ]);

    // Every list that showed it as not printed now shows it as given by hand: In the safe (and so Today), End of day, Collect.
    expect(await inTheSafe(app, receipt.receiptId)).toMatchObject({ printCount: 0, givenByHand: { at, by: 'Priya Shah' } });
    const endOfDay = (await app.ok('endOfDay.report', {}, 'staff')).inSafe.flatMap((o) => o.receipts);
    expect(endOfDay.find((r) => r.receiptId === receipt.receiptId)?.givenByHand).toEqual({ at, by: 'Priya Shah' });
    expect((await app.ok('custody.findReceipt', { code: receipt.receiptNumber }, 'staff')).givenByHand).toEqual({ at, by: 'Priya Shah' });

    // Kept across a restart.
    const again = await reopenTestApp(app);
    await again.ok('staff.unlock', { staffId: app.adminId, pin: '482613' }, 'staff');
    expect((await inTheSafe(again, receipt.receiptId))?.givenByHand).toEqual({ at, by: 'Priya Shah' });

    // Still reprintable: Reprint makes the receipt again and sends it to the printer.
    const reprint = await again.ok('custody.reprint', { receiptId: receipt.receiptId }, 'staff');
    expect(reprint.print).toMatchObject({ printed: false, reason: expect.stringMatching(/^No printer is set up for receipts/), documentId: expect.any(String) });
    expect(reprint.receipt.givenByHand).toEqual({ at, by: 'Priya Shah' });
  });

  it.skipIf(SKIP_PRINTER)('still prints on a working printer afterwards', async () => {
    const queue = await findCupsPdfQueue();
    const app = await createSetUpApp();
    const { receipt } = await logIntoSafe(app);
    await app.ok('custody.markGivenByHand', { receiptId: receipt.receiptId }, 'staff');
    await app.ok('settings.update', { receiptPrinter: queue.printer }, 'staff');
    const reprint = await app.ok('custody.reprint', { receiptId: receipt.receiptId }, 'staff');
    expect(reprint.print).toMatchObject({ printed: true, printer: queue.printer });
    expect(reprint.receipt).toMatchObject({ printCount: 1, givenByHand: { by: 'Priya Shah' } });
    expect((await receiptEntries(app, receipt.receiptId)).map((e) => e.action)).toEqual(['receipt.print_failed', 'receipt.given_by_hand', 'receipt.print']);

    // Printed now: there is nothing left to record by hand.
    const before = await contentHash(app);
    expect(await app.fails('custody.markGivenByHand', { receiptId: receipt.receiptId }, 'staff')).toEqual({
      code: 'conflict', message: `Receipt ${receipt.receiptNumber} has printed, so there is nothing to record.`,
    });
    expect(await contentHash(app)).toBe(before);
  }, 90_000);

  it('refuses in plain words what cannot be recorded, and changes nothing', async () => {
    const app = await createSetUpApp();
    const { receipt } = await logIntoSafe(app);
    await app.ok('custody.markGivenByHand', { receiptId: receipt.receiptId }, 'staff');
    const before = await contentHash(app);

    // Recorded once: a second console's tap says who did it.
    expect(await app.fails('custody.markGivenByHand', { receiptId: receipt.receiptId }, 'staff')).toEqual({
      code: 'conflict', message: `Receipt ${receipt.receiptNumber} was already recorded as written by hand, by Priya Shah on 23 Nov 2026, 09:00.`,
    });
    expect(await app.fails('custody.markGivenByHand', { receiptId: 999_999 }, 'staff')).toMatchObject({ code: 'not_found', message: 'That receipt could not be found.' });
    expect((await app.fails('custody.markGivenByHand', { receiptId: 'the blue one' }, 'staff')).code).toBe('invalid_input');
    expect((await app.fails('custody.markGivenByHand', { receiptId: receipt.receiptId, by: 'someone else' }, 'staff')).code).toBe('invalid_input');
    // Only staff record it: not the kiosk.
    expect((await app.fails('custody.markGivenByHand', { receiptId: receipt.receiptId })).code).toBe('locked');
    expect(await contentHash(app)).toBe(before);

    // Everything handed back: nothing left to collect with a receipt.
    const other = await app.ok('custody.log', { owner: { type: 'visitor', visitId: receipt.visitId! }, items: [PHONE_AND_WATCH[0]!] }, 'staff');
    await app.ok('custody.return', { receiptId: other.receipt.receiptId, itemIds: other.receipt.items.map((i) => i.itemId), returnedTo: 'Zoë', note: null }, 'staff');
    const afterReturn = await contentHash(app);
    expect(await app.fails('custody.markGivenByHand', { receiptId: other.receipt.receiptId }, 'staff')).toEqual({
      code: 'conflict', message: `Everything on receipt ${other.receipt.receiptNumber} has left the safe, so there is nothing to collect with it.`,
    });
    expect(await contentHash(app)).toBe(afterReturn);
  });
});
