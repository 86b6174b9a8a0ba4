// Runs the real kiosk host (`dist/main/cli/start.js` in browser mode) as a child process, for the benchmarks
// and the crash harness.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const START_SCRIPT = fileURLToPath(new URL('../dist/main/cli/start.js', import.meta.url));
const TRACE_PRELOAD = fileURLToPath(new URL('./start-trace.mjs', import.meta.url));
const FLOOR_SCRIPT = fileURLToPath(new URL('./floor-server.mjs', import.meta.url));
/** A host that has not printed its address by then is taken as failed to start. */
const READY_TIMEOUT_MS = 20_000;

/**
 * Starts the host on the data folder. `ready` resolves with the launch address once the host prints it (the
 * database is open and migrated by then), or null if the process died or stayed silent first.
 * With `trace`, the host runs with bench/start-trace.mjs preloaded and `trace()` returns its phase lines
 * ({ at: epoch ms, what }); the bench's cold-start figures never use it. `preload` lists more modules to
 * load first (the crash harness's kill points).
 */
export function startHost(dataDir, { trace = false, preload = [] } = {}) {
  const imports = [...(trace ? [TRACE_PRELOAD] : []), ...preload].flatMap((file) => ['--import', file]);
  return startProcess([...imports, START_SCRIPT, '--browser', '--no-open', '--data-dir', dataDir], trace);
}

/**
 * The cold-start floor: a bare Node process serving one static page (bench/floor-server.mjs), started and
 * awaited exactly as startHost is, with the same "Kiosk:" line.
 */
export function startFloorHost() {
  return startProcess([FLOOR_SCRIPT], false);
}

function startProcess(args, trace) {
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  const traced = [];
  let partial = '';
  child.stderr.on('data', (chunk) => {
    stderr = (stderr + chunk).slice(-4000);
    if (!trace) return;
    const lines = (partial + chunk).split('\n');
    partial = lines.pop();
    for (const line of lines) {
      const m = /^\[start-trace\] (\d+\.\d+) (.*)$/.exec(line);
      if (m) traced.push({ at: Number(m[1]), what: m[2] });
    }
  });
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  const running = () => child.exitCode === null && child.signalCode === null;
  const ready = new Promise((resolve) => {
    let out = '';
    const timer = setTimeout(() => resolve(null), READY_TIMEOUT_MS);
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const match = /Kiosk: (http:\/\/\S+)/.exec(out);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    void exited.then(() => {
      clearTimeout(timer);
      resolve(null);
    });
  });
  return {
    ready,
    exited,
    stderr: () => stderr,
    trace: () => traced,
    /** SIGKILL: no shutdown handler runs, exactly like a pulled plug as far as the process is concerned. */
    kill: async () => {
      if (running()) child.kill('SIGKILL');
      await exited;
    },
    /** Sends a signal the host (or a preloaded module) listens for; false if it has already exited. */
    signal: (name) => running() && child.kill(name),
    /** SIGTERM: the host closes its server and database as on a normal shutdown. */
    stop: async () => {
      if (running()) child.kill('SIGTERM');
      await exited;
    },
  };
}
