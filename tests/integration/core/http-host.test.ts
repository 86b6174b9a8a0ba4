import { request } from 'node:http';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHttpHost, type HttpHost } from '../../../src/main/server/http-host.js';
import { ADMIN_PIN, contentHash, createSetUpApp, disposeAll, type TestApp } from '../../helpers/test-app.js';

const SECRET = 'test-secret-0123456789abcdefghijkl';
const CLIENT = 'client-0123456789abcdef';
let app: TestApp;
let host: HttpHost;

beforeAll(async () => {
  app = await createSetUpApp();
  const rendererDir = join(app.dir, 'renderer');
  mkdirSync(join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Safe Hands</title>');
  writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(app.dir, 'secret.txt'), 'outside the renderer');
  host = await startHttpHost({ dispatch: app.dispatch, secret: SECRET, rendererDir });
});

afterAll(async () => {
  await host.close();
  await disposeAll();
});

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

function send(path: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: host.port, path, method: options.method ?? 'GET', headers: { host: `127.0.0.1:${host.port}`, ...options.headers } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString() }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

function api(name: string, input: unknown, headers: Record<string, string> = {}): Promise<Reply> {
  return send(`/api/${name}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      cookie: `sh_key=${SECRET}`,
      origin: host.origin,
      'x-client-id': CLIENT,
      ...headers,
    },
    body: JSON.stringify(input),
  });
}

describe('the loopback host', () => {
  it('answers a command from our own page with the launch cookie', async () => {
    const reply = await api('app.status', {});
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.body)).toEqual({ ok: true, value: { setUp: true, settingName: 'Oak Tree Primary', databaseProblem: null, storageProblem: null, now: app.clock.now().toISOString() } });
  });

  it('answers a command name that is not valid percent-encoding with 400 and a plain message, not a stack trace', async () => {
    for (const name of ['%E0%A4%A', '%', '%ZZ', 'app.status%']) {
      const reply = await api(name, {});
      expect(reply.status, name).toBe(400);
      expect(JSON.parse(reply.body), name).toEqual({ ok: false, error: { code: 'invalid_input', message: 'That address is not valid.' } });
    }
    // The host is still answering.
    expect((await api('app.status', {})).status).toBe(200);
  });

  it('binds to loopback only unless told otherwise', async () => {
    await expect(startHttpHost({ dispatch: app.dispatch, secret: SECRET, rendererDir: app.dir, host: '0.0.0.0' })).rejects.toThrow(/network/);
  });

  it.each([
    ['no cookie', { cookie: '' }, 403],
    ['a wrong secret', { cookie: 'sh_key=guess' }, 403],
    ['a foreign origin', { origin: 'https://evil.example' }, 403],
    ['a look-alike origin', { origin: `http://127.0.0.1.evil.example:${0}` }, 403],
    ['a cross-site fetch', { 'sec-fetch-site': 'cross-site' }, 403],
    ['a DNS-rebinding host', { host: 'evil.example' }, 421],
    ['no client id', { 'x-client-id': '' }, 400],
    ['a form post', { 'content-type': 'text/plain' }, 415],
  ])('refuses %s and changes nothing', async (_label, headers, status) => {
    const before = await contentHash(app);
    const reply = await api('visit.signInNew', { firstName: 'Eve' }, headers as Record<string, string>);
    expect(reply.status).toBe(status);
    const body = JSON.parse(reply.body) as { ok: boolean; error: { code: string; message: string } };
    expect(body.ok).toBe(false);
    expect(body.error.message.length).toBeGreaterThan(5);
    expect(await contentHash(app)).toBe(before);
  });

  it('refuses broken JSON, an oversized body and an unknown command with typed errors', async () => {
    const broken = await send('/api/app.status', {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: `sh_key=${SECRET}`, 'x-client-id': CLIENT },
      body: '{"a":',
    });
    expect(broken.status).toBe(400);
    expect(JSON.parse(broken.body).error.code).toBe('invalid_input');
    const huge = await api('visit.findOnSite', { surnamePrefix: 'x'.repeat(100_000) });
    expect(huge.status).toBe(413);
    const unknown = await api('drop.tables', {});
    expect(unknown.status).toBe(404);
    expect(JSON.parse(unknown.body).error.code).toBe('unknown_command');
  });

  it('keeps staff sessions per client: another tab stays locked', async () => {
    const staffId = (await app.ok('staff.listForUnlock', {})).staff[0]!.id;
    expect((await api('staff.unlock', { staffId, pin: ADMIN_PIN })).status).toBe(200);
    expect((await api('visit.onSite', {})).status).toBe(200);
    const other = await api('visit.onSite', {}, { 'x-client-id': 'another-client-0123456789' });
    expect(other.status).toBe(200);
    expect(JSON.parse(other.body).error.code).toBe('locked');
  });

  it('sets the secret cookie from the launch address and sends the console view on', async () => {
    const reply = await send(`/launch?key=${encodeURIComponent(SECRET)}&view=console`);
    expect(reply.status).toBe(303);
    expect(reply.headers.location).toBe('/#/console');
    expect(String(reply.headers['set-cookie'])).toMatch(/sh_key=.+; HttpOnly; SameSite=Strict/);
    const wrong = await send('/launch?key=nope');
    expect(wrong.status).toBe(403);
    expect(wrong.headers['set-cookie']).toBeUndefined();
    // A person followed it in a browser: a plain page in words, under the same security headers, not JSON.
    expect(wrong.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(wrong.body).toContain('<h1>This address is out of date</h1>');
    expect(wrong.body).not.toContain('nope');
    expect(String(wrong.headers['content-security-policy'])).toContain("default-src 'self'");
  });

  it('serves the app with a content security policy and never a file outside it', async () => {
    const page = await send('/');
    expect(page.status).toBe(200);
    expect(page.body).toContain('Safe Hands');
    expect(String(page.headers['content-security-policy'])).toContain("default-src 'self'");
    expect(page.headers['x-frame-options']).toBe('DENY');
    expect((await send('/assets/app.js')).headers['content-type']).toMatch(/javascript/);
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt', '/nope.js']) {
      const reply = await send(path);
      expect(reply.status, path).toBe(404);
      expect(reply.body).not.toContain('outside the renderer');
    }
  });
});

