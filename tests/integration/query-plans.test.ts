import { afterEach, describe, expect, it } from 'vitest';
import { SURNAME_GROUPS_SQL } from '../../src/main/db/repositories/visitor-repo.js';
import { createSetUpApp, disposeAll, type TestApp } from '../helpers/test-app.js';

afterEach(disposeAll);

function plan(app: TestApp, sql: string, params: Record<string, unknown> | unknown[] = []): string {
  const rows = app.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(params as never) as { detail: string }[];
  return rows.map((r) => r.detail).join('\n');
}

describe('the queries the kiosk runs on every keystroke use their indexes', () => {
  it('returning-visitor search seeks the surname index', () => {
    const app = createSetUpApp();
    const detail = plan(
      app,
      `SELECT v.id FROM visitors v WHERE v.last_name_key >= @prefix AND v.last_name_key < @prefix || char(1114111)
       ORDER BY v.last_signed_in_at DESC LIMIT 6`,
      { prefix: 'smi' },
    );
    expect(detail).toMatch(/SEARCH v USING INDEX visitors_by_last_name_key \(last_name_key>\? AND last_name_key<\?\)/);
  });

  it('the on-site list reads the partial index of open visits, not the whole history', () => {
    const app = createSetUpApp();
    const detail = plan(app, 'SELECT id FROM visits WHERE signed_out_at IS NULL ORDER BY signed_in_at');
    expect(detail).toMatch(/visits_on_site/);
    expect(detail).not.toMatch(/SCAN visits$/m);
  });

  it('pending handovers read their partial index', () => {
    const app = createSetUpApp();
    const detail = plan(app, `SELECT id FROM handovers WHERE status = 'pending' ORDER BY declared_at`);
    expect(detail).toMatch(/handovers_pending/);
  });
});

describe('the returning-visitor search at scale', () => {
  it('reads three letters or more in recency order straight from its index, with no sort', () => {
    const app = createSetUpApp();
    const detail = plan(
      app,
      `SELECT v.id FROM visitors v
       WHERE v.last_name_prefix = @short AND v.last_name_key >= @prefix AND v.last_name_key < @prefix || char(1114111)
       ORDER BY v.last_name_prefix, v.last_signed_in_at DESC, v.id DESC LIMIT 6`,
      { short: 'smi', prefix: 'smit' },
    );
    expect(detail).toMatch(/visitors_by_prefix_recent/);
    expect(detail).not.toMatch(/TEMP B-TREE/);
  });

  it('finds the same people, most recent first, as the slower query did', async () => {
    const { newVisitor } = await import('../helpers/test-app.js');
    const app = createSetUpApp();
    for (const [first, last] of [['Ann', 'Smith'], ['Bob', 'Smithers'], ['Cat', 'Smyth'], ['Dan', "Smi'th"], ['Eve', 'Śmigielski']]) {
      const { visitId } = newVisitor(app, { firstName: first, lastName: last, organisation: null });
      app.ok('visit.signOut', { visitId });
      app.clock.advance(60_000);
    }
    expect(app.ok('visitor.findReturning', { surnamePrefix: 'smi' }).matches.map((m) => m.displayName)).toEqual(['Eve Ś.', 'Dan S.', 'Bob S.', 'Ann S.']);
    expect(app.ok('visitor.findReturning', { surnamePrefix: 'smith' }).matches.map((m) => m.displayName)).toEqual(['Dan S.', 'Bob S.', 'Ann S.']);
    expect(app.ok('visitor.findReturning', { surnamePrefix: 'sm' }).matches.map((m) => m.displayName)).toEqual(['Eve Ś.', 'Dan S.', 'Cat S.', 'Bob S.', 'Ann S.']);
  });

  it('answers one and two letters with the same people, in the same order, as sorting every match would', async () => {
    const { newVisitor } = await import('../helpers/test-app.js');
    const { seededRandom } = await import('../helpers/seeded-random.js');
    const random = seededRandom(7);
    const app = createSetUpApp();
    // Surnames from few letters, so many three-letter groups share their first one or two letters.
    const letters = ['s', 'm', 'a', 'i', 'h'];
    const surname = () => Array.from({ length: random.int(1, 5) }, () => random.pick(letters)).join('');
    const onSite: number[] = [];
    for (let i = 0; i < 160; i += 1) {
      app.clock.advance(random.int(1, 600) * 1000);
      const { visitId } = newVisitor(app, { firstName: `P${i}`, lastName: `${surname()}${i % 3 === 0 ? '' : "'"}`, organisation: null });
      onSite.push(visitId);
      if (random.chance(0.8)) app.ok('visit.signOut', { visitId: onSite.shift()! });
    }
    const reference = app.db.prepare(
      `SELECT id FROM visitors WHERE last_name_key >= @p AND last_name_key < @p || char(1114111)
       ORDER BY last_signed_in_at DESC, id DESC LIMIT 6`,
    ).pluck();
    const idsOf = (p: string) => app.ok('visitor.findReturning', { surnamePrefix: p }).matches.map((m) => m.visitorId);
    for (const p of [...letters, ...letters.flatMap((a) => letters.map((b) => a + b))]) {
      expect(idsOf(p), `typed "${p}"`).toEqual(reference.all({ p }));
    }
  });

  it('finds the three-letter groups for one or two letters by index seeks, not a scan', () => {
    const app = createSetUpApp();
    const detail = plan(app, SURNAME_GROUPS_SQL, { prefix: 's' });
    expect(detail).toMatch(/visitors_by_prefix_recent/);
    expect(detail).not.toMatch(/SCAN visitors(?! USING)/);
  });
});
