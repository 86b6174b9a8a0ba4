import { request } from 'node:http';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startHttpHost, type HttpHost } from '../../../src/main/server/http-host.js';
import { PIN_THROTTLE_DEFAULTS } from '../../../src/main/server/pin-throttle.js';
import { OWASP_SCRYPT } from '../../../src/main/services/staff/pin-hash.js';
import { ACCOUNT_PIN_WINDOW_MS, MAX_PIN_FAILURES } from '../../../src/main/services/staff/staff-auth.js';
import { DEFAULT_RISK_CHECKLIST } from '../../../src/shared/domain/exceptions.js';
import { ADMIN_PIN, count, createSetUpApp, createTestApp, disposeAll, newVisitor, type TestApp, sqlite, scalar } from '../../helpers/test-app.js';

/**
 * A PIN is hashed off the event loop, so other commands are answered while it is checked. These tests send
 * PINs at the same moment, through the real loopback host and the real app, and hold that they count
 * exactly as the same PINs sent one by one, and that the kiosk is not kept waiting.
 */
const SECRET = 'concurrency-secret-0123456789abcdef';
const TAB = 'guessing-tab-0123456789abcdef';
const WRONG_PIN = '000000';

const hosts: HttpHost[] = [];
afterEach(async () => {
  vi.restoreAllMocks();
  while (hosts.length) await hosts.pop()!.close();
  await disposeAll();
});

interface Reply {
  status: number;
  body: { ok: boolean; value?: unknown; error?: { code: string; message: string } };
}

/**
 * The app behind its own loopback host, the throttle on the app's clock as in the product. `arrived` is told
 * of each request the host lets through to the app, and of each it holds back.
 */
async function hosted(app: TestApp, arrived = () => {}): Promise<(name: string, input: unknown, clientId?: string) => Promise<Reply>> {
  const rendererDir = join(app.dir, 'renderer');
  mkdirSync(rendererDir, { recursive: true });
  const dispatch: typeof app.dispatch = (name, input, key) => {
    arrived();
    return app.dispatch(name, input, key);
  };
  const host = await startHttpHost({ dispatch, secret: SECRET, rendererDir, now: () => app.clock.now().getTime() });
  hosts.push(host);
  return (name, input, clientId = TAB) => new Promise((resolve, reject) => {
    const req = request({
      host: '127.0.0.1',
      port: host.port,
      path: `/api/${name}`,
      method: 'POST',
      headers: {
        host: `127.0.0.1:${host.port}`, origin: host.origin, cookie: `sh_key=${SECRET}`, 'x-client-id': clientId, 'content-type': 'application/json',
      },
    }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        if (res.statusCode === 429) arrived();
        resolve({ status: res.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString()) as Reply['body'] });
      });
    });
    req.on('error', reject);
    req.end(JSON.stringify(input));
  });
}

/** What the person at the screen sees: held back by the screen's throttle, or the command's own answer. */
const seen = (reply: Reply) => (reply.status === 429 ? 'held back' : reply.body.ok ? 'unlocked' : reply.body.error!.code);

function tally(answers: string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const answer of answers) counts[answer] = (counts[answer] ?? 0) + 1;
  return counts;
}

/** What the account and the audit trail say about its wrong PINs. */
async function accountState(app: TestApp, staffId: number) {
  return {
    ...((await app.db.get('SELECT failed_pin_count AS failures, locked_until AS "lockedUntil" FROM staff WHERE id = ?', [staffId])) as object),
    audited: (await app.db.all(`SELECT action, count(*) AS n FROM audit_log WHERE entity = 'staff' AND entity_id = ? AND action != 'staff.create' GROUP BY action ORDER BY action`, [staffId])),
  };
}

const GUESSES = 20;
const ONE_BY_ONE = 'one by one';
const ALL_AT_ONCE = 'all at once';

/** Sends each guess once the one before has been answered, or all at once. */
async function send(guesses: (() => Promise<Reply>)[], how: string): Promise<Reply[]> {
  if (how === ALL_AT_ONCE) return Promise.all(guesses.map((guess) => guess()));
  const replies: Reply[] = [];
  for (const guess of guesses) replies.push(await guess());
  return replies;
}

