#!/usr/bin/env node
// What `npm test` needs from the machine, checked in its first second, before the typecheck and the build:
// Chromium for the browser tests, poppler's pdftoppm and pdftotext to read the PDFs back, CJK fonts so names
// such as 王芳 print, a real CUPS spooler with the cups-pdf queue the printing tests print to, and PostgreSQL's
// server programs (initdb, pg_ctl, under /usr/lib/postgresql/<version>/bin) for the throwaway server the tests
// start and stop themselves (tests/helpers/pg-cluster.ts). Nothing here starts PostgreSQL: the tests do, on a
// free port in a temporary folder; the machine's own cluster, if Debian made one, is left as it is.
//
// As root on Debian it installs and starts whatever is missing (apt-get, cupsd, lpadmin), so
// `npm ci && npm test` works on a fresh machine. As anyone else it changes nothing and says the one command
// that does it: `sudo node tests/prerequisites.mjs`.
//
// SAFE_HANDS_SKIP_PRINTER_TESTS=1 leaves printing out, on a machine that cannot print; CHROMIUM_PATH names
// another Chromium.
import { execFileSync, spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync, readdirSync } from 'node:fs';

const QUEUE = process.env.SAFE_HANDS_TEST_PRINTER ?? 'SafeHandsPDF';
const printing = process.env.SAFE_HANDS_SKIP_PRINTER_TESTS !== '1';
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const FIX = 'sudo node tests/prerequisites.mjs';

function onPath(command) {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

function executable(file) {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Debian puts each PostgreSQL major version's server programs in /usr/lib/postgresql/<major>/bin. */
function postgresServer() {
  const root = '/usr/lib/postgresql';
  const majors = existsSync(root) ? readdirSync(root).filter((name) => /^\d+$/.test(name)) : [];
  return majors.some((major) => ['initdb', 'pg_ctl', 'postgres', 'pg_isready'].every((tool) => executable(`${root}/${major}/bin/${tool}`)));
}

/** Each need: what it is for, whether it is here, and the Debian package that brings it. */
const needs = [
  { what: 'Chromium, for the browser tests', here: () => executable(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'), debian: 'chromium' },
  { what: 'pdftoppm and pdftotext, to read the PDFs back', here: () => onPath('pdftoppm') && onPath('pdftotext'), debian: 'poppler-utils' },
  { what: 'a CJK fallback font (Droid Sans Fallback)', here: () => existsSync('/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf'), debian: 'fonts-droid-fallback' },
  { what: 'a CJK font collection (Noto Sans CJK)', here: () => existsSync('/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc'), debian: 'fonts-noto-cjk' },
  { what: 'the PostgreSQL server (initdb, pg_ctl), for the tests that run on PostgreSQL', here: postgresServer, debian: 'postgresql' },
  ...(printing ? [
    { what: 'the CUPS print spooler', here: () => existsSync('/usr/sbin/cupsd') && onPath('lpstat') && onPath('lpadmin'), debian: 'cups', printing: true },
    { what: 'the cups-pdf printer', here: () => existsSync('/usr/lib/cups/backend/cups-pdf'), debian: 'printer-driver-cups-pdf', printing: true },
  ] : []),
];

function lpstat(args) {
  const r = spawnSync('lpstat', args, { encoding: 'utf8', env: { ...process.env, LC_ALL: 'C', LANG: 'C' }, timeout: 10_000 });
  return `${r.stdout ?? ''}${r.stderr ?? ''}`;
}

const schedulerRunning = () => /scheduler is running/.test(lpstat(['-r']));
const queueReady = () => new RegExp(`device for ${QUEUE}: cups-pdf:`).test(lpstat(['-v', QUEUE])) && /accepting requests/.test(lpstat(['-a', QUEUE]));

function stop(lines, aboutPrinting = false) {
  const skip = aboutPrinting ? ['(or set SAFE_HANDS_SKIP_PRINTER_TESTS=1 to leave the printing tests out on a machine that cannot print)'] : [];
  console.error(['npm test cannot run on this machine yet:', ...lines.map((l) => `  - ${l}`), '', `Run once: ${FIX}`, ...skip].join('\n'));
  process.exit(1);
}

function run(command, args) {
  execFileSync(command, args, { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
}

const missing = needs.filter((n) => !n.here());
if (missing.length > 0) {
  if (!isRoot || !onPath('apt-get')) {
    stop(missing.map((n) => `${n.what}: Debian package ${n.debian}`), missing.some((n) => n.printing));
  }
  const packages = missing.map((n) => n.debian);
  console.error(`Installing what the tests need from Debian: ${packages.join(' ')}`);
  run('apt-get', ['update', '-qq']);
  run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...packages]);
  const still = needs.filter((n) => !n.here());
  if (still.length > 0) stop(still.map((n) => `${n.what}: still missing after installing ${n.debian}`));
}

if (printing) {
  if (!schedulerRunning()) {
    if (!isRoot) stop(['the CUPS scheduler is not running'], true);
    // No systemd here: cupsd daemonises itself.
    console.error('Starting the CUPS scheduler');
    run('/usr/sbin/cupsd', []);
    for (let i = 0; i < 50 && !schedulerRunning(); i += 1) await new Promise((resolve) => setTimeout(resolve, 200));
    if (!schedulerRunning()) stop(['the CUPS scheduler did not start (see /var/log/cups/error_log)']);
  }
  if (!queueReady()) {
    if (!isRoot) stop([`there is no cups-pdf printer queue called ${QUEUE}, accepting jobs`], true);
    console.error(`Adding the ${QUEUE} printer (cups-pdf)`);
    // pdftocairo keeps the PDF's text searchable through the CUPS filters (the default renderer does not).
    run('lpadmin', ['-p', QUEUE, '-E', '-v', 'cups-pdf:/', '-m', 'lsb/usr/cups-pdf/CUPS-PDF_opt.ppd', '-o', 'pdftops-renderer-default=pdftocairo']);
    run('cupsenable', [QUEUE]);
    run('cupsaccept', [QUEUE]);
    if (!queueReady()) stop([`the ${QUEUE} queue was added but does not accept jobs (lpstat -a ${QUEUE})`]);
  }
}
