import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '../../../src/main/core/paths.js';
import { startHttpHost, type HttpHost } from '../../../src/main/server/http-host.js';
import { badgeThrottleMessage, PIN_THROTTLE_DEFAULTS, pinThrottleMessage } from '../../../src/main/server/pin-throttle.js';
import { groupScanCode } from '../../../src/shared/domain/scan-code.js';
import { pdfText } from '../../helpers/pdf.js';
import { readStaffBadge, staffBadgeFile } from '../../helpers/staff-badges.js';
import { contentHash, count, createSetUpApp, disposeAll, lastAuditDetail, type TestApp, sqlite, column, scalar, itOnSqlite } from '../../helpers/test-app.js';

afterEach(disposeAll);

const TOM_PIN = '1470';
const UNKNOWN = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** A nursery (staff phones in the safe) with Tom, whose badge the administrator (console `staff`) has issued. */
async function withBadge(): Promise<{ app: TestApp & { adminId: number }; tomId: number; code: string }> {
  const app = await createSetUpApp('nursery');
  await app.ok('settings.update', { staffPhonesInSafe: true }, 'staff');
  const tom = await app.ok('staff.create', { displayName: 'Tom Reilly', roles: [], pin: TOM_PIN, pinAgain: TOM_PIN }, 'staff');
  await app.ok('staff.issueBadge', { staffId: tom.staffId }, 'staff');
  return { app, tomId: tom.staffId, code: (await readStaffBadge(app.dir, tom.staffId)).code };
}

async function auditActions(app: TestApp): Promise<string[]> {
  return ((await column(app, `SELECT action FROM audit_log ORDER BY id`)) as string[]);
}

describe('issuing a staff badge', () => {
  itOnSqlite('prints a badge whose QR code is a new code, keeps only its hash, and shows the account as badged', async () => {
    const app = await createSetUpApp('nursery');
    const tom = await app.ok('staff.create', { displayName: 'Tom Reilly', roles: [], pin: TOM_PIN, pinAgain: TOM_PIN }, 'staff');
    const issued = await app.ok('staff.issueBadge', { staffId: tom.staffId }, 'staff');
    expect(issued).toMatchObject({ replaced: false, account: { staffId: tom.staffId, badgeIssuedAt: '2026-11-23T09:00:00.000Z', signedInSince: null } });
    // No badge printer is set up here: it says so, and the PDF is there to print by hand.
    expect(issued.print).toMatchObject({ printed: false });
    const { pdf, code } = await readStaffBadge(app.dir, tom.staffId);
    expect(code).toMatch(/^[A-Z2-7]{26}$/);
    const words = await pdfText(pdf, { layout: false });
    expect(words).toContain('STAFF');
    expect(words).toContain('Tom Reilly');
    // Under the QR, in the groups of four every printed code uses.
    expect(words.replace(/\s+/g, ' ')).toContain(groupScanCode(code));

    // The database holds the hash, never the code: not in any row, nor anywhere in its files.
    expect((await column(app, 'SELECT code_hash FROM staff_badges'))).toEqual([createHash('sha256').update(code).digest('hex')]);
    sqlite(app).pragma('wal_checkpoint(TRUNCATE)');
    expect(readFileSync(join(app.dir, DATABASE_FILE)).includes(Buffer.from(code))).toBe(false);
    expect((await app.ok('staff.list', {}, 'staff')).staff.find((s) => s.staffId === tom.staffId)).toMatchObject({ badgeIssuedAt: '2026-11-23T09:00:00.000Z' });
    expect(await lastAuditDetail(app, 'staff.issue_badge')).toEqual({ badgeId: 1 });
  });

  it('is refused for a deactivated account, and to anyone but an administrator', async () => {
    const { app, tomId } = await withBadge();
    const sara = await app.ok('staff.create', { displayName: 'Sara Ahmed', roles: [], pin: '2580', pinAgain: '2580' }, 'staff');
    await app.ok('staff.unlock', { staffId: sara.staffId, pin: '2580' }, 'sara');
    expect((await app.fails('staff.issueBadge', { staffId: tomId }, 'sara')).code).toBe('forbidden');
    await app.ok('staff.deactivate', { staffId: tomId, reason: 'Left in October' }, 'staff');
    const before = await contentHash(app);
    expect(await app.fails('staff.issueBadge', { staffId: tomId }, 'staff')).toMatchObject({
      code: 'conflict', message: "Tom Reilly's account is deactivated, so a badge would not work. Nothing was changed.",
    });
    expect(await contentHash(app)).toBe(before);
  });
});

