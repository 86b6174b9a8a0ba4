import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { PROBE_EVERY_MS } from '../../../src/main/core/storage-watch.js';
import { fillDatabase, freeDatabase, RUNS_AS_ROOT, unwritableDocument } from '../../helpers/full-disk.js';
import { count, createSetUpApp, disposeAll, newVisitor, type TestApp, sqlite, column, scalar } from '../../helpers/test-app.js';

/**
 * The roll call on a disk that will not take writes, through the real dispatcher on a real data folder. In
 * a fire it is the one thing that must come out: who is on site and who is still missing. The database is
 * made full with SQLite's page limit and the PDF is pointed at the kernel's always-full device
 * (tests/helpers/full-disk.ts); a database that turns read-only is `query_only`.
 */

afterEach(disposeAll);

function rollCallPdf(app: TestApp): string {
  // The clock stands still, so the name the PDF is kept under is known.
  return join(app.dir, 'roll-calls', `roll-call-${app.clock.now().toISOString().replace(/[:.]/g, '-')}.pdf`);
}

async function rollCallEntries(app: TestApp): Promise<string[]> {
  return (await column(app, "SELECT action FROM audit_log WHERE action LIKE 'rollcall.%' ORDER BY id")) as string[];
}

/** What the disk stopped, in the words a receptionist is shown. */
const WHY = RUNS_AS_ROOT ? 'the disk is full' : 'Safe Hands is not allowed to write to its data folder';

/** Enough people that the record needs pages of its own (about 140 bytes each, a page is 4 KB). */
async function fortyOnSite(app: TestApp): Promise<number[]> {
  const ids: number[] = [];
  for (let n = 0; n < 40; n += 1) {
    ids.push((await newVisitor(app, { firstName: `Visitor${n}`, lastName: `Surname ${n} long enough to take up a fair amount of room on the list` })).visitId);
  }
  return ids;
}

describe('the roll call when the disk is full', () => {
  it('still answers with the whole list and who is missing, says in plain words why nothing was kept, and saves once there is space', async () => {
    const app = await createSetUpApp();
    const [first] = await fortyOnSite(app);
    fillDatabase(app);
    const restorePdfFolder = unwritableDocument(rollCallPdf(app));

    // Print: the PDF is tried, and the answer says in a few words what stopped it.
    const printed = await app.ok('rollcall.print', {}, 'staff');
    expect(printed).toEqual({
      people: 40,
      print: { printed: false, reason: `Its PDF could not be saved: ${WHY}, so nothing was sent to the printer.`, documentId: null },
    });

    // Finish: who is still missing, read from the database as it stands, and why it was not kept.
    const record = await app.ok('rollcall.save', { accountedVisitIds: [first!] }, 'staff');
    expect(record).toMatchObject({
      rollCallId: null, takenAt: app.clock.now().toISOString(), takenBy: 'Priya Shah', onSite: 40, accounted: 1,
      notSaved: 'The roll call could not be saved: the disk is full.',
    });
    expect(record.missing).toHaveLength(39);
    expect(record.missing[0]).toBe('Visitor1 Surname 1 long enough to take up a fair amount of room on the list');
    expect(await count(app, 'roll_calls')).toBe(0);

    // A tick for someone no longer here is still refused: the answer must be true.
    expect((await app.fails('rollcall.save', { accountedVisitIds: [9999] }, 'staff')).code).toBe('conflict');

    // The rest of the console hears of it as of any refused write: the banner says what to do, the list still reads.
    expect((await app.ok('app.status', {})).storageProblem).toMatchObject({ kind: 'full' });
    expect((await app.ok('app.reminders', {}, 'staff')).reminders.map((r) => r.kind)).toContain('storage_problem');
    expect((await app.ok('visit.onSite', {}, 'staff')).visits).toHaveLength(40);

    // Space again: the next roll call is kept and printed, and the trail says what went unrecorded meanwhile.
    freeDatabase(app);
    restorePdfFolder();
    app.clock.advance(PROBE_EVERY_MS);
    expect((await app.ok('app.status', {})).storageProblem).toBeNull();
    const savingAgain = (await scalar(app, "SELECT detail_json FROM audit_log WHERE action = 'storage.saving_again'")) as string;
    expect(JSON.parse(savingAgain).notRecorded).toMatchObject({ 'rollcall.save': 1 });
    const kept = await app.ok('rollcall.save', { accountedVisitIds: [first!] }, 'staff');
    expect(kept).toMatchObject({ rollCallId: expect.any(Number), notSaved: null });
    expect(kept.missing).toEqual(record.missing);
    const again = await app.ok('rollcall.print', {}, 'staff');
    expect(readFileSync(app.documentLinks.resolve(again.print.documentId!)!).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(await count(app, 'roll_calls')).toBe(1);
  }, 30_000);
});

describe('the roll call when the database has become read-only', () => {
  it('still keeps the PDF, and says in a few words why the roll call was not saved', async () => {
    const app = await createSetUpApp();
    await newVisitor(app, { firstName: 'Ann', lastName: 'Able' });
    sqlite(app).pragma('query_only = 1');

    const printed = await app.ok('rollcall.print', {}, 'staff');
    // The A4 printer is not set up here: the PDF is made and offered, as on any day; only its audit entry is missing.
    expect(printed.print).toMatchObject({ printed: false, reason: expect.stringMatching(/^No printer is set up for A4 documents/), documentId: expect.any(String) });
    expect(existsSync(rollCallPdf(app))).toBe(true);

    const record = await app.ok('rollcall.save', { accountedVisitIds: [] }, 'staff');
    expect(record).toMatchObject({ rollCallId: null, missing: ['Ann Able'], notSaved: 'The roll call could not be saved: the disk has become read-only.' });
    expect(await rollCallEntries(app)).toEqual([]);
    expect((await app.ok('app.status', {})).storageProblem).toMatchObject({ kind: 'read_only' });
    sqlite(app).pragma('query_only = 0');
  });
});
