import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AUDIT_HEAD_FILE, AUDIT_KEY_FILE, DATABASE_FILE } from '../../../src/main/core/paths.js';
import { recordHash, recordMatches } from '../../../src/main/db/record-changes.js';
import { runDueJobs } from '../../../src/main/jobs/scheduled-jobs.js';
import { DEFAULT_RISK_CHECKLIST } from '../../../src/shared/domain/exceptions.js';
import { asAnotherProgram, asAnotherProgramOnFile, editWhileClosed, type AnotherProgram } from '../../helpers/another-program.js';
import { logIntoSafe } from '../../helpers/custody.js';
import { flatten, pdfText } from '../../helpers/pdf.js';
import { ADMIN_PIN, contentHash, count, createSetUpApp, disposeAll, newVisitor, reopenTestApp, type TestApp, sqlite, scalar, column, itOnSqlite } from '../../helpers/test-app.js';

afterEach(disposeAll);

type SetUp = TestApp & { adminId: number };

/** Someone with another program: the app is closed, they edit the records, the app starts again. */
async function editBehindTheApp(app: SetUp, edit: (db: AnotherProgram) => Promise<void>): Promise<SetUp> {
  const reopened = await editWhileClosed(app, edit);
  await reopened.ok('staff.unlock', { staffId: app.adminId, pin: ADMIN_PIN }, 'staff');
  return reopened;
}

/** What a forger without the key can do: recompute every hash from `fromId` on with plain SHA-256. */
async function rechainWithoutKey(db: AnotherProgram, fromId: number): Promise<void> {
  let [{ hash: prev }] = await db.all<{ hash: string }>('SELECT hash FROM audit_log WHERE id = ?', [fromId - 1]) as [{ hash: string }];
  for (const row of await db.all('SELECT * FROM audit_log WHERE id >= ? ORDER BY id', [fromId])) {
    const fields: unknown[] = [row.id, row.at, row.actor_staff, row.actor_label, row.action, row.entity, row.entity_id, row.detail_json, prev];
    if (row.records_json !== null) fields.push(row.records_json);
    const hash = createHash('sha256').update(JSON.stringify(fields)).digest('hex');
    await db.run('UPDATE audit_log SET prev_hash = ?, hash = ? WHERE id = ?', [prev, hash, row.id]);
    prev = hash;
  }
}

/** What the check at start-up found, as it recorded it in the trail itself. */
async function startupFindings(app: SetUp): Promise<string> {
  const detail = (await scalar(app, "SELECT detail_json FROM audit_log WHERE action = 'audit.check_failed' ORDER BY id DESC LIMIT 1")) as string | undefined;
  return detail ? (JSON.parse(detail) as { problems: string[] }).problems.join('\n') : '';
}

async function verify(app: SetUp) {
  return app.ok('audit.verify', {}, 'staff');
}

async function banner(app: SetUp) {
  return (await app.ok('app.reminders', {}, 'staff')).reminders.find((r) => r.kind === 'audit_problem');
}

