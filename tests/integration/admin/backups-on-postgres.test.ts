import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { fixedClock } from '../../../src/main/core/clock.js';
import { freshPgDatabase, type PgDatabase } from '../../helpers/pg-database.js';
import { ADMIN_PIN, contentHash, disposeAll, openTestApp } from '../../helpers/test-app.js';

/**
 * On PostgreSQL the server keeps the backups (pg_dump, the README): the desk's own backup commands say so
 * and make nothing, not even the folder, while the SQLite desk's backups are tested in backups.test.ts.
 */
const databases: PgDatabase[] = [];
afterEach(async () => {
  await disposeAll();
  while (databases.length) await databases.pop()!.drop();
});

describe('backups on a desk whose records are on a PostgreSQL server', () => {
  it('are the server\'s: backing up or restoring is refused in words, and changes nothing', async () => {
    const database = await freshPgDatabase();
    databases.push(database);
    const app = await openTestApp(mkdtempSync(join(tmpdir(), 'safe-hands-pg-backups-')), fixedClock('2026-11-23T09:00:00.000Z'), { database: database.url });
    const { staffId } = await app.ok('setup.create', {
      settingName: 'Oak Tree Primary', settingKind: 'school', adminName: 'Priya Shah', pin: ADMIN_PIN, pinAgain: ADMIN_PIN, expectationsTemplate: 'school',
    });
    await app.ok('staff.unlock', { staffId, pin: ADMIN_PIN }, 'staff');
    const before = await contentHash(app);
    const made = await app.fails('backup.now', {}, 'staff');
    expect(made).toMatchObject({ code: 'conflict', message: expect.stringMatching(/PostgreSQL server, which backs them up itself \(pg_dump\)/) });
    const restored = await app.fails('backup.restore', { file: 'safe-hands-20261122-090000.db', confirm: true }, 'staff');
    expect(restored).toMatchObject({ code: 'conflict', message: made.message });
    expect(existsSync(join(app.dir, 'backups'))).toBe(false);
    expect(await contentHash(app)).toBe(before);
    expect(await app.ok('backup.list', {}, 'staff')).toMatchObject({ backups: [], keptBy: 'database_server' });
  });
});
