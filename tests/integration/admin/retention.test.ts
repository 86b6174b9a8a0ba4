import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { runDueJobs } from '../../../src/main/jobs/scheduled-jobs.js';
import { DEFAULT_RISK_CHECKLIST } from '../../../src/shared/domain/exceptions.js';
import type { CommandInput, PrintStatus } from '../../../src/shared/contract/index.js';
import { logIntoSafe, PHONE_AND_WATCH, visitorWithDeclaredDevices } from '../../helpers/custody.js';
import { ADMIN_PIN, contentHash, createSetUpApp, disposeAll, newVisitor, lastAuditDetail, type TestApp, sqlite, scalar, column, itOnSqlite } from '../../helpers/test-app.js';

afterEach(disposeAll);

async function unlock(app: TestApp & { adminId: number }): Promise<void> {
  await app.ok('staff.unlock', { staffId: app.adminId, pin: ADMIN_PIN }, 'staff');
}

describe('retention', () => {
  itOnSqlite('removes exactly the personal data older than the period, keeps counts and structure, and nothing else', async () => {
    const app = await createSetUpApp();
    await app.ok('settings.update', { retentionYears: 2 }, 'staff');
    // An old visit whose phone was logged and returned, by then fully closed.
    const { receipt, visitId: oldVisit } = await logIntoSafe(app);
    await app.ok('custody.return', { receiptId: receipt.receiptId, itemIds: receipt.items.map((i) => i.itemId), returnedTo: 'Zoë O’Brien-Łukasz' }, 'staff');
    await app.ok('visit.signOut', { visitId: oldVisit });
    // Two years later, less a day: not yet due.
    app.clock.set('2028-11-22T09:00:00Z');
    await unlock(app);
    const recent = await newVisitor(app, { firstName: 'Recent', lastName: 'Visitor' });
    expect((await app.ok('retention.runNow', {}, 'staff')).visitorsRemoved).toBe(0);
    // Two years and a day after her last visit.
    app.clock.set('2028-11-24T09:00:00Z');
    await unlock(app);
    const auditBefore = (await app.ok('audit.verify', {}, 'staff')).checked;
    const run = await app.ok('retention.runNow', {}, 'staff');
    expect(run).toMatchObject({ visitorsRemoved: 1, visitsCleared: 1, custodyCleared: 2 });

    const old = await app.db.get(`SELECT first_name, last_name, organisation, anonymised_at FROM visitors WHERE id = (SELECT visitor_id FROM visits WHERE id = ?)`, [oldVisit]);
    expect(old).toEqual({ first_name: 'Removed', last_name: 'visitor', organisation: null, anonymised_at: '2028-11-24T09:00:00.000Z' });
    expect((await scalar(app, 'SELECT visiting FROM visits WHERE id = ?', [oldVisit]))).toBe('Removed');
    const items = await app.db.all('SELECT state, closed_to, closed_by, marks FROM custody_items WHERE receipt_id = ?', [receipt.receiptId]);
    expect(items).toEqual([
      { state: 'returned', closed_to: 'Removed', closed_by: app.adminId, marks: null },
      { state: 'returned', closed_to: 'Removed', closed_by: app.adminId, marks: null },
    ]);
    // Nothing recent was touched, the counts remain, and the audit chain still verifies with the purge in it.
    expect((await app.ok('visit.onSite', {}, 'staff')).visits.map((v) => v.firstName)).toEqual(['Recent']);
    expect((await scalar(app, 'SELECT count(*) FROM visits'))).toBe(2);
    expect(await app.ok('audit.verify', {}, 'staff')).toMatchObject({ ok: true, checked: auditBefore + 1 });
    expect((await app.ok('visitor.findReturning', { surnamePrefix: 'obr' })).matches).toEqual([]);
    expect(recent.visitId).toBeGreaterThan(oldVisit);
    const details = (await scalar(app, `SELECT group_concat(detail_json) FROM audit_log`)) as string;
    expect(details).not.toMatch(/Zoë|Brien|Bright Sparks/);
  });

  it('removes the details of a device handed on, keeping that it was handed on (the run used to fail whole on one)', async () => {
    const app = await createSetUpApp();
    await app.ok('settings.update', { retentionYears: 1 }, 'staff');
    const { receipt, visitId } = await logIntoSafe(app);
    await app.ok('custody.handOn', { itemId: receipt.items[0]!.itemId, handedTo: 'Mr Patel, IT technician', reason: 'Collected for repair' }, 'staff');
    await app.ok('custody.return', { receiptId: receipt.receiptId, itemIds: [receipt.items[1]!.itemId], returnedTo: 'Zoë' }, 'staff');
    await app.ok('visit.signOut', { visitId });
    app.clock.set('2027-11-24T09:00:00Z');
    await unlock(app);
    expect(await app.ok('retention.runNow', {}, 'staff')).toMatchObject({ visitorsRemoved: 1, custodyCleared: 2 });
    // A handed-on item always says why (its CHECK): the words become "Removed" rather than nothing.
    expect((await app.db.all('SELECT state, closed_to, closed_note, description FROM custody_items WHERE receipt_id = ? ORDER BY id', [receipt.receiptId]))).toEqual([
      { state: 'handed_on', closed_to: 'Removed', closed_note: 'Removed', description: null },
      { state: 'returned', closed_to: 'Removed', closed_note: null, description: null },
    ]);
  });

  it('leaves alone anyone still on site or with something still in the safe', async () => {
    const app = await createSetUpApp();
    await app.ok('settings.update', { retentionYears: 1 }, 'staff');
    await logIntoSafe(app);
    app.clock.set('2029-01-01T09:00:00Z');
    await unlock(app);
    expect((await app.ok('retention.runNow', {}, 'staff')).visitorsRemoved).toBe(0);
    expect((await app.ok('custody.inSafe', {}, 'staff')).owners[0]!.ownerName).toBe("Zoë O'Brien-Łukasz");
  });

  it('removes the words a visitor was found by with their name, so no search finds them by it', async () => {
    const app = await createSetUpApp();
    await app.ok('settings.update', { retentionYears: 1 }, 'staff');
    const old = await newVisitor(app, { firstName: 'Róisín', lastName: 'Ó Súilleabháin', organisation: null });
    await app.ok('visit.signOut', { visitId: old.visitId });
    const oldId = (await scalar(app, 'SELECT visitor_id FROM visits WHERE id = ?', [old.visitId])) as number;
    expect((await column(app, 'SELECT word FROM visitor_name_words WHERE visitor_id = ? ORDER BY word', [oldId]))).toEqual(['osuilleabhain', 'suilleabhain']);
    app.clock.set('2027-11-24T09:00:00Z');
    await unlock(app);
    const recent = await newVisitor(app, { firstName: 'Seán', lastName: 'Súilleabháin', organisation: null });
    expect((await app.ok('retention.runNow', {}, 'staff')).visitorsRemoved).toBe(1);
    expect((await scalar(app, 'SELECT count(*) FROM visitor_name_words WHERE visitor_id = ?', [oldId]))).toBe(0);
    expect((await app.ok('visitor.findReturning', { surnamePrefix: 'sui' })).matches.map((m) => m.displayName)).toEqual(['Seán S.']);
    expect((await app.ok('visitor.findReturning', { surnamePrefix: 'osu' })).matches).toEqual([]);
    expect((await app.ok('person.search', { name: 'Súilleabháin' }, 'staff')).people.map((p) => p.name)).toEqual(['Seán Súilleabháin']);
    // "Removed visitor" is not a name anyone is found by.
    expect((await app.ok('visitor.findReturning', { surnamePrefix: 'vis' })).matches).toEqual([]);
    expect(recent.visitId).toBeGreaterThan(old.visitId);
  });

  it('runs once a day from the scheduler', async () => {
    const app = await createSetUpApp();
    expect((await runDueJobs(app)).retentionRemoved).toBe(0);
    expect((await runDueJobs(app)).retentionRemoved).toBeNull();
  });

  it.each([[0], [500], [2.5], ['6']])('refuses a retention period of %j years', async (years) => {
    const app = await createSetUpApp();
    const before = await contentHash(app);
    expect((await app.fails('settings.update', { retentionYears: years }, 'staff')).fields?.retentionYears).toBeTruthy();
    expect(await contentHash(app)).toBe(before);
  });
});

