import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { APP_ROOT } from '../../../src/main/core/paths.js';
import { logIntoSafe } from '../../helpers/custody.js';
import { flatten, pdfText, renderFirstPageToFile } from '../../helpers/pdf.js';
import { createSetUpApp, disposeAll, newVisitor, sqlite, scalar } from '../../helpers/test-app.js';

afterEach(disposeAll);

describe('the end-of-day report as a PDF', () => {
  it('has the setting’s name, who never signed out and what is in the safe, and is kept and offered like the roll call', async () => {
    const app = await createSetUpApp();
    await newVisitor(app, { firstName: 'Ann', lastName: 'Able', organisation: 'Kent LA', visiting: 'SEND review' });
    await logIntoSafe(app);
    await app.ok('custody.log', {
      owner: { type: 'learner', name: 'Ollie Mistry', group: 'Year 5', reason: 'confiscated', confiscationReason: 'Filming in the playground' },
      items: [{ kind: 'phone', bagSlot: 'C3' }],
    }, 'staff');

    const { print } = await app.ok('endOfDay.print', {}, 'staff');
    expect(print).toMatchObject({ printed: false, reason: expect.stringMatching(/No printer is set up for A4 documents/) });
    const file = app.documentLinks.resolve(print.documentId!)!;
    expect(file).toMatch(/end-of-day[/\\]end-of-day-.*\.pdf$/);
    const pdf = readFileSync(file);
    if (process.env.SAFE_HANDS_UPDATE_SCREENSHOTS === '1') await renderFirstPageToFile(pdf, join(APP_ROOT, 'docs', 'screenshots', 'end-of-day-report.png'));
    const text = flatten(await pdfText(pdf));
    for (const expected of [
      'Oak Tree Primary', 'End of day:', 'The day ends at 17:30', 'Printed', 'by Priya Shah',
      '2 visitors have not signed out; 3 items are still in the safe.',
      'Visitors who have not signed out', 'Ann Able', 'Kent LA', 'SEND review',
      'Still in the safe', "Zoë O'Brien-Łukasz", 'Phone, bag 12', 'Receipt 2026-0001',
      'Ollie Mistry', 'Pupil, Year 5', 'Phone, bag C3 · Confiscated: Filming in the playground', 'Booked visitors who did not come', 'None today.', 'Page 1 of 1',
    ]) expect(text, expected).toContain(expected);
    // Each thing about an owner is said once.
    expect(text).not.toContain('Pupil · Pupil');
    // On paper it cannot change later: the mark lets the DSL check it against the trail.
    expect(text).toMatch(/Audit trail: entry \d+, check code [0-9A-F]{4}-[0-9A-F]{4}/);
    expect((await scalar(app, "SELECT count(*) FROM audit_log WHERE action = 'endofday.print'"))).toBe(1);
  });

  it('says the day is clear when it is', async () => {
    const app = await createSetUpApp();
    const { print } = await app.ok('endOfDay.print', {}, 'staff');
    const text = flatten(await pdfText(readFileSync(app.documentLinks.resolve(print.documentId!)!)));
    expect(text).toContain('0 visitors have not signed out; 0 items are still in the safe.');
    expect(text).toContain('Everyone who signed in today has signed out.');
    expect(text).toContain('The safe is empty.');
  });
});
