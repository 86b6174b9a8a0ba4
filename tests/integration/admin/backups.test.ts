import { copyFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src/main/db/connection.js';
import { integrityCheck } from '../../../src/main/db/backup.js';
import { ADMIN_PIN, contentHash, count, createSetUpApp, disposeAll, newVisitor, sqlite, scalar } from '../../helpers/test-app.js';

afterEach(disposeAll);

function flipBytes(file: string, at: number, length = 64): void {
  const bytes = readFileSync(file);
  for (let i = at; i < at + length && i < bytes.length; i += 1) bytes[i] = bytes[i]! ^ 0xff;
  writeFileSync(file, bytes);
}

describe('backups', () => {
  it('"back up now" makes a checked copy in the data folder’s backups, and keeps only the newest N', async () => {
    const app = await createSetUpApp();
    await newVisitor(app);
    await app.ok('settings.update', { backupKeep: 2 }, 'staff');
    const first = await app.ok('backup.now', {}, 'staff');
    expect(first.fileName).toBe('safe-hands-20261123-090000.db');
    expect(existsSync(join(app.dir, 'backups', first.fileName))).toBe(true);
    const copy = openDatabase(first.file, { readonly: true });
    expect(integrityCheck(copy)).toBe('ok');
    expect(copy.prepare('SELECT count(*) FROM visits').pluck().get()).toBe(1);
    copy.close();
    for (const minutes of [1, 2]) {
      app.clock.advance(minutes * 60_000);
      await app.ok('backup.now', {}, 'staff');
    }
    const { backups, keptBy } = await app.ok('backup.list', {}, 'staff');
    expect(backups.map((b) => b.fileName)).toEqual(['safe-hands-20261123-090300.db', 'safe-hands-20261123-090100.db']);
    expect(keptBy).toBe('safe_hands');
    expect((await app.ok('settings.get', {}, 'staff')).lastBackupAt).toBe('2026-11-23T09:03:00.000Z');
  });

  it('a backup taken while sign-ins continue holds every record committed before it began and passes integrity_check', async () => {
    const app = await createSetUpApp();
    for (let i = 0; i < 400; i += 1) await newVisitor(app, { firstName: `Before${i}`, lastName: `Person${i}`, devices: [{ kind: 'phone', quantity: 1 }] });
    const before = await count(app, 'visits');
    let during = 0;
    let done = false;
    const backup = app.ok('backup.now', {}, 'staff').finally(() => (done = true));
    while (!done) {
      await newVisitor(app, { firstName: `During${during}`, lastName: `Writer${during}` });
      during += 1;
      await new Promise((resolve) => setImmediate(resolve));
    }
    const file = (await backup).file;
    const copy = openDatabase(file, { readonly: true });
    expect(integrityCheck(copy)).toBe('ok');
    const copied = copy.prepare('SELECT count(*) FROM visits').pluck().get() as number;
    copy.close();
    expect(during).toBeGreaterThan(0);
    expect(copied).toBeGreaterThanOrEqual(before);
    expect(copied).toBeLessThanOrEqual(before + during);
    // 400 sign-ins: time enough on a loaded two-core machine.
  }, 30_000);

  it('restores a backup after checking it, keeping the current database aside and locking every console', async () => {
    const app = await createSetUpApp();
    await newVisitor(app, { firstName: 'Kept', lastName: 'Before' });
    const backup = await app.ok('backup.now', {}, 'staff');
    await newVisitor(app, { firstName: 'Lost', lastName: 'After' });
    const result = await app.ok('backup.restore', { file: backup.fileName, confirm: true }, 'staff');
    expect(existsSync(result.keptAside)).toBe(true);
    const aside = openDatabase(result.keptAside, { readonly: true });
    expect(aside.prepare('SELECT count(*) FROM visitors').pluck().get()).toBe(2);
    aside.close();
    expect((await app.fails('visit.onSite', {}, 'staff')).code).toBe('locked');
    await app.ok('staff.unlock', { staffId: app.adminId, pin: ADMIN_PIN }, 'staff');
    expect((await app.ok('visit.onSite', {}, 'staff')).visits.map((v) => v.firstName)).toEqual(['Kept']);
    expect((await app.ok('audit.verify', {}, 'staff')).ok).toBe(true);
    expect((await scalar(app, `SELECT count(*) FROM audit_log WHERE action = 'backup.restore'`))).toBe(1);
  });

  it.each([
    ['damaged', (file: string) => flipBytes(file, 4096, 200)],
    ['not a database', (file: string) => writeFileSync(file, 'These are my holiday photos, honest. '.repeat(100))],
    ['empty', (file: string) => writeFileSync(file, '')],
  ])('refuses a %s file and leaves the current database untouched', async (_label, spoil) => {
    const app = await createSetUpApp();
    for (let i = 0; i < 50; i += 1) await newVisitor(app, { firstName: `P${i}`, lastName: `Q${i}` });
    const backup = await app.ok('backup.now', {}, 'staff');
    const spoilt = join(app.dir, 'spoilt.db');
    copyFileSync(backup.file, spoilt);
    spoil(spoilt);
    const before = await contentHash(app);
    const error = await app.fails('backup.restore', { file: spoilt, confirm: true }, 'staff');
    expect(error.code).toBe('invalid_input');
    expect(error.message).toMatch(/^Nothing was changed\./);
    expect(await contentHash(app)).toBe(before);
  });

  it('refuses a database from a newer version of Safe Hands', async () => {
    const app = await createSetUpApp();
    const backup = await app.ok('backup.now', {}, 'staff');
    const db = openDatabase(backup.file);
    db.prepare(`INSERT INTO schema_migrations VALUES (99, 'future', 'x', '2030-01-01')`).run();
    db.close();
    expect((await app.fails('backup.restore', { file: backup.file, confirm: true }, 'staff')).message).toMatch(/newer version/);
  });

  it('needs an explicit confirmation', async () => {
    const app = await createSetUpApp();
    const backup = await app.ok('backup.now', {}, 'staff');
    expect((await app.fails('backup.restore', { file: backup.file }, 'staff')).fields?.confirm).toMatch(/Confirm/);
  });

  it.each([
    ['a folder that does not exist', '/no/such/folder', /does not exist/],
    ['a relative path', 'backups', /whole path/],
    ['a file rather than a folder', '__FILE__', /a file, not a folder/],
  ])('refuses %s as the backup folder, changing nothing', async (_label, folder, message) => {
    const app = await createSetUpApp();
    const file = join(mkdtempSync(join(tmpdir(), 'sh-')), 'x.txt');
    writeFileSync(file, 'x');
    const before = await contentHash(app);
    const error = await app.fails('settings.update', { backupFolder: folder === '__FILE__' ? file : folder }, 'staff');
    expect(error.fields?.backupFolder).toMatch(message);
    expect(await contentHash(app)).toBe(before);
  });
});

describe('the start-up check', () => {
  it('reports a damaged database on the status the screens read, instead of carrying on silently', async () => {
    const { openApp } = await import('../../../src/main/app.js');
    const app = await createSetUpApp();
    for (let i = 0; i < 200; i += 1) await newVisitor(app, { firstName: `P${i}`, lastName: `Q${i}` });
    expect((await app.ok('app.status', {})).databaseProblem).toBeNull();
    sqlite(app).pragma('wal_checkpoint(TRUNCATE)');
    const file = join(app.dir, 'safe-hands.db');
    // A page of the visits table: nothing reads it while the app opens, so the check in the worker must find it.
    const page = (await scalar(app, "SELECT pageno FROM dbstat WHERE name = 'visits' AND pagetype = 'leaf' ORDER BY pageno DESC LIMIT 1")) as number;
    app.close();
    flipBytes(file, (page - 1) * 4096, 300);
    const reopened = await openApp({ dataDir: app.dir });
    try {
      // The check runs in a worker thread; the kiosk answers meanwhile.
      expect(await reopened.startupCheck).toBe('failed');
      const status = await reopened.dispatch('app.status', {}, 'k');
      expect(status).toMatchObject({ ok: true, value: { databaseProblem: expect.stringMatching(/damaged|failed its start-up check/) } });
      expect(await reopened.dispatch('visit.findOnSite', { surnamePrefix: 'q' }, 'k')).toMatchObject({ ok: false, error: { message: /paper visitor book/ } });
    } finally {
      reopened.close();
    }
  });
});