type SetUpApp = Awaited<ReturnType<typeof createSetUpApp>>;

/** Every file in the folders Safe Hands keeps its documents in, relative to the data folder. */
function documentsIn(dir: string): string[] {
  const found: string[] = [];
  const walk = (folder: string) => {
    for (const name of existsSync(folder) ? readdirSync(folder) : []) {
      const path = join(folder, name);
      if (statSync(path).isDirectory()) walk(path);
      else found.push(relative(dir, path));
    }
  };
  for (const folder of ['receipts', 'badges', 'roll-calls', 'end-of-day', 'invites', 'exceptions', 'reports']) walk(join(dir, folder));
  return found.sort();
}

/** Where the document a command just made was kept, relative to the data folder. */
function keptAt(app: TestApp, documentId: string | null): string {
  const file = documentId === null ? null : app.documentLinks.resolve(documentId);
  if (!file) throw new Error('The command kept no document');
  return relative(app.dir, file);
}

async function printBadgeOf(app: TestApp, visitId: number): Promise<string> {
  const code = (await scalar(app, 'SELECT badge_token FROM visits WHERE id = ?', [visitId])) as string;
  return keptAt(app, (await app.ok('badge.print', { code }, 'kiosk')).print.documentId);
}

/** A visitor's declared devices logged into the safe from the pending handover; the receipt PDF's place too. */
async function logVisitorDevices(app: TestApp, firstName: string, lastName: string) {
  const { visit, handover } = await visitorWithDeclaredDevices(app, { firstName, lastName });
  const logged = await app.ok('custody.log', { handoverId: handover.handoverId, owner: { type: 'visitor', visitId: visit.visitId }, items: PHONE_AND_WATCH }, 'staff');
  return { visitId: visit.visitId, receipt: logged.receipt, file: keptAt(app, logged.print.documentId) };
}

