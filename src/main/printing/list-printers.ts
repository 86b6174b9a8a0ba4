/**
 * The printers this computer can print to, for the administrator's printer settings. Never throws: no
 * printing system, or one that is not running, simply means no printers.
 */
import { englishEnv, execFileRunner, RunFailure, type Runner } from './run.js';
import { loadWindowsPdfPrinter, type WindowsPdfPrinter } from './windows.js';

export interface PrinterInfo {
  name: string;
  isDefault: boolean;
}

export interface ListPrintersOptions {
  platform?: NodeJS.Platform;
  run?: Runner;
  windows?: WindowsPdfPrinter;
}

const LPSTAT_TIMEOUT_MS = 10_000;

export async function listPrinters(options: ListPrintersOptions = {}): Promise<PrinterInfo[]> {
  const platform = options.platform ?? process.platform;
  try {
    if (platform === 'win32') return await listWindowsPrinters(options.windows);
    return await listCupsPrinters(options.run ?? execFileRunner);
  } catch {
    return [];
  }
}

async function listCupsPrinters(run: Runner): Promise<PrinterInfo[]> {
  let stdout: string;
  try {
    ({ stdout } = await run('lpstat', ['-p', '-d'], { timeoutMs: LPSTAT_TIMEOUT_MS, env: englishEnv() }));
  } catch (error) {
    // With no queues at all lpstat exits 1 but still says "no system default destination"; a scheduler
    // that is not running or a missing lpstat leaves nothing useful to read.
    if (error instanceof RunFailure && error.kind === 'failed') stdout = error.stdout;
    else return [];
  }
  return parseLpstat(stdout);
}

/**
 * Reads `LC_ALL=C lpstat -p -d`:
 *   printer Receipts is idle.  enabled since Sun 22 Nov 2026 11:32:38
 *   printer Office_Laser disabled since Sun 22 Nov 2026 09:00:00 -
 *   \treason unknown
 *   system default destination: Office_Laser
 */
export function parseLpstat(output: string): PrinterInfo[] {
  const names: string[] = [];
  let defaultName: string | null = null;
  for (const line of output.split(/\r?\n/)) {
    const printer = /^printer\s+(\S+)\s/.exec(line) ?? /^printer\s+(\S+)$/.exec(line);
    if (printer) {
      if (!names.includes(printer[1]!)) names.push(printer[1]!);
      continue;
    }
    const defaultLine = /^system default destination:\s*(\S+)/.exec(line);
    if (defaultLine) defaultName = defaultLine[1]!;
  }
  return names.map((name) => ({ name, isDefault: name === defaultName }));
}

async function listWindowsPrinters(injected: WindowsPdfPrinter | undefined): Promise<PrinterInfo[]> {
  const driver = injected ?? (await loadWindowsPdfPrinter());
  if (!driver) return [];
  const [printers, defaultPrinter] = await Promise.all([driver.getPrinters(), driver.getDefaultPrinter().catch(() => null)]);
  const seen = new Set<string>();
  const result: PrinterInfo[] = [];
  for (const printer of printers) {
    const name = typeof printer?.name === 'string' ? printer.name.trim() : '';
    if (!name || seen.has(name)) continue;
    seen.add(name);
    result.push({ name, isDefault: defaultPrinter?.name === name });
  }
  return result;
}
