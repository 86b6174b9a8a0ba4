import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkAuditNow } from '../../../src/main/audit/audit-check.js';
import { fixedClock } from '../../../src/main/core/clock.js';
import { AUDIT_KEY_FILE, PIN_PEPPER_FILE } from '../../../src/main/core/paths.js';
import { runDueJobs } from '../../../src/main/jobs/scheduled-jobs.js';
import { MAX_PIN_FAILURES } from '../../../src/main/services/staff/staff-auth.js';
import { PHONE_AND_WATCH } from '../../helpers/custody.js';
import { freshPgDatabase, type PgDatabase } from '../../helpers/pg-database.js';
import { ADMIN_PIN, contentHash, disposeAll, newVisitor, openTestApp, scalar, type TestApp } from '../../helpers/test-app.js';

/**
 * Two desks of one school on one PostgreSQL database (issue 15): the front entrance where visitors sign in,
 * and the office where the safe is. Each desk is a whole app with its own data folder, as on two PCs; they
 * share nothing but the database and the keys the README says every desk needs.
 */
const databases: PgDatabase[] = [];
afterEach(async () => {
  await disposeAll();
  while (databases.length) await databases.pop()!.drop();
});

interface Desks {
  front: TestApp;
  office: TestApp;
  adminId: number;
}

async function twoDesks(): Promise<Desks> {
  const database = await freshPgDatabase();
  databases.push(database);
  const clock = fixedClock('2026-11-23T09:00:00.000Z');
  const front = await openTestApp(mkdtempSync(join(tmpdir(), 'safe-hands-front-')), clock, { database: database.url });
  const { staffId: adminId } = await front.ok('setup.create', {
    settingName: 'Oak Tree Primary', settingKind: 'school', adminName: 'Priya Shah', pin: ADMIN_PIN, pinAgain: ADMIN_PIN, expectationsTemplate: 'school',
  });
  // The office PC is set up with the keys from the first desk, as the README tells IT to do.
  const officeDir = mkdtempSync(join(tmpdir(), 'safe-hands-office-'));
  for (const key of [PIN_PEPPER_FILE, AUDIT_KEY_FILE]) copyFileSync(join(front.dir, key), join(officeDir, key));
  const office = await openTestApp(officeDir, clock, { database: database.url });
  await front.ok('staff.unlock', { staffId: adminId, pin: ADMIN_PIN }, 'staff');
  await office.ok('staff.unlock', { staffId: adminId, pin: ADMIN_PIN }, 'staff');
  return { front, office, adminId };
}

async function auditProblems(desk: TestApp): Promise<string[]> {
  return (await checkAuditNow(desk.db, desk.auditTrail.ring.all())).problems;
}

