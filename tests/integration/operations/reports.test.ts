import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { afterEach, describe, expect, it } from 'vitest';
import { toCsv } from '../../../src/main/services/operations/csv.js';
import { ukMidnight } from '../../../src/main/services/operations/reports.js';
import { logIntoSafe } from '../../helpers/custody.js';
import { flatten, pdfPageSizes, pdfText } from '../../helpers/pdf.js';
import { contentHash, createSetUpApp, disposeAll, newVisitor } from '../../helpers/test-app.js';

afterEach(disposeAll);

const NASTY = ['Comma, Ltd', 'She said "hello"', 'Line one\nline two', 'Zoë O’Brien-Łukasz 王芳 🌟', '=1+1', '+44 7700 900123', '-5', '@SUM(A1)'];

describe('reports', () => {
  it('the visitor log for a UK date range, on screen and as CSV that a CSV parser round-trips field for field', async () => {
    const app = await createSetUpApp();
    for (const [i, text] of NASTY.entries()) await newVisitor(app, { firstName: `V${i}`, lastName: `Nasty${i}`, organisation: text, visiting: text });
    const view = await app.ok('report.get', { kind: 'visitors', from: '2026-11-23', to: '2026-11-23' }, 'staff');
    expect(view.rows).toHaveLength(NASTY.length);
    expect(view.columns[2]).toBe('Name');

    const exported = await app.ok('report.export', { kind: 'visitors', from: '2026-11-23', to: '2026-11-23', format: 'csv' }, 'staff');
    const bytes = readFileSync(app.documentLinks.resolve(exported.documentId)!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.subarray(3).toString('utf8');
    expect(text).toContain('\r\n');
    const records = parse(text, { relax_column_count: false }) as string[][];
    expect(records[0]).toEqual(view.columns);
    // Every field comes back exactly as stored; a formula-looking one arrives as text behind an apostrophe.
    const neutral = (v: string) => (/^[=+\-@\t\r]/.test(v) ? `'${v}` : v);
    expect(records.slice(1)).toEqual(view.rows.map((r) => r.map(neutral)));
    expect(records.slice(1).map((r) => r[3])).toContain("'=1+1");
  });

  it('the CSV writer keeps commas, quotes, newlines and unicode inside their fields', () => {
    const rows = [NASTY, NASTY.map((v) => `${v}\r\n`)];
    const parsed = parse(toCsv(NASTY.map((_, i) => `c${i}`), rows).subarray(3).toString('utf8')) as string[][];
    const neutral = (v: string) => (/^[=+\-@\t\r]/.test(v) ? `'${v}` : v);
    expect(parsed.slice(1)).toEqual(rows.map((r) => r.map(neutral)));
  });

  it('covers whole UK days, British Summer Time included', () => {
    expect(ukMidnight('2026-07-01')).toBe('2026-06-30T23:00:00.000Z');
    expect(ukMidnight('2026-12-01')).toBe('2026-12-01T00:00:00.000Z');
  });

  it('the custody log as a landscape PDF', async () => {
    const app = await createSetUpApp();
    await logIntoSafe(app);
    const exported = await app.ok('report.export', { kind: 'custody', from: '2026-11-01', to: '2026-11-30', format: 'pdf' }, 'staff');
    const pdf = readFileSync(app.documentLinks.resolve(exported.documentId)!);
    const [page] = await pdfPageSizes(pdf);
    expect(page!.widthMm).toBeGreaterThan(page!.heightMm);
    expect(flatten(await pdfText(pdf))).toMatch(/Device custody log.*2026-0001/);
  });

  it('the concerns report is for the DSL and admin only', async () => {
    const app = await createSetUpApp();
    const olu = await app.ok('staff.create', { displayName: 'Olu', roles: [], pin: '1357', pinAgain: '1357' }, 'staff');
    await app.ok('staff.unlock', { staffId: olu.staffId, pin: '1357' }, 'olu');
    expect((await app.fails('report.get', { kind: 'concerns', from: '2026-11-01', to: '2026-11-30' }, 'olu')).code).toBe('forbidden');
    expect((await app.ok('report.get', { kind: 'concerns', from: '2026-11-01', to: '2026-11-30' }, 'staff')).rows).toEqual([]);
  });

  it('the concerns report says what followed each concern: parents told, the LADO and its outcome, the police, the debrief', async () => {
    const app = await createSetUpApp();
    const about = { aboutType: 'staff' as const, visitId: null, location: 'Year 4 classroom', actionTaken: 'Told the DSL at once.' };
    const { concernId: allegation } = await app.ok('concern.raise', { ...about, aboutName: 'A teaching assistant', whatHappened: 'Photographed pupils on a personal phone.' }, 'staff');
    await app.ok('concern.recordLadoReferral', { concernId: allegation, referredOn: '2026-11-20', ladoReference: 'LADO/26/0290' }, 'staff');
    await app.ok('concern.recordPoliceContact', { concernId: allegation, contactedOn: '2026-11-21', policeForce: 'Kent Police', officer: 'PC 4471 Adebayo', reference: '46/201144/26' }, 'staff');
    await app.ok('concern.recordLadoOutcome', { concernId: allegation, outcome: 'unsubstantiated', outcomeOn: '2026-11-22', note: null }, 'staff');
    const { concernId: pupil } = await app.ok('concern.raise', {
      aboutType: 'learner', aboutName: 'A Year 5 boy', visitId: null, location: 'The playground', whatHappened: 'Showed an upsetting video.', actionTaken: 'Took the phone.',
    }, 'staff');
    await app.ok('concern.recordParentsInformed', { concernId: pupil, informedOn: '2026-11-23', informedTime: '08:45', informedBy: 'Mrs Okafor', whoWasTold: 'His mother' }, 'staff');
    await app.ok('concern.review', { concernId: pupil, outcome: 'Spoken to with his mother.', close: true }, 'staff');
    await app.ok('concern.recordDebrief', { concernId: pupil, lessonsLearnt: 'Report at once.', practiceChange: null }, 'staff');
    const { concernId: quiet } = await app.ok('concern.raise', {
      aboutType: 'learner', aboutName: 'A Year 2 girl', visitId: null, location: 'Hall', whatHappened: 'Said something worrying.', actionTaken: 'Noted it.',
    }, 'staff');

    const view = await app.ok('report.get', { kind: 'concerns', from: '2026-11-01', to: '2026-11-30' }, 'staff');
    const column = view.columns.indexOf('Follow-up');
    expect(column).toBeGreaterThan(0);
    const cell = (name: string) => view.rows.find((r) => r.includes(name))![column];
    expect(cell('A teaching assistant')).toBe(
      'LADO Fri, 20 Nov 2026, ref LADO/26/0290: unsubstantiated (Sun, 22 Nov 2026). Police Sat, 21 Nov 2026: Kent Police, PC 4471 Adebayo, ref 46/201144/26',
    );
    expect(cell('A Year 5 boy')).toMatch(/^Parents told Mon, 23 Nov 2026 08:45 by Mrs Okafor \(His mother\)\. Debrief by /);
    expect(cell('A Year 2 girl')).toBe('');
    expect(quiet).toBeGreaterThan(0);

    const exported = await app.ok('report.export', { kind: 'concerns', from: '2026-11-01', to: '2026-11-30', format: 'pdf' }, 'staff');
    const text = flatten(await pdfText(readFileSync(app.documentLinks.resolve(exported.documentId)!)));
    expect(text).toMatch(/Follow-up/);
    // The line may break after a slash in the reference.
    expect(text).toMatch(/Kent Police, PC 4471 Adebayo, ref 46\/ ?201144\/26/);
  });

  it.each([
    [{ kind: 'visitors', from: '2026-11-30', to: '2026-11-01' }, 'to'],
    [{ kind: 'visitors', from: '2020-01-01', to: '2026-11-01' }, 'to'],
    [{ kind: 'payroll', from: '2026-11-01', to: '2026-11-02' }, 'kind'],
    [{ kind: 'visitors', from: '2026-02-30', to: '2026-03-01' }, 'from'],
  ])('refuses a bad range %j', async (input, field) => {
    const app = await createSetUpApp();
    const before = await contentHash(app);
    expect((await app.fails('report.get', input, 'staff')).fields?.[field]).toBeTruthy();
    expect(await contentHash(app)).toBe(before);
  });
});

describe('the report PDF', () => {
  it('renders legibly (refresh the picture with SAFE_HANDS_UPDATE_SCREENSHOTS=1)', async () => {
    const { join } = await import('node:path');
    const { APP_ROOT } = await import('../../../src/main/core/paths.js');
    const { renderFirstPageToFile } = await import('../../helpers/pdf.js');
    const app = await createSetUpApp();
    for (const [i, text] of NASTY.entries()) await newVisitor(app, { firstName: `V${i}`, lastName: `Nasty${i}`, organisation: text });
    await logIntoSafe(app);
    const exported = await app.ok('report.export', { kind: 'visitors', from: '2026-11-23', to: '2026-11-23', format: 'pdf' }, 'staff');
    const pdf = readFileSync(app.documentLinks.resolve(exported.documentId)!);
    expect(exported.rows).toBe(NASTY.length + 1);
    if (process.env.SAFE_HANDS_UPDATE_SCREENSHOTS === '1') await renderFirstPageToFile(pdf, join(APP_ROOT, 'docs', 'screenshots', 'report-visitors.png'));
    expect(flatten(await pdfText(pdf))).toContain('Visitor log');
  });
});

describe('settings bad input', () => {
  it.each([['25:00'], ['7pm'], ['']])('refuses the end of the day %j, changing nothing', async (endOfDay) => {
    const app = await createSetUpApp();
    const before = await contentHash(app);
    expect((await app.fails('settings.update', { endOfDay }, 'staff')).fields?.endOfDay).toMatch(/time like 17:30/);
    expect(await contentHash(app)).toBe(before);
  });
});
