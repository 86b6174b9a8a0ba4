import { afterEach, describe, expect, it } from 'vitest';
import { ADMIN_PIN, contentHash, count, createSetUpApp, disposeAll, newVisitor } from '../helpers/test-app.js';

afterEach(disposeAll);

describe('a first-time visitor signs in', () => {
  it('records the visit against the exact expectations version and a pending handover for two devices', () => {
    const app = createSetUpApp();
    const policy = app.ok('kiosk.config', {}).policy;
    const result = newVisitor(app, {
      devices: [
        { kind: 'phone', quantity: 1 },
        { kind: 'smart_watch', quantity: 1 },
      ],
    });
    expect(result).toMatchObject({ firstName: 'Sam', devicesToHandIn: 2 });
    const ack = app.db
      .prepare('SELECT a.policy_version_id FROM visits v JOIN acknowledgements a ON a.id = v.acknowledgement_id WHERE v.id = ?')
      .get(result.visitId);
    expect(ack).toEqual({ policy_version_id: policy.versionId });

    const pending = app.ok('console.pendingHandovers', {}, 'staff').handovers;
    expect(pending).toHaveLength(1);
    expect(pending[0]).toMatchObject({
      firstName: 'Sam', lastName: 'Bennett', visitorSignedOut: false,
      devices: [{ kind: 'phone', quantity: 1 }, { kind: 'smart_watch', quantity: 1 }],
    });
    const onSite = app.ok('console.onSite', {}, 'staff').visits;
    expect(onSite.map((v) => `${v.firstName} ${v.lastName}`)).toEqual(['Sam Bennett']);
    expect(onSite[0]!.policyVersion).toBe(policy.version);
  });

  it('makes no pending handover when nothing is declared', () => {
    const app = createSetUpApp();
    newVisitor(app);
    expect(app.ok('console.pendingHandovers', {}, 'staff').handovers).toEqual([]);
    expect(count(app, 'handovers')).toBe(0);
  });

  it('stores unicode names exactly as typed and HTML as plain text', () => {
    const app = createSetUpApp();
    const names = [
      { firstName: 'Zoë', lastName: "O'Brien-Łukasz" },
      { firstName: '芳', lastName: '王' },
      { firstName: 'Ada 🌟', lastName: 'Lovelace' },
      { firstName: '<img src=x onerror=alert(1)>', lastName: "Robert'); DROP TABLE visitors;--" },
    ];
    for (const n of names) newVisitor(app, { ...n, organisation: null });
    const stored = app.ok('console.onSite', {}, 'staff').visits.map((v) => [v.firstName, v.lastName]);
    expect(stored).toEqual(names.map((n) => [n.firstName, n.lastName]));
    expect(count(app, 'visitors')).toBe(4);
  });

  it('never shows another visitor a full name at the kiosk, even a surname of one character', () => {
    const app = createSetUpApp();
    newVisitor(app, { firstName: '芳', lastName: '王', organisation: null });
    newVisitor(app, { firstName: 'Bo', lastName: 'O', organisation: null });
    const returning = app.ok('visitor.findReturning', { surnamePrefix: '王' }).matches.map((m) => m.displayName);
    expect(returning).toEqual(['芳']);
    expect(app.ok('visitor.findReturning', { surnamePrefix: 'o' }).matches.map((m) => m.displayName)).toEqual(['Bo']);
    const leaving = app.ok('visit.findOnSite', { surnamePrefix: '王' }).matches.map((m) => m.displayName);
    expect(leaving).toEqual(['芳']);
  });

  it('trims and collapses spaces, and treats a blank organisation as none', () => {
    const app = createSetUpApp();
    newVisitor(app, { firstName: '  Mary   Jane ', organisation: '   ' });
    const visit = app.ok('console.onSite', {}, 'staff').visits[0]!;
    expect(visit.firstName).toBe('Mary Jane');
    expect(visit.organisation).toBeNull();
  });

  it('refuses a sign-in against an expectations version that is no longer current', () => {
    const app = createSetUpApp();
    const before = contentHash(app);
    const error = app.fails('visit.signInNew', {
      firstName: 'Sam', lastName: 'Bennett', organisation: null, visitorType: 'contractor', visiting: 'x', policyVersionId: 999, devices: [],
    });
    expect(error.code).toBe('stale_policy');
    expect(contentHash(app)).toBe(before);
  });

  it('does not sign the same person in twice', () => {
    const app = createSetUpApp();
    newVisitor(app);
    const before = contentHash(app);
    const policyVersionId = app.ok('kiosk.config', {}).policy.versionId;
    const error = app.fails('visit.signInNew', {
      firstName: 'sam', lastName: 'BENNETT', organisation: 'Bright Sparks Electrical', visitorType: 'contractor', visiting: 'again', policyVersionId, devices: [],
    });
    expect(error.code).toBe('conflict');
    expect(contentHash(app)).toBe(before);
  });
});