async function logPupilPhone(app: TestApp, name: string, reason: 'learner_day' | 'confiscated') {
  const logged = await app.ok('custody.log', {
    owner: { type: 'learner', name, group: '6B', reason, confiscationReason: reason === 'confiscated' ? 'Used in a lesson' : null },
    items: [{ kind: 'phone', description: null, marks: null, bagSlot: 'P1' }],
  }, 'staff');
  return { receipt: logged.receipt, file: keptAt(app, logged.print.documentId) };
}

async function returnAll(app: TestApp, receipt: { receiptId: number; items: { itemId: number }[] }, to: string): Promise<void> {
  await app.ok('custody.return', { receiptId: receipt.receiptId, itemIds: receipt.items.map((i) => i.itemId), returnedTo: to }, 'staff');
}

function approval(app: SetUpApp, target: CommandInput<'exception.approve'>['target']): CommandInput<'exception.approve'> {
  return {
    target, purpose: 'inspection', devices: [{ kind: 'laptop', quantity: 1 }], permittedUse: 'Evidence of documents only', permittedAreas: 'Office',
    riskChecklist: DEFAULT_RISK_CHECKLIST.map((item) => ({ item, checked: true })), approver: { staffId: app.adminId, pin: ADMIN_PIN },
  };
}

async function bookWithInvite(app: TestApp, firstName: string, expectedDate: string) {
  const booking = await app.ok('booking.create', {
    firstName, lastName: 'Marsh', organisation: 'Ofsted', visitorType: 'inspector', host: 'Headteacher', expectedDate, expectedTime: '09:30',
  }, 'staff');
  return { bookingId: booking.bookingId, file: keptAt(app, (await app.ok('booking.invite', { bookingId: booking.bookingId }, 'staff')).documentId) };
}

