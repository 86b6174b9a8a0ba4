import { afterEach, describe, expect, it } from 'vitest';
import { contentHash, createSetUpApp, disposeAll, newVisitor } from '../../helpers/test-app.js';

afterEach(disposeAll);

async function withOfficeStaff() {
  const app = await createSetUpApp();
  for (const [name, pin] of [['Olu Office', '1357'], ['Kim Office', '2468']] as const) {
    const s = await app.okAsync('staff.create', { displayName: name, roles: [], pin, pinAgain: pin }, 'staff');
    await app.okAsync('staff.unlock', { staffId: s.staffId, pin }, name);
  }
  return app;
}

const CONCERN = {
  aboutType: 'visitor' as const,
  aboutName: 'Man in a blue coat',
  location: 'Reception',
  whatHappened: 'Took a photo of the <script>alert(1)</script> display board with children in view.',
  actionTaken: 'Asked him to delete it; he did.',
};

describe('concerns', () => {
  it('any staff member records one, linked to the visit; the DSL sees it, reviews it and closes it', async () => {
    const app = await withOfficeStaff();
    const visit = newVisitor(app);
    const raised = app.ok('concern.raise', { ...CONCERN, visitId: visit.visitId }, 'Olu Office');
    expect(raised).toMatchObject({ raisedBy: 'Olu Office', status: 'new', visitId: visit.visitId, whatHappened: CONCERN.whatHappened });
    expect(app.ok('concern.list', {}, 'staff').concerns.map((c) => c.concernId)).toEqual([raised.concernId]);
    const reviewed = app.ok('concern.review', { concernId: raised.concernId, outcome: 'Spoke to his employer.', close: false }, 'staff');
    expect(reviewed).toMatchObject({ status: 'reviewed', reviewedBy: 'Priya Shah' });
    const closed = app.ok('concern.review', { concernId: raised.concernId, outcome: 'No further action.', close: true }, 'staff');
    expect(closed.status).toBe('closed');
    expect(app.fails('concern.review', { concernId: raised.concernId, outcome: 'Again', close: true }, 'staff').code).toBe('conflict');
  });

  it('office staff see only the concerns they wrote, and cannot review', async () => {
    const app = await withOfficeStaff();
    app.ok('concern.raise', CONCERN, 'Olu Office');
    const kims = app.ok('concern.raise', { ...CONCERN, aboutName: 'Delivery driver' }, 'Kim Office');
    expect(app.ok('concern.list', {}, 'Kim Office').concerns.map((c) => c.concernId)).toEqual([kims.concernId]);
    expect(app.ok('concern.list', {}, 'staff').concerns).toHaveLength(2);
    expect(app.fails('concern.review', { concernId: kims.concernId, outcome: 'x', close: true }, 'Kim Office').code).toBe('forbidden');
  });

  it('keeps concern details out of the audit trail, which everyone with audit access reads', async () => {
    const app = await withOfficeStaff();
    app.ok('concern.raise', CONCERN, 'Olu Office');
    const details = app.db.prepare(`SELECT detail_json FROM audit_log WHERE action = 'concern.raise'`).pluck().get() as string;
    expect(details).not.toContain('blue coat');
    expect(() => app.db.prepare('DELETE FROM concerns').run()).toThrow(/never deleted/);
  });

  it.each([
    [{ ...CONCERN, whatHappened: '' }, 'whatHappened'],
    [{ ...CONCERN, aboutType: 'alien' }, 'aboutType'],
    [{ ...CONCERN, location: 'x'.repeat(10_000) }, 'location'],
  ])('refuses a bad concern and changes nothing (%#)', async (input, field) => {
    const app = await withOfficeStaff();
    const before = contentHash(app);
    expect(app.fails('concern.raise', input, 'Olu Office').fields?.[field]).toBeTruthy();
    expect(contentHash(app)).toBe(before);
  });

  it('an unknown visit is refused', async () => {
    const app = await withOfficeStaff();
    expect(app.fails('concern.raise', { ...CONCERN, visitId: 999 }, 'Olu Office').code).toBe('not_found');
  });
});
