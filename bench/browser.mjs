// Chromium (browser kiosk mode) figures: cold start to interactive, and kiosk tap to next screen rendered.
// Cold start is sampled in turn with its floor (a bare Node process serving one static page to the same
// Chromium). The tap is timed inside the page (input event to the frame that paints the next screen);
// Playwright's click-to-heading-visible wall time is kept as well, for information, against the same tap on
// a bare page.
import { performance } from 'node:perf_hooks';
import { chromium } from 'playwright-core';
import { startFloorHost, startHost } from './host-process.mjs';
import { summarise } from './measure.mjs';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'];
const VIEWPORT = { width: 1280, height: 800 };

/**
 * Installed in the page before it loads (an init script): notes, on the page's clock, when a button whose
 * text matches `pattern` is first in the DOM. For the cold-start profile; the figures use Playwright's view.
 */
export function watchForButton(pattern) {
  const re = new RegExp(pattern);
  const seen = () => [...document.querySelectorAll('button')].some((b) => re.test(b.textContent?.trim() ?? ''));
  const observer = new MutationObserver(() => {
    if (window.__benchButton || !seen()) return;
    window.__benchButton = performance.now();
    observer.disconnect();
  });
  observer.observe(document, { childList: true, subtree: true });
}

/**
 * One cold start, for the kiosk or its floor, measured the same way for both: in a fresh browser context (no
 * cache, no cookies) of the already-running Chromium, from the process spawned to the "Sign in" button
 * visible. `ready` is when the process printed its address.
 */
async function coldStart(browser, start) {
  const context = await browser.newContext({ viewport: VIEWPORT });
  let host;
  try {
    const page = await context.newPage();
    const t0 = performance.now();
    host = start();
    const url = await host.ready;
    if (!url) throw new Error(`The host did not start:\n${host.stderr()}`);
    const ready = performance.now() - t0;
    await page.goto(url);
    await page.getByRole('button', { name: /^Sign in/ }).waitFor({ state: 'visible' });
    return { total: performance.now() - t0, ready };
  } finally {
    await host?.stop();
    await context.close();
  }
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/**
 * Installed in the page before each tap. Times the tap as the page sees it: from the input event's own
 * timestamp (the pointerdown, so any queueing before the page ran counts too) to the end of the first
 * frame that paints the next screen: the heading appears in the DOM, the next requestAnimationFrame
 * belongs to the frame that paints it, and a message posted from that callback runs once the frame's
 * paint and commit are done. None of Playwright's own round trips (actionability checks, locator polling)
 * fall inside it. What it cannot see is the compositor putting that frame on screen afterwards (up to one
 * display refresh more); Chromium's Event Timing entries, which do include it, read 16-32 ms here.
 */
function armTapProbe(heading) {
  const r = { input: null, painted: null };
  window.__benchTap = r;
  addEventListener('pointerdown', (e) => {
    const now = performance.now();
    // The event's timestamp is on the same clock as performance.now(); fall back to "now" if it is not.
    r.input = Number.isFinite(e.timeStamp) && e.timeStamp > 0 && e.timeStamp <= now ? e.timeStamp : now;
  }, { capture: true, once: true });
  const shown = () => [...document.querySelectorAll('h1, h2, h3, [role="heading"]')].some((h) => h.textContent?.trim() === heading);
  const observer = new MutationObserver(() => {
    if (r.input === null || !shown()) return;
    observer.disconnect();
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => { r.painted = performance.now(); channel.port1.close(); };
      channel.port2.postMessage(null);
    });
  });
  observer.observe(document.documentElement, { childList: true, subtree: true, characterData: true });
}

/**
 * The same tap with nothing of the app in it, for the floors: a bare "Sign in" button whose click
 * handler swaps in an "About you" heading, on a document the same host serves (a path that is not a file
 * gets a small static not-found answer, so no app script runs), under the same security headers.
 */