describe('documents over the loopback host', () => {
  let docHost: HttpHost;
  let docApp: TestApp;
  afterAll(async () => {
    await docHost?.close();
  });

  it('serves a receipt PDF by its short-lived link to our browser only', async () => {
    docApp = await createSetUpApp();
    const pdf = join(docApp.dir, 'receipt.pdf');
    writeFileSync(pdf, '%PDF-1.7 test');
    const id = docApp.documentLinks.issue(pdf);
    docHost = await startHttpHost({ dispatch: docApp.dispatch, secret: SECRET, rendererDir: docApp.dir, resolveDocument: (d) => docApp.documentLinks.resolve(d) });
    const get = (path: string, cookie: string) =>
      new Promise<{ status: number; type: string | undefined; body: string }>((resolve, reject) => {
        request({ host: '127.0.0.1', port: docHost.port, path, headers: { host: `127.0.0.1:${docHost.port}`, cookie } }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, type: res.headers['content-type'], body: Buffer.concat(chunks).toString() }));
        }).on('error', reject).end();
      });
    const ok = await get(`/documents/${id}`, `sh_key=${SECRET}`);
    expect(ok).toMatchObject({ status: 200, type: 'application/pdf', body: '%PDF-1.7 test' });
    expect((await get(`/documents/${id}`, 'sh_key=wrong')).status).toBe(403);
    expect((await get('/documents/not-a-real-link-0000000', `sh_key=${SECRET}`)).status).toBe(404);
    expect((await get('/documents/..%2f..%2fetc%2fpasswd', `sh_key=${SECRET}`)).status).toBe(404);
    docApp.clock.advance(16 * 60_000);
    expect((await get(`/documents/${id}`, `sh_key=${SECRET}`)).status).toBe(404);
  });

  it('stops opening a document made at a console once that console locks, by hand or when left idle', async () => {
    const app = await createSetUpApp();
    const report = () => app.ok('report.export', { kind: 'visitors', from: '2026-11-23', to: '2026-11-23', format: 'pdf' }, 'staff');
    const first = (await report()).documentId;
    expect(app.documentLinks.resolve(first)).toMatch(/\.pdf$/);
    await app.ok('staff.lock', {}, 'staff');
    expect(app.documentLinks.resolve(first)).toBeNull();
    // Unlocked again: the old link stays dead; a new one works until the console locks itself when idle.
    await app.ok('staff.unlock', { staffId: app.adminId, pin: ADMIN_PIN }, 'staff');
    expect(app.documentLinks.resolve(first)).toBeNull();
    const second = (await report()).documentId;
    expect(app.documentLinks.resolve(second)).toMatch(/\.pdf$/);
    app.clock.advance(6 * 60_000);
    expect(app.documentLinks.resolve(second)).toBeNull();
  });
});
