import { afterEach, describe, expect, it } from 'vitest';
import { NEWEST_IN_GROUP_SQL, SURNAME_GROUPS_SQL } from '../../../src/main/db/repositories/visitor-repo.js';
import { surnameWords } from '../../../src/shared/domain/names.js';
import { createSetUpApp, disposeAll, type TestApp, sqlite, scalar } from '../../helpers/test-app.js';

afterEach(disposeAll);

async function plan(app: TestApp, sql: string, params: Record<string, unknown> | unknown[] = []): Promise<string> {
  const rows = (await app.db.all(`EXPLAIN QUERY PLAN ${sql}`, params)) as { detail: string }[];
  return rows.map((r) => r.detail).join('\n');
}

describe('the queries the kiosk runs on every keystroke use their indexes', () => {
  it('returning-visitor search seeks the surname-words index and reads each visitor by id', async () => {
    const app = await createSetUpApp();
    const detail = await plan(app, NEWEST_IN_GROUP_SQL, ['smi', 'smit', 'smit', 6]);
    // The group is sought; the rest of the typed word is checked within the index's own entries.
    expect(detail).toMatch(/SEARCH w USING COVERING INDEX visitor_name_words_by_prefix_recent \(word_prefix=\?\)/);
    expect(detail).toMatch(/SEARCH v USING INTEGER PRIMARY KEY/);
    expect(detail).not.toMatch(/TEMP B-TREE/);
  });

  it("sign-out's search reads the open visits, then seeks each visitor's words", async () => {
    const app = await createSetUpApp();
    const detail = await plan(
      app,
      `SELECT vi.id FROM visits vi JOIN visitors v ON v.id = vi.visitor_id
       WHERE vi.signed_out_at IS NULL
         AND EXISTS (SELECT 1 FROM visitor_name_words w WHERE w.visitor_id = v.id AND w.word >= @prefix AND w.word < @prefix || char(1114111))
       ORDER BY vi.signed_in_at DESC LIMIT 6`,
      { prefix: 'sui' },
    );
    expect(detail).toMatch(/visits_on_site/);
    expect(detail).toMatch(/SEARCH w (EXISTS )?USING (COVERING )?INDEX sqlite_autoindex_visitor_name_words_1 \(visitor_id=\? AND word>\? AND word<\?\)/);
    expect(detail).not.toMatch(/SCAN (visits|visitors|w)\b(?! USING)/);
  });

  it("the office's person search seeks the words index for each word typed", async () => {
    const app = await createSetUpApp();
    const detail = await plan(
      app,
      `SELECT w.visitor_id FROM json_each(@keys) k JOIN visitor_name_words w
         ON w.word_prefix >= substr(k.value, 1, 3) AND w.word_prefix < substr(k.value, 1, 3) || char(1114111)
        AND w.word >= k.value AND w.word < k.value || char(1114111)`,
      { keys: JSON.stringify(['zoe', 'brien']) },
    );
    expect(detail).toMatch(/SEARCH w USING COVERING INDEX visitor_name_words_by_prefix_recent \(word_prefix>\? AND word_prefix<\?\)/);
  });

  it('the on-site list reads the partial index of open visits, not the whole history', async () => {
    const app = await createSetUpApp();
    const detail = await plan(app, 'SELECT id FROM visits WHERE signed_out_at IS NULL ORDER BY signed_in_at');
    expect(detail).toMatch(/visits_on_site/);
    expect(detail).not.toMatch(/SCAN visits$/m);
  });

  it('pending handovers read their partial index', async () => {
    const app = await createSetUpApp();
    const detail = await plan(app, `SELECT id FROM handovers WHERE status = 'pending' ORDER BY declared_at`);
    expect(detail).toMatch(/handovers_pending/);
  });
});