describe('scanning a staff badge at the kiosk', () => {
  it('finds the person and signs them in and out, read in lower case with spaces or dashes as well', async () => {
    const { app, tomId, code } = await withBadge();
    const typed = groupScanCode(code).toLowerCase();
    expect(await app.ok('staffDay.findByBadge', { badgeCode: typed })).toEqual({ staffId: tomId, displayName: 'Tom Reilly', signedInAt: null });

    const signedIn = await app.ok('staffDay.signInByBadge', { badgeCode: typed.replace(/ /g, '-'), phone: { bagSlot: 'Pouch 4', description: null } });
    expect(signedIn).toMatchObject({ displayName: 'Tom Reilly', signedInAt: '2026-11-23T09:00:00.000Z' });
    expect(signedIn.phone?.receipt).toMatchObject({ ownerName: 'Tom Reilly', createdBy: 'Tom Reilly' });
    expect(await lastAuditDetail(app, 'staff_day.sign_in')).toEqual({ how: 'kiosk', receiptId: signedIn.phone!.receipt.receiptId, with: 'badge' });
    expect((await app.ok('staff.session', {})).session).toBeNull();

    app.clock.set('2026-11-23T16:30:00Z');
    expect((await app.ok('staffDay.findByBadge', { badgeCode: code })).signedInAt).toBe('2026-11-23T09:00:00.000Z');
    expect(await app.ok('staffDay.signOutByBadge', { badgeCode: code, collectPhone: true })).toMatchObject({
      signedOutAt: '2026-11-23T16:30:00.000Z', takenFromSafe: 1, stillInSafe: 0,
    });
    expect((await app.db.get('SELECT signed_in_how, signed_out_how FROM staff_days'))).toEqual({ signed_in_how: 'kiosk', signed_out_how: 'kiosk' });
    expect(await lastAuditDetail(app, 'staff_day.sign_out')).toEqual({ how: 'kiosk', takenFromSafe: 1, with: 'badge' });
  });

  it('refuses a code it does not know, and one that is not a code at all, changing nothing', async () => {
    const { app } = await withBadge();
    const before = await contentHash(app);
    const message = 'We do not recognise that badge. Scan it again, or choose your name and type your PIN.';
    expect(await app.fails('staffDay.findByBadge', { badgeCode: UNKNOWN })).toEqual({ code: 'wrong_badge', message, fields: { badgeCode: message } });
    expect((await app.fails('staffDay.signInByBadge', { badgeCode: UNKNOWN, phone: null })).code).toBe('wrong_badge');
    expect((await app.fails('staffDay.signOutByBadge', { badgeCode: UNKNOWN, collectPhone: false })).code).toBe('wrong_badge');
    expect(await app.fails('staffDay.findByBadge', { badgeCode: 'Tom Reilly' })).toMatchObject({
      code: 'invalid_input', fields: { badgeCode: 'That is not a Safe Hands staff badge. Scan it again, or choose your name.' },
    });
    expect(await contentHash(app)).toBe(before);
    expect(await count(app, 'staff_days')).toBe(0);
  });

  it('refuses the old badge once it is replaced, and the new one works', async () => {
    const { app, tomId, code: first } = await withBadge();
    app.clock.set('2026-11-24T08:00:00Z');
    await app.ok('staff.unlock', { staffId: app.adminId, pin: '482613' }, 'staff');
    const replaced = await app.ok('staff.issueBadge', { staffId: tomId }, 'staff');
    expect(replaced).toMatchObject({ replaced: true, account: { badgeIssuedAt: '2026-11-24T08:00:00.000Z' } });
    const { code: second } = await readStaffBadge(app.dir, tomId);
    expect(second).not.toBe(first);

    const before = await contentHash(app);
    expect(await app.fails('staffDay.signInByBadge', { badgeCode: first, phone: null })).toMatchObject({
      code: 'wrong_badge',
      message: 'This badge has been replaced by a newer one and no longer works. Use your new badge, or choose your name and type your PIN.',
    });
    expect(await contentHash(app)).toBe(before);
    await app.ok('staffDay.signInByBadge', { badgeCode: second, phone: null });
    expect((await app.db.all('SELECT ended_at, ended_why FROM staff_badges ORDER BY id'))).toEqual([
      { ended_at: '2026-11-24T08:00:00.000Z', ended_why: 'replaced' }, { ended_at: null, ended_why: null },
    ]);
    expect((await auditActions(app)).filter((a) => a.endsWith('_badge'))).toEqual(['staff.issue_badge', 'staff.replace_badge']);
  });

  it("refuses a deactivated person's badge", async () => {
    const { app, tomId, code } = await withBadge();
    await app.ok('staff.deactivate', { staffId: tomId, reason: 'Left in October' }, 'staff');
    expect(await app.fails('staffDay.findByBadge', { badgeCode: code })).toMatchObject({ code: 'wrong_badge', message: 'This badge no longer works. Please ask at the office.' });
    expect((await scalar(app, 'SELECT ended_why FROM staff_badges'))).toBe('deactivated');
    expect(await lastAuditDetail(app, 'staff.deactivate')).toEqual({ reason: 'Left in October', badgeEnded: 1 });
  });
});

