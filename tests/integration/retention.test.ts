import { afterEach, describe, expect, it } from 'vitest';
import { runDueJobs } from '../../src/main/jobs/scheduled-jobs.js';
import { logIntoSafe } from '../helpers/custody.js';
import { ADMIN_PIN, contentHash, createSetUpApp, disposeAll, newVisitor, type TestApp } from '../helpers/test-app.js';

afterEach(disposeAll);

function unlock(app: TestApp & { adminId: number }): void {
  app.ok('staff.unlock', { staffId: app.adminId, pin: ADMIN_PIN }, 'staff');
}

describe('retention', () => {
  it('removes exactly the personal data older than the period, keeps counts and structure, and nothing else', async () => {
    const app = createSetUpApp();
    app.ok('settings.update', { retentionYears: 2 }, 'staff');
    // An old visit whose phone was logged and returned, by then fully closed.
    const { receipt, visitId: oldVisit } = await logIntoSafe(app);
    app.ok('custody.return', { receiptId: receipt.receiptId, itemIds: receipt.items.map((i) => i.itemId), returnedTo: 'Zoë O’Brien-Łukasz' }, 'staff');
    app.ok('visit.signOut', { visitId: oldVisit });
    // Two years later, less a day: not yet due.
    app.clock.set('2028-11-22T09:00:00Z');
    unlock(app);
    const recent = newVisitor(app, { firstName: 'Recent', lastName: 'Visitor' });
    expect(app.ok('retention.runNow', {}, 'staff').visitorsRemoved).toBe(0);
    // Two years and a day after her last visit.
    app.clock.set('2028-11-24T09:00:00Z');
    unlock(app);
    const auditBefore = (await app.okAsync('audit.verify', {}, 'staff')).checked;
    const run = app.ok('retention.runNow', {}, 'staff');
    expect(run).toMatchObject({ visitorsRemoved: 1, visitsCleared: 1, custodyCleared: 2 });

    const old = app.db.prepare(`SELECT first_name, last_name, organisation, anonymised_at FROM visitors WHERE id = (SELECT visitor_id FROM visits WHERE id = ?)`).get(oldVisit);
    expect(old).toEqual({ first_name: 'Removed', last_name: 'visitor', organisation: null, anonymised_at: '2028-11-24T09:00:00.000Z' });
    expect(app.db.prepare('SELECT visiting FROM visits WHERE id = ?').pluck().get(oldVisit)).toBe('Removed');
    const items = app.db.prepare('SELECT state, closed_to, closed_by, marks FROM custody_items WHERE receipt_id = ?').all(receipt.receiptId);
    expect(items).toEqual([
      { state: 'returned', closed_to: 'Removed', closed_by: app.adminId, marks: null },
      { state: 'returned', closed_to: 'Removed', closed_by: app.adminId, marks: null },
    ]);
    // Nothing recent was touched, the counts remain, and the audit chain still verifies with the purge in it.
    expect(app.ok('console.onSite', {}, 'staff').visits.map((v) => v.firstName)).toEqual(['Recent']);
    expect(app.db.prepare('SELECT count(*) FROM visits').pluck().get()).toBe(2);
    expect(await app.okAsync('audit.verify', {}, 'staff')).toMatchObject({ ok: true, checked: auditBefore + 1 });
    expect(app.ok('visitor.findReturning', { surnamePrefix: 'obr' }).matches).toEqual([]);
    expect(recent.visitId).toBeGreaterThan(oldVisit);
    const details = app.db.prepare(`SELECT group_concat(detail_json) FROM audit_log`).pluck().get() as string;
    expect(details).not.toMatch(/Zoë|Brien|Bright Sparks/);
  });

  it('leaves alone anyone still on site or with something still in the safe', async () => {
    const app = createSetUpApp();
    app.ok('settings.update', { retentionYears: 1 }, 'staff');
    await logIntoSafe(app);
    app.clock.set('2029-01-01T09:00:00Z');
    unlock(app);
    expect(app.ok('retention.runNow', {}, 'staff').visitorsRemoved).toBe(0);
    expect(app.ok('custody.inSafe', {}, 'staff').owners[0]!.ownerName).toBe("Zoë O'Brien-Łukasz");
  });

  it('removes the words a visitor was found by with their name, so no search finds them by it', () => {
    const app = createSetUpApp();
    app.ok('settings.update', { retentionYears: 1 }, 'staff');
    const old = newVisitor(app, { firstName: 'Róisín', lastName: 'Ó Súilleabháin', organisation: null });
    app.ok('visit.signOut', { visitId: old.visitId });
    const oldId = app.db.prepare('SELECT visitor_id FROM visits WHERE id = ?').pluck().get(old.visitId) as number;
    expect(app.db.prepare('SELECT word FROM visitor_name_words WHERE visitor_id = ? ORDER BY word').pluck().all(oldId)).toEqual(['osuilleabhain', 'suilleabhain']);
    app.clock.set('2027-11-24T09:00:00Z');
    unlock(app);
    const recent = newVisitor(app, { firstName: 'Seán', lastName: 'Súilleabháin', organisation: null });
    expect(app.ok('retention.runNow', {}, 'staff').visitorsRemoved).toBe(1);
    expect(app.db.prepare('SELECT count(*) FROM visitor_name_words WHERE visitor_id = ?').pluck().get(oldId)).toBe(0);
    expect(app.ok('visitor.findReturning', { surnamePrefix: 'sui' }).matches.map((m) => m.displayName)).toEqual(['Seán S.']);
    expect(app.ok('visitor.findReturning', { surnamePrefix: 'osu' }).matches).toEqual([]);
    expect(app.ok('person.search', { name: 'Súilleabháin' }, 'staff').people.map((p) => p.name)).toEqual(['Seán Súilleabháin']);
    // "Removed visitor" is not a name anyone is found by.
    expect(app.ok('visitor.findReturning', { surnamePrefix: 'vis' }).matches).toEqual([]);
    expect(recent.visitId).toBeGreaterThan(old.visitId);
  });

  it('runs once a day from the scheduler', async () => {
    const app = createSetUpApp();
    expect((await runDueJobs(app)).retentionRemoved).toBe(0);
    expect((await runDueJobs(app)).retentionRemoved).toBeNull();
  });

  it.each([[0], [500], [2.5], ['6']])('refuses a retention period of %j years', (years) => {
    const app = createSetUpApp();
    const before = contentHash(app);
    expect(app.fails('settings.update', { retentionYears: years }, 'staff').fields?.retentionYears).toBeTruthy();
    expect(contentHash(app)).toBe(before);
  });
});

