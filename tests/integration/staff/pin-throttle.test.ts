import { request } from 'node:http';
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { PIN_THROTTLE_DEFAULTS, pinThrottleMessage } from '../../../src/main/server/pin-throttle.js';
import { startHttpHost, type HttpHost } from '../../../src/main/server/http-host.js';
import { MAX_PIN_FAILURES } from '../../../src/main/services/staff/staff-auth.js';
import { PIN_THROTTLE_FILE, pinThrottleFile } from '../../../src/main/server/pin-throttle-file.js';
import { buildSampleTemplate, COMMAND_SAMPLES, contextFor, openSampleApp, STAFF_PIN, type SampleApp, type SampleTemplate } from '../../helpers/command-samples.js';
import { ADMIN_PIN, contentHash, sqlite, scalar } from '../../helpers/test-app.js';

/**
 * The loopback host's PIN throttle, end to end: a screen's wrong PINs slow that screen down, by the app's
 * own clock, long before any account locks.
 */
const SECRET = 'throttle-secret-0123456789abcdefgh';
const TAB = 'throttle-tab-0123456789abcdef';
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const WRONG_PIN = '000000';
/** Wrong PINs a screen may type before it must wait. */
const FREE = PIN_THROTTLE_DEFAULTS.freePerClient;

let template: SampleTemplate;
let app: SampleApp;
let host: HttpHost;
/** The host's throttle and the accounts' lockout run on the same injected clock, as in the product. */
const now = () => app.clock.now().getTime();

beforeAll(async () => {
  template = await buildSampleTemplate();
}, 30_000);

afterAll(() => template?.dispose());

beforeEach(async () => {
  app = await openSampleApp(template);
  const rendererDir = join(app.dataDir, 'renderer');
  mkdirSync(rendererDir, { recursive: true });
  host = await startHttpHost({ dispatch: app.dispatch, secret: SECRET, rendererDir, now });
});

