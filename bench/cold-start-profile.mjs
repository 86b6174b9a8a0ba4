// `node bench/cold-start-profile.mjs [runs] [floor]`: where the kiosk's cold start goes, phase by phase, on
// the big cached database (build it first with `npm run bench`, or it is built here); with `floor`, the same
// timeline for the cold-start floor (bench/floor-server.mjs), whose host side is only its "Kiosk:" line. Not part of `npm run bench`'s
// figures: the host runs with bench/start-trace.mjs preloaded, which only listens, and Chromium's own
// performance timeline gives the page's side. Times from both processes are on one clock (epoch ms).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS, watchForButton } from './browser.mjs';
import { copyDataset, ensureDataset } from './dataset.mjs';
import { startFloorHost, startHost } from './host-process.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const RUNS = Number(process.argv[2] ?? 5);
const FLOOR = process.argv[3] === 'floor';
const VISITORS = Number(process.env.BENCH_VISITORS ?? 1_000_000);
const now = () => performance.timeOrigin + performance.now();

const cached = await ensureDataset(ROOT, VISITORS);
const dir = mkdtempSync(join(tmpdir(), 'safe-hands-cold-profile-'));
copyDataset(cached, dir);
const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });

/** One traced cold start: every phase as an epoch-ms mark. */
async function tracedRun() {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.addInitScript(watchForButton, '^Sign in');
  const marks = [];
  const mark = (what, at = now()) => marks.push({ at, what });
  mark('bench: spawn');
  const host = FLOOR ? startFloorHost() : startHost(dir, { trace: true });
  const url = await host.ready;
  if (!url) throw new Error(`The host did not start:\n${host.stderr()}`);
  mark('bench: saw the Kiosk line');
  await page.goto(url);
  mark('bench: page.goto returned (load event)');
  await page.getByRole('button', { name: /^Sign in/ }).waitFor({ state: 'visible' });
  mark('bench: Playwright saw Sign in visible');
  const timeline = await page.evaluate(() => {
    const o = performance.timeOrigin;
    const nav = performance.getEntriesByType('navigation')[0];
    const out = [];
    const add = (what, t) => { if (t > 0) out.push({ at: o + t, what }); };
    add('page: navigation start', 0);
    add('page: redirect start (/launch)', nav.redirectStart);
    add('page: redirect end', nav.redirectEnd);
    add('page: HTML request start', nav.requestStart);
    add('page: HTML response end', nav.responseEnd);
    add('page: DOM interactive', nav.domInteractive);
    add('page: DOMContentLoaded end', nav.domContentLoadedEventEnd);
    add('page: load event end', nav.loadEventEnd);
    for (const r of performance.getEntriesByType('resource')) {
      const name = new URL(r.name).pathname;
      add(`page: ${name} fetch start`, r.startTime);
      add(`page: ${name} response end`, r.responseEnd);
    }
    for (const p of performance.getEntriesByType('paint')) add(`page: ${p.name}`, p.startTime);
    for (const m of performance.getEntriesByType('mark')) add(`page: mark ${m.name}`, m.startTime);
    if (window.__benchButton) add('page: Sign in button in the DOM', window.__benchButton);
    return out;
  });
  await host.stop();
  await context.close();
  return [...marks, ...host.trace(), ...timeline].sort((a, b) => a.at - b.at);
}

try {
  await tracedRun(); // warm-up: Chromium's first page, the files the host reads
  const runs = [];
  for (let i = 0; i < RUNS; i++) runs.push(await tracedRun());
  for (const [i, run] of runs.entries()) {
    const t0 = run[0].at;
    console.log(`\nRun ${i + 1}`);
    let prev = t0;
    for (const { at, what } of run) {
      console.log(`  ${(at - t0).toFixed(1).padStart(7)} ms  (+${(at - prev).toFixed(1).padStart(6)})  ${what}`);
      prev = at;
    }
  }
  // The median time of each named mark (by its first occurrence), across runs.
  const names = [...new Set(runs.flatMap((r) => r.map((m) => m.what.replace(/ \(\d+(\.\d+)? ms.*\)$/, ''))))];
  const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[s.length >> 1]; };
  const rows = names.map((name) => {
    const ts = runs.flatMap((r) => {
      const m = r.find((x) => x.what.replace(/ \(\d+(\.\d+)? ms.*\)$/, '') === name);
      return m ? [m.at - r[0].at] : [];
    });
    return { name, t: median(ts), n: ts.length };
  }).sort((a, b) => a.t - b.t);
  console.log(`\nMedian over ${RUNS} runs (ms after spawn):`);
  for (const r of rows) console.log(`  ${r.t.toFixed(1).padStart(7)}  ${r.name}${r.n < RUNS ? ` (in ${r.n} runs)` : ''}`);
} finally {
  await browser.close();
  rmSync(dir, { recursive: true, force: true });
}
