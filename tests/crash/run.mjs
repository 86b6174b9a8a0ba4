// `npm run test:crash`: kills the real host with SIGKILL in the middle of a mixed reception workload, again
// and again, and after every restart checks that nothing acknowledged was lost and nothing was half-written.
// Every fifth run the host kills itself between a receipt's commit and its PDF (receipt-kill-point.mjs); after
// every restart each receipt for something in the safe must have its PDF and none may claim to have printed.
// Two runs in every five the host kills itself inside a staff or pupil write, just before its audit entry
// (write-kill-point.mjs): a staff sign-in with a phone into the safe, a confiscated phone's release to a parent,
// a pupil's exception signed; after the restart none of that write may be there.
//
//   node tests/crash/run.mjs [--crashes 200] [--workers 3] [--seed 1] [--keep]
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { setTimeout as sleep } from 'node:timers/promises';
import Database from 'better-sqlite3';
import { DATABASE_FILE } from '../../dist/main/core/paths.js';
import { prng } from '../../bench/measure.mjs';
import { checkDatabase, settleInDoubt } from './checks.mjs';
import { checkKilledWrite } from './staff-learner-checks.mjs';
import { checkNothingClaimedPrinted, checkReprint, waitForReceiptPdfs } from './receipt-checks.mjs';
import { startHost } from '../../bench/host-process.mjs';
import { connect } from './kiosk-client.mjs';
import { Ledger } from './ledger.mjs';
import { runWorkload } from './workload.mjs';

const PIN = '482613';
/** Share of runs in which the host is killed while it starts (opening and migrating the database). */
const STARTUP_KILL_SHARE = 0.1;
/** Every this many runs, the host is armed to kill itself between a receipt's commit and its PDF. */
const RECEIPT_KILL_EVERY = 5;
/** How long such a run waits for the workload to log a receipt before killing the host anyway. */
const RECEIPT_KILL_WAIT_MS = 5000;
const RECEIPT_KILL_POINT = fileURLToPath(new URL('./receipt-kill-point.mjs', import.meta.url));
/** Runs n with n % 5 among these die inside a write; each such run takes the next of WRITE_KILLS. */
const WRITE_KILL_RUNS = [2, 3];
const WRITE_KILLS = ['staff_day.sign_in', 'learner.release_confiscated', 'learner.record_exception_signed'];
/** How long such a run waits for its write (a PIN check and a receipt's PDF come first) before killing anyway. */
const WRITE_KILL_WAIT_MS = 10_000;
const WRITE_KILL_POINT = fileURLToPath(new URL('./write-kill-point.mjs', import.meta.url));

const { values: args } = parseArgs({
  options: {
    crashes: { type: 'string', default: '200' },
    workers: { type: 'string', default: '3' },
    seed: { type: 'string', default: String(Date.now() % 1_000_000) },
    keep: { type: 'boolean', default: false },
  },
});
const crashes = Number(args.crashes);
const workers = Number(args.workers);
const seed = Number(args.seed);
if (!Number.isInteger(crashes) || crashes < 1 || !Number.isInteger(workers) || workers < 1 || !Number.isInteger(seed)) {
  console.error('Usage: node tests/crash/run.mjs [--crashes N] [--workers N] [--seed N] [--keep]');
  process.exit(2);
}

const random = prng(seed);
const dataDir = mkdtempSync(join(tmpdir(), 'safe-hands-crash-'));
const ledger = new Ledger();
// Each problem once, with the crash after which it was first seen (a half-written row stays half-written).
const totals = { lost: new Map(), partial: new Map(), broken: new Map(), unexpected: new Map() };
const note = (key, line, n) => {
  if (!totals[key].has(line)) totals[key].set(line, n);
};
console.log(`Crash harness: ${crashes} crashes, ${workers} callers in one console window, seed ${seed}, data in ${dataDir}`);

let host = await startOrFail();
const admin = await setUp(host.url);
// The console's window is unlocked by the administrator, so the staff day the workload signs in and out is theirs.
ledger.staffDay.staffId = admin.staffId;

