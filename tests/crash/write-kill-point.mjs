// Preloaded into the crash harness's host (node --import): once armed, the host kills itself with SIGKILL
// inside a multi-step write, just before that write's audit entry goes in. By then every other row of the
// write is in the open transaction and none is committed: after the restart, none of it may be there.
// The harness arms it by writing the audit action to watch ("staff_day.sign_in") into `crash-write-point`
// in the data folder and sending SIGWINCH (ignored by a host without this module). It changes nothing else.
import { readFileSync, writeSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const dataDir = process.argv[process.argv.indexOf('--data-dir') + 1];
let watched = null;
process.on('SIGWINCH', () => {
  watched = readFileSync(join(dataDir, 'crash-write-point'), 'utf8').trim();
});

// The app's own better-sqlite3 (one module instance): its audit insert is the statement watched.
const Database = createRequire(new URL('../../package.json', import.meta.url))('better-sqlite3');
const prepare = Database.prototype.prepare;
Database.prototype.prepare = function prepareWatched(sql, ...rest) {
  const statement = prepare.call(this, sql, ...rest);
  if (!/INSERT INTO audit_log/.test(sql)) return statement;
  const run = statement.run;
  statement.run = function runWatched(params, ...more) {
    if (watched !== null && params?.action === watched) {
      // Said before dying, so the harness knows which record must not be there after the restart.
      writeSync(2, `crash-point: write ${params.action} ${params.entity_id} in its transaction\n`);
      process.kill(process.pid, 'SIGKILL');
    }
    return run.call(this, params, ...more);
  };
  return statement;
};
