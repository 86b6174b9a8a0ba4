import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ADMIN_PIN, createSetUpApp, disposeAll, newVisitor, lastAuditDetail, itOnSqlite } from '../../helpers/test-app.js';

const chosenFolders: string[] = [];
afterEach(async () => {
  await disposeAll();
  for (const folder of chosenFolders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

type SetUpApp = Awaited<ReturnType<typeof createSetUpApp>>;

async function unlock(app: SetUpApp): Promise<void> {
  await app.ok('staff.unlock', { staffId: app.adminId, pin: ADMIN_PIN }, 'staff');
}

/** The files in a folder (a copy of the database and the keys kept beside it), sorted; none when it is not there. */
function filesIn(folder: string): string[] {
  return existsSync(folder) ? readdirSync(folder).sort() : [];
}

describe('retention of copies of the whole database', () => {
  itOnSqlite('removes backups and before-restore copies taken before the cut-off, with the keys beside them, and keeps newer ones', async () => {
    const app = await createSetUpApp();
    await app.ok('settings.update', { retentionYears: 1 }, 'staff');
    const zoe = await newVisitor(app, { firstName: 'Zoë', lastName: 'Marsh', organisation: null });
    await app.ok('visit.signOut', { visitId: zoe.visitId });
    // 23 November 2026: a backup in the data folder, a restore of it (which keeps the database aside), and
    // a backup to a folder the administrator chose afterwards.
    const old = await app.ok('backup.now', {}, 'staff');
    app.clock.advance(5 * 60_000);
    await unlock(app);
    const restored = await app.ok('backup.restore', { file: old.fileName, confirm: true }, 'staff');
    await unlock(app);
    const chosen = mkdtempSync(join(tmpdir(), 'safe-hands-chosen-backups-'));
    chosenFolders.push(chosen);
    await app.ok('settings.update', { backupFolder: chosen }, 'staff');
    app.clock.advance(5 * 60_000);
    await unlock(app);
    const oldChosen = await app.ok('backup.now', {}, 'staff');
    const backups = join(app.dir, 'backups');
    const aside = join(app.dir, 'before-restore');
    expect(filesIn(aside).filter((f) => f.endsWith('.db'))).toEqual(['safe-hands-20261123-090500.db']);
    expect(restored.keptAside).toBe(join(aside, 'safe-hands-20261123-090500.db'));

    // A year and a day later: a new backup, then the run.
    app.clock.set('2027-11-24T09:00:00Z');
    await unlock(app);
    const recent = await app.ok('backup.now', {}, 'staff');
    expect(filesIn(backups).filter((f) => f.endsWith('.db'))).toEqual([old.fileName]);
    expect(filesIn(chosen).filter((f) => f.endsWith('.db'))).toEqual([oldChosen.fileName, recent.fileName]);

    const run = await app.ok('retention.runNow', {}, 'staff');

    expect(run).toMatchObject({ visitorsRemoved: 1, filesRemoved: 3, filesNotRemoved: 0 });
    expect(await lastAuditDetail(app, 'retention.purge')).toMatchObject({ filesRemoved: 3, filesNotRemoved: 0 });
    // Nothing taken before the cut-off is left, keys included; the backup taken today stays with its keys.
    expect(filesIn(backups)).toEqual([]);
    expect(filesIn(aside)).toEqual([]);
    expect(filesIn(chosen).every((f) => f.startsWith(recent.fileName))).toBe(true);
    expect(filesIn(chosen).length).toBeGreaterThan(1);
    expect((await app.ok('backup.list', {}, 'staff')).backups.map((b) => b.fileName)).toEqual([recent.fileName]);
  });

  itOnSqlite('keeps only as many before-restore copies as backups', async () => {
    const app = await createSetUpApp();
    await app.ok('settings.update', { backupKeep: 2 }, 'staff');
    await newVisitor(app, { firstName: 'Zoë', lastName: 'Marsh', organisation: null });
    const backup = await app.ok('backup.now', {}, 'staff');
    const kept: string[] = [];
    for (let i = 0; i < 3; i += 1) {
      app.clock.advance(60 * 60_000);
      await unlock(app);
      kept.push((await app.ok('backup.restore', { file: backup.fileName, confirm: true }, 'staff')).keptAside);
    }
    const aside = join(app.dir, 'before-restore');
    expect(filesIn(aside).filter((f) => f.endsWith('.db'))).toEqual(['safe-hands-20261123-110000.db', 'safe-hands-20261123-120000.db']);
    expect(existsSync(kept[0]!)).toBe(false);
    expect(filesIn(aside).some((f) => f.startsWith('safe-hands-20261123-100000.db'))).toBe(false);
  });
});
