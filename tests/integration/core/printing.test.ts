/**
 * Printing through a REAL spooler: CUPS with the cups-pdf virtual printer (set up by tests/prerequisites.mjs). A machine
 * without it fails these tests with the setup steps, unless SAFE_HANDS_SKIP_PRINTER_TESTS=1.
 *
 * The macOS and Windows code paths are checked with a stand-in runner / print driver below.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildReceiptPdf, type ReceiptData } from '../../../src/main/documents/receipt.js';
import { listPrinters, parseLpstat } from '../../../src/main/printing/list-printers.js';
import { printPdf, PRINT_TIMEOUT_MS } from '../../../src/main/printing/print-pdf.js';
import { execFileRunner, RunFailure, type Runner } from '../../../src/main/printing/run.js';
import type { WindowsPdfPrinter } from '../../../src/main/printing/windows.js';
import { findCupsPdfQueue, pdfFilesIn, waitForNewPdf, type CupsPdfQueue } from '../../helpers/cups.js';
import { decodeQr, flatten, pdfText, renderPdfToPngs } from '../../helpers/pdf.js';

const SKIP_REAL_PRINTER = process.env.SAFE_HANDS_SKIP_PRINTER_TESTS === '1';
const TOKEN = 'M4TQ7WZ2KXB5RHN3DLYPC6VJAE';

let workDir: string;

beforeAll(async () => {
  workDir = await mkdtemp(join(tmpdir(), 'safe-hands-print-'));
});

afterAll(async () => {
  await rm(workDir, { recursive: true, force: true });
});

function receiptData(receiptNumber: string): ReceiptData {
  return {
    settingName: 'Oakfield Primary School',
    receiptNumber,
    token: TOKEN,
    owner: { name: "Zoë O'Brien-Łukasz", detail: 'Kent County Council' },
    items: [
      { kindLabel: 'Phone', description: 'Black iPhone 13', marks: null, bagSlot: '12' },
      { kindLabel: 'Smart watch', description: null, marks: 'Scratched face', bagSlot: '12' },
    ],
    loggedAt: '2026-03-03T09:41:00Z',
    staffName: 'Mrs Anita Patel',
    reprint: 0,
  };
}

async function writeReceipt(name: string, receiptNumber: string): Promise<string> {
  const file = join(workDir, name);
  await writeFile(file, await buildReceiptPdf(receiptData(receiptNumber), 'roll80'));
  return file;
}

describe.skipIf(SKIP_REAL_PRINTER)('printing to a real CUPS queue (cups-pdf)', () => {
  let queue: CupsPdfQueue;

  beforeAll(async () => {
    queue = await findCupsPdfQueue();
  });

  it('spools a receipt that comes out as a PDF with the receipt number and a readable QR code', async () => {
    const unique = `${Date.now() % 100000}`.padStart(5, '0');
    const receiptNumber = `2026-${unique}`;
    const file = await writeReceipt(`receipt-${unique}.pdf`, receiptNumber);
    const before = await pdfFilesIn(queue.outputDir);

    const outcome = await printPdf(file, queue.printer);
    expect(outcome).toEqual({ ok: true, jobId: expect.stringMatching(new RegExp(`^${queue.printer}-\\d+$`)) });

    const printed = await waitForNewPdf(queue.outputDir, before, async (candidate) =>
      flatten(await pdfText(await readFile(candidate))).includes(receiptNumber));
    try {
      const pdf = await readFile(printed);
      expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      const pages = await renderPdfToPngs(pdf, 200);
      expect(pages).toHaveLength(1);
      expect(decodeQr(pages[0]!)).toBe(TOKEN);
    } finally {
      await rm(printed, { force: true });
    }
  }, 40_000);

  it('lists the queue among the printers', async () => {
    const printers = await listPrinters();
    expect(printers.map((p) => p.name)).toContain(queue.printer);
    expect(printers.filter((p) => p.isDefault).length).toBeLessThanOrEqual(1);
  });

  it('answers a printer that does not exist with a plain reason, without throwing', async () => {
    const file = await writeReceipt('no-such-printer.pdf', '2026-0001');
    const outcome = await printPdf(file, 'NoSuchPrinterHere');
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) {
      expect(outcome.reason).toMatch(/^The printer "NoSuchPrinterHere" did not accept the job: .+\.$/);
      expect(outcome.reason).toMatch(/does not exist/i);
    }
  });

  it('never lets a printer or file name reach a shell', async () => {
    const marker = 'safe-hands-shell-ran';
    const file = await writeReceipt('plain.pdf', '2026-0002');
    expect(await printPdf(file, `x; touch ${join(workDir, marker)}`)).toMatchObject({ ok: false });
    const odd = join(workDir, `-o $(touch ${marker}) ; touch ${marker}.pdf`);
    await writeFile(odd, await readFile(file));
    const outcome = await printPdf(odd, 'NoSuchPrinterHere');
    expect(outcome).toEqual({ ok: false, reason: expect.stringMatching(/does not exist/) });
    expect(existsSync(join(workDir, marker))).toBe(false);
    expect(existsSync(join(process.cwd(), marker))).toBe(false);
  });
});

describe('printPdf before it reaches the spooler', () => {
  it('says no printer is set up when none is chosen', async () => {
    const file = await writeReceipt('unset.pdf', '2026-0003');
    expect(await printPdf(file, null)).toEqual({ ok: false, reason: expect.stringMatching(/^No printer is set up for receipts\./) });
    expect(await printPdf(file, '   ')).toMatchObject({ ok: false });
  });

  it('says so when the file to print is missing', async () => {
    const outcome = await printPdf(join(workDir, 'gone.pdf'), 'Receipts', { run: neverRun });
    expect(outcome).toEqual({ ok: false, reason: expect.stringMatching(/could not be found/) });
  });
});

const neverRun: Runner = () => Promise.reject(new Error('should not run'));

describe('printPdf on macOS (CUPS lp, stand-in runner)', () => {
  it('runs lp with an argument array and reports the job id', async () => {
    const file = await writeReceipt('mac.pdf', '2026-0004');
    const calls: { cmd: string; args: readonly string[]; timeoutMs: number; lang?: string }[] = [];
    const run: Runner = async (cmd, args, opts) => {
      calls.push({ cmd, args, timeoutMs: opts.timeoutMs, ...(opts.env?.LC_ALL ? { lang: opts.env.LC_ALL } : {}) });
      return { stdout: 'request id is Receipts-17 (1 file(s))\n', stderr: '' };
    };
    expect(await printPdf(file, 'Receipts', { platform: 'darwin', run })).toEqual({ ok: true, jobId: 'Receipts-17' });
    expect(calls).toEqual([{ cmd: 'lp', args: ['-d', 'Receipts', '--', file], timeoutMs: PRINT_TIMEOUT_MS, lang: 'C' }]);
  });

  it("turns lp's error into a sentence with the printer's name", async () => {
    const file = await writeReceipt('mac-err.pdf', '2026-0005');
    const run: Runner = () => Promise.reject(new RunFailure('failed', 'lp', '', 'lp: Error - The printer or class is not accepting jobs.\n', 1));
    expect(await printPdf(file, 'Receipts', { platform: 'darwin', run })).toEqual({
      ok: false,
      reason: 'The printer "Receipts" did not accept the job: The printer or class is not accepting jobs.',
    });
  });

  it('explains a spooler that does not answer in time, and a missing lp', async () => {
    const file = await writeReceipt('mac-slow.pdf', '2026-0006');
    const slow: Runner = () => Promise.reject(new RunFailure('timeout', 'lp'));
    const missing: Runner = () => Promise.reject(new RunFailure('missing', 'lp'));
    expect(await printPdf(file, 'Receipts', { platform: 'darwin', run: slow })).toEqual({
      ok: false,
      reason: expect.stringMatching(/^The printer "Receipts" did not answer within 15 seconds\./),
    });
    expect(await printPdf(file, 'Receipts', { platform: 'darwin', run: missing })).toEqual({
      ok: false,
      reason: expect.stringMatching(/^Printing is not set up on this computer/),
    });
  });

  it('never throws, even when the runner itself blows up', async () => {
    const file = await writeReceipt('mac-boom.pdf', '2026-0007');
    const boom: Runner = () => Promise.reject(new TypeError('spawn EACCES'));
    expect(await printPdf(file, 'Receipts', { platform: 'darwin', run: boom })).toEqual({
      ok: false,
      reason: 'The printer "Receipts" did not accept the job: Spawn EACCES.',
    });
  });
});

describe('the real command runner', () => {
  it('stops a command that runs past its time limit', async () => {
    await expect(execFileRunner('sleep', ['5'], { timeoutMs: 200 })).rejects.toMatchObject({ kind: 'timeout' });
  });

  it('tells a missing command apart from a failing one', async () => {
    await expect(execFileRunner('safe-hands-no-such-command', [], { timeoutMs: 2000 })).rejects.toMatchObject({ kind: 'missing' });
    await expect(execFileRunner('sh', ['-c', 'echo nope >&2; exit 3'], { timeoutMs: 2000 })).rejects.toMatchObject({
      kind: 'failed',
      exitCode: 3,
      stderr: 'nope\n',
    });
  });
});

function fakeWindows(overrides: Partial<WindowsPdfPrinter> = {}): WindowsPdfPrinter & { printed: { file: string; printer: string }[] } {
  const printed: { file: string; printer: string }[] = [];
  return {
    printed,
    print: async (file, { printer }) => {
      printed.push({ file, printer });
    },
    getPrinters: async () => [{ name: 'Receipts (EPSON TM-T20III)' }, { name: 'Office Laser' }, { name: 'Office Laser' }],
    getDefaultPrinter: async () => ({ name: 'Office Laser' }),
    ...overrides,
  };
}

describe('printing on Windows (pdf-to-printer, stand-in driver)', () => {
  it('hands the file and printer name to the driver', async () => {
    const file = await writeReceipt('win.pdf', '2026-0008');
    const driver = fakeWindows();
    expect(await printPdf(file, 'Receipts (EPSON TM-T20III)', { platform: 'win32', windows: driver, run: neverRun })).toEqual({
      ok: true,
      jobId: null,
    });
    expect(driver.printed).toEqual([{ file, printer: 'Receipts (EPSON TM-T20III)' }]);
  });

  it("reports the driver's failure as a sentence", async () => {
    const file = await writeReceipt('win-err.pdf', '2026-0009');
    const driver = fakeWindows({ print: () => Promise.reject(new Error('printer not found')) });
    expect(await printPdf(file, 'Receipts', { platform: 'win32', windows: driver })).toEqual({
      ok: false,
      reason: 'The printer "Receipts" did not accept the job: Printer not found.',
    });
  });

  it('says what is missing when the pdf-to-printer package is not installed', async () => {
    const file = await writeReceipt('win-missing.pdf', '2026-0010');
    // Without the package: "…Reinstall Safe Hands." With it, on a non-Windows test machine, the package
    // itself refuses ("…did not accept the job: …"). Either way a sentence, never an exception.
    const outcome = await printPdf(file, 'Receipts', { platform: 'win32' });
    expect(outcome).toEqual({ ok: false, reason: expect.stringMatching(/Reinstall Safe Hands\.$|^The printer "Receipts" did not accept the job: /) });
  });

  it('lists Windows printers once each, marking the default', async () => {
    expect(await listPrinters({ platform: 'win32', windows: fakeWindows() })).toEqual([
      { name: 'Receipts (EPSON TM-T20III)', isDefault: false },
      { name: 'Office Laser', isDefault: true },
    ]);
    const broken = fakeWindows({ getPrinters: () => Promise.reject(new Error('spooler stopped')) });
    expect(await listPrinters({ platform: 'win32', windows: broken })).toEqual([]);
  });
});

describe('listPrinters on Linux and macOS (lpstat output)', () => {
  it('reads printers and the default from lpstat -p -d', () => {
    const output = [
      'printer Receipts is idle.  enabled since Sun 22 Nov 2026 11:32:38',
      'printer Office_Laser disabled since Sun 22 Nov 2026 09:00:00 -',
      '\treason unknown',
      'printer SafeHandsPDF now printing SafeHandsPDF-7.  enabled since Sun 22 Nov 2026 11:40:00',
      'system default destination: Office_Laser',
    ].join('\n');
    expect(parseLpstat(output)).toEqual([
      { name: 'Receipts', isDefault: false },
      { name: 'Office_Laser', isDefault: true },
      { name: 'SafeHandsPDF', isDefault: false },
    ]);
  });

  it('copes with no printers, no default, and no CUPS at all', async () => {
    expect(parseLpstat('no system default destination\n')).toEqual([]);
    const noQueues: Runner = () => Promise.reject(new RunFailure('failed', 'lpstat', 'no system default destination\n', 'lpstat: No destinations added.\n', 1));
    expect(await listPrinters({ platform: 'linux', run: noQueues })).toEqual([]);
    const missing: Runner = () => Promise.reject(new RunFailure('missing', 'lpstat'));
    expect(await listPrinters({ platform: 'darwin', run: missing })).toEqual([]);
    const printersButExit1: Runner = () =>
      Promise.reject(new RunFailure('failed', 'lpstat', 'printer Receipts is idle.  enabled since Mon\nno system default destination\n', '', 1));
    expect(await listPrinters({ platform: 'linux', run: printersButExit1 })).toEqual([{ name: 'Receipts', isDefault: false }]);
  });

  it('runs lpstat with an argument array in English', async () => {
    const calls: { cmd: string; args: readonly string[]; lang: string | undefined }[] = [];
    const run: Runner = async (cmd, args, opts) => {
      calls.push({ cmd, args, lang: opts.env?.LC_ALL });
      return { stdout: 'printer Receipts is idle.  enabled since Mon\nsystem default destination: Receipts\n', stderr: '' };
    };
    expect(await listPrinters({ platform: 'darwin', run })).toEqual([{ name: 'Receipts', isDefault: true }]);
    expect(calls).toEqual([{ cmd: 'lpstat', args: ['-p', '-d'], lang: 'C' }]);
  });
});
