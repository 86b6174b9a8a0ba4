// One throwaway PostgreSQL per vitest run, for the `unit` project (unit and integration tests). Each test file
// makes its own databases on it with freshPgDatabase() (pg-database.ts), so files stay apart while paying for
// initdb only once.
//
// It starts on every run of the project, even when no selected file uses PostgreSQL: vitest hands provided
// values to the workers before any test runs, so the server must exist by then, and it costs ~1.5 s here
// (initdb without fsync plus start). vitest only runs this when the `unit` project has files to run.
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { migratePostgres } from '../../src/main/db/pg-migrate.js';
import { startPgCluster } from './pg-cluster.js';

/** A database with the whole schema, copied for each test app on PostgreSQL (test-app.ts): a copy takes a fraction of a migration. */
export const PG_TEMPLATE = 'safe_hands_template';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The run's PostgreSQL server, as a URL of its `postgres` maintenance database (superuser, no password). */
    pgServerUrl: string;
    /** The name of a database on it with the whole schema, to copy (PG_TEMPLATE). */
    pgTemplate: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const cluster = await startPgCluster();
  project.provide('pgServerUrl', cluster.url('postgres'));
  const server = new pg.Client({ connectionString: cluster.url('postgres') });
  await server.connect();
  await server.query(`CREATE DATABASE ${PG_TEMPLATE} TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C'`);
  await server.end();
  const template = new pg.Client({ connectionString: cluster.url(PG_TEMPLATE) });
  await template.connect();
  // The migration's own clock is fixed: tests never read the wall clock.
  await migratePostgres(template, undefined, () => new Date('2026-01-01T00:00:00.000Z'));
  await template.end();
  project.provide('pgTemplate', PG_TEMPLATE);
  return () => cluster.stop();
}
