import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '../../../src/main/core/paths.js';
import { MAX_SIGNATURE_LENGTH } from '../../../src/shared/domain/signature.js';
import { asAnotherProgram } from '../../helpers/another-program.js';
import { ADMIN_PIN, contentHash, count, createSetUpApp, disposeAll, newVisitor, type TestApp, scalar, itOnSqlite } from '../../helpers/test-app.js';

afterEach(disposeAll);

type SetUp = TestApp & { adminId: number };

/** Initials and a line under them, as a finger draws them: a few strokes in the pad's box. */
const SIGNED = 'M120 210L160 90L200 210M140 160L185 160M260 90L260 210L330 210M110 240L420 236';

async function askingForSignatures(): Promise<SetUp> {
  const app = await createSetUpApp();
  expect((await app.ok('settings.get', {}, 'staff')).askForSignature).toBe(false);
  expect((await app.ok('settings.update', { askForSignature: true }, 'staff')).askForSignature).toBe(true);
  expect((await app.ok('kiosk.config', {})).askForSignature).toBe(true);
  return app;
}

async function signatureRows(app: TestApp) {
  return await app.db.all('SELECT id, strokes, signed_at, removed_at FROM acknowledgement_signatures ORDER BY id');
}

async function acknowledgementOf(app: TestApp, visitId: number): Promise<{ id: number; acknowledged_at: string }> {
  return (await app.db.get('SELECT a.id, a.acknowledged_at FROM visits v JOIN acknowledgements a ON a.id = v.acknowledgement_id WHERE v.id = ?', [visitId])) as { id: number; acknowledged_at: string };
}

