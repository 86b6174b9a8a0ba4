import * as crypto from 'node:crypto';
import { chmodSync, copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openApp, type App } from '../../../src/main/app.js';
import { fixedClock } from '../../../src/main/core/clock.js';
import { DATABASE_FILE, PIN_PEPPER_FILE } from '../../../src/main/core/paths.js';
import { needsRehash, OWASP_SCRYPT } from '../../../src/main/services/staff/pin-hash.js';
import { DEFAULT_RISK_CHECKLIST } from '../../../src/shared/domain/exceptions.js';
import {
  ADMIN_PIN, contentHash, createSetUpApp, createTestApp, disposeAll, newVisitor, reopenTestApp, TEST_PIN_COST, type TestApp, sqlite, scalar, column, itOnSqlite } from '../../helpers/test-app.js';

/**
 * How PINs are kept: scrypt at OWASP's cost, and a pepper in a file of its own so that a copy of the
 * database alone cannot test a guess. Real database files in real data folders throughout.
 */

// Every scrypt the app runs, with its parameters: how much work a PIN check really does. The app runs the
// asynchronous scrypt (off the event loop); a scryptSync would block every other screen while it hashed.
vi.mock('node:crypto', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:crypto')>();
  return { ...actual, scrypt: vi.fn(actual.scrypt), scryptSync: vi.fn(actual.scryptSync) };
});
const scryptCalls = () => vi.mocked(crypto.scrypt).mock.calls.map(([, , , options]) => {
  const { N, r, p } = options as crypto.ScryptOptions;
  return { N, r, p };
});

const posix = process.platform !== 'win32';
const mode = (path: string) => statSync(path).mode & 0o777;

beforeEach(() => {
  vi.mocked(crypto.scrypt).mockClear();
  vi.mocked(crypto.scryptSync).mockClear();
});
afterEach(disposeAll);

const pinHashOf = async (app: Pick<App, 'db'>, staffId: number) => (await scalar(app, 'SELECT pin_hash FROM staff WHERE id = ?', [staffId])) as string;
const staffRow = async (app: Pick<App, 'db'>, staffId: number) =>
  (await app.db.get('SELECT failed_pin_count, locked_until FROM staff WHERE id = ?', [staffId])) as { failed_pin_count: number; locked_until: string | null };
const auditActions = async (app: Pick<App, 'db'>) => (await column(app, `SELECT action FROM audit_log ORDER BY id`)) as string[];

/** What earlier versions stored: scrypt at N=2^14, r=8, p=1, no pepper. Written out here, not taken from the app. */
function oldFormatHash(pin: string): string {
  const salt = crypto.randomBytes(16);
  const key = crypto.scryptSync(pin, salt, 32, { N: 16384, r: 8, p: 1, maxmem: 64 * 1024 * 1024 });
  return ['scrypt', 16384, 8, 1, salt.toString('base64'), key.toString('base64')].join('$');
}

/**
 * What someone holding only a copy of the database can do with a stored hash: read the scrypt parameters and
 * salt out of it, run scrypt over a guess and compare. Reads either format.
 */
function attackerChecks(stored: string, guess: string): boolean {
  const m = /(?:^scrypt\$|n=)(\d+)[$,](?:r=)?(\d+)[$,](?:p=)?(\d+)\$([^$]+)\$([^$]+)$/.exec(stored);
  if (!m) throw new Error(`The attacker cannot read ${stored}`);
  const [, n, r, p, salt, hash] = m as unknown as [string, string, string, string, string, string];
  const expected = Buffer.from(hash, 'base64');
  const derived = crypto.scryptSync(guess, Buffer.from(salt, 'base64'), expected.length, { N: Number(n), r: Number(r), p: Number(p), maxmem: 256 * 1024 * 1024 });
  return derived.equals(expected);
}

