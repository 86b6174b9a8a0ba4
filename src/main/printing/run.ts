/**
 * Running the operating system's print commands. Always an executable plus an argument array (execFile,
 * no shell), so a printer or file name can never be read as a command, and always with a time limit.
 */
import { execFile } from 'node:child_process';

export interface RunOptions {
  timeoutMs: number;
  env?: NodeJS.ProcessEnv;
}

export interface RunResult {
  stdout: string;
  stderr: string;
}

/** Runs `cmd` with `args`; resolves on exit code 0, otherwise rejects with a RunFailure. */
export type Runner = (cmd: string, args: readonly string[], opts: RunOptions) => Promise<RunResult>;

export type RunFailureKind = 'missing' | 'timeout' | 'failed';

export class RunFailure extends Error {
  override name = 'RunFailure';
  constructor(
    readonly kind: RunFailureKind,
    readonly command: string,
    readonly stdout = '',
    readonly stderr = '',
    readonly exitCode: number | null = null,
  ) {
    super(`${command}: ${kind}${stderr ? `: ${stderr.trim()}` : ''}`);
  }
}

/** The print commands' messages in English whatever the PC's locale, so they can be parsed and shown. */
export function englishEnv(env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  return { ...env, LC_ALL: 'C', LANG: 'C', LANGUAGE: 'C' };
}

export const execFileRunner: Runner = (cmd, args, opts) =>
  new Promise((resolve, reject) => {
    execFile(
      cmd,
      [...args],
      { timeout: opts.timeoutMs, killSignal: 'SIGKILL', env: opts.env ?? process.env, windowsHide: true, maxBuffer: 4 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const out = String(stdout ?? '');
        const err = String(stderr ?? '');
        if (!error) {
          resolve({ stdout: out, stderr: err });
          return;
        }
        const failure = error as NodeJS.ErrnoException & { killed?: boolean; code?: string | number };
        if (failure.code === 'ENOENT') reject(new RunFailure('missing', cmd, out, err));
        else if (failure.killed) reject(new RunFailure('timeout', cmd, out, err));
        else reject(new RunFailure('failed', cmd, out, err, typeof failure.code === 'number' ? failure.code : null));
      },
    );
  });
