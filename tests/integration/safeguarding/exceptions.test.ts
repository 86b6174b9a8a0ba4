import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_RISK_CHECKLIST } from '../../../src/shared/domain/exceptions.js';
import type { CommandInput } from '../../../src/shared/contract/index.js';
import { ADMIN_PIN, contentHash, count, createSetUpApp, disposeAll, newVisitor, type TestApp, sqlite, scalar } from '../../helpers/test-app.js';

afterEach(disposeAll);

function inspectorOnSite(app: TestApp) {
  return newVisitor(app, { firstName: 'Helen', lastName: 'Marsh', organisation: 'Ofsted', visitorType: 'inspector', visiting: 'Inspection' });
}

type SetUpApp = Awaited<ReturnType<typeof createSetUpApp>>;

function approval(app: SetUpApp, visitId: number, change: Partial<CommandInput<'exception.approve'>> = {}): CommandInput<'exception.approve'> {
  return {
    target: { type: 'visit', visitId },
    purpose: 'inspection',
    devices: [{ kind: 'tablet', quantity: 1 }],
    permittedUse: 'Note-taking and evidence photos of documents only; no photos of children',
    permittedAreas: 'Office and staffroom',
    riskChecklist: DEFAULT_RISK_CHECKLIST.map((item) => ({ item, checked: true })),
    approver: { staffId: app.adminId, pin: ADMIN_PIN },
    ...change,
  };
}

async function officeConsole(app: SetUpApp): Promise<string> {
  const olu = await app.ok('staff.create', { displayName: 'Olu Office', roles: [], pin: '1357', pinAgain: '1357' }, 'staff');
  await app.ok('staff.unlock', { staffId: olu.staffId, pin: '1357' }, 'office');
  return 'office';
}

