import { existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startKiosk, type RunningKiosk } from '../helpers/e2e.js';
import { createSetUpApp, newVisitor, sqlite, scalar } from '../helpers/test-app.js';

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

  it('keeps its address across a restart, so a bookmark and an open tab still work; --new-address retires it', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'safe-hands-dir-'));
    const first = await startKiosk(['--browser', '--no-open'], dataDir);
    const launch = await fetch(first.launchUrl, { redirect: 'manual' });
    const cookie = launch.headers.get('set-cookie')!.split(';')[0]!;
    const ask = (origin: string, withCookie = cookie) => fetch(`${origin}/api/app.status`, {
      method: 'POST', headers: { cookie: withCookie, 'content-type': 'application/json', 'x-client-id': 'tab-opened-before-the-restart' }, body: '{}',
    });
    expect((await ask(first.origin)).status).toBe(200);
    expect(statSync(join(dataDir, 'launch.json')).mode & 0o777).toBe(0o600);
    await first.stop({ keepData: true });

    const again = await startKiosk(['--browser', '--no-open'], dataDir);
    expect(again.launchUrl).toBe(first.launchUrl);
    expect((await ask(again.origin)).status).toBe(200);
    // Another data folder is another kiosk, with an address of its own.
    const other = await startKiosk(['--browser', '--no-open']);
    running.push(other);
    expect(new URL(other.launchUrl).searchParams.get('key')).not.toBe(new URL(first.launchUrl).searchParams.get('key'));
    expect((await ask(other.origin)).status).toBe(403);
    await again.stop({ keepData: true });

    // A leaked address is retired with --new-address: the old one and the tabs opened with it stop working.
    const renewed = await startKiosk(['--browser', '--no-open', '--new-address'], dataDir);
    running.push(renewed);
    expect(renewed.launchUrl).not.toBe(first.launchUrl);
    expect(renewed.origin).toBe(first.origin);
    expect((await ask(renewed.origin)).status).toBe(403);
    expect((await fetch(`${renewed.origin}/launch?key=${new URL(first.launchUrl).searchParams.get('key')}`, { redirect: 'manual' })).status).toBe(403);
  });

  it('refuses a second host on the same data folder with a plain message, and starts once the first has stopped', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'safe-hands-dir-'));
    const first = await startKiosk(['--browser', '--no-open'], dataDir);
    const second = await startKiosk(['--browser', '--no-open'], dataDir).then(() => 'started', (err: Error) => err.message);
    expect(second).toMatch(/exited \(1\) before it was ready/);
    expect(second).toContain(`Safe Hands is already running on the data folder ${dataDir}`);
    expect(second).not.toMatch(/\bat \w+ \(/); // no stack trace
    expect((await fetch(first.origin)).status).toBe(200);
    await first.stop({ keepData: true });
    const third = await startKiosk(['--browser', '--no-open'], dataDir);
    running.push(third);
    expect(third.origin).toBe(first.origin);
  });

  it('says plainly, with no stack trace, when the data folder given is a file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'safe-hands-dir-'));
    const file = join(dir, 'not-a-folder');
    writeFileSync(file, 'x');
    const reply = await startKiosk(['--browser', '--no-open'], file).then(() => 'started', (err: Error) => err.message);
    expect(reply).toMatch(/exited \(1\) before it was ready/);
    expect(reply).toContain(`${file} is a file, not a folder`);
    expect(reply).not.toMatch(/\bat \w+ \(|node:fs/);
  });

  it('moves to another port when the one it had last time is taken, and says so', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'safe-hands-dir-'));
    const first = await startKiosk(['--browser', '--no-open'], dataDir);
    const port = Number(new URL(first.origin).port);
    await first.stop({ keepData: true });
    const squatter = createServer().listen(port, '127.0.0.1');
    await new Promise((resolve) => squatter.once('listening', resolve));
    try {
      const moved = await startKiosk(['--browser', '--no-open'], dataDir);
      running.push(moved);
      expect(moved.origin).not.toBe(first.origin);
      expect(moved.output()).toContain(`Port ${port}, where the kiosk was last time, is in use by another program`);
      expect(JSON.parse(readFileSync(join(dataDir, 'launch.json'), 'utf8')).port).toBe(Number(new URL(moved.origin).port));
    } finally {
      squatter.close();
    }
  });

  it('serves at once on a damaged database, then says so when the start-up check (in a worker thread) finds it', async () => {
    const app = await createSetUpApp();
    for (let i = 0; i < 200; i += 1) await newVisitor(app, { firstName: `P${i}`, lastName: `Q${i}` });
    sqlite(app).pragma('wal_checkpoint(TRUNCATE)');
    // Spoil one of the visits' pages: nothing reads them while the app opens (the schema, the migrations and
    // the audit trail's head still read fine), so it is the start-up check that must notice.
    const page = (await scalar(app, "SELECT pageno FROM dbstat WHERE name = 'visits' AND pagetype = 'leaf' ORDER BY pageno DESC LIMIT 1")) as number;
    app.close();
    const file = join(app.dir, 'safe-hands.db');
    const bytes = readFileSync(file);
    for (let i = (page - 1) * 4096; i < (page - 1) * 4096 + 300; i += 1) bytes[i] = bytes[i]! ^ 0xff;
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
