import { afterEach, describe, expect, it } from 'vitest';
import { NEW_CONCERNS_SQL } from '../../../src/main/db/repositories/concern-repo.js';
import { createSetUpApp, disposeAll, sqlite, itOnSqlite } from '../../helpers/test-app.js';

afterEach(disposeAll);

const CONCERN = { location: 'Reception', whatHappened: 'Filmed the playground.', actionTaken: 'Asked him to stop.', visitId: null };

/**
 * The inbox is read every 15 seconds, for years: it reads only what waits (new concerns, LADO referrals
 * without an outcome), never the closed concerns that pile up, and a referral on a long-closed concern still waits.
 */
describe("the DSL's inbox with years of closed concerns", () => {
  // Given 30 s: years of concerns are written one by one, and on PostgreSQL each is a round trip to the server.
  it('lists the new concerns and an old LADO referral still without its outcome, and none of the closed concerns', async () => {
    const app = await createSetUpApp();
    // The oldest concern: a member of staff, referred to the LADO and closed, the LADO's outcome still to come.
    const allegation = await app.ok('concern.raise', { ...CONCERN, aboutType: 'staff', aboutName: 'J. Teacher' }, 'staff');
    await app.ok('concern.recordLadoReferral', { concernId: allegation.concernId, referredOn: '2026-11-23', ladoReference: 'LADO-77' }, 'staff');
    await app.ok('concern.review', { concernId: allegation.concernId, outcome: 'Referred to the LADO.', close: true }, 'staff');
    // Then more closed concerns than the concerns list shows at once.
    for (let n = 1; n <= 210; n += 1) {
      app.clock.advance(60_000);
      const c = await app.ok('concern.raise', { ...CONCERN, aboutType: 'visitor', aboutName: `Closed visitor ${n}` }, 'staff');
      await app.ok('concern.review', { concernId: c.concernId, outcome: 'Dealt with.', close: true }, 'staff');
    }
    app.clock.advance(60_000);
    await app.ok('concern.raise', { ...CONCERN, aboutType: 'visitor', aboutName: 'Man in a blue coat' }, 'staff');
    app.clock.advance(60_000);
    const reviewed = await app.ok('concern.raise', { ...CONCERN, aboutType: 'visitor', aboutName: 'Reviewed, not closed' }, 'staff');
    await app.ok('concern.review', { concernId: reviewed.concernId, outcome: 'Spoke to him.', close: false }, 'staff');

    const items = (await app.ok('inbox.list', {}, 'staff')).items;
    expect(items.map((i) => [i.kind, i.title])).toEqual([
      ['concern', 'A visitor: Man in a blue coat'],
      ['lado_outcome', 'J. Teacher: referred to the LADO on Mon, 23 Nov 2026'],
    ]);
  }, 30_000);

  itOnSqlite('finds new concerns through the index of open concerns, so closed ones are never read', async () => {
    const app = await createSetUpApp();
    const plan = ((await app.db.all(`EXPLAIN QUERY PLAN ${NEW_CONCERNS_SQL}`, { raisedBy: null })) as { detail: string }[]).map((r) => r.detail).join('\n');
    expect(plan).toMatch(/(SCAN|SEARCH) c USING INDEX concerns_open\b/);
  });
});