/** The database file and its -wal, as bytes, after a checkpoint: all of what a copy of the database holds. */
function databaseBytes(app: TestApp): Buffer {
  sqlite(app).pragma('wal_checkpoint(TRUNCATE)');
  const wal = join(app.dir, `${DATABASE_FILE}-wal`);
  return Buffer.concat([readFileSync(join(app.dir, DATABASE_FILE)), existsSync(wal) ? readFileSync(wal) : Buffer.alloc(0)]);
}

function containsKey(bytes: Buffer, key: Buffer): boolean {
  return bytes.includes(key) || bytes.includes(Buffer.from(key.toString('hex'))) || bytes.includes(Buffer.from(key.toString('base64')));
}

describe('PIN hashes at OWASP’s cost', () => {
  it('by default a new PIN is stored as scrypt N=2^17, r=8, p=1 with a pepper, and checking it runs exactly one such scrypt', async () => {
    // The one test at the production cost: about a second here.
    const dir = mkdtempSync(join(tmpdir(), 'safe-hands-pin-'));
    const app = await openApp({ dataDir: dir, clock: fixedClock('2026-11-23T09:00:00.000Z') });
    try {
      const created = await app.dispatch('setup.create', {
        settingName: 'Oak Tree Primary', settingKind: 'school', adminName: 'Priya Shah', pin: ADMIN_PIN, pinAgain: ADMIN_PIN, expectationsTemplate: 'school',
      }, 'k') as { ok: true; value: { staffId: number } };
      expect(created.ok).toBe(true);
      const stored = await pinHashOf(app, created.value.staffId);
      expect(stored).toMatch(/^\$scrypt-pepper\$v=2\$k=[0-9a-f]{16}\$n=131072,r=8,p=1\$[A-Za-z0-9+/]{22}==\$[A-Za-z0-9+/]{43}=$/);
      expect(scryptCalls()).toEqual([{ N: 2 ** 17, r: 8, p: 1 }]);

      vi.mocked(crypto.scrypt).mockClear();
      expect(await app.dispatch('staff.unlock', { staffId: created.value.staffId, pin: ADMIN_PIN }, 'staff')).toMatchObject({ ok: true });
      expect(scryptCalls()).toEqual([{ N: 2 ** 17, r: 8, p: 1 }]);
      // Already current: nothing to re-hash.
      expect(await pinHashOf(app, created.value.staffId)).toBe(stored);

      vi.mocked(crypto.scrypt).mockClear();
      expect(await app.dispatch('staff.unlock', { staffId: created.value.staffId, pin: '0000' }, 'staff')).toMatchObject({ ok: false, error: { code: 'wrong_pin' } });
      expect(scryptCalls()).toEqual([{ N: 2 ** 17, r: 8, p: 1 }]);
      // Never the synchronous one, which would hold up every other screen for the whole hash.
      expect(crypto.scryptSync).not.toHaveBeenCalled();
    } finally {
      app.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('upgrades only upwards: a hash stronger than the cost asked for is left as it is', () => {
    const strong = `$scrypt-pepper$v=2$k=0123456789abcdef$n=131072,r=8,p=1$${Buffer.alloc(16).toString('base64')}$${Buffer.alloc(32).toString('base64')}`;
    expect(needsRehash(strong, TEST_PIN_COST)).toBe(false);
    expect(needsRehash(strong, OWASP_SCRYPT)).toBe(false);
    expect(needsRehash(strong.replace('n=131072', 'n=16384'), OWASP_SCRYPT)).toBe(true);
  });
});

describe('PINs stored by earlier versions (scrypt N=2^14, no pepper)', () => {
  /** A data folder as an earlier version left it: the admin's PIN in the old format, and no key file. */
  async function olderVersionsFolder(): Promise<TestApp & { adminId: number }> {
    const app = await createSetUpApp();
    // Written as Safe Hands writes (sealed in the trail), as an earlier version would have left it.
    await app.db.transaction(async () => (await app.db.run('UPDATE staff SET pin_hash = ? WHERE id = ?', [oldFormatHash(ADMIN_PIN), app.adminId])));
    app.close();
    rmSync(join(app.dir, PIN_PEPPER_FILE), { force: true });
    return reopenTestApp(app);
  }

  it('still unlock, and the right PIN replaces the hash with the new format in the unlock’s own transaction, audited', async () => {
    const app = await olderVersionsFolder();
    const old = await pinHashOf(app, app.adminId);
    expect(old).toMatch(/^scrypt\$16384\$8\$1\$/);
    expect((await app.fails('staff.unlock', { staffId: app.adminId, pin: '0000' }, 'w')).code).toBe('wrong_pin');
    expect(await pinHashOf(app, app.adminId)).toBe(old);
    expect(existsSync(join(app.dir, PIN_PEPPER_FILE))).toBe(false);

    const lastEntry = (await scalar(app, 'SELECT max(id) FROM audit_log')) as number;
    await app.ok('staff.unlock', { staffId: app.adminId, pin: ADMIN_PIN }, 'w');
    const upgraded = await pinHashOf(app, app.adminId);
    expect(upgraded).toMatch(/^\$scrypt-pepper\$v=2\$k=[0-9a-f]{16}\$n=16,r=8,p=1\$/);
    // Its first need made the key file.
    expect(readFileSync(join(app.dir, PIN_PEPPER_FILE))).toHaveLength(32);
    const entries = (await app.db.all(`SELECT action, actor_label, entity_id, detail_json AS detail FROM audit_log WHERE id > ? ORDER BY id`, [lastEntry])) as {
      action: string; actor_label: string; entity_id: number; detail: string;
    }[];
    expect(entries.map((e) => e.action)).toEqual(['staff.unlock', 'staff.pin_rehashed']);
    expect(entries[1]).toMatchObject({ actor_label: 'Priya Shah', entity_id: app.adminId });
    expect(JSON.parse(entries[1]!.detail)).toEqual({ from: 'format 1: scrypt N=2^14, r=8, p=1, no pepper', to: 'format 2: scrypt N=2^4, r=8, p=1, peppered' });
    expect(entries[1]!.detail).not.toContain(upgraded.split('$').at(-1));
    expect((await app.ok('audit.verify', {}, 'w')).ok).toBe(true);

    // The new hash unlocks, and is not replaced again.
    await app.ok('staff.lock', {}, 'w');
    await app.ok('staff.unlock', { staffId: app.adminId, pin: ADMIN_PIN }, 'w');
    expect(await pinHashOf(app, app.adminId)).toBe(upgraded);
    expect((await auditActions(app)).filter((a) => a === 'staff.pin_rehashed')).toHaveLength(1);
  });

  itOnSqlite('the new hash is written with the unlock or not at all', async () => {
    const app = await olderVersionsFolder();
    const old = await pinHashOf(app, app.adminId);
    const entries = (await auditActions(app)).length;
    sqlite(app).exec(`CREATE TEMP TRIGGER refuse_rehash_entry BEFORE INSERT ON audit_log WHEN NEW.action = 'staff.pin_rehashed' BEGIN SELECT RAISE(ABORT, 'refused'); END`);
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    expect((await app.fails('staff.unlock', { staffId: app.adminId, pin: ADMIN_PIN }, 'w')).code).toBe('internal');
    expect(logged).toHaveBeenCalledWith('Command staff.unlock failed:', expect.objectContaining({ message: 'refused' }));
    logged.mockRestore();
    expect(await pinHashOf(app, app.adminId)).toBe(old);
    expect(await auditActions(app)).toHaveLength(entries);
  });

  it('a DSL’s PIN typed into an approval is upgraded with the approval', async () => {
    const app = await olderVersionsFolder();
    await app.ok('staff.unlock', { staffId: app.adminId, pin: ADMIN_PIN }, 'staff');
    const olu = await app.ok('staff.create', { displayName: 'Dee Safeguarding', roles: ['dsl'], pin: '135790', pinAgain: '135790' }, 'staff');
    // Written as Safe Hands writes (sealed in the trail), as an earlier version would have left it.
    await app.db.transaction(async () => (await app.db.run('UPDATE staff SET pin_hash = ? WHERE id = ?', [oldFormatHash('135790'), olu.staffId])));
    const visit = await newVisitor(app, { firstName: 'Helen', lastName: 'Marsh', organisation: 'Ofsted', visitorType: 'inspector' });
    const approval = await app.ok('exception.approve', {
      target: { type: 'visit', visitId: visit.visitId }, purpose: 'inspection', devices: [{ kind: 'tablet', quantity: 1 }],
      permittedUse: 'Notes only', permittedAreas: 'Office', riskChecklist: DEFAULT_RISK_CHECKLIST.map((item) => ({ item, checked: true })),
      approver: { staffId: olu.staffId, pin: '135790' },
    }, 'staff');
    expect(await pinHashOf(app, olu.staffId)).toMatch(/^\$scrypt-pepper\$v=2\$/);
    const last = await app.db.all(`SELECT action, actor_label FROM audit_log ORDER BY id DESC LIMIT 2`);
    expect(last).toEqual([{ action: 'staff.pin_rehashed', actor_label: 'Dee Safeguarding' }, { action: 'exception.approve', actor_label: 'Dee Safeguarding' }]);
    expect(approval.approvedBy).toBe('Dee Safeguarding');
  });
});

describe('the PIN pepper', () => {
  itOnSqlite('a copy of the database alone cannot check the right PIN, nor find it among all 10,000', async () => {
    const app = await createSetUpApp();
    const copyDir = mkdtempSync(join(tmpdir(), 'safe-hands-copied-'));
    try {
      sqlite(app).pragma('wal_checkpoint(TRUNCATE)');
      copyFileSync(join(app.dir, DATABASE_FILE), join(copyDir, DATABASE_FILE));
      const copy = new Database(join(copyDir, DATABASE_FILE), { readonly: true });
      const stored = copy.prepare('SELECT pin_hash FROM staff WHERE id = ?').pluck().get(app.adminId) as string;
      copy.close();
      // scrypt with the stored parameters and salt over the right PIN does not give the stored value...
      expect(attackerChecks(stored, ADMIN_PIN)).toBe(false);
      // ...nor over any other four-digit PIN (cheap here only because the test cost is tiny).
      const found = Array.from({ length: 10_000 }, (_, i) => String(i).padStart(4, '0')).filter((guess) => attackerChecks(stored, guess));
      expect(found).toEqual([]);
      // The app itself, on the copied folder without the key, checks nothing either.
      const copied = await openApp({ dataDir: copyDir, pinHashCost: TEST_PIN_COST });
      try {
        expect(await copied.dispatch('staff.unlock', { staffId: app.adminId, pin: ADMIN_PIN }, 'x')).toMatchObject({ ok: false, error: { code: 'conflict' } });
      } finally {
        copied.close();
      }
      // With the key, the same PIN is right: the pepper is what was missing.
      expect(await app.pins.check(ADMIN_PIN, stored)).toBe('right');
    } finally {
      rmSync(copyDir, { recursive: true, force: true });
    }
  });

  itOnSqlite('is 32 random bytes in pin-pepper.key, 0600, neither in the database nor in a backup, but beside each backup', async () => {
    const app = await createSetUpApp();
    const keyFile = join(app.dir, PIN_PEPPER_FILE);
    const key = readFileSync(keyFile);
    expect(key).toHaveLength(32);
    if (posix) expect(mode(keyFile)).toBe(0o600);
    expect(containsKey(databaseBytes(app), key)).toBe(false);

    const backup = await app.ok('backup.now', {}, 'staff');
    expect(containsKey(readFileSync(backup.file), key)).toBe(false);
    const beside = `${backup.file}.pepper`;
    expect(readFileSync(beside).equals(key)).toBe(true);
    if (posix) expect(mode(beside)).toBe(0o600);
    // Not listed as a backup of its own, and removed with its backup.
    expect((await app.ok('backup.list', {}, 'staff')).backups.map((b) => b.fileName)).toEqual([backup.fileName]);
    await app.ok('settings.update', { backupKeep: 1 }, 'staff');
    app.clock.advance(60_000);
    await app.ok('backup.now', {}, 'staff');
    expect(existsSync(backup.file)).toBe(false);
    expect(existsSync(beside)).toBe(false);
  });

  it.skipIf(!posix)('is narrowed back to 0600 by the start-up walk', async () => {
    const app = await createSetUpApp();
    const keyFile = join(app.dir, PIN_PEPPER_FILE);
    chmodSync(keyFile, 0o644);
    await reopenTestApp(app);
    expect(mode(keyFile)).toBe(0o600);
  });

  it('is made at its first need, not merely by opening a data folder', async () => {
    const app = await createTestApp();
    expect(existsSync(join(app.dir, PIN_PEPPER_FILE))).toBe(false);
    await app.ok('setup.create', { settingName: 'Oak', settingKind: 'school', adminName: 'Priya Shah', pin: ADMIN_PIN, pinAgain: ADMIN_PIN, expectationsTemplate: 'school' });
    expect(existsSync(join(app.dir, PIN_PEPPER_FILE))).toBe(true);
  });
});

describe('when the PIN key file is missing', () => {
  itOnSqlite('the app still starts and the kiosk works, but PINs are refused, uncounted, with what to do; the key put back works at once', async () => {
    const app = await createSetUpApp();
    const backup = await app.ok('backup.now', {}, 'staff');
    const keyFile = join(app.dir, PIN_PEPPER_FILE);
    const key = readFileSync(keyFile);
    app.close();
    unlinkSync(keyFile);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    try {
      await reopenTestApp(app);
      expect(warn).toHaveBeenCalledWith(expect.stringContaining(`${PIN_PEPPER_FILE} in the data folder (${app.dir}) is missing`));
    } finally {
      warn.mockRestore();
    }
    expect(await app.ok('app.status', {})).toMatchObject({ setUp: true, databaseProblem: null });
    await newVisitor(app);

    const before = await contentHash(app);
    const refused = await app.fails('staff.unlock', { staffId: app.adminId, pin: ADMIN_PIN }, 'staff');
    expect(refused.code).toBe('conflict');
    expect(refused.message).toContain(`the PIN key file ${PIN_PEPPER_FILE} in the data folder (${app.dir}) is missing`);
    expect(refused.message).toContain('.pepper file beside the newest backup');
    // A wrong PIN cannot be told from a right one: nothing is counted, nothing is written, no key is made.
    expect((await app.fails('staff.unlock', { staffId: app.adminId, pin: '0000' }, 'staff')).code).toBe('conflict');
    expect(await staffRow(app, app.adminId)).toEqual({ failed_pin_count: 0, locked_until: null });
    expect(await contentHash(app)).toBe(before);
    expect(existsSync(keyFile)).toBe(false);

    // Another key is not the PINs' key.
    writeFileSync(keyFile, crypto.randomBytes(32), { mode: 0o600 });
    expect((await app.fails('staff.unlock', { staffId: app.adminId, pin: ADMIN_PIN }, 'staff')).message).toContain('is not the one the PINs were set with');
    // The copy kept beside the backup, put back: no restart needed.
    copyFileSync(`${backup.file}.pepper`, keyFile);
    expect((await app.ok('staff.unlock', { staffId: app.adminId, pin: ADMIN_PIN }, 'staff')).displayName).toBe('Priya Shah');
    expect(readFileSync(keyFile).equals(key)).toBe(true);
  });

  it('no new PIN is set with a new key while PINs need the missing one', async () => {
    const app = await createSetUpApp();
    // An account with an old-format PIN can still unlock without the key.
    const olu = await app.ok('staff.create', { displayName: 'Olu Office', roles: ['admin'], pin: '135790', pinAgain: '135790' }, 'staff');
    // Written as Safe Hands writes (sealed in the trail), as an earlier version would have left it.
    await app.db.transaction(async () => (await app.db.run('UPDATE staff SET pin_hash = ? WHERE id = ?', [oldFormatHash('135790'), olu.staffId])));
    app.close();
    unlinkSync(join(app.dir, PIN_PEPPER_FILE));
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    try {
      await reopenTestApp(app);
    } finally {
      warn.mockRestore();
    }
    await app.ok('staff.unlock', { staffId: olu.staffId, pin: '135790' }, 'olu');
    // Its hash stays as it is until the key is back, rather than being moved to a key the others' PINs lack.
    expect(await pinHashOf(app, olu.staffId)).toMatch(/^scrypt\$16384\$/);
    const error = await app.fails('staff.create', { displayName: 'New Starter', roles: [], pin: '2468', pinAgain: '2468' }, 'olu');
    expect(error).toMatchObject({ code: 'conflict', message: expect.stringContaining('is missing') });
    expect((await app.fails('staff.resetPin', { staffId: app.adminId, pin: '246813', pinAgain: '246813' }, 'olu')).code).toBe('conflict');
    expect(existsSync(join(app.dir, PIN_PEPPER_FILE))).toBe(false);
  });
});

describe('restoring a backup from another computer', () => {
  itOnSqlite('takes the PIN key from beside the backup, keeping this computer’s key beside the copy it sets aside', async () => {
    const oldPc = await createSetUpApp();
    await newVisitor(oldPc, { firstName: 'From', lastName: 'Oldpc' });
    const backup = await oldPc.ok('backup.now', {}, 'staff');
    const oldKey = readFileSync(join(oldPc.dir, PIN_PEPPER_FILE));

    // A new PC: set up afresh (its own key), then restore the old PC's backup from the backup drive.
    const newPc = await createSetUpApp();
    const newKey = readFileSync(join(newPc.dir, PIN_PEPPER_FILE));
    expect(newKey.equals(oldKey)).toBe(false);
    const result = await newPc.ok('backup.restore', { file: backup.file, confirm: true }, 'staff');
    expect(readFileSync(join(newPc.dir, PIN_PEPPER_FILE)).equals(oldKey)).toBe(true);
    if (posix) expect(mode(join(newPc.dir, PIN_PEPPER_FILE))).toBe(0o600);
    expect(readFileSync(`${result.keptAside}.pepper`).equals(newKey)).toBe(true);
    expect((await newPc.ok('staff.unlock', { staffId: oldPc.adminId, pin: ADMIN_PIN }, 'staff')).displayName).toBe('Priya Shah');
    expect((await newPc.ok('visit.onSite', {}, 'staff')).visits.map((v) => v.firstName)).toEqual(['From']);
    const detail = (await scalar(newPc, `SELECT detail_json FROM audit_log WHERE action = 'backup.restore'`)) as string;
    expect(JSON.parse(detail).pinKeyFrom).toBe(`${backup.fileName}.pepper`);
  });

  itOnSqlite('is refused, changing nothing, when the backup’s PINs need a key that is not beside it', async () => {
    const oldPc = await createSetUpApp();
    const backup = await oldPc.ok('backup.now', {}, 'staff');
    unlinkSync(`${backup.file}.pepper`);
    const newPc = await createSetUpApp();
    const keyBefore = readFileSync(join(newPc.dir, PIN_PEPPER_FILE));
    const before = await contentHash(newPc);
    const error = await newPc.fails('backup.restore', { file: backup.file, confirm: true }, 'staff');
    expect(error.code).toBe('invalid_input');
    expect(error.message).toMatch(/^Nothing was changed\. The PINs in that backup were set with a PIN key that is not on this computer/);
    expect(error.message).toContain(`${backup.fileName}.pepper`);
    expect(await contentHash(newPc)).toBe(before);
    expect(readFileSync(join(newPc.dir, PIN_PEPPER_FILE)).equals(keyBefore)).toBe(true);
    expect(existsSync(join(newPc.dir, 'before-restore'))).toBe(false);
  });
});
