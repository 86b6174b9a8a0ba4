import { existsSync, readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_RISK_CHECKLIST } from '../../../src/shared/domain/exceptions.js';
import { decodeQr, flatten, pdfText, renderPdfToPngs } from '../../helpers/pdf.js';
import { ADMIN_PIN, contentHash, createSetUpApp, disposeAll, type TestApp, sqlite, scalar } from '../../helpers/test-app.js';

afterEach(disposeAll);

function bookInspector(app: TestApp, expectedDate = '2026-11-23') {
  return app.ok('booking.create', {
    firstName: 'Helen', lastName: 'Marsh', organisation: 'Ofsted', visitorType: 'inspector', host: 'Headteacher', expectedDate, expectedTime: '09:30',
  }, 'staff');
}

async function tokenOf(app: TestApp, bookingId: number): Promise<string> {
  return (await scalar(app, 'SELECT invite_token FROM bookings WHERE id = ?', [bookingId])) as string;
}

describe('pre-booked visits', () => {
  it('the office books a visitor; today’s expected visitors show with any pre-approved exception', async () => {
    const app = await createSetUpApp();
    const booking = await bookInspector(app);
    await app.ok('exception.approve', {
      target: { type: 'booking', bookingId: booking.bookingId }, purpose: 'inspection', devices: [{ kind: 'laptop', quantity: 1 }],
      permittedUse: 'Evidence of documents only', permittedAreas: 'Office', riskChecklist: DEFAULT_RISK_CHECKLIST.map((item) => ({ item, checked: true })),
      approver: { staffId: app.adminId, pin: ADMIN_PIN },
    }, 'staff');
    const { date, bookings } = await app.ok('booking.list', {}, 'staff');
    expect(date).toBe('2026-11-23');
    expect(bookings).toMatchObject([{ firstName: 'Helen', status: 'expected', noShow: false, exception: { approved: true, permittedAreas: 'Office' } }]);
  });

  it('the invite QR signs the visitor in with one scan, carrying the booking and its approval into the visit', async () => {
    const app = await createSetUpApp();
    const booking = await bookInspector(app);
    const { documentId } = await app.ok('booking.invite', { bookingId: booking.bookingId }, 'staff');
    const pdf = readFileSync(app.documentLinks.resolve(documentId)!);
    const [page] = await renderPdfToPngs(pdf);
    const code = decodeQr(page!)!;
    expect(code).toBe(await tokenOf(app, booking.bookingId));
    expect(flatten(await pdfText(pdf))).toMatch(/Helen Marsh/);

    expect(await app.ok('invite.lookup', { code })).toEqual({ displayName: 'Helen M.', needsAcknowledgement: true, deviceUseApproved: false });
    const policyVersionId = (await app.ok('kiosk.config', {})).policy.versionId;
    const visit = await app.ok('visit.signInWithInvite', { code, acknowledgedPolicyVersionId: policyVersionId, devices: [{ kind: 'phone', quantity: 1 }] });
    expect(visit).toMatchObject({ firstName: 'Helen', devicesToHandIn: 1 });
    const onSite = (await app.ok('visit.onSite', {}, 'staff')).visits[0]!;
    expect(onSite).toMatchObject({ firstName: 'Helen', lastName: 'Marsh', visitorType: 'inspector', visiting: 'Headteacher' });
    expect((await app.ok('booking.list', {}, 'staff')).bookings[0]).toMatchObject({ status: 'arrived', visitId: visit.visitId });
  });

  it('devices the DSL approved in advance stay with the visitor; only the rest are handed in', async () => {
    const app = await createSetUpApp();
    const booking = await bookInspector(app);
    await app.ok('exception.approve', {
      target: { type: 'booking', bookingId: booking.bookingId }, purpose: 'inspection', devices: [{ kind: 'laptop', quantity: 1 }, { kind: 'phone', quantity: 1 }],
      permittedUse: 'Evidence of documents only', permittedAreas: 'Office', riskChecklist: DEFAULT_RISK_CHECKLIST.map((item) => ({ item, checked: true })),
      approver: { staffId: app.adminId, pin: ADMIN_PIN },
    }, 'staff');
    const code = await tokenOf(app, booking.bookingId);
    expect((await app.ok('invite.lookup', { code })).deviceUseApproved).toBe(true);
    const policyVersionId = (await app.ok('kiosk.config', {})).policy.versionId;
    const visit = await app.ok('visit.signInWithInvite', {
      code, acknowledgedPolicyVersionId: policyVersionId, devices: [{ kind: 'laptop', quantity: 1 }, { kind: 'phone', quantity: 2 }, { kind: 'smart_watch', quantity: 1 }],
    });
    expect(visit.devicesToHandIn).toBe(2);
    expect((await app.ok('custody.pendingHandovers', {}, 'staff')).handovers[0]!.devices).toEqual([{ kind: 'phone', quantity: 1 }, { kind: 'smart_watch', quantity: 1 }]);
    expect((await app.ok('visit.onSite', {}, 'staff')).visits[0]!.deviceUse).toMatchObject({ approved: true });
  });

  it.each([
    ['unknown', (app: TestApp) => 'A'.repeat(26), 'not_found', /do not recognise/],
    ['already used', async (app: TestApp, code: string) => {
      const v = (await app.ok('kiosk.config', {})).policy.versionId;
      await app.ok('visit.signInWithInvite', { code, acknowledgedPolicyVersionId: v, devices: [] });
      return code;
    }, 'conflict', /already been used/],
    ['for another day', async (app: TestApp) => (await tokenOf(app, (await bookInspector(app, '2026-11-30')).bookingId)), 'conflict', /is for Mon, 30 Nov 2026/],
  ])('an invite that is %s is refused plainly and changes nothing', async (_label, codeFor, code, message) => {
    const app = await createSetUpApp();
    const booking = await bookInspector(app);
    const used = await codeFor(app, await tokenOf(app, booking.bookingId));
    const before = await contentHash(app);
    const error = await app.fails('visit.signInWithInvite', { code: used, devices: [] });
    expect(error.code).toBe(code);
    expect(error.message).toMatch(message);
    expect(await contentHash(app)).toBe(before);
  });

  it('an expired invite and a malformed code are refused', async () => {
    const app = await createSetUpApp();
    const booking = await bookInspector(app);
    app.clock.set('2026-11-24T09:00:00Z');
    expect((await app.fails('invite.lookup', { code: (await tokenOf(app, booking.bookingId)) })).message).toMatch(/has expired/);
    expect((await app.fails('invite.lookup', { code: 'abc' })).code).toBe('invalid_input');
  });

  it('lists a visitor who never came as a no-show at the end of the day', async () => {
    const app = await createSetUpApp();
    await bookInspector(app);
    app.clock.set('2026-11-23T18:00:00Z');
    await app.ok('staff.unlock', { staffId: app.adminId, pin: ADMIN_PIN }, 'staff');
    expect((await app.ok('booking.list', {}, 'staff')).bookings[0]).toMatchObject({ status: 'expected', noShow: true });
  });

  it('refuses a booking in the past, and cancels with a reason', async () => {
    const app = await createSetUpApp();
    expect((await app.fails('booking.create', {
      firstName: 'A', lastName: 'B', organisation: null, visitorType: 'other', host: 'x', expectedDate: '2026-11-01',
    }, 'staff')).fields?.expectedDate).toBeTruthy();
    const booking = await bookInspector(app);
    expect((await app.ok('booking.cancel', { bookingId: booking.bookingId, reason: 'Rescheduled' }, 'staff')).status).toBe('cancelled');
    expect((await app.fails('invite.lookup', { code: (await tokenOf(app, booking.bookingId)) })).message).toMatch(/cancelled/);
    expect(existsSync(app.dir)).toBe(true);
  });
});

