import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { startHttpHost } from '../../../src/main/server/http-host.js';
import { TINY_PNG } from '../../helpers/command-samples.js';
import { logIntoSafe } from '../../helpers/custody.js';
import { flatten, pdfText } from '../../helpers/pdf.js';
import { contentHash, createSetUpApp, disposeAll } from '../../helpers/test-app.js';

afterEach(disposeAll);

describe('the setting’s own details', () => {
  it('renames the setting, changes its type and prints the address line on receipts', async () => {
    const app = await createSetUpApp();
    const view = await app.ok('settings.update', { settingName: 'Oak Tree Primary Academy', settingKind: 'school', addressLine: '1 Acorn Way, Ashford TN24 8AB' }, 'staff');
    expect(view).toMatchObject({ settingName: 'Oak Tree Primary Academy', addressLine: '1 Acorn Way, Ashford TN24 8AB' });
    expect((await app.ok('kiosk.config', {})).settingName).toBe('Oak Tree Primary Academy');
    const { print } = await logIntoSafe(app);
    const text = flatten(await pdfText(readFileSync(app.documentLinks.resolve(print.documentId!)!)));
    expect(text).toContain('1 Acorn Way, Ashford TN24 8AB');
  });

  it('keeps a PNG logo and shows it on the kiosk; removing it takes it away', async () => {
    const app = await createSetUpApp();
    expect(await app.ok('settings.setLogo', { dataBase64: TINY_PNG }, 'staff')).toEqual({ hasLogo: true });
    expect((await app.ok('kiosk.config', {})).logoDataUrl).toBe(`data:image/png;base64,${TINY_PNG}`);
    expect((await app.ok('settings.get', {}, 'staff')).hasLogo).toBe(true);
    await app.ok('settings.setLogo', { dataBase64: null }, 'staff');
    expect((await app.ok('kiosk.config', {})).logoDataUrl).toBeNull();
  });

  it.each([
    ['a text file', Buffer.from('This is not a picture at all').toString('base64'), /PNG or JPEG/],
    ['an empty file', '', /empty/],
    ['a 2 MB picture', Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(1_100_000)]).toString('base64'), /too large/],
    ['something that is not base64', '<script>alert(1)</script>', /could not be read/],
  ])('refuses %s as the logo and changes nothing', async (_label, dataBase64, message) => {
    const app = await createSetUpApp();
    await app.ok('settings.setLogo', { dataBase64: TINY_PNG }, 'staff');
    const before = await contentHash(app);
    expect((await app.fails('settings.setLogo', { dataBase64 }, 'staff')).message).toMatch(message);
    expect(await contentHash(app)).toBe(before);
    expect((await app.ok('kiosk.config', {})).logoDataUrl).toBe(`data:image/png;base64,${TINY_PNG}`);
  });

  it('a 50 MB upload over HTTP is refused plainly without being read whole', async () => {
    const app = await createSetUpApp();
    const secret = 'secret-0123456789abcdefghijklmnop';
    const host = await startHttpHost({ dispatch: app.dispatch, secret, rendererDir: app.dir });
    try {
      const status = await new Promise<{ status: number; body: string }>((resolve, reject) => {
        const req = request(
          {
            host: '127.0.0.1', port: host.port, path: '/api/settings.setLogo', method: 'POST',
            headers: { host: `127.0.0.1:${host.port}`, 'content-type': 'application/json', cookie: `sh_key=${secret}`, 'x-client-id': 'client-0123456789abcdef' },
          },
          (res) => {
            const chunks: Buffer[] = [];
            res.on('data', (c: Buffer) => chunks.push(c));
            res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString() }));
          },
        );
        req.on('error', reject);
        const chunk = Buffer.alloc(1024 * 1024, 0x41);
        req.write('{"dataBase64":"');
        for (let i = 0; i < 50; i += 1) req.write(chunk);
        req.end('"}');
      });
      expect(status.status).toBe(413);
      expect(JSON.parse(status.body).error.message).toMatch(/too large/);
    } finally {
      await host.close();
    }
  });
});
