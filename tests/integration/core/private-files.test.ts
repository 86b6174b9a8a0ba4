import { chmodSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openApp } from '../../../src/main/app.js';
import { fixedClock } from '../../../src/main/core/clock.js';
import { isOwnTopLevel, tightenDataFolder } from '../../../src/main/core/private-files.js';
import { documentFolders } from '../../../src/main/services/admin/retention-files.js';
import { TINY_PNG } from '../../helpers/command-samples.js';
import { logIntoSafe } from '../../helpers/custody.js';
import { createSetUpApp, disposeAll, newVisitor, sqlite, scalar } from '../../helpers/test-app.js';

/**
 * Everything in the data folder names visitors: no other account on the PC may read it. Run with the umask a
 * normal login has (0022), under which a mode left to the defaults comes out 0755 for folders, 0644 for files.
 */
const mode = (path: string) => (lstatSync(path).mode & 0o777).toString(8);

/** Every folder and file under the data folder (links listed as such, not followed), with its mode. */
function modesUnder(dir: string, skip: string[] = []): Record<string, string> {
  const found: Record<string, string> = {};
  const walk = (folder: string) => {
    for (const name of readdirSync(folder)) {
      const path = join(folder, name);
      const rel = relative(dir, path);
      if (skip.includes(rel)) continue;
      const stats = lstatSync(path);
      found[rel] = stats.isSymbolicLink() ? 'link' : `${stats.isDirectory() ? 'dir' : 'file'} ${mode(path)}`;
      if (stats.isDirectory()) walk(path);
    }
  };
  walk(dir);
  return found;
}

function expectAllPrivate(dir: string, skip: string[] = []): Record<string, string> {
  const modes = modesUnder(dir, skip);
  const open = Object.entries(modes).filter(([, m]) => m !== 'dir 700' && m !== 'file 600' && m !== 'link');
  expect(open).toEqual([]);
  expect(mode(dir)).toBe('700');
  return modes;
}

/** Folders and files as an earlier version left them. */
function openUp(dir: string): void {
  chmodSync(dir, 0o755);
  for (const name of readdirSync(dir, { recursive: true })) {
    const path = join(dir, String(name));
    const stats = lstatSync(path);
    if (stats.isDirectory()) chmodSync(path, 0o755);
    else if (stats.isFile()) chmodSync(path, 0o644);
  }
}

let umaskBefore: number;
beforeAll(() => {
  umaskBefore = process.umask(0o022);
});
afterAll(() => {
  process.umask(umaskBefore);
});
afterEach(disposeAll);

