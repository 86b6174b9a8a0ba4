import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { fullName, shortName } from '../../../src/shared/domain/names.js';
import { flatten, pdfText } from '../../helpers/pdf.js';
import { ADMIN_PIN, contentHash, count, createSetUpApp, disposeAll, newVisitor, sqlite, itOnSqlite } from '../../helpers/test-app.js';

afterEach(disposeAll);

describe('a first-time visitor signs in', () => {
  it('records the visit against the exact expectations version and a pending handover for two devices', async () => {
    const app = await createSetUpApp();
    const policy = (await app.ok('kiosk.config', {})).policy;
    const result = await newVisitor(app, {
      devices: [
        { kind: 'phone', quantity: 1 },
        { kind: 'smart_watch', quantity: 1 },
      ],
    });
    expect(result).toMatchObject({ firstName: 'Sam', devicesToHandIn: 2 });
    const ack = await app.db.get('SELECT a.policy_version_id FROM visits v JOIN acknowledgements a ON a.id = v.acknowledgement_id WHERE v.id = ?', [result.visitId]);
    expect(ack).toEqual({ policy_version_id: policy.versionId });

    const pending = (await app.ok('custody.pendingHandovers', {}, 'staff')).handovers;
    expect(pending).toHaveLength(1);
    expect(pending[0]).toMatchObject({
      firstName: 'Sam', lastName: 'Bennett', visitorSignedOut: false,
      devices: [{ kind: 'phone', quantity: 1 }, { kind: 'smart_watch', quantity: 1 }],
    });
    const onSite = (await app.ok('visit.onSite', {}, 'staff')).visits;
    expect(onSite.map((v) => `${v.firstName} ${v.lastName}`)).toEqual(['Sam Bennett']);
    expect(onSite[0]!.policyVersion).toBe(policy.version);
  });

  it('makes no pending handover when nothing is declared', async () => {
    const app = await createSetUpApp();
    await newVisitor(app);
    expect((await app.ok('custody.pendingHandovers', {}, 'staff')).handovers).toEqual([]);
    expect(await count(app, 'handovers')).toBe(0);
  });

  it('stores unicode names exactly as typed and HTML as plain text', async () => {
    const app = await createSetUpApp();
    const names = [
      { firstName: 'Zoë', lastName: "O'Brien-Łukasz" },
      { firstName: '芳', lastName: '王' },
      { firstName: 'Ada 🌟', lastName: 'Lovelace' },
      { firstName: '<img src=x onerror=alert(1)>', lastName: "Robert'); DROP TABLE visitors;--" },
    ];
    for (const n of names) await newVisitor(app, { ...n, organisation: null });
    const stored = (await app.ok('visit.onSite', {}, 'staff')).visits.map((v) => [v.firstName, v.lastName]);
    expect(stored).toEqual(names.map((n) => [n.firstName, n.lastName]));
    expect(await count(app, 'visitors')).toBe(4);
  });

  it('never shows another visitor a full name at the kiosk, even a surname of one character', async () => {
    const app = await createSetUpApp();
    await newVisitor(app, { firstName: '芳', lastName: '王', organisation: null });
    await newVisitor(app, { firstName: 'Bo', lastName: 'O', organisation: null });
    const returning = (await app.ok('visitor.findReturning', { surnamePrefix: '王' })).matches.map((m) => m.displayName);
    expect(returning).toEqual(['芳']);
    expect((await app.ok('visitor.findReturning', { surnamePrefix: 'o' })).matches.map((m) => m.displayName)).toEqual(['Bo']);
    const leaving = (await app.ok('visit.findOnSite', { surnamePrefix: '王' })).matches.map((m) => m.displayName);
    expect(leaving).toEqual(['芳']);
  });

  it('trims and collapses spaces, and treats a blank organisation as none', async () => {
    const app = await createSetUpApp();
    await newVisitor(app, { firstName: '  Mary   Jane ', organisation: '   ' });
    const visit = (await app.ok('visit.onSite', {}, 'staff')).visits[0]!;
    expect(visit.firstName).toBe('Mary Jane');
    expect(visit.organisation).toBeNull();
  });

  it('refuses a sign-in against an expectations version that is no longer current', async () => {
    const app = await createSetUpApp();
    const before = await contentHash(app);
    const error = await app.fails('visit.signInNew', {
      firstName: 'Sam', lastName: 'Bennett', organisation: null, visitorType: 'contractor', visiting: 'x', policyVersionId: 999, devices: [],
    });
    expect(error.code).toBe('stale_policy');
    expect(await contentHash(app)).toBe(before);
  });

  it('does not sign the same person in twice', async () => {
    const app = await createSetUpApp();
    await newVisitor(app);
    const before = await contentHash(app);
    const policyVersionId = (await app.ok('kiosk.config', {})).policy.versionId;
    const error = await app.fails('visit.signInNew', {
      firstName: 'sam', lastName: 'BENNETT', organisation: 'Bright Sparks Electrical', visitorType: 'contractor', visiting: 'again', policyVersionId, devices: [],
    });
    expect(error.code).toBe('conflict');
    expect(await contentHash(app)).toBe(before);
  });
});

