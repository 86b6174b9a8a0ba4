import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DataFolderInUse, LOCK_FILE, lockDataFolder, processIsRunning } from '../../src/main/cli/data-folder-lock.js';

const folder = () => mkdtempSync(join(tmpdir(), 'safe-hands-lock-'));
const running = (...pids: number[]) => (pid: number) => pids.includes(pid);

describe('one host per data folder', () => {
  it('refuses a second host while the first runs, naming the folder and the process', () => {
    const dir = folder();
    const release = lockDataFolder(dir, 101, running(101, 202));
    expect(() => lockDataFolder(dir, 202, running(101, 202))).toThrow(DataFolderInUse);
    try {
      lockDataFolder(dir, 202, running(101, 202));
    } catch (err) {
      expect((err as Error).message).toContain(`already running on the data folder ${dir} (process 101)`);
    }
    release();
    expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
    lockDataFolder(dir, 202, running(202))();
  });

  it('takes over a lock left by a host that was killed, or one that is damaged', () => {
    const dir = folder();
    lockDataFolder(dir, 101, running(101)); // never released: the host was killed
    const release = lockDataFolder(dir, 202, running(202));
    expect(readFileSync(join(dir, LOCK_FILE), 'utf8').trim()).toBe('202');
    release();
    writeFileSync(join(dir, LOCK_FILE), 'not a process id');
    lockDataFolder(dir, 303, running(303))();
    // Nothing of ours is left behind.
    expect(readdirSync(dir)).toEqual([]);
  });

  it('gives back only its own lock, not one another host has taken over since', () => {
    const dir = folder();
    const releaseOld = lockDataFolder(dir, 101, running(101));
    lockDataFolder(dir, 202, running(202)); // 101 looked dead to 202 and was taken over
    releaseOld();
    expect(readFileSync(join(dir, LOCK_FILE), 'utf8').trim()).toBe('202');
  });

  it('knows this process is running and a made-up one is not', () => {
    expect(processIsRunning(process.pid)).toBe(true);
    expect(processIsRunning(2 ** 22 + 12345)).toBe(false);
  });
});