describe('booked visitors whose names do not fit "first name, surname"', () => {
  it('a visitor booked family name first is greeted, signed in and printed the way they write their name', async () => {
    const app = await createSetUpApp();
    const booked = await app.ok('booking.create', {
      firstName: 'Ferenc', lastName: 'Nagy', familyNameFirst: true, organisation: null, visitorType: 'inspector', host: 'Headteacher',
      expectedDate: '2026-11-23', expectedTime: null,
    }, 'staff');
    expect(booked).toMatchObject({ firstName: 'Ferenc', lastName: 'Nagy', familyNameFirst: true });
    const { documentId } = await app.ok('booking.invite', { bookingId: booked.bookingId }, 'staff');
    expect(flatten(await pdfText(readFileSync(app.documentLinks.resolve(documentId)!)))).toContain('Nagy Ferenc');
    const code = await tokenOf(app, booked.bookingId);
    expect((await app.ok('invite.lookup', { code })).displayName).toBe('N. Ferenc');
    await app.ok('visit.signInWithInvite', { code, acknowledgedPolicyVersionId: (await app.ok('kiosk.config', {})).policy.versionId, devices: [] });
    const [visit] = (await app.ok('visit.onSite', {}, 'staff')).visits;
    expect(visit).toMatchObject({ firstName: 'Ferenc', lastName: 'Nagy', familyNameFirst: true });
  });

  it('books someone with only one name, and refuses a surname without a choice either way', async () => {
    const app = await createSetUpApp();
    const base = { organisation: null, visitorType: 'inspector', host: 'Headteacher', expectedDate: '2026-11-23', expectedTime: null } as const;
    const booked = await app.ok('booking.create', { ...base, firstName: 'Suharto', oneName: true }, 'staff');
    expect(booked).toMatchObject({ firstName: 'Suharto', lastName: '', familyNameFirst: false });
    expect((await app.ok('invite.lookup', { code: (await tokenOf(app, booked.bookingId)) })).displayName).toBe('S.');
    const before = await contentHash(app);
    expect((await app.fails('booking.create', { ...base, firstName: 'Helen' }, 'staff')).fields?.lastName).toMatch(/surname/);
    expect((await app.fails('booking.create', { ...base, firstName: 'Helen', lastName: 'Marsh', oneName: true }, 'staff')).fields?.lastName).toMatch(/only one name/);
    expect(await contentHash(app)).toBe(before);
  });
});