describe('a signature drawn on the expectations screen', () => {
  it('is kept with the acknowledgement, sealed by the same sign-in, and shown on the visitor log and the subject access export', async () => {
    const app = await askingForSignatures();
    const { visitId } = await newVisitor(app, { signature: SIGNED });
    const acknowledgement = await acknowledgementOf(app, visitId);
    expect(await signatureRows(app)).toEqual([{ id: acknowledgement.id, strokes: SIGNED, signed_at: acknowledgement.acknowledged_at, removed_at: null }]);
    // One transaction, one entry: the sign-in's audit entry seals the acknowledgement and its signature together.
    const sealed = JSON.parse((await scalar(app, "SELECT records_json FROM audit_log WHERE action = 'visit.sign_in' ORDER BY id DESC LIMIT 1")) as string) as [string, number][];
    expect(sealed.map(([table, id]) => `${table}:${id}`)).toEqual(expect.arrayContaining([`acknowledgements:${acknowledgement.id}`, `acknowledgement_signatures:${acknowledgement.id}`]));

    const log = await app.ok('report.get', { kind: 'visitors', from: '2026-11-23', to: '2026-11-23' }, 'staff');
    expect(log.columns.at(-1)).toBe('Signature');
    expect(log.rows[0]!.at(-1)).toBe('Drawn at the kiosk on 23 Nov 2026, 09:00');
    expect(log.signatures).toEqual([{ strokes: SIGNED, signedAt: '2026-11-23T09:00:00.000Z' }]);

    const visitorId = (await scalar(app, 'SELECT visitor_id FROM visits WHERE id = ?', [visitId])) as number;
    expect((await app.ok('person.export', { visitorId }, 'staff')).visits[0]!.signature).toEqual({ strokes: SIGNED, signedAt: '2026-11-23T09:00:00.000Z' });
  });

  it('is asked for only when the setting is on: without it the visitor log keeps its usual columns', async () => {
    const app = await createSetUpApp();
    await newVisitor(app);
    expect(await count(app, 'acknowledgement_signatures')).toBe(0);
    const log = await app.ok('report.get', { kind: 'visitors', from: '2026-11-23', to: '2026-11-23' }, 'staff');
    expect(log.columns).not.toContain('Signature');
    expect(log.signatures).toBeUndefined();
  });

  it('is required when the setting asks for one: a sign-in without it is refused, sending the kiosk back to the expectations, and nothing is written', async () => {
    const app = await askingForSignatures();
    const before = await contentHash(app);
    const refused = await app.fails('visit.signInNew', {
      firstName: 'Sam', lastName: 'Bennett', organisation: null, visitorType: 'contractor', visiting: 'Hall lights',
      policyVersionId: (await app.ok('kiosk.config', {})).policy.versionId, devices: [], signature: null,
    });
    expect(refused.code).toBe('stale_policy');
    expect(refused.message).toMatch(/sign your name with your finger/);
    expect(await contentHash(app)).toBe(before);
  });

  it('is asked of a returning visitor only when they are shown the expectations again', async () => {
    const app = await createSetUpApp();
    const { visitId } = await newVisitor(app);
    await app.ok('visit.signOut', { visitId });
    const visitorId = (await scalar(app, 'SELECT visitor_id FROM visits WHERE id = ?', [visitId])) as number;
    await app.ok('settings.update', { askForSignature: true }, 'staff');
    // Their acknowledgement of this version still counts: the kiosk skips the screen, and no signature is asked for.
    expect(await app.ok('visitor.returningStatus', { visitorId })).toEqual({ needsAcknowledgement: false });
    const again = await app.ok('visit.signInReturning', { visitorId, devices: [] });
    expect(await count(app, 'acknowledgement_signatures')).toBe(0);
    await app.ok('visit.signOut', { visitId: again.visitId });

    // Every visit now: the screen is shown, so the signature is needed, and kept with the new acknowledgement.
    await app.ok('settings.update', { reacknowledge: 'every_visit' }, 'staff');
    const policyVersionId = (await app.ok('kiosk.config', {})).policy.versionId;
    const before = await contentHash(app);
    expect((await app.fails('visit.signInReturning', { visitorId, acknowledgedPolicyVersionId: policyVersionId, devices: [] })).code).toBe('stale_policy');
    expect(await contentHash(app)).toBe(before);
    const signed = await app.ok('visit.signInReturning', { visitorId, acknowledgedPolicyVersionId: policyVersionId, devices: [], signature: SIGNED });
    expect(await signatureRows(app)).toMatchObject([{ id: (await acknowledgementOf(app, signed.visitId)).id, strokes: SIGNED }]);
  });

  it('is kept for a visitor signing in with an invitation', async () => {
    const app = await askingForSignatures();
    const { bookingId } = await app.ok('booking.create', {
      firstName: 'Helen', lastName: 'Marsh', organisation: 'Ofsted', visitorType: 'inspector', host: 'Headteacher', expectedDate: '2026-11-23', expectedTime: '09:30',
    }, 'staff');
    const code = (await scalar(app, 'SELECT invite_token FROM bookings WHERE id = ?', [bookingId])) as string;
    const policyVersionId = (await app.ok('kiosk.config', {})).policy.versionId;
    expect((await app.fails('visit.signInWithInvite', { code, acknowledgedPolicyVersionId: policyVersionId, devices: [] })).code).toBe('stale_policy');
    const { visitId } = await app.ok('visit.signInWithInvite', { code, acknowledgedPolicyVersionId: policyVersionId, devices: [], signature: SIGNED });
    expect(await signatureRows(app)).toMatchObject([{ id: (await acknowledgementOf(app, visitId)).id, strokes: SIGNED }]);
  });

  it.each([
    ['markup', '<svg onload="alert(1)"><path d="M1 1L200 200"/></svg>', 'The signature could not be read. Please clear it and sign again.'],
    ['a script in the path', 'M10 10L300 10"/><script>alert(1)</script>', 'The signature could not be read. Please clear it and sign again.'],
    ['a curve the kiosk never draws', 'M10 10C20 20 30 30 400 40', 'The signature could not be read. Please clear it and sign again.'],
    ['a point outside the box', 'M10 10L5000 10', 'The signature could not be read. Please clear it and sign again.'],
    ['a negative number', 'M10 10L-300 10', 'The signature could not be read. Please clear it and sign again.'],
    ['a tap', 'M500 150L500 150', 'Please sign your name in the box with your finger.'],
    ['too long', `M0 0${'L999 299L0 0'.repeat(MAX_SIGNATURE_LENGTH / 10)}`, 'The signature is too long to keep. Please clear it and sign again.'],
    ['not text', 12345, 'The signature could not be read. Please clear it and sign again.'],
  ])('refuses %s with a clear message, and nothing is written', async (_what, signature, message) => {
    const app = await askingForSignatures();
    const before = await contentHash(app);
    const refused = await app.fails('visit.signInNew', {
      firstName: 'Sam', lastName: 'Bennett', organisation: null, visitorType: 'contractor', visiting: 'Hall lights',
      policyVersionId: (await app.ok('kiosk.config', {})).policy.versionId, devices: [], signature,
    });
    expect(refused).toMatchObject({ code: 'invalid_input', fields: { signature: message } });
    expect(await contentHash(app)).toBe(before);
  });

  it('goes with the visitor’s details when retention removes them, keeping when it was drawn', async () => {
    const app = await askingForSignatures();
    await app.ok('settings.update', { retentionYears: 1 }, 'staff');
    const { visitId } = await newVisitor(app, { signature: SIGNED });
    await app.ok('visit.signOut', { visitId });
    app.clock.set('2027-11-24T09:00:00Z');
    await app.ok('staff.unlock', { staffId: app.adminId, pin: ADMIN_PIN }, 'staff');
    const recent = await newVisitor(app, { firstName: 'Recent', lastName: 'Visitor', signature: SIGNED });

    expect(await app.ok('retention.runNow', {}, 'staff')).toMatchObject({ visitorsRemoved: 1, signaturesCleared: 1 });
    expect(await signatureRows(app)).toEqual([
      { id: (await acknowledgementOf(app, visitId)).id, strokes: null, signed_at: '2026-11-23T09:00:00.000Z', removed_at: '2027-11-24T09:00:00.000Z' },
      { id: (await acknowledgementOf(app, recent.visitId)).id, strokes: SIGNED, signed_at: '2027-11-24T09:00:00.000Z', removed_at: null },
    ]);
    const log = await app.ok('report.get', { kind: 'visitors', from: '2026-11-23', to: '2026-11-23' }, 'staff');
    expect(log.rows[0]!.at(-1)).toBe('Removed');
    expect(log.signatures).toEqual([null]);
    // A second run finds nothing more to remove.
    expect((await app.ok('retention.runNow', {}, 'staff')).signaturesCleared).toBe(0);
  });

  itOnSqlite('cannot be changed, deleted or filled with anything but strokes, even by a program other than Safe Hands', async () => {
    const app = await askingForSignatures();
    const { visitId } = await newVisitor(app, { signature: SIGNED });
    const { id, acknowledged_at: at } = await acknowledgementOf(app, visitId);
    const other = new Database(join(app.dir, DATABASE_FILE));
    try {
      expect(() => other.prepare('UPDATE acknowledgement_signatures SET strokes = ? WHERE id = ?').run('M1 1L900 299', id)).toThrow(/a signature is never changed/);
      expect(() => other.prepare('DELETE FROM acknowledgement_signatures WHERE id = ?').run(id)).toThrow(/never deleted/);
      const second = await newVisitor(app, { firstName: 'Amara', lastName: 'Okafor', signature: SIGNED });
      const ack = await acknowledgementOf(app, second.visitId);
      expect(() => other.prepare('INSERT INTO acknowledgement_signatures (id, strokes, signed_at) VALUES (?, ?, ?)').run(ack.id + 100, SIGNED, at))
        .toThrow(/kept with the acknowledgement/);
      expect(() => other.exec("DROP TRIGGER acknowledgement_signatures_removed_only; UPDATE acknowledgement_signatures SET strokes = '<script>' WHERE id = " + id))
        .toThrow(/CHECK constraint failed/);
    } finally {
      other.close();
    }
  });

  it('changed behind Safe Hands’ back is caught by the audit check', async () => {
    const app = await askingForSignatures();
    const { visitId } = await newVisitor(app, { signature: SIGNED });
    const { id } = await acknowledgementOf(app, visitId);
    // Someone who knows the schema gets past the guard and draws a different signature in.
    await asAnotherProgram(app, (db) => db.run(`UPDATE acknowledgement_signatures SET strokes = 'M100 100L900 200' WHERE id = ?`, [id]));
    const verdict = await app.ok('audit.verify', {}, 'staff');
    expect(verdict.ok).toBe(false);
    expect(verdict.problems.join('\n')).toMatch(new RegExp(`Visitor's signature ${id} has been changed outside Safe Hands`));
  });
});
