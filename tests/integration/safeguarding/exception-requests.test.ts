import { afterEach, describe, expect, it } from 'vitest';
import type { CommandInput } from '../../../src/shared/contract/index.js';
import { DEFAULT_RISK_CHECKLIST } from '../../../src/shared/domain/exceptions.js';
import { editWhileClosed } from '../../helpers/another-program.js';
import { addColleagues, OFFICE, unlockAgain, type Colleague, type SetUp } from '../../helpers/learner-staff.js';
import { ADMIN_PIN, contentHash, count, createSetUpApp, disposeAll, lastAuditDetail, newVisitor, scalar, DUPLICATE_REFUSED } from '../../helpers/test-app.js';

afterEach(disposeAll);

const DSL_PIN = '246813';
const DSL: Colleague = { displayName: 'Dee Safeguarding', roles: ['dsl'], pin: DSL_PIN, console: 'dsl' };

/** A school at 09:00 on Monday 23 November 2026: Olu at the office console, Dee (the DSL) at hers. */
async function school(): Promise<{ app: SetUp; officeId: number; dslId: number }> {
  const app = await createSetUpApp();
  const [officeId, dslId] = await addColleagues(app, OFFICE, DSL);
  return { app, officeId: officeId!, dslId: dslId! };
}

/** A local authority officer signs in at the kiosk. */
function officer(app: SetUp, firstName = 'Ines', lastName = 'Duarte') {
  return newVisitor(app, { firstName, lastName, organisation: 'Kent County Council', visitorType: 'local_authority', visiting: 'The SENCo' });
}

/** What the kiosk sends (no session: the public kiosk). */
function ask(visitId: number, change: Partial<CommandInput<'exceptionRequest.request'>> = {}): CommandInput<'exceptionRequest.request'> {
  return { visitId, deviceKind: 'phone', purpose: 'Notes for the review meeting', ...change };
}

function approval(visitId: number, approver: { staffId: number; pin: string }, requestId?: number): CommandInput<'exception.approve'> {
  return {
    target: { type: 'visit', visitId },
    purpose: 'local_authority',
    devices: [{ kind: 'phone', quantity: 1 }],
    permittedUse: 'Notes for the review meeting only',
    permittedAreas: 'The meeting room',
    riskChecklist: DEFAULT_RISK_CHECKLIST.map((item) => ({ item, checked: true })),
    approver,
    ...(requestId !== undefined ? { requestId } : {}),
  };
}

const requests = async (app: SetUp) =>
  (await app.db.all('SELECT id, visit_id, device_kind, purpose, decision, exception_id, decline_reason, decided_by FROM exception_requests ORDER BY id'));