describe('the audit trail under attack', () => {
  it('holds after a normal day, across a restart', async () => {
    let app = await createSetUpApp();
    await logIntoSafe(app);
    await newVisitor(app, { firstName: 'Amara', lastName: 'Okafor' });
    app = await editBehindTheApp(app, async () => {});
    expect(await app.startupCheck).toBe('ok');
    const verdict = await verify(app);
    expect(verdict).toMatchObject({ ok: true, firstBrokenId: null, problems: [] });
    expect(verdict.checked).toBe(await count(app, 'audit_log'));
    expect(await banner(app)).toBeUndefined();
  });

  it('catches the newest entries deleted behind the triggers, and says so on the DSL\u2019s console without stopping the kiosk', async () => {
    let app = await createSetUpApp();
    await newVisitor(app);
    const before = await count(app, 'audit_log');
    app = await editBehindTheApp(app, (db) => db.run('DELETE FROM audit_log WHERE id > ?', [before - 3]));
    expect(await app.startupCheck).toBe('failed');
    expect(await startupFindings(app)).toContain(`The newest 3 audit entries have been removed: the record Safe Hands keeps of its newest entry shows entry ${before}, but the trail now ends at entry ${before - 3}.`);
    expect((await banner(app))?.problems.join('\n')).toContain('The newest 3 audit entries have been removed');
    // The finding is itself in the trail, once.
    expect((await scalar(app, "SELECT count(*) FROM audit_log WHERE action = 'audit.check_failed'"))).toBe(1);
    // Later checks still see it, though the trail has grown past the gap since.
    expect((await verify(app)).ok).toBe(false);
    // The kiosk carries on.
    expect((await newVisitor(app, { firstName: 'Kai', lastName: 'Nwosu' })).visitId).toBeGreaterThan(0);
  });

  itOnSqlite('catches the newest entries deleted when the head file went too, from the newest backup', async () => {
    let app = await createSetUpApp();
    await newVisitor(app);
    await app.ok('backup.now', {}, 'staff');
    const before = await count(app, 'audit_log');
    app = await editBehindTheApp(app, async (db) => {
      rmSync(join(app.dir, AUDIT_HEAD_FILE));
      await db.run('DELETE FROM audit_log WHERE id > ?', [before - 2]);
    });
    expect(await startupFindings(app)).toMatch(/The newest audit entry has been removed: the backup taken at .* shows entry \d+, but the trail now ends at entry \d+\./);
    expect(await startupFindings(app)).toContain(`The record Safe Hands keeps of its newest audit entry (${AUDIT_HEAD_FILE} in the data folder) is missing`);
  });

  it('catches an entry edited and every later hash recomputed without the key', async () => {
    let app = await createSetUpApp();
    await newVisitor(app);
    await newVisitor(app, { firstName: 'Amara', lastName: 'Okafor' });
    const target = (await scalar(app, "SELECT id FROM audit_log WHERE action = 'visit.sign_in' ORDER BY id LIMIT 1")) as number;
    app = await editBehindTheApp(app, async (db) => {
      await db.run(`UPDATE audit_log SET actor_label = 'Someone else' WHERE id = ?`, [target]);
      await rechainWithoutKey(db, target);
    });
    const verdict = await verify(app);
    expect(verdict).toMatchObject({ ok: false, firstBrokenId: target });
    expect(verdict.problems[0]).toBe(`Audit entry ${target} has been changed, or an entry before it removed, since Safe Hands wrote it.`);
    expect(await banner(app)).toBeDefined();
  });

  it('catches an edited middle entry, pointing at it', async () => {
    let app = await createSetUpApp();
    await newVisitor(app);
    await newVisitor(app, { firstName: 'Amara', lastName: 'Okafor' });
    const middle = Math.floor((await count(app, 'audit_log')) / 2);
    app = await editBehindTheApp(app, (db) => db.run(`UPDATE audit_log SET detail_json = '{}' WHERE id = ?`, [middle]));
    expect(await verify(app)).toMatchObject({ ok: false, firstBrokenId: middle });
  });

  it('catches a visit, a custody item and a device exception edited directly, with the trail untouched', async () => {
    let app = await createSetUpApp();
    const { visitId, receipt } = await logIntoSafe(app);
    const itemId = receipt.items[0]!.itemId;
    const inspector = await newVisitor(app, { firstName: 'Ruth', lastName: 'Adeyemi', visitorType: 'inspector' });
    const { exceptionId } = await app.ok('exception.approve', {
      target: { type: 'visit', visitId: inspector.visitId }, purpose: 'inspection', purposeDetail: null,
      devices: [{ kind: 'laptop', quantity: 1 }], permittedUse: 'Taking notes', permittedAreas: 'The staff room',
      conditions: null, riskChecklist: DEFAULT_RISK_CHECKLIST.map((item) => ({ item, checked: true })), riskNotes: null,
      approver: { staffId: app.adminId, pin: ADMIN_PIN },
    }, 'staff');
    const trailBefore = await count(app, 'audit_log');
    app = await editBehindTheApp(app, async (db) => {
      await db.run(`UPDATE visits SET signed_in_at = '2026-11-23T07:00:00.000Z' WHERE id = ?`, [visitId]);
      // The receipt says a black iPhone; the safe now holds an old Nokia.
      await db.run(`UPDATE custody_items SET description = 'Old Nokia' WHERE id = ?`, [itemId]);
      await db.run(`UPDATE device_exceptions SET permitted_areas = 'Anywhere in the school' WHERE id = ?`, [exceptionId]);
    });
    expect(await count(app, 'audit_log')).toBe(trailBefore + 2); // the check's own finding, and the unlock
    const verdict = await verify(app);
    expect(verdict.ok).toBe(false);
    expect(verdict.firstBrokenId).toBeNull();
    expect(verdict.problems).toEqual(expect.arrayContaining([
      expect.stringMatching(new RegExp(`^Visit ${visitId} has been changed outside Safe Hands since audit entry \\d+\\.$`)),
      expect.stringMatching(new RegExp(`^Custody item ${itemId} has been changed outside Safe Hands since audit entry \\d+\\.$`)),
      expect.stringMatching(new RegExp(`^Device exception ${exceptionId} has been changed outside Safe Hands since audit entry \\d+\\.$`)),
    ]));
    expect(verdict.problems).toHaveLength(3);
  });

  it('catches a record added or deleted outside Safe Hands', async () => {
    let app = await createSetUpApp();
    const { visitId } = await newVisitor(app);
    app = await editBehindTheApp(app, async (db) => {
      const [row] = await db.all('SELECT * FROM visits WHERE id = ?', [visitId]);
      const columns = Object.keys(row!).filter((c) => c !== 'id' && c !== 'badge_token');
      await db.run(`INSERT INTO visits (${columns.join(', ')}) SELECT ${columns.join(', ')} FROM visits WHERE id = ?`, [visitId]);
      await db.run('DELETE FROM acknowledgements WHERE id = (SELECT max(id) FROM acknowledgements)');
    });
    const problems = (await verify(app)).problems.join('\n');
    expect(problems).toContain(`Visit ${visitId + 1} was added outside Safe Hands: no audit entry records it.`);
    expect(problems).toMatch(/Policy acknowledgement \d+ has been deleted outside Safe Hands/);
  });

  // On PostgreSQL a desk without the key refuses to start (two-desks.test.ts).
  itOnSqlite('a copied database with no key file cannot be made to pass: entries from then on are under a new key, and the old ones are reported', async () => {
    let app = await createSetUpApp();
    await newVisitor(app);
    app = await editBehindTheApp(app, async () => rmSync(join(app.dir, AUDIT_KEY_FILE)));
    const verdict = await verify(app);
    expect(verdict.ok).toBe(false);
    expect(verdict.problems.join('\n')).toMatch(/Audit entries 1 to \d+ cannot be checked: they were sealed with an audit key that is not on this computer/);
    expect(existsSync(join(app.dir, AUDIT_KEY_FILE))).toBe(true);
  });

  it('catches entries removed while Safe Hands is running', { timeout: 60_000 }, async () => {
    const app = await createSetUpApp();
    await newVisitor(app);
    const last = await count(app, 'audit_log');
    await asAnotherProgram(app, (db) => db.run('DELETE FROM audit_log WHERE id > ?', [last - 2]));
    await newVisitor(app, { firstName: 'Amara', lastName: 'Okafor' });
    expect((await banner(app))?.problems.join('\n')).toContain(`Audit entries after ${last - 2} up to ${last} were removed while Safe Hands was running.`);
  });
});