describe('twenty wrong PINs count the same sent one by one or all at once', () => {
  /**
   * A set-up app behind its host, with an office account that has had `earlier` wrong PINs today. Sent all
   * at once, no PIN check answers until every guess has reached the app or been held back by the host: so
   * all of them are in flight together however fast this machine hashes.
   */
  async function accountWithWrongPins(earlier: number, how: string) {
    const app = await createSetUpApp();
    const olu = await app.ok('staff.create', { displayName: 'Olu Office', roles: ['office'], pin: '1357', pinAgain: '1357' }, 'staff');
    for (let i = 0; i < earlier; i++) await app.fails('staff.unlock', { staffId: olu.staffId, pin: WRONG_PIN }, 'elsewhere');
    let inFlight = 0;
    let allSent!: () => void;
    const everyGuessSent = new Promise<void>((resolve) => (allSent = resolve));
    if (how === ALL_AT_ONCE) {
      const check = app.pins.check.bind(app.pins);
      vi.spyOn(app.pins, 'check').mockImplementation(async (pin, stored) => {
        const verdict = await check(pin, stored);
        await everyGuessSent;
        return verdict;
      });
    }
    const api = await hosted(app, () => {
      if (++inFlight === GUESSES) allSent();
    });
    return { app, api, staffId: olu.staffId };
  }

  it.each([ONE_BY_ONE, ALL_AT_ONCE])('from 20 screens lock the account at exactly the daily limit (%s)', async (how) => {
    const { app, api, staffId } = await accountWithWrongPins(MAX_PIN_FAILURES - 10, how);
    const replies = await send(
      Array.from({ length: GUESSES }, (_, i) => () => api('staff.unlock', { staffId, pin: WRONG_PIN }, `screen-${String(i).padStart(2, '0')}-0123456789abcdef`)),
      how,
    );
    // Nine more are checked and counted, the tenth locks the account, and the other ten are never checked.
    expect(tally(replies.map(seen))).toEqual({ wrong_pin: 9, account_locked: 11 });
    expect(await accountState(app, staffId)).toEqual({
      failures: MAX_PIN_FAILURES,
      lockedUntil: new Date(app.clock.now().getTime() + ACCOUNT_PIN_WINDOW_MS).toISOString(),
      audited: [{ action: 'staff.locked_out', n: 1 }, { action: 'staff.unlock_failed', n: MAX_PIN_FAILURES - 1 }],
    });
    // Even the right PIN waits out the lock; then it works.
    expect(seen(await api('staff.unlock', { staffId, pin: '1357' }, 'olu-tab-0123456789abcdef'))).toBe('account_locked');
    app.clock.advance(ACCOUNT_PIN_WINDOW_MS);
    expect(seen(await api('staff.unlock', { staffId, pin: '1357' }, 'olu-tab-0123456789abcdef'))).toBe('unlocked');
  });

  it.each([ONE_BY_ONE, ALL_AT_ONCE])('from one screen are held back after the fifth (%s)', async (how) => {
    const { app, api, staffId } = await accountWithWrongPins(0, how);
    const replies = await send(Array.from({ length: GUESSES }, () => () => api('staff.unlock', { staffId, pin: WRONG_PIN })), how);
    const free = PIN_THROTTLE_DEFAULTS.freePerClient;
    expect(tally(replies.map(seen))).toEqual({ wrong_pin: free, 'held back': GUESSES - free });
    expect(await accountState(app, staffId)).toEqual({ failures: free, lockedUntil: null, audited: [{ action: 'staff.unlock_failed', n: free }] });
    // The screen waits its minute, then the right PIN works there.
    expect(seen(await api('staff.unlock', { staffId, pin: '1357' }))).toBe('held back');
    app.clock.advance(60_000);
    expect(seen(await api('staff.unlock', { staffId, pin: '1357' }))).toBe('unlocked');
  });
});