describe('a returning visitor', () => {
  async function visitedBefore() {
    const app = await createSetUpApp();
    const first = await newVisitor(app, { firstName: 'Zoë', lastName: "O'Brien-Łukasz", organisation: 'Kent LA' });
    await app.ok('visit.signOut', { visitId: first.visitId });
    app.clock.advance(24 * 3600_000);
    // A day later the console has locked itself; the office unlocks it again.
    await app.ok('staff.unlock', { staffId: app.adminId, pin: ADMIN_PIN }, 'staff');
    return app;
  }

  it('is found by three letters of the surname, accents and apostrophes ignored, showing only first name and initial', async () => {
    const app = await visitedBefore();
    for (const typed of ['obr', "O'B", 'OBR']) {
      const { matches } = await app.ok('visitor.findReturning', { surnamePrefix: typed });
      expect(matches).toHaveLength(1);
      expect(matches[0]).toMatchObject({ displayName: 'Zoë O.', organisation: 'Kent LA' });
      expect(JSON.stringify(matches)).not.toContain('Brien');
    }
    expect((await app.ok('visitor.findReturning', { surnamePrefix: 'xyz' })).matches).toEqual([]);
  });

  it('finds Łukasz by typing a plain l', async () => {
    const app = await createSetUpApp();
    await newVisitor(app, { firstName: 'Anna', lastName: 'Łukasz' });
    expect((await app.ok('visitor.findReturning', { surnamePrefix: 'luk' })).matches[0]?.displayName).toBe('Anna Ł.');
  });

  it('lists at most six matches, most recent visitor first', async () => {
    const app = await createSetUpApp();
    for (let i = 0; i < 9; i += 1) {
      const { visitId } = await newVisitor(app, { firstName: `Person${i}`, lastName: `Smith`, organisation: `Org ${i}` });
      await app.ok('visit.signOut', { visitId });
      app.clock.advance(60_000);
    }
    const { matches } = await app.ok('visitor.findReturning', { surnamePrefix: 'smi' });
    expect(matches).toHaveLength(6);
    expect(matches[0]!.displayName).toBe('Person8 S.');
  });

  it('signs in without re-reading when the expectations have not changed, keeping the earlier acknowledgement', async () => {
    const app = await visitedBefore();
    const visitorId = (await app.ok('visitor.findReturning', { surnamePrefix: 'obr' })).matches[0]!.visitorId;
    expect(await app.ok('visitor.returningStatus', { visitorId })).toEqual({ needsAcknowledgement: false });
    const acksBefore = await count(app, 'acknowledgements');
    const result = await app.ok('visit.signInReturning', { visitorId, devices: [{ kind: 'phone', quantity: 1 }] });
    expect(result).toMatchObject({ firstName: 'Zoë', devicesToHandIn: 1 });
    expect(await count(app, 'acknowledgements')).toBe(acksBefore);
    const visit = (await app.ok('visit.onSite', {}, 'staff')).visits[0]!;
    expect(visit.visiting).toBe('Fixing the hall lights');
    expect(visit.visitorType).toBe('contractor');
  });

  it('must re-acknowledge on every visit when the setting says so', async () => {
    const app = await visitedBefore();
    await app.ok('settings.update', { reacknowledge: 'every_visit' }, 'staff');
    const visitorId = (await app.ok('visitor.findReturning', { surnamePrefix: 'obr' })).matches[0]!.visitorId;
    expect(await app.ok('visitor.returningStatus', { visitorId })).toEqual({ needsAcknowledgement: true });
    const before = await contentHash(app);
    expect((await app.fails('visit.signInReturning', { visitorId, devices: [] })).code).toBe('stale_policy');
    expect(await contentHash(app)).toBe(before);
    const policyVersionId = (await app.ok('kiosk.config', {})).policy.versionId;
    await app.ok('visit.signInReturning', { visitorId, acknowledgedPolicyVersionId: policyVersionId, devices: [], visiting: 'Meeting the head' });
    expect((await app.ok('visit.onSite', {}, 'staff')).visits[0]!.visiting).toBe('Meeting the head');
  });

  itOnSqlite('must re-acknowledge when a new version of the expectations was published since', async () => {
    const app = await visitedBefore();
    const now = app.clock.now().toISOString();
    await app.db.run(`INSERT INTO policy_versions (version, title, summary_json, full_text, review_due, created_at) VALUES (2, 'v2', '["a"]', 'text', ?, ?)`, [now, now]);
    const visitorId = (await app.ok('visitor.findReturning', { surnamePrefix: 'obr' })).matches[0]!.visitorId;
    expect(await app.ok('visitor.returningStatus', { visitorId })).toEqual({ needsAcknowledgement: true });
  });

  it('an unknown visitor id is a clear not-found', async () => {
    const app = await createSetUpApp();
    expect((await app.fails('visit.signInReturning', { visitorId: 12345, devices: [] })).code).toBe('not_found');
    expect((await app.fails('visitor.returningStatus', { visitorId: 12345 })).code).toBe('not_found');
  });
});

