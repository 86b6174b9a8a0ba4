// One throwaway PostgreSQL per vitest run, for the `unit` project (unit and integration tests). Each test file
// makes its own databases on it with freshPgDatabase() (pg-database.ts), so files stay apart while paying for
// initdb only once.
//
// It starts on every run of the project, even when no selected file uses PostgreSQL: vitest hands provided
// values to the workers before any test runs, so the server must exist by then, and it costs ~1.5 s here
// (initdb without fsync plus start). vitest only runs this when the `unit` project has files to run.
import type { TestProject } from 'vitest/node';
import { startPgCluster } from './pg-cluster.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The run's PostgreSQL server, as a URL of its `postgres` maintenance database (superuser, no password). */
    pgServerUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const cluster = await startPgCluster();
  project.provide('pgServerUrl', cluster.url('postgres'));
  return () => cluster.stop();
}
