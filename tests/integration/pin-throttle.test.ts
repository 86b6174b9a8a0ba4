import { request } from 'node:http';
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { PIN_THROTTLE_MESSAGE } from '../../src/main/server/pin-throttle.js';
import { startHttpHost, type HttpHost } from '../../src/main/server/http-host.js';
import { PIN_THROTTLE_FILE, pinThrottleFile } from '../../src/main/server/pin-throttle-file.js';
import { buildSampleTemplate, COMMAND_SAMPLES, contextFor, openSampleApp, STAFF_PIN, type SampleApp, type SampleTemplate } from '../helpers/command-samples.js';
import { ADMIN_PIN, contentHash } from '../helpers/test-app.js';

/**
 * The loopback host's PIN throttle, end to end: wrong PINs spread over every staff account (so no single
 * account locks) still stop the screen that sent them, for five minutes by the host's clock.
 */
const SECRET = 'throttle-secret-0123456789abcdefgh';
const TAB = 'throttle-tab-0123456789abcdef';
const FIVE_MINUTES = 5 * 60_000;
const WRONG_PIN = '0000';

let template: SampleTemplate;
let app: SampleApp;
let host: HttpHost;
let now: number;

beforeAll(async () => {
  template = await buildSampleTemplate();
}, 30_000);

afterAll(() => template?.dispose());

beforeEach(async () => {
  app = openSampleApp(template);
  const rendererDir = join(app.dataDir, 'renderer');
  mkdirSync(rendererDir, { recursive: true });
  now = Date.parse('2026-11-23T09:00:00Z');
  host = await startHttpHost({ dispatch: app.dispatch, secret: SECRET, rendererDir, now: () => now });
});

afterEach(async () => {
  await host.close();
  app.dispose();
});

interface Reply {
  status: number;
  retryAfter: string | undefined;
  body: { ok: boolean; value?: unknown; error?: { code: string; message: string } };
}

function api(name: string, input: unknown, clientId = TAB): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: host.port,
        path: `/api/${name}`,
        method: 'POST',
        headers: {
          host: `127.0.0.1:${host.port}`,
          origin: host.origin,
          cookie: `sh_key=${SECRET}`,
          'x-client-id': clientId,
          'content-type': 'application/json',
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            retryAfter: res.headers['retry-after'] as string | undefined,
            body: JSON.parse(Buffer.concat(chunks).toString()) as Reply['body'],
          }),
        );
      },
    );
    req.setTimeout(10_000, () => req.destroy(new Error('the host did not answer')));
    req.on('error', reject);
    req.end(JSON.stringify(input));
  });
}

/** Every account the world has, so wrong PINs can be spread without locking any one of them. */
function accounts(): number[] {
  return [app.ids.ownerId, app.ids.staff.office, app.ids.staff.dsl, app.ids.staff.admin, app.ids.spareStaffId];
}

/** `count` wrong PINs, round-robin over the accounts: at most 2 per account for 10, 4 for 20. */
async function wrongPins(count: number, clientFor: (i: number) => string = () => TAB): Promise<void> {
  const ids = accounts();
  for (let i = 0; i < count; i++) {
    const reply = await api('staff.unlock', { staffId: ids[i % ids.length], pin: WRONG_PIN }, clientFor(i));
    expect(reply.status, `attempt ${i + 1}`).toBe(200);
    expect(reply.body.error?.code, `attempt ${i + 1}`).toBe('wrong_pin');
  }
}

function expectThrottled(reply: Reply): void {
  expect(reply.status).toBe(429);
  expect(reply.body).toEqual({ ok: false, error: { code: 'account_locked', message: PIN_THROTTLE_MESSAGE } });
  expect(Number(reply.retryAfter)).toBeGreaterThan(0);
}