describe('while a PIN is being checked', () => {
  it('the kiosk is answered first: hashing at the real cost does not hold up the host', async () => {
    const app = await createTestApp(undefined, { pinHashCost: OWASP_SCRYPT });
    const api = await hosted(app);
    const setUp = await api('setup.create', {
      settingName: 'Oak Tree Primary', settingKind: 'school', adminName: 'Priya Shah', pin: ADMIN_PIN, pinAgain: ADMIN_PIN, expectationsTemplate: 'school',
    });
    const { staffId } = setUp.body.value as { staffId: number };
    let hashingStarted!: () => void;
    const hashing = new Promise<void>((resolve) => (hashingStarted = resolve));
    const check = app.pins.check.bind(app.pins);
    vi.spyOn(app.pins, 'check').mockImplementation((pin, stored) => {
      hashingStarted();
      return check(pin, stored);
    });

    const answered: string[] = [];
    const unlocking = api('staff.unlock', { staffId, pin: ADMIN_PIN }, 'console-tab-0123456789abcdef').then((reply) => {
      answered.push('unlock');
      return reply;
    });
    await hashing;
    const kiosk = await api('kiosk.config', {}, 'kiosk-tab-0123456789abcdef');
    answered.push('kiosk');
    expect(kiosk.body.ok).toBe(true);
    expect(seen(await unlocking)).toBe('unlocked');
    expect(answered).toEqual(['kiosk', 'unlock']);
  });

  /**
   * Holds every PIN check's answer (the hash itself runs) until `release`, so a test can act meanwhile;
   * `checking` is settled once the first check has begun (the account was read for it).
   */
  function holdPinChecks(app: TestApp) {
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let begun!: () => void;
    const checking = new Promise<void>((resolve) => (begun = resolve));
    const check = app.pins.check.bind(app.pins);
    vi.spyOn(app.pins, 'check').mockImplementation(async (pin, stored) => {
      begun();
      const verdict = await check(pin, stored);
      await released;
      return verdict;
    });
    return { checking, release };
  }

  async function withOlu() {
    const app = await createSetUpApp();
    const olu = await app.ok('staff.create', { displayName: 'Olu Office', roles: ['office'], pin: '1357', pinAgain: '1357' }, 'staff');
    return { app, staffId: olu.staffId };
  }

  const unlockEntries = async (app: TestApp, staffId: number) =>
    (await scalar(app, `SELECT count(*) FROM audit_log WHERE action = 'staff.unlock' AND entity_id = ?`, [staffId]));

  it('an account deactivated meanwhile is not unlocked', async () => {
    const { app, staffId } = await withOlu();
    const { checking, release } = holdPinChecks(app);
    const unlocking = app.fails('staff.unlock', { staffId, pin: '1357' }, 'olu');
    await checking;
    await app.ok('staff.deactivate', { staffId, reason: 'Left the school' }, 'staff');
    release();
    expect(await unlocking).toMatchObject({ code: 'not_found' });
    expect((await app.ok('staff.session', {}, 'olu')).session).toBeNull();
    expect(await unlockEntries(app, staffId)).toBe(0);
  });

  it('the old PIN does not open the console once an administrator has set a new one meanwhile', async () => {
    const { app, staffId } = await withOlu();
    const { checking, release } = holdPinChecks(app);
    const unlocking = app.fails('staff.unlock', { staffId, pin: '1357' }, 'olu');
    await checking;
    await app.ok('staff.resetPin', { staffId, pin: '2468', pinAgain: '2468' }, 'staff');
    release();
    expect(await unlocking).toEqual({
      code: 'conflict',
      message: "Olu Office's PIN was changed a moment ago, so the PIN typed was not used. Type the new PIN.",
      fields: { pin: 'This PIN was changed a moment ago.' },
    });
    expect((await app.ok('staff.session', {}, 'olu')).session).toBeNull();
    expect(await unlockEntries(app, staffId)).toBe(0);
    vi.restoreAllMocks();
    expect((await app.ok('staff.unlock', { staffId, pin: '2468' }, 'olu')).displayName).toBe('Olu Office');
  });

  it('an approver who stopped being a DSL meanwhile approves nothing', async () => {
    const app = await createSetUpApp();
    const dee = await app.ok('staff.create', { displayName: 'Dee Safeguarding', roles: ['dsl'], pin: '135790', pinAgain: '135790' }, 'staff');
    const visit = await newVisitor(app, { firstName: 'Helen', lastName: 'Marsh', organisation: 'Ofsted', visitorType: 'inspector' });
    const { checking, release } = holdPinChecks(app);
    const approving = app.fails('exception.approve', {
      target: { type: 'visit', visitId: visit.visitId }, purpose: 'inspection', devices: [{ kind: 'tablet', quantity: 1 }],
      permittedUse: 'Notes only', permittedAreas: 'Office', riskChecklist: DEFAULT_RISK_CHECKLIST.map((item) => ({ item, checked: true })),
      approver: { staffId: dee.staffId, pin: '135790' },
    }, 'staff');
    await checking;
    await app.ok('staff.update', { staffId: dee.staffId, displayName: 'Dee Safeguarding', roles: ['office'] }, 'staff');
    release();
    expect(await approving).toMatchObject({ code: 'forbidden', message: expect.stringContaining('is not a Designated Safeguarding Lead') });
    expect(await count(app, 'device_exceptions')).toBe(0);
  });

  it('two first-run setups sent at once make one setting and one administrator', async () => {
    const app = await createTestApp();
    const setup = (adminName: string) => app.dispatch('setup.create', {
      settingName: 'Oak Tree Primary', settingKind: 'school', adminName, pin: ADMIN_PIN, pinAgain: ADMIN_PIN, expectationsTemplate: 'school',
    }, `kiosk-${adminName}`);
    const answers = await Promise.all([setup('Priya Shah'), setup('Tom Reed')]);
    expect(answers.map((a) => (a.ok ? 'set up' : a.error.code)).sort()).toEqual(['already_set_up', 'set up']);
    expect(await count(app, 'staff')).toBe(1);
  });
});