describe('restoring a backup', () => {
  itOnSqlite('refuses a backup whose trail was altered, and changes nothing', async () => {
    const app = await createSetUpApp();
    await newVisitor(app);
    const backup = await app.ok('backup.now', {}, 'staff');
    const spoilt = join(app.dir, 'backups', 'safe-hands-20261123-090100.db');
    copyFileSync(backup.file, spoilt);
    copyFileSync(`${backup.file}.audit-key`, `${spoilt}.audit-key`);
    copyFileSync(`${backup.file}.pepper`, `${spoilt}.pepper`);
    await asAnotherProgramOnFile(spoilt, (db) => db.run(`UPDATE visits SET visiting = 'Nobody'`));
    const before = await contentHash(app);
    const failure = await app.fails('backup.restore', { file: spoilt, confirm: true }, 'staff');
    expect(failure.code).toBe('invalid_input');
    expect(failure.message).toMatch(/^Nothing was changed\. The audit trail in safe-hands-20261123-090100\.db does not hold: Visit \d+ has been changed outside Safe Hands/);
    expect(await contentHash(app)).toBe(before);
  });

  itOnSqlite('restores a sound backup, keeps its trail checkable, and seals what comes after', async () => {
    const app = await createSetUpApp();
    await newVisitor(app);
    const backup = await app.ok('backup.now', {}, 'staff');
    await newVisitor(app, { firstName: 'Amara', lastName: 'Okafor' });
    await app.ok('backup.restore', { file: backup.file, confirm: true }, 'staff');
    await app.ok('staff.unlock', { staffId: app.adminId, pin: ADMIN_PIN }, 'staff');
    await newVisitor(app, { firstName: 'Kai', lastName: 'Nwosu' });
    expect(await verify(app)).toMatchObject({ ok: true, problems: [] });
  });
});