describe('DSL device exceptions', () => {
  it('a DSL approves with a fresh PIN, even at an office console; staff see "device use approved" with its limits', async () => {
    const app = await createSetUpApp();
    const visit = await inspectorOnSite(app);
    const office = await officeConsole(app);
    const view = await app.ok('exception.approve', approval(app, visit.visitId), office);
    expect(view).toMatchObject({ state: 'active', approvedBy: 'Priya Shah', visitId: visit.visitId, validUntil: null });
    const marker = (await app.ok('visit.onSite', {}, office)).visits[0]!.deviceUse;
    expect(marker).toMatchObject({ approved: true, permittedAreas: 'Office and staffroom', endedBecause: null });
    const audit = await scalar(app, `SELECT actor_label FROM audit_log WHERE action = 'exception.approve'`);
    expect(audit).toBe('Priya Shah');
  });

  it('only a DSL can approve, and never without the right PIN', async () => {
    const app = await createSetUpApp();
    const visit = await inspectorOnSite(app);
    const office = await officeConsole(app);
    const officeId = ((await app.ok('staff.list', {}, 'staff')).staff.find((s) => s.displayName === 'Olu Office'))!.staffId;
    const before = await count(app, 'device_exceptions');
    expect((await app.fails('exception.approve', approval(app, visit.visitId, { approver: { staffId: officeId, pin: '1357' } }), office)).code).toBe('forbidden');
    expect((await app.fails('exception.approve', approval(app, visit.visitId, { approver: { staffId: app.adminId, pin: '0000' } }), office)).code).toBe('wrong_pin');
    expect((await app.fails('exception.approve', { ...approval(app, visit.visitId), approver: undefined }, office)).code).toBe('invalid_input');
    expect(await count(app, 'device_exceptions')).toBe(before);
    // The wrong PIN counts toward the DSL's lockout like any other.
    expect((await scalar(app, 'SELECT failed_pin_count FROM staff WHERE id = ?', [app.adminId]))).toBe(1);
  });

  it('an expired approval stops showing as approved and flags the device', async () => {
    const app = await createSetUpApp();
    const visit = await inspectorOnSite(app);
    await app.ok('exception.approve', approval(app, visit.visitId, { validUntil: '2026-11-23T11:00:00Z' }), 'staff');
    expect((await app.ok('visit.onSite', {}, 'staff')).visits[0]!.deviceUse).toMatchObject({ approved: true });
    app.clock.set('2026-11-23T11:00:01Z');
    await app.ok('staff.unlock', { staffId: app.adminId, pin: ADMIN_PIN }, 'staff');
    expect((await app.ok('visit.onSite', {}, 'staff')).visits[0]!.deviceUse).toMatchObject({ approved: false, endedBecause: 'expired' });
    expect((await app.ok('exception.list', { visitId: visit.visitId }, 'staff')).exceptions[0]!.state).toBe('expired');
  });

  it('revocation records who and why, and the console flags the device that should now be in the safe', async () => {
    const app = await createSetUpApp();
    const visit = await inspectorOnSite(app);
    const { exceptionId } = await app.ok('exception.approve', approval(app, visit.visitId), 'staff');
    const revoked = await app.ok('exception.revoke', { exceptionId, reason: 'Photographed a classroom display with children' }, 'staff');
    expect(revoked).toMatchObject({ state: 'revoked', revokedBy: 'Priya Shah', revokeReason: 'Photographed a classroom display with children' });
    expect((await app.ok('visit.onSite', {}, 'staff')).visits[0]!.deviceUse).toMatchObject({ approved: false, endedBecause: 'revoked' });
    expect((await app.fails('exception.revoke', { exceptionId, reason: 'again' }, 'staff')).code).toBe('conflict');
    await expect(app.db.run(`UPDATE device_exceptions SET permitted_areas = 'Everywhere' WHERE id = ?`, [exceptionId])).rejects.toThrow(/only be revoked/);
    await expect(app.db.run('DELETE FROM device_exceptions')).rejects.toThrow(/never deleted/);
  });

  it('revoking needs a DSL session', async () => {
    const app = await createSetUpApp();
    const visit = await inspectorOnSite(app);
    const { exceptionId } = await app.ok('exception.approve', approval(app, visit.visitId), 'staff');
    expect((await app.fails('exception.revoke', { exceptionId, reason: 'x' }, await officeConsole(app))).code).toBe('forbidden');
  });

  it.each([
    ['an end before its start', { validFrom: '2026-11-23T12:00:00Z', validUntil: '2026-11-23T10:00:00Z' }, 'validUntil'],
    ['an unknown visit', { target: { type: 'visit', visitId: 9999 } }, null],
    ['a 10,000-character note', { riskNotes: 'x'.repeat(10_000) }, 'riskNotes'],
    ['"other" with no purpose given', { purpose: 'other' }, 'purposeDetail'],
    ['no devices', { devices: [] }, 'devices'],
    ['no checklist', { riskChecklist: [] }, 'riskChecklist'],
  ])('refuses %s and changes nothing', async (_label, change, field) => {
    const app = await createSetUpApp();
    const visit = await inspectorOnSite(app);
    const before = await contentHash(app);
    const error = await app.fails('exception.approve', { ...approval(app, visit.visitId), ...change }, 'staff');
    if (field) expect(error.fields?.[field]).toBeTruthy();
    else expect(error.code).toBe('not_found');
    expect(await contentHash(app)).toBe(before);
  });

  it('stores HTML in permitted use as text', async () => {
    const app = await createSetUpApp();
    const visit = await inspectorOnSite(app);
    const view = await app.ok('exception.approve', approval(app, visit.visitId, { permittedUse: '<img src=x onerror=alert(1)> notes only' }), 'staff');
    expect(view.permittedUse).toBe('<img src=x onerror=alert(1)> notes only');
  });
});

describe('checks on visiting professionals', () => {
  it('records photo ID checked and DBS assurance seen on the visit', async () => {
    const app = await createSetUpApp();
    const visit = await inspectorOnSite(app);
    const result = await app.ok('visit.recordChecks', { visitId: visit.visitId, photoIdChecked: true, dbsAssuranceSeen: true }, 'staff');
    expect(result).toEqual({ visitId: visit.visitId, photoIdCheckedAt: '2026-11-23T09:00:00.000Z', dbsAssuranceSeenAt: '2026-11-23T09:00:00.000Z' });
    expect((await app.ok('visit.onSite', {}, 'staff')).visits[0]).toMatchObject({ photoIdCheckedAt: '2026-11-23T09:00:00.000Z' });
    expect((await app.fails('visit.recordChecks', { visitId: visit.visitId, photoIdChecked: 'yes', dbsAssuranceSeen: true }, 'staff')).code).toBe('invalid_input');
  });
});