describe('the returning-visitor search at scale', () => {
  it('finds the same people, most recent first, as the slower query did', async () => {
    const { newVisitor } = await import('../../helpers/test-app.js');
    const app = await createSetUpApp();
    for (const [first, last] of [['Ann', 'Smith'], ['Bob', 'Smithers'], ['Cat', 'Smyth'], ['Dan', "Smi'th"], ['Eve', 'Śmigielski']]) {
      const { visitId } = await newVisitor(app, { firstName: first, lastName: last, organisation: null });
      await app.ok('visit.signOut', { visitId });
      app.clock.advance(60_000);
    }
    expect((await app.ok('visitor.findReturning', { surnamePrefix: 'smi' })).matches.map((m) => m.displayName)).toEqual(['Eve Ś.', 'Dan S.', 'Bob S.', 'Ann S.']);
    expect((await app.ok('visitor.findReturning', { surnamePrefix: 'smith' })).matches.map((m) => m.displayName)).toEqual(['Dan S.', 'Bob S.', 'Ann S.']);
    expect((await app.ok('visitor.findReturning', { surnamePrefix: 'sm' })).matches.map((m) => m.displayName)).toEqual(['Eve Ś.', 'Dan S.', 'Cat S.', 'Bob S.', 'Ann S.']);
  });

  it('answers one, two and three letters with the same people, in the same order, as checking every visitor would', async () => {
    const { newVisitor } = await import('../../helpers/test-app.js');
    const { seededRandom } = await import('../../helpers/seeded-random.js');
    const random = seededRandom(7);
    const app = await createSetUpApp();
    // Surnames of one to three words from few letters, so many three-letter groups share their first one or
    // two letters, and one visitor often has several words in the same group (the same person must be
    // listed once, and the six listed must still be the six most recent).
    const letters = ['s', 'm', 'a', 'i', 'h'];
    const word = () => Array.from({ length: random.int(1, 5) }, () => random.pick(letters)).join('');
    const surname = () => Array.from({ length: random.int(1, 3) }, word).join(random.pick([' ', '-', "'"]));
    const onSite: number[] = [];
    for (let i = 0; i < 150; i += 1) {
      app.clock.advance(random.int(1, 600) * 1000);
      const { visitId } = await newVisitor(app, { firstName: `P${i}`, lastName: surname(), organisation: null });
      onSite.push(visitId);
      if (random.chance(0.8)) await app.ok('visit.signOut', { visitId: onSite.shift()! });
    }
    type Row = { id: number; first_name: string; last_name: string; family_name_first: number; last_signed_in_at: string };
    const everyone = (await app.db.all('SELECT id, first_name, last_name, family_name_first, last_signed_in_at FROM visitors')) as Row[];
    const reference = (p: string) =>
      everyone
        .filter((r) => surnameWords({ firstName: r.first_name, lastName: r.last_name, familyNameFirst: false }).some((w) => w.startsWith(p)))
        .sort((a, b) => (a.last_signed_in_at === b.last_signed_in_at ? b.id - a.id : a.last_signed_in_at < b.last_signed_in_at ? 1 : -1))
        .slice(0, 6)
        .map((r) => r.id);
    const idsOf = async (p: string) => (await app.ok('visitor.findReturning', { surnamePrefix: p })).matches.map((m) => m.visitorId);
    const pairs = letters.flatMap((a) => letters.map((b) => a + b));
    let listedSix = 0;
    for (const p of [...letters, ...pairs, ...pairs.flatMap((ab) => letters.map((c) => ab + c))]) {
      const ids = await idsOf(p);
      expect(ids, `typed "${p}"`).toEqual(reference(p));
      if (ids.length === 6) listedSix += 1;
    }
    expect(listedSix).toBeGreaterThan(20);
  }, 20_000); // a few hundred real writes, each waiting for the disk

  it('lists six different people, the most recent, when each has several words that match', async () => {
    const { newVisitor } = await import('../../helpers/test-app.js');
    const app = await createSetUpApp();
    const ids: number[] = [];
    for (let i = 0; i < 9; i += 1) {
      app.clock.advance(60_000);
      // Three words of this surname start "smi": each visitor is three rows of the same group.
      const { visitId } = await newVisitor(app, { firstName: `P${i}`, lastName: 'Smith-Smithers Smithson', organisation: null });
      await app.ok('visit.signOut', { visitId });
      ids.push((await scalar(app, 'SELECT visitor_id FROM visits WHERE id = ?', [visitId])) as number);
    }
    const newestSix = ids.slice(-6).reverse();
    for (const typed of ['s', 'sm', 'smi', 'smith', 'smithers']) {
      expect((await app.ok('visitor.findReturning', { surnamePrefix: typed })).matches.map((m) => m.visitorId), typed).toEqual(newestSix);
    }
  });

  it('finds the three-letter groups for one or two letters by index seeks, not a scan', async () => {
    const app = await createSetUpApp();
    const detail = await plan(app, SURNAME_GROUPS_SQL, { prefix: 's' });
    expect(detail).toMatch(/visitor_name_words_by_prefix_recent/);
    expect(detail).not.toMatch(/SCAN visitor_name_words(?! USING)/);
  });
});
