import { systemClock } from '../core/clock.js';
import { MigrationError } from '../db/migrate.js';
import { moveToPostgres, MoveRefused } from '../db/move-to-postgres.js';
import { DataFolderInUse, lockDataFolder } from './data-folder-lock.js';
import { MOVE_USAGE, parseMoveArgs, type MoveCommandOptions } from './move-options.js';
import { UsageError } from './start-options.js';
import { serverProblem, storageProblem } from './storage-problem.js';

/** `npm run move-to-postgres`: one desk's SQLite records into an empty PostgreSQL database (README). */
async function main(): Promise<void> {
  let options: MoveCommandOptions;
  try {
    options = parseMoveArgs(process.argv.slice(2));
  } catch (err) {
    if (err instanceof UsageError) {
      console.error(`${err.message}\n${MOVE_USAGE}`);
      process.exit(2);
    }
    throw err;
  }
  if (options.help) {
    console.log(MOVE_USAGE);
    return;
  }
  try {
    // Safe Hands must not be writing to the file while it is copied.
    process.once('exit', lockDataFolder(options.dataDir));
    const report = await moveToPostgres({ dataDir: options.dataDir, database: options.database, clock: systemClock, say: (line) => console.log(line) });
    const rows = report.tables.reduce((sum, t) => sum + t.rows, 0);
    const entries = report.auditEntries === 1 ? '1 entry holds' : `${report.auditEntries} entries hold`;
    console.log(`Moved ${rows === 1 ? '1 row' : `${rows} rows`} in ${report.tables.length} tables; the counts match, and the audit trail's ${entries} on the server.`);
    console.log('Next: start each desk with --database (the same address), with audit-trail.key and pin-pepper.key from this data folder');
    console.log('copied into its own. The SQLite file is left as it was: do not start this desk without --database again.');
  } catch (err) {
    const problem = err instanceof DataFolderInUse || err instanceof MoveRefused ? err.message
      : err instanceof MigrationError ? `Safe Hands cannot open the database in ${options.dataDir}:\n${err.message}`
      : serverProblem(err, options.database) ?? storageProblem(err, options.dataDir);
    if (problem === null) throw err;
    console.error(problem);
    process.exit(1);
  }
}

void main();
