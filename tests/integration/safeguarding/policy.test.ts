import { afterEach, describe, expect, it } from 'vitest';
import { ADMIN_PIN, contentHash, createSetUpApp, disposeAll, newVisitor, sqlite } from '../../helpers/test-app.js';

afterEach(disposeAll);

const NEW_TEXT = {
  title: 'Devices at Oak Tree: what we ask',
  summary: ['Hand your phone to the office.', 'No photos of <b>children</b>.'],
  fullText: '### Why\nChildren come first.\n\n- Phones to the office\n- Watches too',
};

describe('editing the expectations', () => {
  it('makes a new version; earlier acknowledgements keep pointing at what was shown', async () => {
    const app = await createSetUpApp();
    const first = (await app.ok('kiosk.config', {})).policy;
    const visit = await newVisitor(app);
    const detail = await app.ok('policy.publish', NEW_TEXT, 'staff');
    expect(detail.current).toMatchObject({ version: 2, title: NEW_TEXT.title, summary: NEW_TEXT.summary, createdBy: 'Priya Shah' });
    expect(detail.versions.map((v) => [v.version, v.acknowledgements])).toEqual([[2, 0], [1, 1]]);
    const ack = await app.db.get('SELECT p.version, p.title FROM visits v JOIN acknowledgements a ON a.id = v.acknowledgement_id JOIN policy_versions p ON p.id = a.policy_version_id WHERE v.id = ?', [visit.visitId]);
    expect(ack).toEqual({ version: 1, title: first.title });
    expect((await app.ok('kiosk.config', {})).policy.version).toBe(2);
  });

  it('only a DSL can publish or review', async () => {
    const app = await createSetUpApp();
    const admin = await app.ok('staff.create', { displayName: 'Ade Admin', roles: ['admin'], pin: '135790', pinAgain: '135790' }, 'staff');
    await app.ok('staff.unlock', { staffId: admin.staffId, pin: '135790' }, 'admin-only');
    expect((await app.fails('policy.publish', NEW_TEXT, 'admin-only')).code).toBe('forbidden');
    expect((await app.fails('policy.recordReview', { note: 'Fine' }, 'admin-only')).code).toBe('forbidden');
  });

  it('reminds the DSL and admin when the annual review is near or overdue, and a recorded review clears it', async () => {
    const app = await createSetUpApp();
    expect((await app.ok('app.reminders', {}, 'staff')).reminders).toEqual([]);
    app.clock.set('2027-11-01T09:00:00.000Z');
    await app.ok('staff.unlock', { staffId: app.adminId, pin: ADMIN_PIN }, 'staff');
    expect((await app.ok('app.reminders', {}, 'staff')).reminders).toMatchObject([{ kind: 'policy_review', status: 'due_soon' }]);
    const office = await app.ok('staff.create', { displayName: 'Olu', roles: [], pin: '1357', pinAgain: '1357' }, 'staff');
    await app.ok('staff.unlock', { staffId: office.staffId, pin: '1357' }, 'olu');
    expect((await app.ok('app.reminders', {}, 'olu')).reminders).toEqual([]);
    app.clock.set('2027-12-01T09:00:00.000Z');
    await app.ok('staff.unlock', { staffId: app.adminId, pin: ADMIN_PIN }, 'staff');
    expect((await app.ok('app.reminders', {}, 'staff')).reminders[0]?.message).toMatch(/were due .* Review them now/);
    const reviewed = await app.ok('policy.recordReview', { note: 'Read with the head; no changes needed.' }, 'staff');
    expect(reviewed.reviewStatus).toBe('ok');
    expect(reviewed.lastReview).toMatchObject({ reviewedBy: 'Priya Shah', note: 'Read with the head; no changes needed.' });
    expect((await app.ok('app.reminders', {}, 'staff')).reminders).toEqual([]);
    expect((await app.ok('policy.get', {}, 'staff')).current.version).toBe(1);
  });

  it.each([
    [{ ...NEW_TEXT, summary: [] }, 'summary'],
    [{ ...NEW_TEXT, summary: Array(9).fill('x') }, 'summary'],
    [{ ...NEW_TEXT, fullText: 'x'.repeat(20_001) }, 'fullText'],
    [{ ...NEW_TEXT, title: '   ' }, 'title'],
    [{ ...NEW_TEXT, reviewDue: '2027-02-30' }, 'reviewDue'],
    [{ ...NEW_TEXT, reviewDue: '2020-01-01' }, 'reviewDue'],
  ])('refuses a bad new version and changes nothing (%#)', async (input, field) => {
    const app = await createSetUpApp();
    const before = await contentHash(app);
    const error = await app.fails('policy.publish', input, 'staff');
    expect(error.fields?.[field]).toBeTruthy();
    expect(await contentHash(app)).toBe(before);
  });
});
