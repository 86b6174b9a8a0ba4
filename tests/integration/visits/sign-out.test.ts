import { afterEach, describe, expect, it } from 'vitest';
import { PHONE_AND_WATCH } from '../../helpers/custody.js';
import { contentHash, createSetUpApp, disposeAll, newVisitor, sqlite } from '../../helpers/test-app.js';

afterEach(disposeAll);

describe('signing out at the kiosk', () => {
  it('finds only people on site now, shows no surname, and signs them out', async () => {
    const app = await createSetUpApp();
    const left = await newVisitor(app, { firstName: 'Lee', lastName: 'Parker' });
    await app.ok('visit.signOut', { visitId: left.visitId });
    const here = await newVisitor(app, { firstName: 'Lena', lastName: 'Parkes', organisation: null });
    const { matches } = await app.ok('visit.findOnSite', { surnamePrefix: 'par' });
    expect(matches).toEqual([{ visitId: here.visitId, displayName: 'Lena P.', organisation: null }]);
    const result = await app.ok('visit.signOut', { visitId: here.visitId });
    expect(result).toEqual({ firstName: 'Lena', status: 'signed_out', itemsInSafe: 0, devicesDeclaredNotLogged: 0 });
    expect((await app.ok('visit.onSite', {}, 'staff')).visits).toEqual([]);
  });

  it('reminds a visitor whose declared devices were never logged, and the office still sees the handover', async () => {
    const app = await createSetUpApp();
    const visit = await newVisitor(app, { devices: [{ kind: 'phone', quantity: 2 }] });
    expect((await app.ok('visit.signOut', { visitId: visit.visitId })).devicesDeclaredNotLogged).toBe(2);
    const pending = (await app.ok('custody.pendingHandovers', {}, 'staff')).handovers;
    expect(pending[0]).toMatchObject({ visitId: visit.visitId, visitorSignedOut: true });
  });

  it('signing out twice is a clear message and changes nothing', async () => {
    const app = await createSetUpApp();
    const visit = await newVisitor(app);
    app.clock.advance(3600_000);
    await app.ok('visit.signOut', { visitId: visit.visitId });
    const before = await contentHash(app);
    const error = await app.fails('visit.signOut', { visitId: visit.visitId });
    expect(error.code).toBe('conflict');
    expect(error.message).toMatch(/already signed out/);
    expect(await contentHash(app)).toBe(before);
    const row = await app.db.get('SELECT signed_in_at, signed_out_at, sign_out_method FROM visits');
    expect(row).toEqual({ signed_in_at: '2026-11-23T09:00:00.000Z', signed_out_at: '2026-11-23T10:00:00.000Z', sign_out_method: 'kiosk' });
  });

  it('an unknown visit is not found', async () => {
    const app = await createSetUpApp();
    expect((await app.fails('visit.signOut', { visitId: 424242 })).code).toBe('not_found');
  });
});

describe('finding your visit to sign out, whatever your name is like', () => {
  it.each([
    [{ firstName: 'Róisín', lastName: 'Ó Súilleabháin' }, ['sui', 'SUI', 'súi', 'su\u0301i'], 'Róisín Ó.'],
    [{ firstName: 'Aoife', lastName: "O'Brien" }, ['brien', "o'br"], 'Aoife O.'],
    [{ firstName: 'Kai', lastName: 'Smith-Jones' }, ['jones', 'smith'], 'Kai S.'],
    [{ firstName: '芳', lastName: '王', familyNameFirst: true }, ['王'], '芳'],
    [{ firstName: 'Ferenc', lastName: 'Nagy', familyNameFirst: true }, ['nag'], 'N. Ferenc'],
    [{ firstName: 'محمد', lastName: 'عبد الله' }, ['الله', 'عبد'], 'محمد ع.'],
    [{ firstName: 'Suharto', oneName: true, lastName: undefined }, ['suh'], 'S.'],
  ])('%j is found by %j and shown as %s', async (name, typed, shown) => {
    const app = await createSetUpApp();
    const { visitId } = await newVisitor(app, { ...name, organisation: null });
    await newVisitor(app, { firstName: 'Other', lastName: 'Person', organisation: null });
    for (const t of typed) {
      expect((await app.ok('visit.findOnSite', { surnamePrefix: t })).matches, t).toEqual([{ visitId, displayName: shown, organisation: null }]);
    }
    expect((await app.ok('visit.signOut', { visitId })).status).toBe('signed_out');
    expect((await app.ok('visit.findOnSite', { surnamePrefix: typed[0]! })).matches).toEqual([]);
  });

  it('lists someone once even when several words of their surname match', async () => {
    const app = await createSetUpApp();
    // Two of its words start "smi" ("Smith Smithson" and "Smithson"), neither at the start of the surname.
    const { visitId } = await newVisitor(app, { firstName: 'Pat', lastName: 'Lee Smith Smithson', organisation: null });
    expect((await app.ok('visit.findOnSite', { surnamePrefix: 'smi' })).matches).toEqual([{ visitId, displayName: 'Pat L.', organisation: null }]);
  });
});

describe('王芳 typed as one word, the way she writes it', () => {
  it('finds her at the kiosk to sign out and to sign in again, still showing other visitors only "芳"', async () => {
    const app = await createSetUpApp();
    const wang = await newVisitor(app, { firstName: '芳', lastName: '王', familyNameFirst: true, organisation: null });
    // Shown given name first, but typed as she writes it all the same.
    const chen = await newVisitor(app, { firstName: '嘉詠', lastName: '陳', familyNameFirst: false, organisation: null });
    await newVisitor(app, { firstName: '明', lastName: '王', familyNameFirst: true, organisation: null });
    expect((await app.ok('visit.findOnSite', { surnamePrefix: '王芳' })).matches).toEqual([{ visitId: wang.visitId, displayName: '芳', organisation: null }]);
    expect((await app.ok('visit.findOnSite', { surnamePrefix: '陳嘉' })).matches).toEqual([{ visitId: chen.visitId, displayName: '嘉詠', organisation: null }]);
    // Her given name alone finds nobody: the kiosk still searches by family name.
    expect((await app.ok('visit.findOnSite', { surnamePrefix: '芳' })).matches).toEqual([]);

    await app.ok('visit.signOut', { visitId: wang.visitId });
    expect((await app.ok('visitor.findReturning', { surnamePrefix: '王芳' })).matches.map((m) => m.displayName)).toEqual(['芳']);
  });

  it('finds what the office holds for her when her receipt is lost', async () => {
    const app = await createSetUpApp();
    const visit = await newVisitor(app, { firstName: '芳', lastName: '王', familyNameFirst: true, devices: [{ kind: 'phone', quantity: 1 }] });
    const handover = (await app.ok('custody.pendingHandovers', {}, 'staff')).handovers.find((h) => h.visitId === visit.visitId)!;
    await app.ok('custody.log', { handoverId: handover.handoverId, owner: { type: 'visitor', visitId: visit.visitId }, items: PHONE_AND_WATCH.slice(0, 1) }, 'staff');
    const found = (await app.ok('custody.searchByOwner', { name: '王芳' }, 'staff')).receipts;
    expect(found.map((r) => r.ownerName)).toEqual(['王芳']);
  });
});