describe('names the way visitors write them', () => {
  /** The name shown on the staff console's on-site list, as the console writes it out. */
  const onSiteNames = async (app: Awaited<ReturnType<typeof createSetUpApp>>) => (await app.ok('visit.onSite', {}, 'staff')).visits.map((v) => fullName(v));

  it('王芳 signs in family name first and is 王芳 on the console, the report, the roll call and the receipt', async () => {
    const app = await createSetUpApp();
    const { visitId } = await newVisitor(app, {
      firstName: '芳', lastName: '王', familyNameFirst: true, organisation: null,
      devices: [{ kind: 'phone', quantity: 1 }],
    });
    await newVisitor(app, { firstName: 'Ferenc', lastName: 'Nagy', familyNameFirst: true, organisation: null });
    expect(await onSiteNames(app)).toEqual(['王芳', 'Nagy Ferenc']);
    const handover = (await app.ok('custody.pendingHandovers', {}, 'staff')).handovers[0]!;
    expect(fullName(handover)).toBe('王芳');

    const log = await app.ok('custody.log', {
      handoverId: handover.handoverId, owner: { type: 'visitor', visitId }, items: [{ kind: 'phone', description: null, marks: null, bagSlot: '3' }],
    }, 'staff');
    expect(log.receipt.ownerName).toBe('王芳');
    const report = await app.ok('report.get', { kind: 'visitors', from: '2026-11-23', to: '2026-11-23' }, 'staff');
    expect(report.rows.map((r) => r[report.columns.indexOf('Name')])).toEqual(['王芳', 'Nagy Ferenc']);
    const rollCall = await app.ok('rollcall.save', { accountedVisitIds: [], note: null }, 'staff');
    expect(rollCall.missing).toEqual(['王芳', 'Nagy Ferenc']);
    const printed = await app.ok('rollcall.print', {}, 'staff');
    const text = flatten(await pdfText(readFileSync(app.documentLinks.resolve(printed.print.documentId!)!)));
    expect(text).toContain('王芳');
    expect(text).toContain('Nagy Ferenc');
  });

  it('prints the badge with the name in the order the visitor wrote it', async () => {
    const app = await createSetUpApp();
    await app.ok('settings.update', { badgeEnabled: true }, 'staff');
    const { badgeCode } = await newVisitor(app, { firstName: 'Ferenc', lastName: 'Nagy', familyNameFirst: true });
    const { print } = await app.ok('badge.print', { code: badgeCode! }, 'kiosk');
    const text = flatten(await pdfText(readFileSync(app.documentLinks.resolve(print.documentId!)!)));
    expect(text).toContain('Nagy Ferenc');
  });

  it('lets someone with only one name sign in, and other visitors see only its initial', async () => {
    const app = await createSetUpApp();
    const result = await app.ok('visit.signInNew', {
      firstName: 'Suharto', oneName: true, organisation: 'Kent LA', visitorType: 'visiting_professional', visiting: 'SEND review',
      policyVersionId: (await app.ok('kiosk.config', {})).policy.versionId, devices: [],
    });
    expect(result.firstName).toBe('Suharto');
    expect(await onSiteNames(app)).toEqual(['Suharto']);
    expect((await app.ok('visitor.findReturning', { surnamePrefix: 'suh' })).matches).toEqual([
      { visitorId: expect.any(Number), displayName: 'S.', organisation: 'Kent LA' },
    ]);
    expect((await app.ok('visit.findOnSite', { surnamePrefix: 'SUH' })).matches).toEqual([
      { visitId: result.visitId, displayName: 'S.', organisation: 'Kent LA' },
    ]);
  });

  it.each([
    [{ lastName: undefined }, /surname, or choose "I have only one name"/],
    [{ lastName: '   ' }, /surname, or choose "I have only one name"/],
    [{ lastName: 'Jones', oneName: true }, /only one name, so leave the surname empty/],
  ])('refuses %j with a message at the surname and saves nothing', async (change, message) => {
    const app = await createSetUpApp();
    const before = await contentHash(app);
    const input = {
      firstName: 'Sam', organisation: null, visitorType: 'contractor', visiting: 'Hall lights',
      policyVersionId: (await app.ok('kiosk.config', {})).policy.versionId, devices: [], ...change,
    };
    const error = await app.fails('visit.signInNew', input);
    expect(error.code).toBe('invalid_input');
    expect(error.fields?.lastName).toMatch(message);
    expect(await contentHash(app)).toBe(before);
  });

  it.each([
    ['Ó Súilleabháin', ['sui', 'SUI', 'súi', 'su\u0301i', 'ó s', 'osui']],
    ["O'Brien", ['brien', 'BRI', "o'b", 'obr']],
    ['Smith-Jones', ['jones', 'Jon', 'smith-j', 'smithj']],
    ['O\u0301 Su\u0301illeabha\u0301in', ['sui', 'súilleabháin']],
    ['عبد الله', ['الل', 'عبد']],
    ['王', ['王']],
  ])('finds the surname %s by the start of any of its words: %j', async (lastName, typed) => {
    const app = await createSetUpApp();
    await newVisitor(app, { firstName: 'Róisín', lastName, organisation: null });
    await newVisitor(app, { firstName: 'Other', lastName: 'Sullivan', organisation: null });
    for (const t of typed) {
      const shown = (await app.ok('visitor.findReturning', { surnamePrefix: t })).matches.map((m) => m.displayName);
      expect(shown, t).toContain(shortName({ firstName: 'Róisín', lastName: lastName.normalize('NFC'), familyNameFirst: false }));
    }
    // "Other" is found by none of these, and nobody by the middle of a word.
    expect((await app.ok('visitor.findReturning', { surnamePrefix: 'lliv' })).matches).toEqual([]);
  });

  it('finds a one-character first name with a surname typed in combining accents by its second word', async () => {
    const app = await createSetUpApp();
    await newVisitor(app, { firstName: 'A', lastName: 'O\u0301 Su\u0301illeabha\u0301in', organisation: null });
    expect((await app.ok('visit.onSite', {}, 'staff')).visits[0]!.lastName).toBe('Ó Súilleabháin');
    expect((await app.ok('visitor.findReturning', { surnamePrefix: 'sui' })).matches.map((m) => m.displayName)).toEqual(['A Ó.']);
  });

  it('shows a returning visitor the way they wrote their name this time', async () => {
    const app = await createSetUpApp();
    const first = await newVisitor(app, { firstName: 'Ferenc', lastName: 'Nagy', organisation: null });
    await app.ok('visit.signOut', { visitId: first.visitId });
    await newVisitor(app, { firstName: 'Ferenc', lastName: 'Nagy', familyNameFirst: true, organisation: null });
    expect(await count(app, 'visitors')).toBe(1);
    expect(await onSiteNames(app)).toEqual(['Nagy Ferenc']);
  });
});
