// Runs the real kiosk host (`dist/main/cli/start.js` in browser mode) as a child process the harness can kill.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const START_SCRIPT = fileURLToPath(new URL('../../dist/main/cli/start.js', import.meta.url));

/**
 * Starts the host on the data folder. `ready` resolves with the launch address once the host prints it (the
 * database is open and migrated by then), or null if the process died first.
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
  const ready = new Promise((resolve) => {
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const match = /Kiosk: (http:\/\/\S+)/.exec(out);
      if (match) resolve(match[1]);
    });
    void exited.then(() => resolve(null));
  });
  return {
    ready,
    exited,
    stderr: () => stderr,
    /** SIGKILL: no shutdown handler runs, exactly like a pulled plug as far as the process is concerned. */
    kill: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
}
