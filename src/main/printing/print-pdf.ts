/**
 * Send a PDF to a printer through the operating system's spooler: CUPS `lp` on Linux and macOS,
 * pdf-to-printer on Windows. Never throws: the answer is either a job id or a sentence a receptionist can
 * act on.
 */
import { stat } from 'node:fs/promises';
import { englishEnv, execFileRunner, RunFailure, type Runner } from './run.js';
import { loadWindowsPdfPrinter, WINDOWS_PRINTING_MISSING, type WindowsPdfPrinter } from './windows.js';

export type { Runner } from './run.js';

export type PrintOutcome = { ok: true; jobId: string | null } | { ok: false; reason: string };

export interface PrintOptions {
  platform?: NodeJS.Platform;
  /** Runs `lp`; replaceable so the macOS path can be checked on any machine. */
  run?: Runner;
  /** Stands in for the pdf-to-printer package on Windows. */
  windows?: WindowsPdfPrinter;
  /** What the printer is for, in "No printer is set up for …". */
  purpose?: string;
}

/** How long the spooler gets to take the job before the office is told something is wrong. */
export const PRINT_TIMEOUT_MS = 15_000;

export async function printPdf(file: string, printer: string | null, options: PrintOptions = {}): Promise<PrintOutcome> {
  const platform = options.platform ?? process.platform;
  const name = printer?.trim() ?? '';
  if (!name) {
    return { ok: false, reason: `No printer is set up for ${options.purpose ?? 'receipts'}. An administrator can choose one in Settings.` };
  }
  if (name.length > 200 || /[\u0000-\u001f\u007f]/.test(name)) {
    return { ok: false, reason: 'The printer name in Settings is not valid. An administrator needs to choose the printer again.' };
  }
  try {
    const info = await stat(file);
    if (!info.isFile() || info.size === 0) throw new Error('not a file');
  } catch {
    return { ok: false, reason: 'The document to print could not be found, so nothing was sent to the printer.' };
  }

  try {
    if (platform === 'win32') return await printOnWindows(file, name, options.windows);
    return await printWithLp(file, name, options.run ?? execFileRunner);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, reason: `The printer "${name}" did not accept the job: ${sentence(message)}` };
  }
}

async function printWithLp(file: string, printer: string, run: Runner): Promise<PrintOutcome> {
  try {
    // "--" ends the options: a file name starting with "-" is still a file.
    const { stdout } = await run('lp', ['-d', printer, '--', file], { timeoutMs: PRINT_TIMEOUT_MS, env: englishEnv() });
    const jobId = /request id is (\S+)/i.exec(stdout)?.[1] ?? null;
    return { ok: true, jobId };
  } catch (error) {
    if (error instanceof RunFailure) {
      if (error.kind === 'missing') {
        return {
          ok: false,
          reason: 'Printing is not set up on this computer: the CUPS printing system (the "lp" command) is not installed.',
        };
      }
      if (error.kind === 'timeout') {
        return {
          ok: false,
          reason: `The printer "${printer}" did not answer within ${PRINT_TIMEOUT_MS / 1000} seconds. Check that printing is working on this computer, then try again.`,
        };
      }
      return { ok: false, reason: `The printer "${printer}" did not accept the job: ${lpMessage(error.stderr || error.stdout)}` };
    }
    throw error;
  }
}

async function printOnWindows(file: string, printer: string, injected: WindowsPdfPrinter | undefined): Promise<PrintOutcome> {
  const driver = injected ?? (await loadWindowsPdfPrinter());
  if (!driver) return { ok: false, reason: WINDOWS_PRINTING_MISSING };
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), PRINT_TIMEOUT_MS);
  });
  try {
    const result = await Promise.race([driver.print(file, { printer }).then(() => 'printed' as const), timedOut]);
    if (result === 'timeout') {
      return {
        ok: false,
        reason: `The printer "${printer}" did not answer within ${PRINT_TIMEOUT_MS / 1000} seconds. Check that it is switched on and connected, then try again.`,
      };
    }
    return { ok: true, jobId: null };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, reason: `The printer "${printer}" did not accept the job: ${sentence(message)}` };
  } finally {
    clearTimeout(timer);
  }
}

/** "lp: Error - The printer or class does not exist." -> "The printer or class does not exist." */
function lpMessage(output: string): string {
  const line = output
    .split(/\r?\n/)
    .map((l) => l.replace(/^lp(?:\.cups)?:\s*/i, '').replace(/^error\s*-\s*/i, '').trim())
    .find((l) => l.length > 0);
  return sentence(line ?? 'the printing system gave no reason.');
}

function sentence(text: string): string {
  const trimmed = text.trim().replace(/\s+/g, ' ').slice(0, 300);
  if (!trimmed) return 'no reason was given.';
  const capitalised = trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
  return /[.!?]$/.test(capitalised) ? capitalised : `${capitalised}.`;
}