describe('PIN throttling on the loopback host', () => {
  it('refuses a tab after 10 wrong PINs across accounts, even with the right PIN, and runs nothing', async () => {
    await wrongPins(10);
    const before = contentHash(app);
    const blocked = await api('staff.unlock', { staffId: app.ids.ownerId, pin: ADMIN_PIN });
    expectThrottled(blocked);
    expect(Number(blocked.retryAfter)).toBe(300);
    // Not counted, not audited, no session opened.
    expect(contentHash(app)).toBe(before);
    expect((await api('staff.session', {})).body).toEqual({ ok: true, value: { session: null } });
    // No account reached its own lockout: the throttle, not the accounts, stopped the tab.
    const locked = app.db.prepare('SELECT count(*) FROM staff WHERE locked_until IS NOT NULL').pluck().get();
    expect(locked).toBe(0);
  });

  it('keeps its counts across a restart of the host, in a private file; a damaged file starts afresh', async () => {
    const file = join(app.dataDir, PIN_THROTTLE_FILE);
    await host.close();
    host = await startHttpHost({ dispatch: app.dispatch, secret: SECRET, rendererDir: app.dataDir, now: () => now, pinThrottleStore: pinThrottleFile(file) });
    await wrongPins(10);
    expectThrottled(await api('staff.unlock', { staffId: app.ids.ownerId, pin: ADMIN_PIN }));
    expect((statSync(file).mode & 0o777).toString(8)).toBe('600');

    // Restarted (a guesser pulls the plug): still refused, for what is left of the five minutes.
    await host.close();
    now += 60_000;
    host = await startHttpHost({ dispatch: app.dispatch, secret: SECRET, rendererDir: app.dataDir, now: () => now, pinThrottleStore: pinThrottleFile(file) });
    const after = await api('staff.unlock', { staffId: app.ids.ownerId, pin: ADMIN_PIN });
    expectThrottled(after);
    expect(after.retryAfter).toBe('240');

    await host.close();
    writeFileSync(file, '{ not json');
    host = await startHttpHost({ dispatch: app.dispatch, secret: SECRET, rendererDir: app.dataDir, now: () => now, pinThrottleStore: pinThrottleFile(file) });
    expect((await api('staff.unlock', { staffId: app.ids.ownerId, pin: ADMIN_PIN })).status).toBe(200);
  });

  it('leaves every other command alone', async () => {
    await wrongPins(10);
    expect((await api('app.status', {})).status).toBe(200);
    expect((await api('staff.listForUnlock', {})).body.ok).toBe(true);
    expectThrottled(await api('staff.unlock', { staffId: app.ids.staff.office, pin: STAFF_PIN }));
  });

  it('lets the tab try again once five minutes have passed', async () => {
    await wrongPins(10);
    now += FIVE_MINUTES - 1_000;
    const almost = await api('staff.unlock', { staffId: app.ids.ownerId, pin: ADMIN_PIN });
    expectThrottled(almost);
    expect(almost.retryAfter).toBe('1');
    now += 1_000;
    const again = await api('staff.unlock', { staffId: app.ids.ownerId, pin: ADMIN_PIN });
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ ok: true, value: { staffId: app.ids.ownerId } });
  });

  it('still lets another tab on the same computer unlock', async () => {
    await wrongPins(10);
    const other = await api('staff.unlock', { staffId: app.ids.staff.office, pin: STAFF_PIN }, 'another-tab-0123456789abcdef');
    expect(other.status).toBe(200);
    expect(other.body.ok).toBe(true);
  });

  it('counts the address as well: twenty wrong PINs from twenty invented tabs stop a new one', async () => {
    await wrongPins(20, (i) => `invented-tab-${String(i).padStart(4, '0')}-0123456789`);
    expectThrottled(await api('staff.unlock', { staffId: app.ids.ownerId, pin: ADMIN_PIN }, 'brand-new-tab-0123456789abcdef'));
    now += FIVE_MINUTES;
    expect((await api('staff.unlock', { staffId: app.ids.ownerId, pin: ADMIN_PIN }, 'brand-new-tab-0123456789abcdef')).body.ok).toBe(true);
  });

  it('counts tries at a locked account, but not right PINs, unknown accounts or malformed requests', async () => {
    const office = app.ids.staff.office;
    // Five wrong PINs lock the account (the service's own rule); five more tries answer account_locked.
    for (let i = 0; i < 5; i++) await api('staff.unlock', { staffId: office, pin: WRONG_PIN });
    const lockedAnswers = [];
    for (let i = 0; i < 4; i++) lockedAnswers.push((await api('staff.unlock', { staffId: office, pin: STAFF_PIN })).body.error?.code);
    expect(lockedAnswers).toEqual(['account_locked', 'account_locked', 'account_locked', 'account_locked']);
    // Nine counted so far. None of these count:
    for (let i = 0; i < 5; i++) {
      expect((await api('staff.unlock', { staffId: app.ids.ownerId, pin: ADMIN_PIN })).body.ok).toBe(true);
      expect((await api('staff.unlock', { staffId: 999_999, pin: WRONG_PIN })).body.error?.code).toBe('not_found');
      expect((await api('staff.unlock', { staffId: 'me', pin: 12 })).body.error?.code).toBe('invalid_input');
    }
    expect((await api('staff.unlock', { staffId: app.ids.ownerId, pin: ADMIN_PIN })).status).toBe(200);
    // The tenth counted failure closes the door.
    expect((await api('staff.unlock', { staffId: office, pin: STAFF_PIN })).body.error?.code).toBe('account_locked');
    expectThrottled(await api('staff.unlock', { staffId: app.ids.ownerId, pin: ADMIN_PIN }));
  });

  it("counts a DSL's wrong PIN typed into an approval, and then holds back every request carrying a PIN", async () => {
    expect((await api('staff.unlock', { staffId: app.ids.ownerId, pin: ADMIN_PIN })).body.ok).toBe(true);
    const approval = COMMAND_SAMPLES['exception.approve'](contextFor(app.ids, 'owner'));
    const dsls = [app.ids.ownerId, app.ids.staff.dsl];
    const codes = [];
    for (let i = 0; i < 10; i++) {
      const reply = await api('exception.approve', { ...approval, approver: { staffId: dsls[i % 2], pin: WRONG_PIN } });
      codes.push(reply.body.error?.code);
    }
    expect(new Set(codes)).toEqual(new Set(['wrong_pin', 'account_locked']));
    expectThrottled(await api('exception.approve', { ...approval, approver: { staffId: app.ids.staff.dsl, pin: STAFF_PIN } }));
    expectThrottled(await api('staff.unlock', { staffId: app.ids.staff.office, pin: STAFF_PIN }));
    expectThrottled(await api('staff.changeOwnPin', { currentPin: ADMIN_PIN, newPin: { pin: '1111', pinAgain: '1111' } }));
    // The console itself carries on.
    expect((await api('console.onSite', {})).body.ok).toBe(true);
  });

  it('counts a burst sent all at once one by one', async () => {
    const ids = accounts();
    const burst = await Promise.all(
      Array.from({ length: 30 }, (_, i) => api('staff.unlock', { staffId: ids[i % ids.length], pin: WRONG_PIN })),
    );
    const statuses = burst.map((r) => r.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(10);
    expect(statuses.filter((s) => s === 429)).toHaveLength(20);
    // Ten PIN checks ran, so ten failures were recorded against the accounts, two each.
    const failures = app.db.prepare('SELECT sum(failed_pin_count) FROM staff').pluck().get();
    expect(failures).toBe(10);
  });
});