describe('record content hashes', () => {
  const key = Buffer.alloc(32, 7);

  it('do not change when a later version adds a column that is empty in old rows', () => {
    expect(recordHash('visits', { id: 1, visiting: 'Hall', note: null }, key)).toBe(recordHash('visits', { visiting: 'Hall', id: 1 }, key));
    expect(recordHash('visits', { id: 1, visiting: 'Hall' }, key)).not.toBe(recordHash('visits', { id: 1, visiting: 'Hal' }, key));
  });

  it('cannot be used with a copy of the database to confirm a guessed name once retention has removed it', async () => {
    const app = (await createSetUpApp()) as SetUp;
    await app.ok('settings.update', { retentionYears: 1 }, 'staff');
    const amara = await newVisitor(app, { firstName: 'Amara', lastName: 'Okafor' });
    await app.ok('visit.signOut', { visitId: amara.visitId });
    const asWritten = (await app.db.get('SELECT * FROM visitors WHERE last_name = ?', ['Okafor'])) as Record<string, unknown>;
    app.clock.advance(400 * 86_400_000);
    await app.ok('staff.unlock', { staffId: app.adminId, pin: ADMIN_PIN }, 'staff');
    const run = await app.ok('retention.runNow', {}, 'staff');
    expect(run.visitorsRemoved).toBe(1);
    expect((await scalar(app, 'SELECT count(*) FROM visitors WHERE last_name = ?', ['Okafor']))).toBe(0);
    // The guesser's best try: the row exactly as it was, hashed the way a row is hashed, without the audit key.
    const guess = recordHash('visitors', asWritten, null);
    const sealed = ((await column(app, 'SELECT records_json FROM audit_log WHERE records_json IS NOT NULL')) as string[]).join('\n');
    expect(sealed).toContain(`"visitors",${asWritten.id as number},"k:`);
    expect(sealed).not.toContain(guess.slice(-64));
    // With the key, the same row matches the hash sealed when it was written: the check itself still works.
    expect(sealed).toContain(recordHash('visitors', asWritten, app.auditTrail.ring.all().at(-1)!.key));
  });

  it('sealed before they were keyed are still checked, and a change to such a row still shows', () => {
    const row = { id: 3, visiting: 'Hall' };
    const plain = recordHash('visits', row, null);
    expect(recordMatches(plain, 'visits', row, key)).toBe(true);
    expect(recordMatches(plain, 'visits', { ...row, visiting: 'Office' }, key)).toBe(false);
    expect(recordMatches(recordHash('visits', row, key), 'visits', { ...row, visiting: 'Office' }, key)).toBe(false);
  });
});

describe('the audit mark printed at the foot of roll calls and reports', () => {
  /** The mark as printed on the roll call's PDF, read back from the PDF's text. */
  async function printedMark(app: SetUp): Promise<{ entry: number; code: string }> {
    const result = await app.ok('rollcall.print', {}, 'staff');
    const text = flatten(await pdfText(readFileSync(app.documentLinks.resolve(result.print.documentId!)!)));
    const match = /Audit trail: entry (\d+), check code ([0-9A-F]{4}-[0-9A-F]{4})/.exec(text);
    expect(match, text).not.toBeNull();
    return { entry: Number(match![1]), code: match![2]! };
  }

  it('is checked as typed from the paper, in lower case and without the dash', async () => {
    const app = await createSetUpApp();
    await newVisitor(app);
    const mark = await printedMark(app);
    await newVisitor(app, { firstName: 'Amara', lastName: 'Okafor' });
    expect(await app.ok('audit.checkMark', { entry: mark.entry, code: mark.code.toLowerCase().replace('-', ' ') }, 'staff'))
      .toEqual({ holds: true, message: `Entry ${mark.entry} is as it was when the sheet was printed.` });
    expect(await app.fails('audit.checkMark', { entry: mark.entry, code: 'not a code' }, 'staff')).toMatchObject({ code: 'invalid_input', fields: { code: expect.stringContaining('8 letters and digits') } });
  });

  it('shows the trail cut back past a printed sheet, even when every file beside the database was rewritten to match', async () => {
    let app = await createSetUpApp();
    await newVisitor(app);
    const mark = await printedMark(app);
    // The editor removes everything from the printed entry on, and the head file, and there is no backup.
    app = await editBehindTheApp(app, async (db) => {
      rmSync(join(app.dir, AUDIT_HEAD_FILE));
      await db.run('DELETE FROM audit_log WHERE id >= ?', [mark.entry]);
    });
    const answer = await app.ok('audit.checkMark', mark, 'staff');
    expect(answer.holds).toBe(false);
    expect(answer.message).toMatch(new RegExp(`^Audit entry ${mark.entry} is not the one on a printed sheet|A printed sheet shows audit entry ${mark.entry}`));
    expect((await banner(app))?.problems.join('\n')).toContain(`entry ${mark.entry}`);
  });
});

