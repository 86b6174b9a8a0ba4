// A throwaway PostgreSQL server for the tests: its own folder, its own free port on 127.0.0.1, gone after stop().
// It never touches a cluster the machine already runs (5432 or any other): nothing here reads or writes
// outside the folder it makes.
//
// If a test run dies without calling stop() (a crash, a kill -9, an exception before teardown), a small
// watchdog shell started beside the server notices within a second that the process that started the server
// has gone, stops the server (`pg_ctl stop -m immediate`) and removes the folder. We chose a separate watchdog
// over a process 'exit' handler because an exit handler does not run on SIGKILL or on a signal's default action.
import { execFile, spawn } from 'node:child_process';
import { constants } from 'node:fs';
import { access, chown, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface PgCluster {
  /** The TCP port the server listens on, on 127.0.0.1 only. */
  readonly port: number;
  /** The folder holding the data, the socket and the server log; removed by stop(). */
  readonly folder: string;
  /** A connection URL for one database on this server, as the `postgres` superuser (trust, no password). */
  url(database: string): string;
  /** Stops the server (fast shutdown) and removes its folder. Calling it again does nothing. */
  stop(): Promise<void>;
  /** Stops the server at once, as a crash or a pulled cable would, keeping its data (an outage). */
  halt(): Promise<void>;
  /** Starts the halted server again on the same port, with its data as it was. */
  resume(): Promise<void>;
}

export interface PgClusterOptions {
  /**
   * Keep PostgreSQL's durability (fsync, synchronous_commit, full_page_writes on, initdb syncing its files).
   * Off by default: a throwaway test server loses nothing that matters in a power cut, and fsync-free runs are
   * several times faster on a busy machine. The crash tests turn it on, because they kill the server on purpose.
   */
  durable?: boolean;
}

const FIX = 'sudo node tests/prerequisites.mjs';
const SERVER_USER = 'postgres';
const START_TIMEOUT_S = 30;
const PORT_TRIES = 3;

/** The newest installed server, e.g. /usr/lib/postgresql/15/bin (Debian's layout; `postgresql` package). */
async function serverBinaries(): Promise<string> {
  const root = '/usr/lib/postgresql';
  const majors = (await readdir(root).catch(() => [] as string[])).filter((name) => /^\d+$/.test(name));
  majors.sort((a, b) => Number(b) - Number(a));
  for (const major of majors) {
    const bin = join(root, major, 'bin');
    const present = await Promise.all(['initdb', 'pg_ctl', 'postgres', 'pg_isready'].map((tool) => access(join(bin, tool), constants.X_OK).then(() => true, () => false)));
    if (present.every(Boolean)) return bin;
  }
  throw new Error(`The tests need PostgreSQL's server programs (initdb, pg_ctl, postgres, pg_isready under ${root}/<version>/bin) and found none. Run once: ${FIX}`);
}

interface Ran { code: number; output: string }

/** Runs a program without a shell, never throwing: the caller decides what a failure means. */
function run(command: string, args: string[], cwd: string): Promise<Ran> {
  return new Promise((resolve) => {
    execFile(command, args, { cwd, encoding: 'utf8', env: { ...process.env, LC_ALL: 'C' } }, (error, stdout, stderr) => {
      const code = error === null ? 0 : typeof error.code === 'number' ? error.code : -1;
      resolve({ code, output: `${stdout}${stderr}${error && code === -1 ? error.message : ''}`.trim() });
    });
  });
}

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

/** PostgreSQL refuses to run as root, so as root the server's programs run as the `postgres` user. */
function asServerUser(command: string, args: string[]): [string, string[]] {
  return isRoot ? ['runuser', ['-u', SERVER_USER, '--', command, ...args]] : [command, args];
}

async function handFolderToServerUser(folder: string): Promise<void> {
  if (!isRoot) return;
  const uid = await run('id', ['-u', SERVER_USER], folder);
  const gid = await run('id', ['-g', SERVER_USER], folder);
  if (uid.code !== 0 || gid.code !== 0) {
    throw new Error(`Running as root, the test PostgreSQL must run as the '${SERVER_USER}' user, and there is none. Run once: ${FIX}`);
  }
  await chown(folder, Number(uid.output), Number(gid.output));
}

/** A port nobody is listening on now. Another process could take it before the server does; start() retries. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

async function logTail(log: string): Promise<string> {
  const text = await readFile(log, 'utf8').catch(() => '(no server log was written)');
  return text.split('\n').slice(-40).join('\n');
}

const confString = (value: string): string => `'${value.replaceAll("'", "''")}'`;

/** Stops the server and removes the folder if this process disappears without calling stop(). */
function startWatchdog(folder: string, stopNow: [string, string[]]): number | undefined {
  const script = 'parent=$1; folder=$2; shift 2; while kill -0 "$parent" 2>/dev/null; do sleep 1; done; "$@" >/dev/null 2>&1; rm -rf "$folder"';
  const child = spawn('sh', ['-c', script, 'safe-hands-pg-watchdog', String(process.pid), folder, stopNow[0], ...stopNow[1]], {
    detached: true,
    stdio: 'ignore',
  });
  child.unref();
  return child.pid;
}

export async function startPgCluster(options: PgClusterOptions = {}): Promise<PgCluster> {
  const durable = options.durable === true;
  const bin = await serverBinaries();
  const folder = await mkdtemp(join(tmpdir(), 'safe-hands-pg-'));
  const data = join(folder, 'data');
  const log = join(folder, 'server.log');
  const pgCtl = join(bin, 'pg_ctl');
  let started = false;
  let watchdog: number | undefined;
  const endWatchdog = (): void => {
    if (watchdog === undefined) return;
    try {
      process.kill(watchdog);
    } catch {
      // It has already gone.
    }
  };
  try {
    await handFolderToServerUser(folder);
    // Started before initdb, so a crash while the server is still starting leaves nothing behind either.
    watchdog = startWatchdog(folder, asServerUser(pgCtl, ['-D', data, 'stop', '-m', 'immediate']));
    // C locale: text compares byte by byte and lower()/upper() fold ASCII only, exactly as SQLite does, so
    // ORDER BY, `<` prefix ranges and `lower(x) LIKE` give the same answers on both engines (docs/postgres-plan.md §2).
    const initdb = await run(...asServerUser(join(bin, 'initdb'), [
      '-D', data, '--locale=C', '-E', 'UTF8', '-A', 'trust', '-U', 'postgres', '--no-instructions',
      ...(durable ? [] : ['--no-sync']),
    ]), folder);
    if (initdb.code !== 0) throw new Error(`initdb failed (exit ${initdb.code}):\n${initdb.output}`);

    // Settings go in the file rather than on pg_ctl's command line, which pg_ctl hands to a shell.
    const settings = [
      `listen_addresses = '127.0.0.1'`,
      `unix_socket_directories = ${confString(folder)}`,
      // Several test files, each with a pool, share one server.
      'max_connections = 200',
      ...(durable ? [] : ['fsync = off', 'synchronous_commit = off', 'full_page_writes = off']),
    ];
    const conf = join(data, 'postgresql.conf');
    await writeFile(conf, `${await readFile(conf, 'utf8')}\n# Safe Hands test server\n${settings.join('\n')}\n`);

    let port = 0;
    for (let attempt = 1; !started; attempt += 1) {
      port = await freePort();
      const start = await run(...asServerUser(pgCtl, ['-D', data, '-l', log, '-o', `-p ${port}`, '-w', '-t', String(START_TIMEOUT_S), 'start']), folder);
      if (start.code === 0) {
        started = true;
        break;
      }
      const tail = await logTail(log);
      // The free port was taken between our probe and the server's bind: try another.
      if (attempt < PORT_TRIES && /could not bind|Address already in use/i.test(tail)) {
        await run(...asServerUser(pgCtl, ['-D', data, 'stop', '-m', 'immediate']), folder);
        continue;
      }
      throw new Error(`The test PostgreSQL did not start within ${START_TIMEOUT_S} s (pg_ctl exit ${start.code}: ${start.output}).\nServer log:\n${tail}`);
    }

    // pg_ctl -w waits until the server says it is ready; check the TCP listener the tests use is answering.
    const ready = await run(join(bin, 'pg_isready'), ['-h', '127.0.0.1', '-p', String(port), '-t', '10'], folder);
    if (ready.code !== 0) throw new Error(`The test PostgreSQL started but does not answer on 127.0.0.1:${port}: ${ready.output}\nServer log:\n${await logTail(log)}`);

    let stopping: Promise<void> | undefined;

    const stop = async (): Promise<void> => {
      const stopped = await run(...asServerUser(pgCtl, ['-D', data, 'stop', '-m', 'fast', '-w', '-t', String(START_TIMEOUT_S)]), folder);
      // pg_ctl status answers 3 when no server runs in that folder.
      if (stopped.code !== 0 && (await run(...asServerUser(pgCtl, ['-D', data, 'status']), folder)).code !== 3) {
        // The watchdog stays, so the server still goes when this process does.
        throw new Error(`The test PostgreSQL on port ${port} did not stop: ${stopped.output}\nServer log:\n${await logTail(log)}`);
      }
      endWatchdog();
      await rm(folder, { recursive: true, force: true });
    };

    const halt = async (): Promise<void> => {
      const halted = await run(...asServerUser(pgCtl, ['-D', data, 'stop', '-m', 'immediate', '-w', '-t', String(START_TIMEOUT_S)]), folder);
      if (halted.code !== 0) throw new Error(`The test PostgreSQL on port ${port} did not halt: ${halted.output}`);
    };
    const resume = async (): Promise<void> => {
      const resumed = await run(...asServerUser(pgCtl, ['-D', data, '-l', log, '-o', `-p ${port}`, '-w', '-t', String(START_TIMEOUT_S), 'start']), folder);
      if (resumed.code !== 0) throw new Error(`The test PostgreSQL on port ${port} did not start again: ${resumed.output}\nServer log:\n${await logTail(log)}`);
    };

    return {
      port,
      folder,
      url: (database) => `postgres://postgres@127.0.0.1:${port}/${encodeURIComponent(database)}`,
      stop: () => (stopping ??= stop()),
      halt,
      resume,
    };
  } catch (error) {
    if (started) await run(...asServerUser(pgCtl, ['-D', data, 'stop', '-m', 'immediate']), folder);
    endWatchdog();
    await rm(folder, { recursive: true, force: true });
    throw error;
  }
}
