import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { APP_ROOT } from '../../../src/main/core/paths.js';
import { runDueJobs } from '../../../src/main/jobs/scheduled-jobs.js';
import { logIntoSafe } from '../../helpers/custody.js';
import { flatten, pdfPageSizes, pdfText, renderFirstPageToFile } from '../../helpers/pdf.js';
import { ADMIN_PIN, createSetUpApp, disposeAll, newVisitor, sqlite, scalar } from '../../helpers/test-app.js';

afterEach(disposeAll);

describe('the roll call', () => {
  it('prints everyone on site with their host, time in and devices, and keeps the PDF', async () => {
    const app = await createSetUpApp();
    await newVisitor(app, { firstName: 'Sam', lastName: 'Bennett', visiting: 'Hall lights' });
    await logIntoSafe(app);
    await newVisitor(app, { firstName: '芳', lastName: '王', organisation: 'Kent LA', visiting: 'SEND review', devices: [{ kind: 'tablet', quantity: 1 }] });
    const result = await app.ok('rollcall.print', {}, 'staff');
    expect(result.people).toBe(3);
    expect(result.print).toMatchObject({ printed: false, reason: expect.stringMatching(/No printer is set up for A4 documents/) });
    const pdf = readFileSync(app.documentLinks.resolve(result.print.documentId!)!);
    if (process.env.SAFE_HANDS_UPDATE_SCREENSHOTS === '1') await renderFirstPageToFile(pdf, join(APP_ROOT, 'docs', 'screenshots', 'roll-call.png'));
    const text = flatten(await pdfText(pdf));
    expect(text).toMatch(/2 items in .*the safe/);
    expect(text).toMatch(/芳\s?王/);
    // In an evacuation every name must be readable: 王芳 needs the CJK fallback font tests/prerequisites.mjs installs.
    for (const expected of ['Evacuation roll call', 'Sam Bennett', "Zoë O'Brien-Łukasz", 'Declared 1 tablet', '3 people on site', 'Page 1 of 1']) {
      expect(text).toContain(expected);
    }
  });

  it('runs to several pages for 300 people, repeating the column heads and numbering the pages', async () => {
    const app = await createSetUpApp();
    for (let i = 0; i < 300; i += 1) await newVisitor(app, { firstName: `Person${i}`, lastName: `Surname${i}` });
    await app.ok('staff.unlock', { staffId: app.adminId, pin: ADMIN_PIN }, 'staff');
    const result = await app.ok('rollcall.print', {}, 'staff');
    const pdf = readFileSync(app.documentLinks.resolve(result.print.documentId!)!);
    const pages = await pdfPageSizes(pdf);
    expect(pages.length).toBeGreaterThan(3);
    const text = await pdfText(pdf);
    expect(text.match(/Organisation/g)?.length).toBe(pages.length);
    expect(text).toContain(`Page ${pages.length} of ${pages.length}`);
    expect(new Set(text.match(/Person\d+/g)).size).toBe(300);
    // 300 sign-ins: time enough on a loaded two-core machine.
  }, 30_000);

  it('saves who was accounted for and who took it, and names who is still missing', async () => {
    const app = await createSetUpApp();
    const a = await newVisitor(app, { firstName: 'Ann', lastName: 'Able' });
    await newVisitor(app, { firstName: 'Ben', lastName: 'Baker' });
    const record = await app.ok('rollcall.save', { accountedVisitIds: [a.visitId] }, 'staff');
    expect(record).toMatchObject({ takenBy: 'Priya Shah', onSite: 2, accounted: 1, missing: ['Ben Baker'] });
    expect((await app.fails('rollcall.save', { accountedVisitIds: [9999] }, 'staff')).code).toBe('conflict');
    expect((await app.fails('rollcall.save', { accountedVisitIds: [a.visitId, a.visitId] }, 'staff')).code).toBe('invalid_input');
    await expect(app.db.run('UPDATE roll_calls SET accounted = 2')).rejects.toThrow(/never changed/);
  });
});

describe('the end of the day', () => {
  it('reports who never signed out and what is still in the safe', async () => {
    const app = await createSetUpApp();
    await newVisitor(app, { firstName: 'Ann', lastName: 'Able' });
    await logIntoSafe(app);
    const report = await app.ok('endOfDay.report', {}, 'staff');
    expect(report.notSignedOut.map((v) => v.firstName)).toEqual(['Ann', 'Zoë']);
    expect(report.inSafe.map((o) => o.ownerName)).toEqual(["Zoë O'Brien-Łukasz"]);
    expect(report.endOfDay).toBe('17:30');
  });

  it('signs visitors out automatically at the end of the day when asked, keeping their items held and flagged', async () => {
    const app = await createSetUpApp();
    await app.ok('settings.update', { autoSignOut: true }, 'staff');
    const { visitId } = await logIntoSafe(app);
    expect((await runDueJobs(app)).autoSignedOut).toBe(0);
    app.clock.set('2026-11-23T17:31:00Z');
    expect((await runDueJobs(app)).autoSignedOut).toBe(1);
    expect((await runDueJobs(app)).autoSignedOut).toBe(0);
    expect((await scalar(app, 'SELECT sign_out_method FROM visits WHERE id = ?', [visitId]))).toBe('automatic');
    await app.ok('staff.unlock', { staffId: app.adminId, pin: ADMIN_PIN }, 'staff');
    const safe = await app.ok('custody.inSafe', {}, 'staff');
    expect(safe.itemCount).toBe(2);
    expect(safe.owners[0]).toMatchObject({ visitId, pastEndOfDay: true });
  });
});
