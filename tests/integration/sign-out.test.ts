import { afterEach, describe, expect, it } from 'vitest';
import { contentHash, createSetUpApp, disposeAll, newVisitor } from '../helpers/test-app.js';

afterEach(disposeAll);

describe('signing out at the kiosk', () => {
  it('finds only people on site now, shows no surname, and signs them out', () => {
    const app = createSetUpApp();
    const left = newVisitor(app, { firstName: 'Lee', lastName: 'Parker' });
    app.ok('visit.signOut', { visitId: left.visitId });
    const here = newVisitor(app, { firstName: 'Lena', lastName: 'Parkes', organisation: null });
    const { matches } = app.ok('visit.findOnSite', { surnamePrefix: 'par' });
    expect(matches).toEqual([{ visitId: here.visitId, displayName: 'Lena P.', organisation: null }]);
    const result = app.ok('visit.signOut', { visitId: here.visitId });
    expect(result).toEqual({ firstName: 'Lena', status: 'signed_out', itemsInSafe: 0, devicesDeclaredNotLogged: 0 });
    expect(app.ok('console.onSite', {}, 'staff').visits).toEqual([]);
  });

  it('reminds a visitor whose declared devices were never logged, and the office still sees the handover', () => {
    const app = createSetUpApp();
    const visit = newVisitor(app, { devices: [{ kind: 'phone', quantity: 2 }] });
    expect(app.ok('visit.signOut', { visitId: visit.visitId }).devicesDeclaredNotLogged).toBe(2);
    const pending = app.ok('console.pendingHandovers', {}, 'staff').handovers;
    expect(pending[0]).toMatchObject({ visitId: visit.visitId, visitorSignedOut: true });
  });

  it('signing out twice is a clear message and changes nothing', () => {
    const app = createSetUpApp();
    const visit = newVisitor(app);
    app.clock.advance(3600_000);
    app.ok('visit.signOut', { visitId: visit.visitId });
    const before = contentHash(app);
    const error = app.fails('visit.signOut', { visitId: visit.visitId });
    expect(error.code).toBe('conflict');
    expect(error.message).toMatch(/already signed out/);
    expect(contentHash(app)).toBe(before);
    const row = app.db.prepare('SELECT signed_in_at, signed_out_at, sign_out_method FROM visits').get();
    expect(row).toEqual({ signed_in_at: '2026-11-23T09:00:00.000Z', signed_out_at: '2026-11-23T10:00:00.000Z', sign_out_method: 'kiosk' });
  });

  it('an unknown visit is not found', () => {
    const app = createSetUpApp();
    expect(app.fails('visit.signOut', { visitId: 424242 }).code).toBe('not_found');
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
  ])('%j is found by %j and shown as %s', (name, typed, shown) => {
    const app = createSetUpApp();
    const { visitId } = newVisitor(app, { ...name, organisation: null });
    newVisitor(app, { firstName: 'Other', lastName: 'Person', organisation: null });
    for (const t of typed) {
      expect(app.ok('visit.findOnSite', { surnamePrefix: t }).matches, t).toEqual([{ visitId, displayName: shown, organisation: null }]);
    }
    expect(app.ok('visit.signOut', { visitId }).status).toBe('signed_out');
    expect(app.ok('visit.findOnSite', { surnamePrefix: typed[0]! }).matches).toEqual([]);
  });

  it('lists someone once even when several words of their surname match', () => {
    const app = createSetUpApp();
    // Two of its words start "smi" ("Smith Smithson" and "Smithson"), neither at the start of the surname.
    const { visitId } = newVisitor(app, { firstName: 'Pat', lastName: 'Lee Smith Smithson', organisation: null });
    expect(app.ok('visit.findOnSite', { surnamePrefix: 'smi' }).matches).toEqual([{ visitId, displayName: 'Pat L.', organisation: null }]);
  });
});