describe('subject access', () => {
  it('gathers every record about one person', async () => {
    const app = createSetUpApp();
    const { visitId } = await logIntoSafe(app);
    const [person] = app.ok('person.search', { name: "Zoë O'Brien" }, 'staff').people;
    expect(person).toMatchObject({ name: "Zoë O'Brien-Łukasz", visits: 1 });
    const records = app.ok('person.export', { visitorId: person!.visitorId }, 'staff');
    expect(records.visitor).toMatchObject({ firstName: 'Zoë', lastName: "O'Brien-Łukasz" });
    expect(records.visits).toMatchObject([{ visitId, policyVersion: 1 }]);
    expect(records.devicesLogged.map((d) => [d.kind, d.bagSlot])).toEqual([['phone', '12'], ['smart_watch', '12']]);
    expect(app.fails('person.export', { visitorId: 999 }, 'staff').code).toBe('not_found');
  });

  it('finds a person by any word of their surname, in whatever order the name is typed, and writes it their way', () => {
    const app = createSetUpApp();
    newVisitor(app, { firstName: 'Ferenc', lastName: 'Nagy', familyNameFirst: true, organisation: null });
    newVisitor(app, { firstName: 'Kai', lastName: 'Smith-Jones', organisation: null });
    for (const typed of ['Nagy Ferenc', 'Ferenc Nagy', 'nag']) {
      expect(app.ok('person.search', { name: typed }, 'staff').people.map((p) => p.name), typed).toEqual(['Nagy Ferenc']);
    }
    const [kai] = app.ok('person.search', { name: 'Kai Jones' }, 'staff').people;
    expect(kai?.name).toBe('Kai Smith-Jones');
    const nagy = app.ok('person.search', { name: 'Nagy' }, 'staff').people[0]!;
    expect(app.ok('person.export', { visitorId: nagy.visitorId }, 'staff').visitor).toMatchObject({ firstName: 'Ferenc', lastName: 'Nagy', familyNameFirst: true });
  });
});
