/**
 * A real print spooler for the printing tests: CUPS with the cups-pdf virtual printer, which turns every
 * job into a PDF file in a folder. tests/prerequisites.mjs (the first step of npm test) installs and starts it
 * and creates the "SafeHandsPDF" queue.
 */
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export const TEST_QUEUE = process.env.SAFE_HANDS_TEST_PRINTER ?? 'SafeHandsPDF';

export const CUPS_SETUP_HINT =
  'The printing tests need a real CUPS spooler with the cups-pdf printer. Run once: sudo node tests/prerequisites.mjs ' +
  '(it installs CUPS and cups-pdf, starts the scheduler and adds the SafeHandsPDF queue), ' +
  'or set SAFE_HANDS_SKIP_PRINTER_TESTS=1 to skip them on a machine that cannot print.';

export interface CupsPdfQueue {
  printer: string;
  /** Where cups-pdf writes this user's jobs. */
  outputDir: string;
}

async function lpstat(args: string[]): Promise<{ ok: boolean; out: string }> {
  try {
    const { stdout, stderr } = await run('lpstat', args, { env: { ...process.env, LC_ALL: 'C', LANG: 'C' }, timeout: 10_000 });
    return { ok: true, out: `${stdout}${stderr}` };
  } catch (error) {
    const failure = error as { code?: string | number; stdout?: string; stderr?: string };
    if (failure.code === 'ENOENT') throw new Error(`CUPS is not installed here (no lpstat command). ${CUPS_SETUP_HINT}`);
    return { ok: false, out: `${failure.stdout ?? ''}${failure.stderr ?? ''}` };
  }
}

/** The cups-pdf queue, ready to print, or an error that says exactly what to set up. */
export async function findCupsPdfQueue(): Promise<CupsPdfQueue> {
  const scheduler = await lpstat(['-r']);
  if (!/scheduler is running/.test(scheduler.out)) {
    throw new Error(`The CUPS scheduler is not running (lpstat -r: "${scheduler.out.trim()}"). ${CUPS_SETUP_HINT}`);
  }
  const device = await lpstat(['-v', TEST_QUEUE]);
  if (!device.ok || !new RegExp(`device for ${TEST_QUEUE}: cups-pdf:`).test(device.out)) {
    throw new Error(`There is no cups-pdf printer queue called "${TEST_QUEUE}" (lpstat -v: "${device.out.trim()}"). ${CUPS_SETUP_HINT}`);
  }
  const accepting = await lpstat(['-a', TEST_QUEUE]);
  if (!/accepting requests/.test(accepting.out)) {
    throw new Error(`The "${TEST_QUEUE}" queue is not accepting jobs (lpstat -a: "${accepting.out.trim()}"). Run: cupsenable ${TEST_QUEUE}; cupsaccept ${TEST_QUEUE}`);
  }
  return { printer: TEST_QUEUE, outputDir: cupsPdfOutputDir() };
}

/** cups-pdf's "Out" setting with ${HOME} and ${USER} filled in for the user running the tests. */
export function cupsPdfOutputDir(conf = '/etc/cups/cups-pdf.conf'): string {
  if (process.env.SAFE_HANDS_CUPS_PDF_OUT) return process.env.SAFE_HANDS_CUPS_PDF_OUT;
  let out = '${HOME}/PDF';
  if (existsSync(conf)) {
    const line = readFileSync(conf, 'utf8').split(/\r?\n/).find((l) => /^\s*Out\s+\S/.test(l));
    if (line) out = line.trim().replace(/^Out\s+/, '');
  }
  const user = userInfo();
  return out.replace(/\$\{HOME\}/g, user.homedir).replace(/\$\{USER\}/g, user.username);
}

/** The PDF files in a folder now (missing folder: none). */
export async function pdfFilesIn(dir: string): Promise<Set<string>> {
  try {
    return new Set((await readdir(dir)).filter((name) => name.toLowerCase().endsWith('.pdf')));
  } catch {
    return new Set();
  }
}

/**
 * Wait (at most `timeoutMs`) for a PDF that was not in `before` to appear in `dir` and satisfy `accept`
 * (which should tolerate a file that is still being written). Returns its path.
 */
export async function waitForNewPdf(
  dir: string,
  before: ReadonlySet<string>,
  accept: (file: string) => Promise<boolean>,
  timeoutMs = 30_000,
): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  const rejected = new Map<string, number>();
  for (;;) {
    for (const name of await pdfFilesIn(dir)) {
      if (before.has(name)) continue;
      const file = join(dir, name);
      const size = (await stat(file).catch(() => null))?.size ?? 0;
      if (size === 0 || rejected.get(name) === size) continue;
      if (await accept(file).catch(() => false)) return file;
      rejected.set(name, size);
    }
    if (Date.now() > deadline) {
      throw new Error(`No new PDF appeared in ${dir} within ${timeoutMs / 1000} s. Check /var/log/cups/error_log and /var/log/cups/cups-pdf-*_log.`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