describe.skipIf(process.platform === 'win32')('the data folder is private to the account that runs Safe Hands', () => {
  it('counts every folder documents are written to as its own, so none is left open at start-up', () => {
    expect(documentFolders().length).toBeGreaterThan(5);
    expect(documentFolders().filter((folder) => !isOwnTopLevel(folder))).toEqual([]);
  });

  it('makes a new data folder 0700, and the database and its -wal and -shm 0600', async () => {
    const parent = mkdtempSync(join(tmpdir(), 'safe-hands-private-'));
    const dataDir = join(parent, 'new', 'Safe Hands');
    const app = await openApp({ dataDir, clock: fixedClock('2026-11-23T09:00:00.000Z') });
    try {
      expect(mode(dataDir)).toBe('700');
      expect(mode(join(parent, 'new'))).toBe('700');
      expect(modesUnder(dataDir)).toEqual({
        'safe-hands.db': 'file 600',
        'safe-hands.db-wal': 'file 600',
        'safe-hands.db-shm': 'file 600',
        'audit-trail.key': 'file 600',
        'audit-head.json': 'file 600',
      });
    } finally {
      app.close();
      rmSync(parent, { recursive: true, force: true });
    }
  });

  it('keeps every receipt, badge, invite, roll call, report, logo, backup and set-aside copy it makes 0600 in 0700 folders', async () => {
    const app = await createSetUpApp();
    await app.ok('settings.update', { badgeEnabled: true }, 'staff');
    const { visitId } = await logIntoSafe(app);
    const code = (await scalar(app, 'SELECT badge_token FROM visits WHERE id = ?', [visitId])) as string;
    await app.ok('badge.print', { code }, 'kiosk');
    await newVisitor(app, { firstName: 'Ada', lastName: 'Lovelace' });
    const booking = await app.ok('booking.create', {
      firstName: 'Helen', lastName: 'Marsh', organisation: 'Ofsted', visitorType: 'inspector', host: 'Headteacher', expectedDate: '2026-11-24', expectedTime: '09:30',
    }, 'staff');
    await app.ok('booking.invite', { bookingId: booking.bookingId }, 'staff');
    await app.ok('rollcall.print', {}, 'staff');
    await app.ok('report.export', { kind: 'visitors', from: '2026-11-23', to: '2026-11-23', format: 'csv' }, 'staff');
    await app.ok('report.export', { kind: 'custody', from: '2026-11-01', to: '2026-11-30', format: 'pdf' }, 'staff');
    await app.ok('settings.setLogo', { dataBase64: TINY_PNG }, 'staff');
    const backup = await app.ok('backup.now', {}, 'staff');
    await app.ok('backup.restore', { file: backup.fileName, confirm: true }, 'staff');

    const modes = expectAllPrivate(app.dir);
    // What the walk looked at: the database in use with its -wal and -shm, and a file of each kind.
    const kinds = Object.keys(modes).map((rel) => rel.replace(/\d+/g, 'N'));
    expect(kinds).toEqual(expect.arrayContaining([
      'safe-hands.db', 'safe-hands.db-wal', 'safe-hands.db-shm',
      'receipts', 'receipts/N', 'receipts/N/receipt-N-N.pdf',
      'badges', 'badges/badge-visit-N.pdf',
      'invites', 'invites/N', 'invites/N/invite-N.pdf', 'roll-calls',
      'reports', 'branding', 'branding/logo.png',
      'backups', 'backups/safe-hands-N-N.db',
      'before-restore', 'before-restore/safe-hands-N-N.db',
      // The PIN key, and the copies of it kept beside each copy of the database.
      'pin-pepper.key', 'backups/safe-hands-N-N.db.pepper', 'before-restore/safe-hands-N-N.db.pepper',
    ]));
    expect(Object.keys(modes).filter((rel) => rel.startsWith('reports/'))).toHaveLength(2);
  });

  it('makes a backup in a folder the admin chose 0600, leaving the folder itself as the admin set it', async () => {
    const app = await createSetUpApp();
    const chosen = mkdtempSync(join(tmpdir(), 'safe-hands-share-'));
    chmodSync(chosen, 0o775);
    try {
      await app.ok('settings.update', { backupFolder: chosen }, 'staff');
      const backup = await app.ok('backup.now', {}, 'staff');
      expect(backup.file.startsWith(chosen)).toBe(true);
      expect(mode(backup.file)).toBe('600');
      // With the -wal and -shm SQLite leaves beside it after checking it: they take the backup's mode.
      expect(readdirSync(chosen).map((name) => `${name} ${mode(join(chosen, name))}`)).toEqual(
        readdirSync(chosen).map((name) => `${name} 600`),
      );
      expect(mode(chosen)).toBe('775');
      expect(existsSync(join(app.dir, 'backups'))).toBe(false);
    } finally {
      rmSync(chosen, { recursive: true, force: true });
    }
  });

  it('narrows a data folder an earlier version left open (0755 folders, 0644 files) at the next start', async () => {
    const app = await createSetUpApp();
    await logIntoSafe(app);
    await app.ok('backup.now', {}, 'staff');
    await app.ok('report.export', { kind: 'visitors', from: '2026-11-23', to: '2026-11-23', format: 'pdf' }, 'staff');
    app.close();

    // Another connection keeps a -wal and -shm, as after a crash, and the browser kiosk's profile is Chromium's.
    const other = new Database(join(app.dir, 'safe-hands.db'));
    other.pragma('journal_mode = WAL');
    expect(other.prepare('SELECT count(*) FROM receipts').pluck().get()).toBe(1);
    mkdirSync(join(app.dir, 'browser-profile', 'Default'), { recursive: true });
    writeFileSync(join(app.dir, 'browser-profile', 'Default', 'Preferences'), '{}');
    const outside = mkdtempSync(join(tmpdir(), 'safe-hands-outside-'));
    writeFileSync(join(outside, 'not-ours.txt'), 'someone else’s');
    symlinkSync(join(outside, 'not-ours.txt'), join(app.dir, 'link-to-file'));
    symlinkSync(outside, join(app.dir, 'link-to-folder'));
    openUp(app.dir);
    chmodSync(outside, 0o755);
    chmodSync(join(outside, 'not-ours.txt'), 0o644);
    expect(mode(join(app.dir, 'safe-hands.db'))).toBe('644');
    expect(mode(join(app.dir, 'safe-hands.db-wal'))).toBe('644');
    expect(mode(join(app.dir, 'safe-hands.db-shm'))).toBe('644');

    try {
      const reopened = await openApp({ dataDir: app.dir, clock: app.clock });
      try {
        const modes = expectAllPrivate(app.dir, ['browser-profile/Default']);
        expect(Object.keys(modes)).toEqual(expect.arrayContaining([
          'safe-hands.db', 'safe-hands.db-wal', 'safe-hands.db-shm', 'receipts/2026', 'backups', 'reports', 'link-to-file', 'link-to-folder',
        ]));
        expect(modes['link-to-file']).toBe('link');
        // Links are not followed out of the folder, and Chromium's own files keep the modes it gave them.
        expect(mode(outside)).toBe('755');
        expect(mode(join(outside, 'not-ours.txt'))).toBe('644');
        expect(mode(join(app.dir, 'browser-profile'))).toBe('700');
        expect(mode(join(app.dir, 'browser-profile', 'Default'))).toBe('755');
        expect(mode(join(app.dir, 'browser-profile', 'Default', 'Preferences'))).toBe('644');
        // Still the same records.
        expect((await scalar(reopened, 'SELECT count(*) FROM receipts'))).toBe(1);
      } finally {
        reopened.close();
      }
    } finally {
      other.close();
      rmSync(outside, { recursive: true, force: true });
    }
  });

  it('changes nothing in a folder already private (not even its ctime), and narrows only what is too open', () => {
    const dir = mkdtempSync(join(tmpdir(), 'safe-hands-walk-'));
    try {
      mkdirSync(join(dir, 'receipts', '2026'), { recursive: true, mode: 0o700 });
      writeFileSync(join(dir, 'receipts', '2026', 'receipt-2026-0001.pdf'), 'x', { mode: 0o600 });
      const ctimeBefore = statSync(join(dir, 'receipts', '2026', 'receipt-2026-0001.pdf')).ctimeMs;
      expect(tightenDataFolder(dir)).toEqual({ checked: 4, narrowed: 0, refused: [] });
      expect(statSync(join(dir, 'receipts', '2026', 'receipt-2026-0001.pdf')).ctimeMs).toBe(ctimeBefore);
      chmodSync(join(dir, 'receipts'), 0o755);
      expect(tightenDataFolder(dir)).toEqual({ checked: 4, narrowed: 1, refused: [] });
      // A --data-dir pointed by mistake at a folder that holds other things: only Safe Hands' own are touched.
      writeFileSync(join(dir, 'notes.txt'), 'mine', { mode: 0o644 });
      mkdirSync(join(dir, 'photos'), { mode: 0o755 });
      chmodSync(join(dir, 'notes.txt'), 0o644);
      chmodSync(join(dir, 'photos'), 0o755);
      expect(tightenDataFolder(dir)).toEqual({ checked: 4, narrowed: 0, refused: [] });
      expect(mode(join(dir, 'notes.txt'))).toBe('644');
      expect(mode(join(dir, 'photos'))).toBe('755');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
