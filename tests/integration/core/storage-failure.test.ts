import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { PROBE_EVERY_MS } from '../../../src/main/core/storage-watch.js';
import type { CommandInput } from '../../../src/shared/contract/index.js';
import { KIOSK_PAUSED_MESSAGE } from '../../../src/shared/domain/kiosk-pause.js';
import { RUNS_AS_ROOT, unwritableDocument } from '../../helpers/full-disk.js';
import { ADMIN_PIN, count, createSetUpApp, disposeAll, newVisitor, type TestApp, sqlite } from '../../helpers/test-app.js';

/**
 * Safe Hands while its disk will not take writes, through the real dispatcher on a real database file.
 *
 * A full disk is SQLite's own limit on the app's connection: `max_page_count` set to the pages the file has
 * now, so the database cannot grow, and a write that needs a new page fails with SQLITE_FULL exactly as on
 * a full disk. Writes that fit in pages it already has still succeed, as they would on a real disk, so the
 * kiosk is used until a sign-in fills it.
 *
 * A read-only database is `PRAGMA query_only` on the app's connection: every write then fails with
 * SQLITE_READONLY, the code SQLite gives when its file cannot be written. chmod cannot be used: these tests
 * run as root, which ignores file modes, and a connection already open keeps writing whatever the file's
 * mode becomes (only a new connection would be refused). A read-only remount of a real disk gives
 * SQLITE_READONLY* or SQLITE_IOERR* (both handled alike), but needs privileges a test should not assume.
 */

afterEach(() => disposeAll());

async function visitor(app: TestApp, n: number): Promise<CommandInput<'visit.signInNew'>> {
  return {
    firstName: `Visitor${String.fromCharCode(65 + (n % 26))}`,
    lastName: `Number ${n} with a surname long enough to take some room`,
    organisation: 'Bright Sparks Electrical Contractors of the County',
    visitorType: 'contractor',
    visiting: 'Fixing the hall lights, then the kitchen extractor fan, then the boiler room',
    policyVersionId: (await app.ok('kiosk.config', {})).policy.versionId,
    devices: [],
  };
}

/** The disk fills: the database may not grow beyond the pages it has now. */
function fillDisk(app: TestApp): void {
  const pages = sqlite(app).pragma('page_count', { simple: true }) as number;
  sqlite(app).pragma(`max_page_count = ${pages}`);
}


function freeSpace(app: TestApp): void {
  sqlite(app).pragma('max_page_count = 1073741823');
}

async function savingAgainEntries(app: TestApp): Promise<{ detail: Record<string, unknown> }[]> {
  return ((await app.db.all("SELECT detail_json FROM audit_log WHERE action = 'storage.saving_again' ORDER BY id")) as { detail_json: string }[])
    .map((r) => ({ detail: JSON.parse(r.detail_json) as Record<string, unknown> }));
}

describe('a disk that fills up while Safe Hands is in use', () => {
  it('refuses the sign-in in plain words, pauses the kiosk, keeps the console readable, and carries on once there is space', async () => {
    const app = await createSetUpApp();
    const amira = await newVisitor(app, { firstName: 'Amira', lastName: 'Khan' });
    const others = [];
    for (let n = 0; n < 40; n++) others.push(await newVisitor(app, { firstName: `Guest${String.fromCharCode(65 + (n % 26))}`, lastName: `Early ${n}` }));
    fillDisk(app);

    // Visitors sign in until one needs more room than the disk has.
    let refused: { error: unknown; visitsBefore: number } | null = null;
    for (let n = 0; n < 500 && !refused; n += 1) {
      const visitsBefore = await count(app, 'visits');
      const answer = await app.call('visit.signInNew', await visitor(app, n));
      if (!answer.ok) refused = { error: answer.error, visitsBefore };
    }
    expect(refused, 'the disk never filled').not.toBeNull();
    expect(refused!.error).toEqual({ code: 'storage_problem', message: KIOSK_PAUSED_MESSAGE });
    expect(await count(app, 'visits')).toBe(refused!.visitsBefore);

    // Every screen reads the problem from app.status: the kiosk pauses, with what to do.
    const { storageProblem } = await app.ok('app.status', {});
    expect(storageProblem).toEqual({
      kind: 'full',
      message: expect.stringMatching(/^Safe Hands cannot save anything: the disk Safe Hands saves to is full\. Free some space on that disk .*or call IT\. .*paper visitor book/),
      detail: expect.stringContaining('SQLITE_FULL'),
      since: app.clock.now().toISOString(),
    });
    expect(await app.fails('visitor.findReturning', { surnamePrefix: 'Kh' })).toEqual({ code: 'storage_problem', message: KIOSK_PAUSED_MESSAGE });

    // The console still reads, and says the same at the top of every page.
    expect((await app.ok('visit.onSite', {}, 'staff')).visits.map((v) => v.visitId)).toContain(amira.visitId);
    expect(await app.ok('custody.inSafe', {}, 'staff')).toMatchObject({ owners: [] });
    expect((await app.ok('app.reminders', {}, 'staff')).reminders[0]).toEqual({ kind: 'storage_problem', message: storageProblem!.message, detail: storageProblem!.detail });

    // A change made at the console is refused in words, not "Something went wrong". A small change can still
    // fit in the room left inside pages the file already has (as on a real disk), so staff sign visitors out
    // until one needs more room than there is.
    let override: unknown = null;
    let stillThere: number | null = null;
    for (const other of others) {
      const answer = await app.call('visit.overrideSignOut', { visitId: other.visitId, reason: 'Left by the side gate' }, 'staff');
      if (!answer.ok) {
        override = answer.error;
        stillThere = other.visitId;
        break;
      }
    }
    expect(override, 'every sign-out fitted').not.toBeNull();
    expect(override).toEqual({
      code: 'storage_problem',
      message: expect.stringMatching(/^That was not saved: the disk Safe Hands saves to is full\. Free some space on that disk .*or call IT\. Until then, visitors sign the paper visitor book at the office\. You can still look things up here\.$/),
    });
    expect((await app.ok('visit.onSite', {}, 'staff')).visits.map((v) => v.visitId)).toContain(stillThere);

    // Still full when Safe Hands tries again: the kiosk stays paused.
    app.clock.advance(PROBE_EVERY_MS);
    expect((await app.ok('app.status', {})).storageProblem).not.toBeNull();

    // IT frees some space; at the kiosk's next look Safe Hands tries again, and the kiosk carries on.
    freeSpace(app);
    app.clock.advance(PROBE_EVERY_MS);
    expect((await app.ok('app.status', {})).storageProblem).toBeNull();
    expect((await app.ok('app.reminders', {}, 'staff')).reminders.map((r) => r.kind)).not.toContain('storage_problem');
    const later = await newVisitor(app, { firstName: 'Tom', lastName: 'Reilly' });
    expect((await app.ok('visit.onSite', {}, 'staff')).visits.map((v) => v.visitId)).toContain(later.visitId);
    expect(await savingAgainEntries(app)).toEqual([{ detail: { problem: 'full', since: storageProblem!.since, notRecorded: {} } }]);
  });
});

