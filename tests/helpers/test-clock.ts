/**
 * The instant the component tests live at: fixed, so no test reads the wall clock. An ordinary Monday
 * morning by default; vitest.config.ts runs the date-sensitive tests again at each of AWKWARD_INSTANTS by
 * setting SAFE_HANDS_TEST_NOW, so fixtures must be built relative to TEST_NOW, never to a written date.
 */
export const DEFAULT_TEST_NOW = '2026-11-23T09:00:00.000Z';

/** Instants where "today" is easy to get wrong. */
export const AWKWARD_INSTANTS: Record<string, string> = {
  // 00:30 on 16 June in the UK (BST) while UTC still says 15 June: a date read in UTC is a day behind.
  'just after midnight in summer': '2027-06-15T23:30:00.000Z',
  // The last second of a leap day: tomorrow is 1 March.
  'the last second of 29 February': '2028-02-29T23:59:59.000Z',
  // The last second of next year: tomorrow is in the year after, and nothing written today still holds.
  'the last second of next year': '2027-12-31T23:59:59.000Z',
  // One second before the clocks go forward (00:59:59 GMT; next comes 02:00 BST).
  'the night the clocks go forward': '2027-03-28T00:59:59.000Z',
  // 01:30 GMT, the second time 01:30 comes round on the night the clocks go back.
  'the night the clocks go back': '2027-10-31T01:30:00.000Z',
};

export const TEST_NOW = new Date(process.env.SAFE_HANDS_TEST_NOW ?? DEFAULT_TEST_NOW);
if (Number.isNaN(TEST_NOW.getTime())) throw new Error(`SAFE_HANDS_TEST_NOW is not an instant: ${process.env.SAFE_HANDS_TEST_NOW}`);

/** An instant `minutes` before TEST_NOW, as the host would send it. */
export function minutesAgo(minutes: number): string {
  return new Date(TEST_NOW.getTime() - minutes * 60_000).toISOString();
}
