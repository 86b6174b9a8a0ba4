import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';
import { AWKWARD_INSTANTS } from './tests/helpers/test-clock.js';

// A component test may take 15 s: a whole console flow in jsdom on a busy two-core machine is slow, not wrong.
const renderer = { environment: 'jsdom', setupFiles: ['tests/helpers/renderer-setup.ts'], testTimeout: 15_000 };

/**
 * The component tests whose screens depend on "today" (bookings, approvals' end times, review dates, how
 * long an item has been held, end of day, report ranges, file names with the date). They run once more at
 * each awkward instant, with the renderer's clock stopped there.
 */
const DATE_SENSITIVE = [
  'safeguarding/bookings', 'safeguarding/exceptions', 'safeguarding/policy', 'custody/in-the-safe',
  'operations/end-of-day', 'operations/reports', 'admin/people', 'console/job-failures', 'learners/pupil-devices',
  'learners/home-time', 'learners/morning-queue', 'learners/searches', 'learners/exceptions', 'learners/confiscated',
  'staff/staff-days', 'staff/staff-permissions', 'safeguarding/leaflet', 'visits/kiosk/leaflet', 'visits/kiosk/signature',
].map((name) => `tests/renderer/${name}.test.tsx`);

/**
 * Integration tests about SQLite itself, left out of the `postgres` project: its file, backups, pages and
 * full disk, its connection's turns, and the tests that already run on both engines side by side.
 */
const SQLITE_ONLY = [
  'admin/backups', 'core/migrate', 'core/query-plans', 'core/private-files', 'core/storage-failure', 'core/job-failures',
  'core/transactions', 'operations/roll-call-full-disk',
  // Refused before any storage is touched; the other files' refusals show PostgreSQL changing nothing too.
  'core/bad-input',
  // Already on both engines, each in its own way.
  'admin/backups-on-postgres', 'core/move-to-postgres', 'core/storage', 'core/schema-parity', 'core/invariants', 'core/pg-migrate', 'core/pg-record-changes', 'core/two-desks', 'core/outage',
].map((name) => `tests/integration/${name}.test.ts`);

export default defineConfig({
  plugins: [react()],
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts'],
          environment: 'node',
          // One throwaway PostgreSQL for the run; test files take databases on it with freshPgDatabase().
          globalSetup: ['tests/helpers/pg-global-setup.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'postgres',
          // The integration suite again, each test app on a PostgreSQL database of its own (test-app.ts).
          include: ['tests/integration/**/*.test.ts'],
          exclude: SQLITE_ONLY,
          environment: 'node',
          env: { SAFE_HANDS_TEST_ENGINE: 'postgres' },
          // Every statement is a round trip to a server sharing two cores with the tests: slower, not wrong.
          testTimeout: 30_000,
          globalSetup: ['tests/helpers/pg-global-setup.ts'],
        },
      },
      {
        extends: true,
        test: { name: 'renderer', include: ['tests/renderer/**/*.test.tsx'], ...renderer },
      },
      ...Object.entries(AWKWARD_INSTANTS).map(([when, instant]) => ({
        extends: true as const,
        test: { name: `renderer at ${when}`, include: DATE_SENSITIVE, env: { SAFE_HANDS_TEST_NOW: instant }, ...renderer },
      })),
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 120_000,
          // A screen that is waited for gets 10 s, not 1 s: the first PDF loads pdfkit, and a busy two-core
          // machine is slow, not wrong.
          expect: { poll: { timeout: 10_000 } },
          // One browser at a time: the machine has two cores.
          fileParallelism: false,
        },
      },
    ],
  },
});