const startedAt = Date.now();
/** Crashes completed: the summary counts these, so a run that stops early says so. */
let done = 0;
/** Receipts the host died on between their commit and their PDF. */
const caughtReceipts = [];
/** Writes the host died inside, before their commit: "action id". */
const caughtWrites = [];
let writeRuns = 0;
for (let n = 1; n <= crashes; n += 1) {
  const atReceipt = n % RECEIPT_KILL_EVERY === 0;
  const writeFirst = WRITE_KILL_RUNS.includes(n % RECEIPT_KILL_EVERY) ? WRITE_KILLS[writeRuns++ % WRITE_KILLS.length] : null;
  let caught = null;
  let caughtWrite = null;
  if (!atReceipt && !writeFirst && random() < STARTUP_KILL_SHARE) {
    await host.kill();
    const starting = startHost(dataDir);
    await sleep(random() * 350);
    await starting.kill();
  } else {
    const client = await connect(host.url);
    let unlocked;
    const consoleUnlocked = new Promise((resolve) => (unlocked = resolve));
    const running = runWorkload({ client, ledger, random, admin, workers, label: `r${n}`, onUnlocked: unlocked, logReceiptFirst: atReceipt, writeFirst });
    // The kill lands in the workload, not in the console's unlock: a PIN check is a deliberately slow scrypt
    // (about half a second), and a run killed during it would have nothing else in flight.
    await consoleUnlocked;
    if (atReceipt) {
      // Armed only now, so the restarted host's own rebuild of missing PDFs is never what it dies on.
      host.arm();
      await Promise.race([host.exited, sleep(RECEIPT_KILL_WAIT_MS)]);
    } else if (writeFirst) {
      writeFileSync(join(dataDir, 'crash-write-point'), writeFirst);
      host.armWrite();
      await Promise.race([host.exited, sleep(WRITE_KILL_WAIT_MS)]);
    } else {
      // Up to 0.8 s, so the slower requests (a receipt's PDF, the first one loading its engine) finish often enough.
      await sleep(40 + random() * 760);
    }
    await host.kill();
    caught = /crash-point: receipt (\S+) committed/.exec(host.stderr())?.[1] ?? null;
    if (caught) caughtReceipts.push(caught);
    const write = /crash-point: write (\S+) (\d+)/.exec(host.stderr());
    if (write) caughtWrites.push((caughtWrite = `${write[1]} ${write[2]}`));
    for (const line of await running) note('unexpected', line, n);
  }

  done = n;
  host = await startOrFail();
  const db = new Database(join(dataDir, DATABASE_FILE), { readonly: true, fileMustExist: true });
  try {
    const found = await checkDatabase(db, ledger, dataDir);
    for (const key of ['lost', 'partial', 'broken']) for (const line of found[key]) note(key, line, n);
    for (const line of checkNothingClaimedPrinted(db)) note('broken', line, n);
    for (const line of await waitForReceiptPdfs(db, dataDir)) note('broken', line, n);
    if (caughtWrite) for (const line of checkKilledWrite(db, ...caughtWrite.split(' '))) note('partial', line, n);
    settleInDoubt(db, ledger);
  } finally {
    db.close();
  }
  if (caught) for (const line of await checkReprint(host.url, admin, dataDir, caught)) note('broken', line, n);
  if (n % 20 === 0 || n === crashes) {
    console.log(`  ${n} crashes, ${ledger.acknowledgedTotal()} acknowledged answers, ${ledger.inDoubtTotal} in flight when killed, ${ledger.visits.size} visits, ${ledger.items.size} items logged (${Math.round((Date.now() - startedAt) / 1000)} s)`);
  }
}
await host.kill();

console.log(`Acknowledged: ${[...ledger.acknowledged].map(([name, count]) => `${name} ${count}`).join(', ')}`);
console.log(`Killed between a receipt's commit and its PDF: ${caughtReceipts.length} (${caughtReceipts.join(', ') || 'none'}), each reprinted after the restart`);
console.log(`Killed inside a write before its commit: ${caughtWrites.length} (${caughtWrites.join(', ') || 'none'}), none of it there after the restart`);
for (const [key, label] of [['lost', 'Lost'], ['partial', 'Half-applied'], ['broken', 'Broken'], ['unexpected', 'Unexpected refusal']]) {
  for (const [line, n] of [...totals[key]].slice(0, 20)) console.log(`${label} (seen after crash ${n}): ${line}`);
}
const problems = totals.broken.size + totals.unexpected.size;
if (problems > 0) console.log(`integrity, custody invariant, audit chain or receipt problems: ${totals.broken.size}, unexpected refusals: ${totals.unexpected.size}`);
const failed = totals.lost.size + totals.partial.size + problems > 0;
if (args.keep || failed) console.log(`Data kept in ${dataDir}`);
else rmSync(dataDir, { recursive: true, force: true });
console.log(summary());
process.exit(failed ? 1 : 0);

function summary() {
  return `crashes: ${done}, acknowledged lost: ${totals.lost.size}, partial: ${totals.partial.size}`;
}

async function startOrFail() {
  const started = startHost(dataDir, { preload: [RECEIPT_KILL_POINT, WRITE_KILL_POINT] });
  const url = await started.ready;
  if (!url) {
    console.error(`The host did not start again:\n${started.stderr()}`);
    console.log(`Data kept in ${dataDir}`);
    console.log(summary());
    process.exit(1);
  }
  return { url, kill: started.kill, arm: () => started.signal('SIGUSR2'), armWrite: () => started.signal('SIGWINCH'), exited: started.exited, stderr: started.stderr };
}

/** First run: the setting and its first administrator (also the DSL), as the setup screen does. */
async function setUp(url) {
  const call = (await connect(url)).window();
  const created = await call('setup.create', {
    settingName: 'Crash Test Primary', settingKind: 'school', adminName: 'Ada Admin', pin: PIN, pinAgain: PIN, expectationsTemplate: 'school',
  });
  if (!created.ok) throw new Error(`Setup failed: ${created.error.message}`);
  const config = await call('kiosk.config', {});
  return { staffId: created.value.staffId, pin: PIN, policyVersionId: config.value.policy.versionId };
}