describe('the printable exception record', () => {
  it('carries the approval and a QR that staff scan to see whether it is genuine and still in force', async () => {
    const { readFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { APP_ROOT } = await import('../../../src/main/core/paths.js');
    const { decodeQr, flatten, pdfText, renderFirstPageToFile, renderPdfToPngs } = await import('../../helpers/pdf.js');
    const app = await createSetUpApp();
    const visit = await inspectorOnSite(app);
    const { exceptionId } = await app.ok('exception.approve', approval(app, visit.visitId), 'staff');
    const { print } = await app.ok('exception.record', { exceptionId }, 'staff');
    const pdf = readFileSync(app.documentLinks.resolve(print.documentId!)!);
    if (process.env.SAFE_HANDS_UPDATE_SCREENSHOTS === '1') await renderFirstPageToFile(pdf, join(APP_ROOT, 'docs', 'screenshots', 'exception-record.png'));
    const text = flatten(await pdfText(pdf));
    for (const expected of ['Helen Marsh', 'Inspection (Ofsted or ISI)', 'Office and staffroom', 'Approved for this visit only', 'Priya Shah']) expect(text).toContain(expected);
    const [page] = await renderPdfToPngs(pdf);
    const code = decodeQr(page!)!;
    expect(await app.ok('exception.lookup', { code }, 'staff')).toMatchObject({ exceptionId, state: 'active', visitorName: 'Helen Marsh' });
    await app.ok('exception.revoke', { exceptionId, reason: 'Photos in the hall' }, 'staff');
    expect((await app.ok('exception.lookup', { code }, 'staff')).state).toBe('revoked');
    expect((await app.fails('exception.lookup', { code: 'B'.repeat(26) }, 'staff')).message).toMatch(/not an approval Safe Hands knows/);
  });
});

describe('the safe view', () => {
  it('shows "device use approved" with its limits beside what is held for that visitor', async () => {
    const { logIntoSafe } = await import('../../helpers/custody.js');
    const app = await createSetUpApp();
    const { visitId } = await logIntoSafe(app);
    await app.ok('exception.approve', approval(app, visitId, { devices: [{ kind: 'laptop', quantity: 1 }] }), 'staff');
    const group = (await app.ok('custody.inSafe', {}, 'staff')).owners.find((o) => o.visitId === visitId)!;
    expect(group.deviceUse).toMatchObject({ approved: true, permittedAreas: 'Office and staffroom' });
  });
});

describe('devices an approval lets the visitor keep', () => {
  it('are not waiting for the safe while the approval is in force, and are again once it is revoked', async () => {
    const app = await createSetUpApp();
    const visit = await newVisitor(app, {
      firstName: 'Helen', lastName: 'Marsh', visitorType: 'inspector', visiting: 'Inspection',
      devices: [{ kind: 'laptop', quantity: 1 }, { kind: 'phone', quantity: 2 }],
    });
    const waiting = async () => (await app.ok('custody.pendingHandovers', {}, 'staff')).handovers.map((h) => ({ devices: h.devices, approved: h.devicesApproved }));
    expect(await waiting()).toEqual([{ devices: [{ kind: 'laptop', quantity: 1 }, { kind: 'phone', quantity: 2 }], approved: [] }]);

    // The laptop and one phone are approved: one phone is still to go in the safe.
    const partial = await app.ok('exception.approve', approval(app, visit.visitId, { devices: [{ kind: 'laptop', quantity: 1 }, { kind: 'phone', quantity: 1 }] }), 'staff');
    expect(await waiting()).toEqual([{ devices: [{ kind: 'phone', quantity: 1 }], approved: [{ kind: 'laptop', quantity: 1 }, { kind: 'phone', quantity: 1 }] }]);
    await app.ok('exception.revoke', { exceptionId: partial.exceptionId, reason: 'Approved too much' }, 'staff');

    // Everything declared is approved: nothing is waiting, and no "Log into safe" is offered.
    const whole = await app.ok('exception.approve', approval(app, visit.visitId, { devices: [{ kind: 'laptop', quantity: 1 }, { kind: 'phone', quantity: 3 }] }), 'staff');
    expect(await waiting()).toEqual([]);

    // Revoked: the devices should be in the safe, so they are waiting again.
    await app.ok('exception.revoke', { exceptionId: whole.exceptionId, reason: 'Photographed a classroom display' }, 'staff');
    expect(await waiting()).toEqual([{ devices: [{ kind: 'laptop', quantity: 1 }, { kind: 'phone', quantity: 2 }], approved: [] }]);
  });
});