async function keptPrint(app: TestApp, printed: { print: PrintStatus }): Promise<string> {
  return keptAt(app, printed.print.documentId);
}

/**
 * Takes away the right to remove anything from the folder. The tests run as root on the build machine, and
 * the owner's write bit stops no root: there the folder is made immutable instead (chattr +i).
 */
function makeReadOnly(folder: string, readOnly: boolean): void {
  if (process.getuid?.() === 0) {
    const done = spawnSync('chattr', [readOnly ? '+i' : '-i', folder], { encoding: 'utf8' });
    if (done.status !== 0) throw new Error(`chattr could not change ${folder}: ${done.stderr}`);
  } else {
    chmodSync(folder, readOnly ? 0o500 : 0o700);
  }
}

describe('retention in the data folder', () => {
  it('removes exactly the documents showing details past the period, and keeps recent ones and receipts with items in the safe', async () => {
    const app = await createSetUpApp();
    await app.ok('settings.update', { retentionYears: 1, badgeEnabled: true }, 'staff');
    const policyVersionId = (await app.ok('kiosk.config', {})).policy.versionId;

    // A year ago and more: a visitor whose phone and watch went home, with her badge.
    const zoe = await logVisitorDevices(app, 'Zoë', "O'Brien-Łukasz");
    const zoeBadge = await printBadgeOf(app, zoe.visitId);
    await returnAll(app, zoe.receipt, 'Zoë O’Brien-Łukasz');
    await app.ok('visit.signOut', { visitId: zoe.visitId });
    // A visitor who left in a hurry: her phone is still in the safe, so her receipt must stay.
    const sam = await logVisitorDevices(app, 'Sam', 'Bennett');
    await app.ok('visit.overrideSignOut', { visitId: sam.visitId, reason: 'Left in a hurry; phone stays in the safe' }, 'staff');
    // Pupils: one phone went home, one confiscated phone is still in the safe.
    const alfie = await logPupilPhone(app, 'Alfie Hughes', 'learner_day');
    await returnAll(app, alfie.receipt, 'Alfie Hughes');
    const confiscated = await logPupilPhone(app, 'Maisie Clark', 'confiscated');
    // An inspector who came with her invitation and an approved laptop, and one booked who never came.
    const helen = await bookWithInvite(app, 'Helen', '2026-11-23');
    const code = (await scalar(app, 'SELECT invite_token FROM bookings WHERE id = ?', [helen.bookingId])) as string;
    const helenVisit = await app.ok('visit.signInWithInvite', { code, acknowledgedPolicyVersionId: policyVersionId, devices: [] });
    const helenException = (await app.ok('exception.approve', approval(app, { type: 'visit', visitId: helenVisit.visitId }), 'staff')).exceptionId;
    const helenRecord = await keptPrint(app, await app.ok('exception.record', { exceptionId: helenException }, 'staff'));
    const noShow = await bookWithInvite(app, 'Nia', '2026-11-23');
    const noShowException = (await app.ok('exception.approve', approval(app, { type: 'booking', bookingId: noShow.bookingId }), 'staff')).exceptionId;
    const noShowRecord = await keptPrint(app, await app.ok('exception.record', { exceptionId: noShowException }, 'staff'));
    const oldRollCall = await keptPrint(app, await app.ok('rollcall.print', {}, 'staff'));
    const oldEndOfDay = await keptPrint(app, await app.ok('endOfDay.print', {}, 'staff'));
    await app.ok('visit.signOut', { visitId: helenVisit.visitId });
    // A visitor who comes back within the period: the database keeps his name, and so his old badge.
    const kai = await newVisitor(app, { firstName: 'Kai', lastName: 'Smith-Jones', organisation: null });
    const kaiOldBadge = await printBadgeOf(app, kai.visitId);
    await app.ok('visit.signOut', { visitId: kai.visitId });
    const oldReport = keptAt(app, (await app.ok('report.export', { kind: 'visitors', from: '2026-11-23', to: '2026-11-23', format: 'csv' }, 'staff')).documentId);
    // Covers days until 30 November, which are not yet past the period.
    const monthReport = keptAt(app, (await app.ok('report.export', { kind: 'custody', from: '2026-11-01', to: '2026-11-30', format: 'pdf' }, 'staff')).documentId);

    // A year and a day later.
    app.clock.set('2027-11-24T09:00:00Z');
    await unlock(app);
    const kaiVisitorId = (await app.ok('visitor.findReturning', { surnamePrefix: 'smi' })).matches[0]!.visitorId;
    const kaiAgain = await app.ok('visit.signInReturning', { visitorId: kaiVisitorId, acknowledgedPolicyVersionId: (await app.ok('kiosk.config', {})).policy.versionId, devices: [] });
    const kaiNewBadge = await printBadgeOf(app, kaiAgain.visitId);
    const recent = await logVisitorDevices(app, 'Recent', 'Visitor');
    const recentInvite = await bookWithInvite(app, 'Rhian', '2027-11-25');
    const recentRollCall = await keptPrint(app, await app.ok('rollcall.print', {}, 'staff'));
    const recentEndOfDay = await keptPrint(app, await app.ok('endOfDay.print', {}, 'staff'));
    const recentReport = keptAt(app, (await app.ok('report.export', { kind: 'visitors', from: '2027-11-24', to: '2027-11-24', format: 'csv' }, 'staff')).documentId);

    const past = [zoe.file, zoeBadge, alfie.file, helen.file, helenRecord, noShow.file, noShowRecord, oldRollCall, oldEndOfDay, oldReport];
    const kept = [sam.file, confiscated.file, kaiOldBadge, monthReport, kaiNewBadge, recent.file, recentInvite.file, recentRollCall, recentEndOfDay, recentReport];
    expect(documentsIn(app.dir)).toEqual([...past, ...kept].sort());
    const auditBefore = (await app.ok('audit.verify', {}, 'staff')).checked;

    const run = await app.ok('retention.runNow', {}, 'staff');

    expect(past.filter((f) => existsSync(join(app.dir, f)))).toEqual([]);
    expect(documentsIn(app.dir)).toEqual(kept.sort());
    expect(run).toMatchObject({ visitorsRemoved: 2, filesRemoved: past.length, filesNotRemoved: 0 });
    // The 2026 invitations' folder, left empty, went too; the receipts' stays for what is still in the safe.
    expect(existsSync(join(app.dir, 'invites', '2026'))).toBe(false);
    expect(existsSync(join(app.dir, 'receipts', '2026'))).toBe(true);
    // The run says what it removed, and the custody records are all still there.
    expect(await lastAuditDetail(app, 'retention.purge')).toMatchObject({ filesRemoved: past.length, filesNotRemoved: 0 });
    expect((await scalar(app, 'SELECT count(*) FROM receipts'))).toBe(5);
    expect((await app.ok('custody.inSafe', {}, 'staff')).owners.map((o) => o.ownerName).sort()).toEqual(['Maisie Clark', 'Recent Visitor', 'Sam Bennett']);
    expect(await app.ok('audit.verify', {}, 'staff')).toMatchObject({ ok: true, checked: auditBefore + 1 });
  });

  it('reports a document it cannot remove and still finishes the run; the next day’s scheduled run removes it', async () => {
    const app = await createSetUpApp();
    await app.ok('settings.update', { retentionYears: 1, badgeEnabled: true }, 'staff');
    const zoe = await logVisitorDevices(app, 'Zoë', "O'Brien-Łukasz");
    const badge = await printBadgeOf(app, zoe.visitId);
    await returnAll(app, zoe.receipt, 'Zoë O’Brien-Łukasz');
    await app.ok('visit.signOut', { visitId: zoe.visitId });
    app.clock.set('2027-11-24T09:00:00Z');
    await unlock(app);

    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const badges = join(app.dir, 'badges');
    makeReadOnly(badges, true);
    let run;
    let warned: string[] = [];
    try {
      run = await app.ok('retention.runNow', {}, 'staff');
    } finally {
      makeReadOnly(badges, false);
      warned = warn.mock.calls.map((c) => String(c[0]));
      warn.mockRestore();
    }

    expect(existsSync(join(app.dir, zoe.file))).toBe(false);
    expect(existsSync(join(app.dir, badge))).toBe(true);
    expect(run).toMatchObject({ visitorsRemoved: 1, filesRemoved: 1, filesNotRemoved: 1 });
    expect(warned).toEqual([expect.stringContaining(`${badge} is past the retention period but could not be removed`)]);
    expect(await lastAuditDetail(app, 'retention.purge')).toMatchObject({ visitorsRemoved: 1, filesRemoved: 1, filesNotRemoved: 1 });
    expect((await scalar(app, 'SELECT first_name FROM visitors WHERE id = (SELECT visitor_id FROM visits WHERE id = ?)', [zoe.visitId]))).toBe('Removed');

    app.clock.set('2027-11-25T09:00:00Z');
    expect((await runDueJobs(app)).retentionRemoved).toBe(0);
    expect(existsSync(join(app.dir, badge))).toBe(false);
    expect(await lastAuditDetail(app, 'retention.purge')).toMatchObject({ filesRemoved: 1, filesNotRemoved: 0 });
    expect(documentsIn(app.dir)).toEqual([]);
  });
});

