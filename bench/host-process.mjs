// Runs the real kiosk host (`dist/main/cli/start.js` in browser mode) as a child process, for the benchmarks
// and the crash harness.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const START_SCRIPT = fileURLToPath(new URL('../dist/main/cli/start.js', import.meta.url));
/** A host that has not printed its address by then is taken as failed to start. */
const READY_TIMEOUT_MS = 20_000;

/**
 * Starts the host on the data folder. `ready` resolves with the launch address once the host prints it (the
 * database is open and migrated by then), or null if the process died or stayed silent first.
 */
export function startHost(dataDir) {
  const child = spawn(process.execPath, [START_SCRIPT, '--browser', '--no-open', '--data-dir', dataDir], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk) => {
    stderr = (stderr + chunk).slice(-4000);
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
    /** SIGKILL: no shutdown handler runs, exactly like a pulled plug as far as the process is concerned. */
    kill: async () => {
      if (running()) child.kill('SIGKILL');
      await exited;
    },
    /** SIGTERM: the host closes its server and database as on a normal shutdown. */
    stop: async () => {
      if (running()) child.kill('SIGTERM');
      await exited;
    },
  };
}