describe('two desks on one PostgreSQL database', () => {
  it('a visitor signs in at the front, their phone goes into the safe at the office, and they collect it and leave there', async () => {
    const { front, office, adminId } = await twoDesks();
    const visit = await newVisitor(front, { firstName: 'Zoë', lastName: "O'Brien-Łukasz", devices: [{ kind: 'phone', quantity: 1 }, { kind: 'smart_watch', quantity: 1 }] });
    // The office sees the handover the front desk's kiosk took.
    const handover = (await office.ok('custody.pendingHandovers', {}, 'staff')).handovers.find((h) => h.visitId === visit.visitId);
    expect(handover).toMatchObject({ devices: [{ kind: 'phone', quantity: 1 }, { kind: 'smart_watch', quantity: 1 }] });
    const { receipt } = await office.ok('custody.log', { handoverId: handover!.handoverId, owner: { type: 'visitor', visitId: visit.visitId }, items: PHONE_AND_WATCH }, 'staff');
    expect(receipt).toMatchObject({ receiptNumber: '2026-0001', ownerName: "Zoë O'Brien-Łukasz", createdBy: 'Priya Shah' });
    // The front desk's on-site list counts what the office put in the safe.
    expect((await front.ok('visit.onSite', {}, 'staff')).visits).toMatchObject([{ visitId: visit.visitId, itemsInSafe: 2 }]);
    front.clock.advance(3 * 60 * 60_000);
    await office.ok('staff.unlock', { staffId: adminId, pin: ADMIN_PIN }, 'staff');
    await front.ok('staff.unlock', { staffId: adminId, pin: ADMIN_PIN }, 'staff');
    const returned = await office.ok('custody.return', { receiptId: receipt.receiptId, itemIds: receipt.items.map((i) => i.itemId), returnedTo: "Zoë O'Brien-Łukasz" }, 'staff');
    expect(returned.receipt.items.map((i) => i.state)).toEqual(['returned', 'returned']);
    await office.ok('visit.signOut', { visitId: visit.visitId });
    expect((await front.ok('visit.onSite', {}, 'staff')).visits).toEqual([]);
    // One trail, written by both desks, that each desk finds whole.
    expect(await auditProblems(front)).toEqual([]);
    expect(await auditProblems(office)).toEqual([]);
    // Each desk's own check too, with its own record of the newest entry: the office's began when it joined.
    expect(await front.ok('audit.verify', {}, 'staff')).toMatchObject({ ok: true, problems: [] });
    expect(await office.ok('audit.verify', {}, 'staff')).toMatchObject({ ok: true, problems: [] });
    expect(await office.startupCheck).toBe('ok');
    expect(await scalar(office, "SELECT count(*) FROM audit_log WHERE action = 'audit.head_started'")).toBe(1);
  });

  it('the same phone returned at both desks at once goes back once, and the other desk says to whom and by whom', async () => {
    const { front, office } = await twoDesks();
    const visit = await newVisitor(front, { firstName: 'Sam', lastName: 'Bennett' });
    const { receipt } = await front.ok('custody.log', { owner: { type: 'visitor', visitId: visit.visitId }, items: [{ kind: 'phone', bagSlot: '7' }] }, 'staff');
    const itemIds = [receipt.items[0]!.itemId];
    const answers = await Promise.all([
      front.call('custody.return', { receiptId: receipt.receiptId, itemIds, returnedTo: 'Sam Bennett' }, 'staff'),
      office.call('custody.return', { receiptId: receipt.receiptId, itemIds, returnedTo: 'Someone else' }, 'staff'),
    ]);
    const refused = answers.filter((a) => !a.ok);
    expect(answers.filter((a) => a.ok)).toHaveLength(1);
    expect(refused).toHaveLength(1);
    const winner = answers[0]!.ok ? 'Sam Bennett' : 'Someone else';
    expect(refused[0]!.ok ? null : refused[0]!.error).toMatchObject({ code: 'conflict', message: expect.stringContaining(`already returned to ${winner} by Priya Shah`) });
    // On file once, as the winner recorded it.
    expect(await office.db.all('SELECT state, closed_to FROM custody_items WHERE receipt_id = ?', [receipt.receiptId])).toEqual([{ state: 'returned', closed_to: winner }]);
    expect((await front.ok('custody.inSafe', {}, 'staff')).itemCount).toBe(0);
  });

  it('receipt numbers logged at both desks at once run on without a gap or a repeat', async () => {
    const { front, office, adminId } = await twoDesks();
    const log = (desk: TestApp, slot: string) => desk.ok('custody.log', { owner: { type: 'staff', staffId: adminId }, items: [{ kind: 'phone', bagSlot: slot }] }, 'staff');
    const logged = await Promise.all([1, 2, 3, 4, 5, 6, 7, 8].map((n) => log(n % 2 === 0 ? front : office, `S${n}`)));
    const numbers = logged.map((l) => l.receipt.receiptNumber).sort();
    expect(numbers).toEqual(['2026-0001', '2026-0002', '2026-0003', '2026-0004', '2026-0005', '2026-0006', '2026-0007', '2026-0008']);
    expect(await auditProblems(front)).toEqual([]);
  });

  // 200 sign-ins, each its own transaction: a few seconds, longer on a busy machine.
  it('keeps one unbroken audit trail while both desks sign in 100 visitors each at the same time', { timeout: 60_000 }, async () => {
    const { front, office } = await twoDesks();
    const signIns = (desk: TestApp, name: string) =>
      Array.from({ length: 100 }, (_, n) => newVisitor(desk, { firstName: `${name}${n}`, lastName: 'Queue' }));
    const visits = await Promise.all([...signIns(front, 'Front'), ...signIns(office, 'Office')]);
    expect(new Set(visits.map((v) => v.visitId)).size).toBe(200);
    // Every entry follows the one before it: ids without a gap, each sealed on its predecessor's hash.
    const entries = await front.db.all<{ id: number; firstName: string }>(
      `SELECT a.id, p.first_name AS "firstName" FROM audit_log a JOIN visits v ON v.id = a.entity_id JOIN visitors p ON p.id = v.visitor_id
        WHERE a.action = 'visit.sign_in' ORDER BY a.id`,
    );
    expect(entries).toHaveLength(200);
    const ids = await front.db.all<{ id: number }>('SELECT id FROM audit_log ORDER BY id');
    expect(ids.map((r) => r.id)).toEqual(ids.map((_, i) => ids[0]!.id + i));
    // The two desks' writes really were interleaved, not one desk's hundred after the other's.
    const switches = entries.filter((e, i) => i > 0 && e.firstName.startsWith('Front') !== entries[i - 1]!.firstName.startsWith('Front')).length;
    expect(switches).toBeGreaterThan(10);
    expect(await auditProblems(front)).toEqual([]);
    expect(await auditProblems(office)).toEqual([]);
  });

  it('waits for the other desk\'s long write, with more taps than connections, rather than call the server lost', { timeout: 60_000 }, async () => {
    const { front, office } = await twoDesks();
    // The office holds the write lock for three seconds (a slow disk on the server, say), longer than a
    // connection may take to open: the front desk's twelve sign-ins queue for its eight connections meanwhile.
    let locked!: () => void;
    const lockTaken = new Promise<void>((resolve) => (locked = resolve));
    const held = office.db.transaction(async () => {
      locked();
      await new Promise((resolve) => setTimeout(resolve, 3000));
    });
    await lockTaken;
    const visits = await Promise.all(Array.from({ length: 12 }, (_, n) => newVisitor(front, { firstName: `Wait${n}`, lastName: 'Queue' })));
    await held;
    expect(new Set(visits.map((v) => v.visitId)).size).toBe(12);
    expect(await auditProblems(front)).toEqual([]);
  });

  it('signs visitors out at the end of the day once, though both desks run their scheduled jobs at once', async () => {
    const { front, office } = await twoDesks();
    await front.ok('settings.update', { autoSignOut: true }, 'staff');
    for (const lastName of ['Bennett', 'Okafor', 'Nowak']) await newVisitor(front, { lastName });
    front.clock.set('2026-11-23T17:31:00Z');
    const [atFront, atOffice] = await Promise.all([runDueJobs(front), runDueJobs(office)]);
    expect([atFront.autoSignedOut, atOffice.autoSignedOut].sort()).toEqual([0, 3]);
    // No backup job on PostgreSQL: the server keeps the backups.
    expect([atFront.backup, atOffice.backup]).toEqual(['off', 'off']);
    expect(await scalar(front, "SELECT count(*) FROM audit_log WHERE action = 'visit.sign_out'")).toBe(3);
    expect(await scalar(office, 'SELECT count(*) FROM visits WHERE signed_out_at IS NULL')).toBe(0);
  });

  it('will not start a desk that lacks the first desk\'s keys, and changes nothing', async () => {
    const { front } = await twoDesks();
    const before = await contentHash(front);
    const bare = mkdtempSync(join(tmpdir(), 'safe-hands-bare-'));
    await expect(openTestApp(bare, front.clock, { database: front.database })).rejects.toThrow(
      /This desk has no audit-trail\.key in its data folder .* Copy audit-trail\.key and pin-pepper\.key from the first desk's data folder/,
    );
    expect(await contentHash(front)).toBe(before);
    expect(await auditProblems(front)).toEqual([]);
  });

  it('counts wrong PINs from both desks towards one lockout, and then neither desk unlocks', async () => {
    const { front, office, adminId } = await twoDesks();
    for (let n = 1; n <= MAX_PIN_FAILURES; n += 1) {
      const desk = n % 2 === 0 ? front : office;
      const error = await desk.fails('staff.unlock', { staffId: adminId, pin: '000000' }, `guess-${n}`);
      expect(error.code).toBe(n < MAX_PIN_FAILURES ? 'wrong_pin' : 'account_locked');
    }
    expect((await front.fails('staff.unlock', { staffId: adminId, pin: ADMIN_PIN }, 'fresh')).code).toBe('account_locked');
    expect((await office.fails('staff.unlock', { staffId: adminId, pin: ADMIN_PIN }, 'fresh')).code).toBe('account_locked');
  });
});