describe('a returning visitor', () => {
  function visitedBefore() {
    const app = createSetUpApp();
    const first = newVisitor(app, { firstName: 'Zoë', lastName: "O'Brien-Łukasz", organisation: 'Kent LA' });
    app.ok('visit.signOut', { visitId: first.visitId });
    app.clock.advance(24 * 3600_000);
    // A day later the console has locked itself; the office unlocks it again.
    app.ok('staff.unlock', { staffId: app.adminId, pin: ADMIN_PIN }, 'staff');
    return app;
  }

  it('is found by three letters of the surname, accents and apostrophes ignored, showing only first name and initial', () => {
    const app = visitedBefore();
    for (const typed of ['obr', "O'B", 'OBR']) {
      const { matches } = app.ok('visitor.findReturning', { surnamePrefix: typed });
      expect(matches).toHaveLength(1);
      expect(matches[0]).toMatchObject({ displayName: 'Zoë O.', organisation: 'Kent LA' });
      expect(JSON.stringify(matches)).not.toContain('Brien');
    }
    expect(app.ok('visitor.findReturning', { surnamePrefix: 'xyz' }).matches).toEqual([]);
  });

  it('finds Łukasz by typing a plain l', () => {
    const app = createSetUpApp();
    newVisitor(app, { firstName: 'Anna', lastName: 'Łukasz' });
    expect(app.ok('visitor.findReturning', { surnamePrefix: 'luk' }).matches[0]?.displayName).toBe('Anna Ł.');
  });

  it('lists at most six matches, most recent visitor first', () => {
    const app = createSetUpApp();
    for (let i = 0; i < 9; i += 1) {
      const { visitId } = newVisitor(app, { firstName: `Person${i}`, lastName: `Smith`, organisation: `Org ${i}` });
      app.ok('visit.signOut', { visitId });
      app.clock.advance(60_000);
    }
    const { matches } = app.ok('visitor.findReturning', { surnamePrefix: 'smi' });
    expect(matches).toHaveLength(6);
    expect(matches[0]!.displayName).toBe('Person8 S.');
  });

  it('signs in without re-reading when the expectations have not changed, keeping the earlier acknowledgement', () => {
    const app = visitedBefore();
    const visitorId = app.ok('visitor.findReturning', { surnamePrefix: 'obr' }).matches[0]!.visitorId;
    expect(app.ok('visitor.returningStatus', { visitorId })).toEqual({ needsAcknowledgement: false });
    const acksBefore = count(app, 'acknowledgements');
    const result = app.ok('visit.signInReturning', { visitorId, devices: [{ kind: 'phone', quantity: 1 }] });
    expect(result).toMatchObject({ firstName: 'Zoë', devicesToHandIn: 1 });
    expect(count(app, 'acknowledgements')).toBe(acksBefore);
    const visit = app.ok('console.onSite', {}, 'staff').visits[0]!;
    expect(visit.visiting).toBe('Fixing the hall lights');
    expect(visit.visitorType).toBe('contractor');
  });

  it('must re-acknowledge on every visit when the setting says so', () => {
    const app = visitedBefore();
    app.ok('settings.update', { reacknowledge: 'every_visit' }, 'staff');
    const visitorId = app.ok('visitor.findReturning', { surnamePrefix: 'obr' }).matches[0]!.visitorId;
    expect(app.ok('visitor.returningStatus', { visitorId })).toEqual({ needsAcknowledgement: true });
    const before = contentHash(app);
    expect(app.fails('visit.signInReturning', { visitorId, devices: [] }).code).toBe('stale_policy');
    expect(contentHash(app)).toBe(before);
    const policyVersionId = app.ok('kiosk.config', {}).policy.versionId;
    app.ok('visit.signInReturning', { visitorId, acknowledgedPolicyVersionId: policyVersionId, devices: [], visiting: 'Meeting the head' });
    expect(app.ok('console.onSite', {}, 'staff').visits[0]!.visiting).toBe('Meeting the head');
  });

  it('must re-acknowledge when a new version of the expectations was published since', () => {
    const app = visitedBefore();
    const now = app.clock.now().toISOString();
    app.db.prepare(`INSERT INTO policy_versions (version, title, summary_json, full_text, review_due, created_at) VALUES (2, 'v2', '["a"]', 'text', ?, ?)`).run(now, now);
    const visitorId = app.ok('visitor.findReturning', { surnamePrefix: 'obr' }).matches[0]!.visitorId;
    expect(app.ok('visitor.returningStatus', { visitorId })).toEqual({ needsAcknowledgement: true });
  });

  it('an unknown visitor id is a clear not-found', () => {
    const app = createSetUpApp();
    expect(app.fails('visit.signInReturning', { visitorId: 12345, devices: [] }).code).toBe('not_found');
    expect(app.fails('visitor.returningStatus', { visitorId: 12345 }).code).toBe('not_found');
  });
});