describe("a visitor's request at the kiosk to keep a device", () => {
  it('is made at the public kiosk, and only the DSL reads the requests; they reach the DSL and the on-site list, their words kept out of the audit trail', async () => {
    const { app } = await school();
    const visit = await officer(app);
    expect((await app.fails('exceptionRequest.listOpen', {})).code).toBe('locked');

    expect(await app.ok('exceptionRequest.request', ask(visit.visitId))).toEqual({ requested: true });
    expect((await app.fails('exceptionRequest.listOpen', {})).code).toBe('locked');
    const [open] = (await app.ok('exceptionRequest.listOpen', {}, 'dsl')).requests;
    expect(open).toEqual({
      requestId: expect.any(Number), visitId: visit.visitId, visitorName: 'Ines Duarte',
      visitorDetail: 'Local authority officer · Kent County Council · visiting The SENCo',
      deviceKind: 'phone', purpose: 'Notes for the review meeting', requestedAt: '2026-11-23T09:00:00.000Z',
    });
    expect((await app.fails('exceptionRequest.listOpen', {}, 'office')).code).toBe('forbidden');
    // The office sees that someone is waiting for the DSL, so nobody challenges or hurries them.
    expect((await app.ok('visit.onSite', {}, 'office')).visits[0]!.exceptionRequest).toEqual({
      requestId: open!.requestId, deviceKind: 'phone', purpose: 'Notes for the review meeting', requestedAt: '2026-11-23T09:00:00.000Z',
    });
    expect(await lastAuditDetail(app, 'exceptionRequest.request')).toEqual({ visitId: visit.visitId, deviceKind: 'phone' });
  });

  it('is refused for a visit signed out, unknown, or signed in too long ago, and a second one while the first waits; nothing changes', async () => {
    const { app } = await school();
    const gone = await officer(app, 'Rita', 'Whitfield');
    await app.ok('visit.signOut', { visitId: gone.visitId });
    const visit = await officer(app);
    const before = await contentHash(app);
    expect(await app.fails('exceptionRequest.request', ask(gone.visitId))).toMatchObject({ code: 'conflict', message: 'Please ask at the office if you need to keep a device.' });
    expect((await app.fails('exceptionRequest.request', ask(9999))).message).toBe('Please ask at the office if you need to keep a device.');
    expect((await app.fails('exceptionRequest.request', ask(visit.visitId, { purpose: '   ' }))).fields).toEqual({ purpose: 'Please say what you need it for.' });
    expect((await app.fails('exceptionRequest.request', ask(visit.visitId, { deviceKind: 'drone' as never }))).code).toBe('invalid_input');
    expect(await contentHash(app)).toBe(before);

    await app.ok('exceptionRequest.request', ask(visit.visitId));
    const asked = await contentHash(app);
    expect((await app.fails('exceptionRequest.request', ask(visit.visitId, { deviceKind: 'laptop' }))).message).toMatch(/^You have already asked to keep a device\./);
    expect(await contentHash(app)).toBe(asked);

    // Someone at the kiosk later in the day cannot ask on behalf of a visitor who signed in this morning.
    const later = await officer(app, 'Tom', 'Price');
    app.clock.advance(16 * 60_000);
    expect((await app.fails('exceptionRequest.request', ask(later.visitId))).code).toBe('conflict');
    // The schema holds one waiting request per visit against a race as well.
    await expect(app.db.run(`INSERT INTO exception_requests (visit_id, device_kind, purpose, requested_at) VALUES (?, 'phone', 'x', 'y')`, [visit.visitId])).rejects.toThrow(DUPLICATE_REFUSED);
  });

  it('is declined once by a DSL with a reason, then leaves the inbox and the on-site list', async () => {
    const { app, dslId } = await school();
    const visit = await officer(app);
    await app.ok('exceptionRequest.request', ask(visit.visitId));
    const requestId = (await app.ok('exceptionRequest.listOpen', {}, 'dsl')).requests[0]!.requestId;
    expect((await app.fails('exceptionRequest.decline', { requestId, reason: 'No' }, 'office')).code).toBe('forbidden');
    expect((await app.fails('exceptionRequest.decline', { requestId, reason: ' ' }, 'dsl')).fields).toEqual({ reason: 'Say why the visitor may not keep the device.' });

    expect(await app.ok('exceptionRequest.decline', { requestId, reason: 'Use the school laptop in the meeting room' }, 'dsl')).toEqual({ declined: true });
    expect(await requests(app)).toEqual([{
      id: requestId, visit_id: visit.visitId, device_kind: 'phone', purpose: 'Notes for the review meeting', decision: 'declined', exception_id: null,
      decline_reason: 'Use the school laptop in the meeting room', decided_by: dslId,
    }]);
    expect(await app.fails('exceptionRequest.decline', { requestId, reason: 'Again' }, 'dsl')).toMatchObject({ code: 'conflict', message: 'That request has already been declined. Refresh the inbox.' });
    expect((await app.ok('inbox.list', {}, 'dsl')).items).toEqual([]);
    expect((await app.ok('visit.onSite', {}, 'office')).visits[0]!.exceptionRequest).toBeNull();
    // Decided once: the decision cannot be rewritten, nor the request deleted.
    await expect(app.db.run(`UPDATE exception_requests SET decline_reason = 'Changed'`)).rejects.toThrow(/decided once/);
    await expect(app.db.run('DELETE FROM exception_requests')).rejects.toThrow(/never deleted/);
    expect(await count(app, 'device_exceptions')).toBe(0);
  });

  it('is closed by the approval that answers it, in the same transaction: a wrong PIN, or a failure after the approval is written, leaves it waiting', async () => {
    const { app, dslId } = await school();
    const visit = await officer(app);
    const other = await officer(app, 'Tom', 'Price');
    await app.ok('exceptionRequest.request', ask(visit.visitId));
    await app.ok('exceptionRequest.request', ask(other.visitId, { deviceKind: 'laptop', purpose: 'Slides' }));
    const [mine, theirs] = (await app.ok('exceptionRequest.listOpen', {}, 'dsl')).requests.map((r) => r.requestId);

    expect((await app.fails('exception.approve', approval(visit.visitId, { staffId: dslId, pin: '999999' }, mine), 'office')).code).toBe('wrong_pin');
    // Another visitor's request: the approval it would have written is rolled back with it.
    expect(await app.fails('exception.approve', approval(visit.visitId, { staffId: dslId, pin: DSL_PIN }, theirs), 'office')).toMatchObject({
      code: 'invalid_input', fields: { requestId: 'That request is for another visit.' },
    });
    expect(await count(app, 'device_exceptions')).toBe(0);
    expect((await app.ok('exceptionRequest.listOpen', {}, 'dsl')).requests).toHaveLength(2);

    const approved = await app.ok('exception.approve', approval(visit.visitId, { staffId: dslId, pin: DSL_PIN }, mine), 'office');
    expect((await requests(app))[0]).toMatchObject({ id: mine, decision: 'approved', exception_id: approved.exceptionId, decided_by: dslId });
    expect(await lastAuditDetail(app, 'exception.approve')).toMatchObject({ requestId: mine });
    // Approving the same request again writes no second approval.
    expect((await app.fails('exception.approve', approval(visit.visitId, { staffId: dslId, pin: DSL_PIN }, mine), 'office')).message)
      .toBe('That request has already been approved. Refresh the inbox.');
    expect(await count(app, 'device_exceptions')).toBe(1);
    expect((await app.ok('visit.onSite', {}, 'office')).visits.map((v) => [v.firstName, v.exceptionRequest?.deviceKind ?? null, v.deviceUse?.approved ?? null]))
      .toEqual([['Ines', null, true], ['Tom', 'laptop', null]]);
    // The schema holds that an approval closes only a request of its own visit.
    await expect(app.db.run(`UPDATE exception_requests SET decision = 'approved', exception_id = ?, decided_by = ?, decided_at = 'x' WHERE id = ?`, [approved.exceptionId, dslId, theirs])).rejects.toThrow(/same visit|UNIQUE/);
  });

  it('lapses when the visitor signs out before the DSL decides: gone from the inbox, and nothing left to decline', async () => {
    const { app } = await school();
    const visit = await officer(app);
    await app.ok('exceptionRequest.request', ask(visit.visitId));
    const requestId = (await app.ok('exceptionRequest.listOpen', {}, 'dsl')).requests[0]!.requestId;
    await app.ok('visit.signOut', { visitId: visit.visitId });
    expect((await app.ok('inbox.list', {}, 'dsl')).items).toEqual([]);
    expect((await app.fails('exceptionRequest.decline', { requestId, reason: 'Too late' }, 'dsl')).message).toBe('That visitor has already signed out, so there is nothing left to decide.');
  });

  it("waits in the DSL's inbox after new concerns, oldest first, saying who asks for what", async () => {
    const { app } = await school();
    await app.ok('concern.raise', { aboutType: 'visitor', aboutName: 'Man in a blue coat', visitId: null, location: 'Reception', whatHappened: 'Filmed.', actionTaken: 'Asked him to stop.' }, 'office');
    const first = await officer(app);
    await app.ok('exceptionRequest.request', ask(first.visitId));
    app.clock.advance(2 * 60_000);
    const second = await officer(app, 'Tom', "O'Neill");
    await app.ok('exceptionRequest.request', ask(second.visitId, { deviceKind: 'e_reader', purpose: 'Reading the care plan' }));
    const items = (await app.ok('inbox.list', {}, 'dsl')).items;
    expect(items.map((i) => [i.kind, i.title, i.opens])).toEqual([
      ['concern', 'A visitor: Man in a blue coat', 'concerns'],
      ['exception_request', 'Ines Duarte asks to keep a phone: Notes for the review meeting', 'approval'],
      ['exception_request', "Tom O'Neill asks to keep an e-reader: Reading the care plan", 'approval'],
    ]);
    expect(items[1]!.detail).toBe('Local authority officer · Kent County Council · visiting The SENCo · Asked at the kiosk on 23 Nov 2026, 09:00. The device goes in the safe until you decide.');
    expect(items[1]!.since).toBe('2026-11-23T09:00:00.000Z');
    expect(items[2]!.exceptionRequest).toMatchObject({ visitId: second.visitId, deviceKind: 'e_reader', visitorName: "Tom O'Neill" });
  });

  it("loses the visitor's words when retention removes the visitor's details, keeping the device, dates and decision", async () => {
    const { app, officeId, dslId } = await school();
    await app.ok('settings.update', { retentionYears: 1 }, 'staff');
    const visit = await officer(app);
    await app.ok('exceptionRequest.request', ask(visit.visitId));
    const requestId = (await app.ok('exceptionRequest.listOpen', {}, 'dsl')).requests[0]!.requestId;
    await app.ok('exceptionRequest.decline', { requestId, reason: 'Ines can use the office phone' }, 'dsl');
    await app.ok('visit.signOut', { visitId: visit.visitId });
    const staying = await officer(app, 'Tom', 'Price');
    await app.ok('exceptionRequest.request', ask(staying.visitId, { purpose: 'Photos of the boiler plate' }));

    app.clock.set('2027-11-24T09:00:00Z');
    await unlockAgain(app, [OFFICE, officeId], [DSL, dslId]);
    const run = await app.ok('retention.runNow', {}, 'staff');
    // Tom never signed out, so his details (and his request's words) stay.
    expect(run.exceptionRequestsCleared).toBe(1);
    expect(await lastAuditDetail(app, 'retention.purge')).toMatchObject({ exceptionRequestsCleared: 1 });
    expect(await requests(app)).toEqual([
      { id: requestId, visit_id: visit.visitId, device_kind: 'phone', purpose: 'Removed', decision: 'declined', exception_id: null, decline_reason: 'Removed', decided_by: dslId },
      expect.objectContaining({ visit_id: staying.visitId, purpose: 'Photos of the boiler plate', decision: null }),
    ]);
    expect((await app.ok('retention.runNow', {}, 'staff')).exceptionRequestsCleared).toBe(0);
    // Retention's change is the only one of its shape the schema lets through.
    await expect(app.db.run(`UPDATE exception_requests SET purpose = 'Something else' WHERE id = ?`, [requestId])).rejects.toThrow(/decided once/);
  });

  it('is sealed by the audit trail: a change made behind the app is caught', async () => {
    const { app } = await school();
    const visit = await officer(app);
    await app.ok('exceptionRequest.request', ask(visit.visitId));
    const requestId = (await scalar(app, 'SELECT id FROM exception_requests')) as number;
    // The one shape of change the triggers allow on an open request, made by another program.
    const reopened = await editWhileClosed(app, (db) => db.run(`UPDATE exception_requests SET purpose = 'Removed'`));
    await reopened.ok('staff.unlock', { staffId: reopened.adminId, pin: ADMIN_PIN }, 'staff');
    const verdict = await reopened.ok('audit.verify', {}, 'staff');
    expect(verdict.ok).toBe(false);
    expect(verdict.problems).toEqual(expect.arrayContaining([
      expect.stringMatching(new RegExp(`^Request to keep a device ${requestId} has been changed outside Safe Hands since audit entry \\d+\\.$`)),
    ]));
  });
});