function buildFloorPage() {
  const button = document.createElement('button');
  button.type = 'button';
  button.textContent = 'Sign in';
  button.addEventListener('click', () => {
    const h1 = document.createElement('h1');
    h1.textContent = 'About you';
    document.body.replaceChildren(h1);
  });
  document.body.replaceChildren(button);
}

/** One timed tap: Playwright's click until the heading is visible (wall), and the page's own figure. */
async function tap(page, button) {
  await page.evaluate(armTapProbe, 'About you');
  const t = performance.now();
  await button.click();
  await page.getByRole('heading', { name: 'About you' }).waitFor({ state: 'visible' });
  const wall = performance.now() - t;
  const r = await (await page.waitForFunction(() => (window.__benchTap?.painted == null ? null : window.__benchTap))).jsonValue();
  return { wall, inPage: r.painted - r.input };
}

/**
 * Cold start: host process spawned -> kiosk welcome screen interactive, with Chromium already running, and
 * its floor: a bare Node process spawned -> its static page's button interactive, in the same Chromium.
 * Sampled in turn, the order swapped each round so neither always goes first, after one untimed round (the
 * browser's first contexts, the files each process reads). Medians; each sample also says when the process
 * printed its address, so the host's share and the page's share can be told apart.
 */
async function measureColdStart(browser, dataDir, samples) {
  const kiosk = [];
  const floor = [];
  const real = () => coldStart(browser, () => startHost(dataDir));
  const bare = () => coldStart(browser, () => startFloorHost());
  await real();
  await bare();
  for (let i = 0; i < samples; i++) {
    if (i % 2 === 0) {
      kiosk.push(await real());
      floor.push(await bare());
    } else {
      floor.push(await bare());
      kiosk.push(await real());
    }
  }
  const summary = (xs) => ({ total: median(xs.map((x) => x.total)), ready: median(xs.map((x) => x.ready)), samples: xs.map((x) => x.total) });
  return { kiosk: summary(kiosk), floor: summary(floor) };
}

/** dataDir must hold a set-up database (a copy: the host writes to it). */
export async function measureBrowser(dataDir, { taps = 30, coldStarts = 7 } = {}) {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  let host;
  try {
    const cold = await measureColdStart(browser, dataDir, coldStarts);

    // The taps, on a host started untimed.
    const page = await browser.newPage({ viewport: VIEWPORT });
    host = startHost(dataDir);
    const launchUrl = await host.ready;
    if (!launchUrl) throw new Error(`The host did not start:\n${host.stderr()}`);
    await page.goto(launchUrl);
    const signIn = page.getByRole('button', { name: /^Sign in/ });
    await signIn.waitFor({ state: 'visible' });
    const origin = new URL(launchUrl).origin;

    // Tap: "Sign in" on the welcome screen -> the "About you" screen rendered. Each kiosk tap is paired
    // with a tap on the bare page, in turn, so both see the same machine.
    const app = { inPage: [], wall: [] };
    const floor = { inPage: [], wall: [] };
    for (let i = 0; i < taps + 3; i++) {
      if (i > 0) { await page.goto(origin); await signIn.waitFor({ state: 'visible' }); }
      const a = await tap(page, signIn);
      await page.goto(`${origin}/bench-floor.txt`);
      await page.evaluate(buildFloorPage);
      await signIn.waitFor({ state: 'visible' }); // as on the kiosk: Playwright's page script is in place first
      const f = await tap(page, signIn);
      if (i >= 3) {
        app.inPage.push(a.inPage); app.wall.push(a.wall);
        floor.inPage.push(f.inPage); floor.wall.push(f.wall);
      }
    }
    return {
      coldStart: cold,
      tap: summarise(app.inPage),
      tapWall: summarise(app.wall),
      floor: { tap: summarise(floor.inPage), tapWall: summarise(floor.wall) },
    };
  } finally {
    await host?.stop();
    await browser.close();
  }
}