describe('subject access', () => {
  it('gathers every record about one person', async () => {
    const app = await createSetUpApp();
    const { visitId } = await logIntoSafe(app);
    const [person] = (await app.ok('person.search', { name: "Zoë O'Brien" }, 'staff')).people;
    expect(person).toMatchObject({ name: "Zoë O'Brien-Łukasz", visits: 1 });
    const records = await app.ok('person.export', { visitorId: person!.visitorId }, 'staff');
    expect(records.visitor).toMatchObject({ firstName: 'Zoë', lastName: "O'Brien-Łukasz" });
    expect(records.visits).toMatchObject([{ visitId, policyVersion: 1 }]);
    expect(records.devicesLogged.map((d) => [d.kind, d.bagSlot])).toEqual([['phone', '12'], ['smart_watch', '12']]);
    expect((await app.fails('person.export', { visitorId: 999 }, 'staff')).code).toBe('not_found');
  });

  it('finds a person by any word of their surname, in whatever order the name is typed, and writes it their way', async () => {
    const app = await createSetUpApp();
    await newVisitor(app, { firstName: 'Ferenc', lastName: 'Nagy', familyNameFirst: true, organisation: null });
    await newVisitor(app, { firstName: 'Kai', lastName: 'Smith-Jones', organisation: null });
    for (const typed of ['Nagy Ferenc', 'Ferenc Nagy', 'nag']) {
      expect((await app.ok('person.search', { name: typed }, 'staff')).people.map((p) => p.name), typed).toEqual(['Nagy Ferenc']);
    }
    const [kai] = (await app.ok('person.search', { name: 'Kai Jones' }, 'staff')).people;
    expect(kai?.name).toBe('Kai Smith-Jones');
    const nagy = (await app.ok('person.search', { name: 'Nagy' }, 'staff')).people[0]!;
    expect((await app.ok('person.export', { visitorId: nagy.visitorId }, 'staff')).visitor).toMatchObject({ firstName: 'Ferenc', lastName: 'Nagy', familyNameFirst: true });
  });
});
