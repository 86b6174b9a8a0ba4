import { existsSync, mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startKiosk, type RunningKiosk } from '../helpers/e2e.js';

const running: RunningKiosk[] = [];
afterEach(async () => {
  while (running.length) await running.pop()!.stop();
});

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

describe('npm start', () => {
  it('falls back to browser mode where Electron cannot run, and says where the kiosk is', async () => {
    const started = Date.now();
    const kiosk = await startKiosk(['--no-open']);
    running.push(kiosk);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(kiosk.launchUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/launch\?key=[\w-]{40,}$/);
    expect(kiosk.output()).toMatch(/starting browser kiosk mode/);
    expect(kiosk.output().match(/^Kiosk: /gm)).toHaveLength(1);
    const page = await fetch(kiosk.origin);
    expect(page.status).toBe(200);
  });

  it('serves on the port asked for and keeps its database in the data folder asked for', async () => {
    const port = await freePort();
    const dataDir = mkdtempSync(join(tmpdir(), 'safe-hands-dir-'));
    const kiosk = await startKiosk(['--browser', '--no-open', '--port', String(port)], dataDir);
    running.push(kiosk);
    expect(kiosk.origin).toBe(`http://127.0.0.1:${port}`);
    expect(existsSync(join(dataDir, 'safe-hands.db'))).toBe(true);
  });

  it('each launch has a new secret: an old launch address stops working', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'safe-hands-dir-'));
    const first = await startKiosk(['--browser', '--no-open'], dataDir);
    const oldKey = new URL(first.launchUrl).searchParams.get('key');
    await first.stop();
    const second = await startKiosk(['--browser', '--no-open'], mkdtempSync(join(tmpdir(), 'safe-hands-dir-')));
    running.push(second);
    expect(new URL(second.launchUrl).searchParams.get('key')).not.toBe(oldKey);
    const reply = await fetch(`${second.origin}/launch?key=${oldKey}`, { redirect: 'manual' });
    expect(reply.status).toBe(403);
  });
});