describe('trying badge codes at one screen', () => {
  let host: HttpHost | undefined;
  afterEach(async () => {
    await host?.close();
    host = undefined;
  });

  function api(name: string, input: unknown): Promise<{ status: number; body: { ok: boolean; error?: { code: string; message: string } } }> {
    return new Promise((resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1', port: host!.port, path: `/api/${name}`, method: 'POST',
          headers: { host: `127.0.0.1:${host!.port}`, origin: host!.origin, cookie: 'sh_key=badge-secret-0123456789abcdefghij', 'x-client-id': 'kiosk-tab-0123456789abcdef', 'content-type': 'application/json' },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString()) }));
        },
      );
      req.on('error', reject);
      req.end(JSON.stringify(input));
    });
  }

  it('holds the screen back after a few that do not work, as for wrong PINs, badges and PINs alike', async () => {
    const { app, tomId, code } = await withBadge();
    const rendererDir = join(app.dir, 'renderer');
    host = await startHttpHost({ dispatch: app.dispatch, secret: 'badge-secret-0123456789abcdefghij', rendererDir, now: () => app.clock.now().getTime() });
    const codes = [];
    for (let i = 0; i < PIN_THROTTLE_DEFAULTS.freePerClient; i++) codes.push((await api('staffDay.findByBadge', { badgeCode: UNKNOWN })).body.error?.code);
    expect(codes).toEqual(Array(PIN_THROTTLE_DEFAULTS.freePerClient).fill('wrong_badge'));

    // Now even Tom's own badge waits, and so does a PIN typed on this screen; nothing runs meanwhile.
    const before = await contentHash(app);
    const held = await api('staffDay.signInByBadge', { badgeCode: code, phone: null });
    expect(held.status).toBe(429);
    expect(held.body.error).toEqual({ code: 'account_locked', message: badgeThrottleMessage(60_000) });
    expect(held.body.error?.message).toBe('Too many badges or PINs that do not work have been tried on this screen. Try again in 1 minute, or ask at the office.');
    expect((await api('staffDay.signInAtKiosk', { staffId: tomId, pin: TOM_PIN, phone: null })).body.error).toEqual({ code: 'account_locked', message: pinThrottleMessage(60_000) });
    expect(await contentHash(app)).toBe(before);

    app.clock.advance(60_000);
    expect((await api('staffDay.findByBadge', { badgeCode: code.toLowerCase() })).body.ok).toBe(true);
    expect(existsSync(staffBadgeFile(app.dir, tomId))).toBe(true);
  });
});

describe('deactivating an account', () => {
  it('signs a signed-in member of staff out at that moment, in the same transaction, and audits it', async () => {
    const { app, tomId, code } = await withBadge();
    const day = await app.ok('staffDay.signInByBadge', { badgeCode: code, phone: { bagSlot: 'Pouch 4', description: null } });
    expect((await app.ok('staff.list', {}, 'staff')).staff.find((s) => s.staffId === tomId)?.signedInSince).toBe('2026-11-23T09:00:00.000Z');

    app.clock.set('2026-11-23T11:20:00Z');
    await app.ok('staff.unlock', { staffId: app.adminId, pin: '482613' }, 'staff');
    const account = await app.ok('staff.deactivate', { staffId: tomId, reason: 'Dismissed' }, 'staff');
    expect(account).toMatchObject({ active: false, signedInSince: null, badgeIssuedAt: null });
    expect((await app.db.get('SELECT signed_out_at, signed_out_how FROM staff_days WHERE id = ?', [day.staffDayId]))).toEqual({
      signed_out_at: '2026-11-23T11:20:00.000Z', signed_out_how: 'not_signed_out',
    });
    expect((await app.ok('staffDay.onSite', {}, 'staff')).staff).toEqual([]);
    expect(await lastAuditDetail(app, 'staff_day.closed_at_deactivation')).toEqual({ signedInAt: '2026-11-23T09:00:00.000Z' });
    expect(await lastAuditDetail(app, 'staff.deactivate')).toEqual({ reason: 'Dismissed', badgeEnded: 1, staffDayClosed: day.staffDayId });
    // His phone stays in the safe, to be given back by its receipt.
    expect((await app.ok('custody.inSafe', {}, 'staff')).itemCount).toBe(1);
  });

  itOnSqlite('changes nothing at all when the day cannot be closed', async () => {
    const { app, tomId, code } = await withBadge();
    await app.ok('staffDay.signInByBadge', { badgeCode: code, phone: null });
    sqlite(app).exec(`CREATE TEMP TRIGGER refuse_sign_out BEFORE UPDATE ON staff_days BEGIN SELECT RAISE(ABORT, 'refused for the test'); END`);
    const before = await contentHash(app);
    expect((await app.fails('staff.deactivate', { staffId: tomId, reason: 'Dismissed' }, 'staff')).code).toBe('internal');
    expect(await contentHash(app)).toBe(before);
    sqlite(app).exec('DROP TRIGGER temp.refuse_sign_out');
    // Still active, still signed in, and his badge still works.
    expect(await app.ok('staffDay.findByBadge', { badgeCode: code })).toMatchObject({ signedInAt: '2026-11-23T09:00:00.000Z' });
  });
});
