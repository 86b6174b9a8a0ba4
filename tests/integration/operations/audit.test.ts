import { afterEach, describe, expect, it } from 'vitest';
import { asAnotherProgram } from '../../helpers/another-program.js';
import { createSetUpApp, disposeAll, newVisitor } from '../../helpers/test-app.js';

afterEach(disposeAll);

describe('the audit trail', () => {
  it('records who did what, in the same transaction as the change', async () => {
    const app = await createSetUpApp();
    await newVisitor(app, { devices: [{ kind: 'phone', quantity: 1 }] });
    await app.ok('settings.update', { idleSeconds: 120 }, 'staff');
    const rows = (await app.db.all('SELECT actor_label, action, entity FROM audit_log ORDER BY id')) as { actor_label: string; action: string }[];
    expect(rows.map((r) => r.action)).toEqual([
      'audit.sealing_started', 'setup.create', 'staff.create', 'policy.create', 'staff.unlock',
      'visitor.create', 'handover.declare', 'visit.sign_in', 'settings.update',
    ]);
    expect(rows.find((r) => r.action === 'visit.sign_in')?.actor_label).toBe('kiosk');
    expect(rows.find((r) => r.action === 'settings.update')?.actor_label).toBe('Priya Shah');
  });

  it('cannot be edited or deleted through SQL', async () => {
    const app = await createSetUpApp();
    await expect(app.db.run(`UPDATE audit_log SET action = 'x' WHERE id = 1`)).rejects.toThrow(/append-only/);
    await expect(app.db.run('DELETE FROM audit_log')).rejects.toThrow(/append-only/);
  });

  it('verifies, and points at the first row someone changed behind the triggers', async () => {
    const app = await createSetUpApp();
    await newVisitor(app);
    expect(await app.ok('audit.verify', {}, 'staff')).toMatchObject({ ok: true, firstBrokenId: null });
    const checked = (await app.ok('audit.verify', {}, 'staff')).checked;
    expect(checked).toBeGreaterThan(4);

    await asAnotherProgram(app, (db) => db.run(`UPDATE audit_log SET detail_json = '{"settingName":"Someone Else"}' WHERE id = 3`));
    expect(await app.ok('audit.verify', {}, 'staff')).toMatchObject({ ok: false, checked: 2, firstBrokenId: 3 });
  });

  it('detects a deleted row by the gap in the chain', async () => {
    const app = await createSetUpApp();
    await newVisitor(app);
    await asAnotherProgram(app, (db) => db.run('DELETE FROM audit_log WHERE id = 2'));
    expect(await app.ok('audit.verify', {}, 'staff')).toMatchObject({ ok: false, firstBrokenId: 3, problems: ['Audit entry 2 has been removed.'] });
  });
});

describe('browsing the audit trail', () => {
  it('the DSL and administrators see it newest first, filtered and a page at a time; office staff cannot', async () => {
    const app = await createSetUpApp();
    for (let i = 0; i < 5; i += 1) await newVisitor(app, { firstName: `P${i}`, lastName: `Q${i}` });
    const first = await app.ok('audit.list', { action: 'visit.sign_in', limit: 2 }, 'staff');
    expect(first.entries.map((e) => e.action)).toEqual(['visit.sign_in', 'visit.sign_in']);
    expect(first.entries[0]!.id).toBeGreaterThan(first.entries[1]!.id);
    expect(first.entries[0]!.actor).toBe('kiosk');
    const second = await app.ok('audit.list', { action: 'visit.sign_in', limit: 2, beforeId: first.moreBefore! }, 'staff');
    expect(second.entries[0]!.id).toBeLessThan(first.entries[1]!.id);
    const third = await app.ok('audit.list', { action: 'visit.sign_in', limit: 2, beforeId: second.moreBefore! }, 'staff');
    expect(third).toMatchObject({ moreBefore: null });
    expect(third.entries).toHaveLength(1);
    expect((await app.ok('audit.list', { from: '2026-11-24' }, 'staff')).entries).toEqual([]);
    // Some actions carry a capital letter (the command's own name): the filter finds them too.
    const concern = await app.ok('concern.raise', { aboutType: 'visitor', aboutName: 'P0 Q0', visitId: null, location: 'Hall', whatHappened: 'Photo', actionTaken: 'Spoke' }, 'staff');
    await app.ok('concern.review', { concernId: concern.concernId, outcome: 'Closed', close: true }, 'staff');
    await app.ok('concern.recordDebrief', { concernId: concern.concernId, lessonsLearnt: 'Signs at the gate', practiceChange: null }, 'staff');
    expect((await app.ok('audit.list', { action: 'concern.recordDebrief' }, 'staff')).entries.map((e) => e.entityId)).toEqual([concern.concernId]);

    const admin = await app.ok('staff.create', { displayName: 'Ade Admin', roles: ['admin'], pin: '135790', pinAgain: '135790' }, 'staff');
    await app.ok('staff.unlock', { staffId: admin.staffId, pin: '135790' }, 'admin-only');
    expect((await app.ok('audit.verify', {}, 'admin-only')).ok).toBe(true);
    const office = await app.ok('staff.create', { displayName: 'Olu Office', roles: [], pin: '2468', pinAgain: '2468' }, 'staff');
    await app.ok('staff.unlock', { staffId: office.staffId, pin: '2468' }, 'office');
    expect((await app.fails('audit.list', {}, 'office')).code).toBe('forbidden');
  });
});
