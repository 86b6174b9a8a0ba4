import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startKiosk, type RunningKiosk } from '../helpers/e2e.js';
import { createSetUpApp, newVisitor } from '../helpers/test-app.js';

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

  it('serves at once on a damaged database, then says so when the start-up check (in a worker thread) finds it', async () => {
    const app = createSetUpApp();
    for (let i = 0; i < 200; i += 1) newVisitor(app, { firstName: `P${i}`, lastName: `Q${i}` });
    app.db.pragma('wal_checkpoint(TRUNCATE)');
    const pages = app.db.pragma('page_count', { simple: true }) as number;
    app.close();
    const file = join(app.dir, 'safe-hands.db');
    const bytes = readFileSync(file);
    // Spoil a page near the end, where the visits live: the schema still opens, the check must notice.
    for (let i = (pages - 2) * 4096; i < (pages - 2) * 4096 + 300; i += 1) bytes[i] = bytes[i]! ^ 0xff;
    writeFileSync(file, bytes);

    const kiosk = await startKiosk(['--browser', '--no-open'], app.dir);
    running.push(kiosk);
    const launch = await fetch(kiosk.launchUrl, { redirect: 'manual' });
    const headers = {
      'content-type': 'application/json', origin: kiosk.origin, cookie: launch.headers.get('set-cookie')!.split(';')[0]!,
      'x-client-id': 'launcher-test-window-1',
    };
    let problem: string | null = null;
    for (let tries = 0; tries < 100 && !problem; tries += 1) {
      const reply = (await (await fetch(`${kiosk.origin}/api/app.status`, { method: 'POST', headers, body: '{}' })).json()) as {
        value: { databaseProblem: string | null };
      };
      problem = reply.value.databaseProblem;
      if (!problem) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(problem).toMatch(/failed its start-up check/);
  });
});