describe('how much each check covers', () => {
  it('at start-up it checks the entries since the last clean check, and catches one edited since', async () => {
    let app = await createSetUpApp();
    await newVisitor(app);
    expect((await verify(app)).ok).toBe(true); // a clean full check: the next start goes on from here
    await newVisitor(app, { firstName: 'Amara', lastName: 'Okafor' });
    const newer = (await scalar(app, "SELECT max(id) FROM audit_log WHERE action = 'visit.sign_in'")) as number;
    app = await editBehindTheApp(app, (db) => db.run(`UPDATE audit_log SET actor_label = 'Someone else' WHERE id = ?`, [newer]));
    expect(await startupFindings(app)).toContain(`Audit entry ${newer} has been changed`);
  });

  it('a record edited with no entry since the last clean check is left to the weekly check, which reads every record', async () => {
    let app = await createSetUpApp();
    const { visitId } = await newVisitor(app);
    expect((await verify(app)).ok).toBe(true);
    app = await editBehindTheApp(app, (db) => db.run(`UPDATE visits SET visiting = 'Nothing to see' WHERE id = ?`, [visitId]));
    expect(await app.startupCheck).toBe('ok');
    app.clock.set('2026-12-01T09:00:00Z');
    expect(await runDueJobs(app)).toMatchObject({ auditTrail: 'failed' });
    expect(await startupFindings(app)).toContain(`Visit ${visitId} has been changed outside Safe Hands`);
    await app.ok('staff.unlock', { staffId: app.adminId, pin: ADMIN_PIN }, 'staff');
    expect((await banner(app))?.problems.join('\n')).toContain(`Visit ${visitId} has been changed outside Safe Hands`);
  });
});

describe('a check under way when the app closes', () => {
  it('stops quietly instead of reading a closed database', { timeout: 30_000 }, async () => {
    const app = await createSetUpApp();
    // Enough rows that the check reads them in more than one step.
    await app.db.transaction(() => app.db.run(`WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 2099)
      INSERT INTO visitors (first_name, last_name, identity_key, organisation, created_at)
      SELECT 'V' || i, 'Bulk', 'v' || i || '|bulk|', NULL, '2026-11-23T09:00:00.000Z' FROM n`));
    const checking = app.checkAuditTrail('all');
    app.close();
    expect(await checking).toBe('cancelled');
  });
});

describe('a database file with damaged pages', () => {
  itOnSqlite('makes the audit check say it could not read every record, instead of stopping the app', async () => {
    const app = (await createSetUpApp()) as SetUp;
    for (let i = 0; i < 200; i += 1) await newVisitor(app, { firstName: `P${i}`, lastName: `Q${i}` });
    sqlite(app).pragma('wal_checkpoint(TRUNCATE)');
    const page = (await scalar(app, "SELECT pageno FROM dbstat WHERE name = 'visits' AND pagetype = 'leaf' ORDER BY pageno DESC LIMIT 1")) as number;
    app.tamperedOnPurpose = true;
    app.close();
    const file = join(app.dir, DATABASE_FILE);
    const bytes = readFileSync(file);
    for (let i = (page - 1) * 4096; i < (page - 1) * 4096 + 300; i += 1) bytes[i] = bytes[i]! ^ 0xff;
    writeFileSync(file, bytes);

    const reopened = await reopenTestApp(app);
    reopened.tamperedOnPurpose = true;
    // SQLite's own check at start finds the damage; the audit check is not run over it.
    expect(await reopened.startupCheck).toBe('failed');
    // The weekly check reads every record: it stops at the damaged page and says so, in words.
    expect(await reopened.checkAuditTrail('all')).toBe('failed');
    expect(reopened.auditTrail.problems.join('\n')).toMatch(/could not read every record: the database file is damaged/);
    expect((await reopened.ok('app.status', {})).setUp).toBe(true);
  });
});