afterEach(async () => {
  await host.close();
  await app.dispose();
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

/** `count` wrong PINs, round-robin over the accounts, each sent once the screen may try again. */
async function wrongPins(count: number, clientFor: (i: number) => string = () => TAB): Promise<void> {
  const ids = accounts();
  for (let i = 0; i < count; i++) {
    let reply = await api('staff.unlock', { staffId: ids[i % ids.length], pin: WRONG_PIN }, clientFor(i));
    if (reply.status === 429) {
      app.clock.advance(Number(reply.retryAfter) * 1000);
      reply = await api('staff.unlock', { staffId: ids[i % ids.length], pin: WRONG_PIN }, clientFor(i));
    }
    expect(reply.status, `attempt ${i + 1}`).toBe(200);
    expect(reply.body.error?.code, `attempt ${i + 1}`).toBe('wrong_pin');
  }
}

function expectThrottled(reply: Reply): void {
  expect(reply.status).toBe(429);
  const waitMs = Number(reply.retryAfter) * 1000;
  expect(waitMs).toBeGreaterThan(0);
  expect(reply.body).toEqual({ ok: false, error: { code: 'account_locked', message: pinThrottleMessage(waitMs) } });
}

async function lockedAccounts(): Promise<number> {
  return (await scalar(app, 'SELECT count(*) FROM staff WHERE locked_until IS NOT NULL')) as number;
}

/**
 * A stranger typing a wrong PIN for `staffId` every 5 seconds for a day, whenever the screen lets them
 * (a refused try costs them nothing but the wait). `newTab` gives the id to send from: a guesser who
 * reloads the page whenever held back gets a new one. Returns how many of their PINs were checked.
 */
async function guessForADay(staffId: number, newTab: (n: number) => string = () => TAB): Promise<number> {
  const end = now() + DAY;
  let checked = 0;
  let tab = 0;
  while (now() < end) {
    let reply = await api('staff.unlock', { staffId, pin: WRONG_PIN }, newTab(tab));
    if (reply.status === 429 && newTab(tab + 1) !== newTab(tab)) {
      tab += 1;
      reply = await api('staff.unlock', { staffId, pin: WRONG_PIN }, newTab(tab));
    }
    if (reply.status === 429) {
      app.clock.advance(Number(reply.retryAfter) * 1000);
      continue;
    }
    expect(reply.body.error?.code, `guess ${checked + 1}`).toBe('wrong_pin');
    checked += 1;
    app.clock.advance(5_000);
  }
  return checked;
}

describe('PIN throttling on the loopback host', () => {
  it('makes a screen wait after 5 wrong PINs, 1 minute then doubling, and runs nothing meanwhile, before any account locks', async () => {
    await wrongPins(FREE);
    const before = await contentHash(app);
    const blocked = await api('staff.unlock', { staffId: app.ids.ownerId, pin: ADMIN_PIN });
    expectThrottled(blocked);
    expect(blocked.retryAfter).toBe('60');
    expect(blocked.body.error?.message).toBe('Too many wrong PINs have been typed on this screen. Try again in 1 minute.');
    // Not counted, not audited, no session opened.
    expect(await contentHash(app)).toBe(before);
    expect((await api('staff.session', {})).body).toEqual({ ok: true, value: { session: null } });
    const waits = [];
    for (let i = 0; i < 6; i++) {
      app.clock.advance(Number((await api('staff.unlock', { staffId: app.ids.ownerId, pin: ADMIN_PIN })).retryAfter) * 1000);
      expect((await api('staff.unlock', { staffId: app.ids.staff.dsl, pin: WRONG_PIN })).body.error?.code).toBe('wrong_pin');
      waits.push(Number((await api('staff.unlock', { staffId: app.ids.ownerId, pin: ADMIN_PIN })).retryAfter) / 60);
    }
    expect(waits).toEqual([2, 4, 8, 16, 30, 30]);
    // No account reached its own lockout: the throttle, not the accounts, slowed the screen.
    expect(await lockedAccounts()).toBe(0);
  });

  it('a stranger typing wrong PINs at one screen all day cannot lock out the DSL, who unlocks at once from another screen', async () => {
    const dsl = app.ids.staff.dsl;
    const checked = await guessForADay(dsl);
    // The README's figure for one screen: 56 guesses a day.
    expect(checked).toBe(56);
    expect(await lockedAccounts()).toBe(0);
    expect((await scalar(app, 'SELECT failed_pin_count FROM staff WHERE id = ?', [dsl]))).toBe(56);
    const other = await api('staff.unlock', { staffId: dsl, pin: STAFF_PIN }, 'dsl-office-tab-0123456789');
    expect(other.body).toMatchObject({ ok: true, value: { staffId: dsl } });
  }, 60_000);

  it('reloading for a new tab each time, one computer still gets only 111 guesses a day, fewer than lock an account', async () => {
    const dsl = app.ids.staff.dsl;
    const checked = await guessForADay(dsl, (n) => `reloaded-tab-${String(n).padStart(6, '0')}-0123456789`);
    expect(checked).toBe(111);
    expect(checked).toBeLessThan(MAX_PIN_FAILURES);
    expect(await lockedAccounts()).toBe(0);
    // Such a guesser can hold back every screen on this computer, but never for more than 30 minutes after
    // their last wrong PIN; then the DSL's own PIN works.
    const dslTab = 'dsl-office-tab-0123456789';
    const first = await api('staff.unlock', { staffId: dsl, pin: STAFF_PIN }, dslTab);
    if (first.status === 429) {
      expect(Number(first.retryAfter)).toBeLessThanOrEqual(30 * 60);
      app.clock.advance(Number(first.retryAfter) * 1000);
      expect((await api('staff.unlock', { staffId: dsl, pin: STAFF_PIN }, dslTab)).body.ok).toBe(true);
    } else {
      expect(first.body.ok).toBe(true);
    }
  }, 60_000);

  it('keeps its counts across a restart of the host, in a private file; a damaged file starts afresh', async () => {
    const file = join(app.dataDir, PIN_THROTTLE_FILE);
    await host.close();
    host = await startHttpHost({ dispatch: app.dispatch, secret: SECRET, rendererDir: app.dataDir, now, pinThrottleStore: pinThrottleFile(file) });
    await wrongPins(FREE + 2);
    expectThrottled(await api('staff.unlock', { staffId: app.ids.ownerId, pin: ADMIN_PIN }));
    expect((statSync(file).mode & 0o777).toString(8)).toBe('600');

    // Restarted (a guesser pulls the plug): still refused, for what is left of the four minutes.
    await host.close();
    app.clock.advance(MINUTE);
    host = await startHttpHost({ dispatch: app.dispatch, secret: SECRET, rendererDir: app.dataDir, now, pinThrottleStore: pinThrottleFile(file) });
    const after = await api('staff.unlock', { staffId: app.ids.ownerId, pin: ADMIN_PIN });
    expectThrottled(after);
    expect(after.retryAfter).toBe('180');

    await host.close();
    writeFileSync(file, '{ not json');
    host = await startHttpHost({ dispatch: app.dispatch, secret: SECRET, rendererDir: app.dataDir, now, pinThrottleStore: pinThrottleFile(file) });
    expect((await api('staff.unlock', { staffId: app.ids.ownerId, pin: ADMIN_PIN })).status).toBe(200);
  });

  it('leaves every other command alone', async () => {
    await wrongPins(FREE);
    expect((await api('app.status', {})).status).toBe(200);
    expect((await api('staff.listForUnlock', {})).body.ok).toBe(true);
    expectThrottled(await api('staff.unlock', { staffId: app.ids.staff.office, pin: STAFF_PIN }));
  });

  it('lets the screen try again once its wait has passed', async () => {
    await wrongPins(FREE);
    app.clock.advance(MINUTE - 1_000);
    const almost = await api('staff.unlock', { staffId: app.ids.ownerId, pin: ADMIN_PIN });
    expectThrottled(almost);
    expect(almost.retryAfter).toBe('1');
    app.clock.advance(1_000);
    const again = await api('staff.unlock', { staffId: app.ids.ownerId, pin: ADMIN_PIN });
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ ok: true, value: { staffId: app.ids.ownerId } });
  });

  it('still lets another tab on the same computer unlock', async () => {
    await wrongPins(FREE + 5);
    const other = await api('staff.unlock', { staffId: app.ids.staff.office, pin: STAFF_PIN }, 'another-tab-0123456789abcdef');
    expect(other.status).toBe(200);
    expect(other.body.ok).toBe(true);
  });

  it('counts the computer as well: 60 wrong PINs from invented tabs hold back a new one', async () => {
    await wrongPins(PIN_THROTTLE_DEFAULTS.freePerAddress, (i) => `invented-tab-${String(i).padStart(4, '0')}-0123456789`);
    expectThrottled(await api('staff.unlock', { staffId: app.ids.ownerId, pin: ADMIN_PIN }, 'brand-new-tab-0123456789abcdef'));
    app.clock.advance(MINUTE);
    expect((await api('staff.unlock', { staffId: app.ids.ownerId, pin: ADMIN_PIN }, 'brand-new-tab-0123456789abcdef')).body.ok).toBe(true);
  });

  it('counts tries at a locked account, but not right PINs, unknown accounts or malformed requests', async () => {
    const office = app.ids.staff.office;
    // Locked by wrong PINs typed elsewhere (the account's own rule); each try at it here counts.
    await app.db.run('UPDATE staff SET locked_until = ? WHERE id = ?', [new Date(now() + DAY).toISOString(), office]);
    const lockedAnswers = [];
    for (let i = 0; i < FREE - 1; i++) lockedAnswers.push((await api('staff.unlock', { staffId: office, pin: STAFF_PIN })).body.error?.code);
    expect(lockedAnswers).toEqual(['account_locked', 'account_locked', 'account_locked', 'account_locked']);
    // Four counted so far. None of these count:
    for (let i = 0; i < 5; i++) {
      expect((await api('staff.unlock', { staffId: app.ids.ownerId, pin: ADMIN_PIN })).body.ok).toBe(true);
      expect((await api('staff.unlock', { staffId: 999_999, pin: WRONG_PIN })).body.error?.code).toBe('not_found');
      expect((await api('staff.unlock', { staffId: 'me', pin: 12 })).body.error?.code).toBe('invalid_input');
    }
    expect((await api('staff.unlock', { staffId: app.ids.ownerId, pin: ADMIN_PIN })).status).toBe(200);
    // The fifth counted failure makes the screen wait.
    expect((await api('staff.unlock', { staffId: office, pin: STAFF_PIN })).body.error?.code).toBe('account_locked');
    expectThrottled(await api('staff.unlock', { staffId: app.ids.ownerId, pin: ADMIN_PIN }));
  });

  it("counts a DSL's wrong PIN typed into an approval, and then holds back every request carrying a PIN", async () => {
    expect((await api('staff.unlock', { staffId: app.ids.ownerId, pin: ADMIN_PIN })).body.ok).toBe(true);
    const approval = COMMAND_SAMPLES['exception.approve'](contextFor(app.ids, 'owner'));
    const dsls = [app.ids.ownerId, app.ids.staff.dsl];
    const codes = [];
    for (let i = 0; i < FREE; i++) {
      const reply = await api('exception.approve', { ...approval, approver: { staffId: dsls[i % 2], pin: WRONG_PIN } });
      codes.push(reply.body.error?.code);
    }
    expect(codes).toEqual(['wrong_pin', 'wrong_pin', 'wrong_pin', 'wrong_pin', 'wrong_pin']);
    expectThrottled(await api('exception.approve', { ...approval, approver: { staffId: app.ids.staff.dsl, pin: STAFF_PIN } }));
    expectThrottled(await api('staff.unlock', { staffId: app.ids.staff.office, pin: STAFF_PIN }));
    expectThrottled(await api('staff.changeOwnPin', { currentPin: ADMIN_PIN, newPin: { pin: '111111', pinAgain: '111111' } }));
    // The console itself carries on.
    expect((await api('visit.onSite', {})).body.ok).toBe(true);
  });

  it('counts a burst sent all at once one by one', async () => {
    const ids = accounts();
    const burst = await Promise.all(
      Array.from({ length: 30 }, (_, i) => api('staff.unlock', { staffId: ids[i % ids.length], pin: WRONG_PIN })),
    );
    const statuses = burst.map((r) => r.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(FREE);
    expect(statuses.filter((s) => s === 429)).toHaveLength(30 - FREE);
    // Five PIN checks ran, so five failures were recorded against the accounts, one each.
    const failures = await scalar(app, 'SELECT sum(failed_pin_count) FROM staff');
    expect(failures).toBe(FREE);
  });
});