describe('a database that becomes read-only while Safe Hands is in use', () => {
  it('still lets staff unlock and read, and says in the audit trail what went unrecorded once it can save again', async () => {
    const app = await createSetUpApp();
    const amira = await newVisitor(app, { firstName: 'Amira', lastName: 'Khan' });
    sqlite(app).pragma('query_only = 1');

    expect(await app.call('visit.signOut', { visitId: amira.visitId })).toEqual({ ok: false, error: { code: 'storage_problem', message: KIOSK_PAUSED_MESSAGE } });
    expect((await app.ok('app.status', {})).storageProblem).toMatchObject({
      kind: 'read_only',
      message: expect.stringMatching(/^Safe Hands cannot save anything: the disk Safe Hands saves to \(or its database file\) has become read-only\. Call IT/),
      detail: expect.stringContaining('SQLITE_READONLY'),
    });

    // Locking always locks, though it cannot be recorded.
    expect(await app.ok('staff.lock', {}, 'staff')).toEqual({ locked: true });
    expect((await app.fails('visit.onSite', {}, 'staff')).code).toBe('locked');

    // A wrong PIN is still "not right" (so the screen's back-off counts it), and the right one opens the console.
    expect(await app.fails('staff.unlock', { staffId: app.adminId, pin: '000000' }, 'staff')).toMatchObject({ code: 'wrong_pin', message: 'That PIN is not right.' });
    expect(await app.ok('staff.unlock', { staffId: app.adminId, pin: ADMIN_PIN }, 'staff')).toMatchObject({ staffId: app.adminId, displayName: 'Priya Shah' });
    expect((await app.ok('visit.onSite', {}, 'staff')).visits.map((v) => v.visitId)).toEqual([amira.visitId]);
    expect((await app.ok('app.reminders', {}, 'staff')).reminders[0]).toMatchObject({ kind: 'storage_problem' });
    expect(await app.fails('visit.overrideSignOut', { visitId: amira.visitId, reason: 'Left early' }, 'staff')).toMatchObject({
      code: 'storage_problem', message: expect.stringMatching(/^That was not saved: .*read-only\. Call IT/),
    });

    // Writable again: the kiosk carries on, and the trail explains the gap.
    sqlite(app).pragma('query_only = 0');
    app.clock.advance(PROBE_EVERY_MS);
    expect((await app.ok('app.status', {})).storageProblem).toBeNull();
    expect(await app.ok('visit.signOut', { visitId: amira.visitId })).toMatchObject({});
    expect(await savingAgainEntries(app)).toEqual([{
      detail: { problem: 'read_only', since: expect.any(String), notRecorded: { 'staff.lock': 1, 'staff.unlock_failed': 1, 'staff.unlock': 1 } },
    }]);
  });
});

describe('a document that cannot be saved in the data folder', () => {
  it('says why in plain words instead of "Something went wrong"', async () => {
    const app = await createSetUpApp();
    await newVisitor(app, { firstName: 'Amira', lastName: 'Khan' });
    // Where today's visitor report is kept (the roll call answers even then: roll-call-full-disk.test.ts).
    const undo = unwritableDocument(join(app.dir, 'reports', 'visitors-2026-11-23-to-2026-11-23.csv'));

    const refused = await app.fails('report.export', { kind: 'visitors', from: '2026-11-23', to: '2026-11-23', format: 'csv' }, 'staff');
    expect(refused.code).toBe('storage_problem');
    expect(refused.message).toMatch(RUNS_AS_ROOT
      ? /^The document could not be saved: the disk Safe Hands saves to is full\. Free some space on that disk .*or call IT\./
      : /^The document could not be saved: Safe Hands is no longer allowed to write to its data folder\. Call IT/);
    undo();
  });
});
