// Chromium (browser kiosk mode) figures: cold start to interactive, and kiosk tap to next screen rendered.
// The tap is timed inside the page (input event to the frame that paints the next screen); Playwright's
// click-to-heading-visible wall time is kept as well, for information, against the same tap on a bare page.
import { performance } from 'node:perf_hooks';
import { chromium } from 'playwright-core';
import { startHost } from './host-process.mjs';
import { summarise } from './measure.mjs';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

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

/** dataDir must hold a set-up database (a copy: the host writes to it). */
export async function measureBrowser(dataDir, { taps = 30 } = {}) {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'] });
  let host;
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    // Cold start: host process spawned -> kiosk welcome screen interactive (Chromium already running).
    const t0 = performance.now();
    host = startHost(dataDir);
    const launchUrl = await host.ready;
    if (!launchUrl) throw new Error(`The host did not start:\n${host.stderr()}`);
    await page.goto(launchUrl);
    const signIn = page.getByRole('button', { name: /^Sign in/ });
    await signIn.waitFor({ state: 'visible' });
    const coldStart = performance.now() - t0;
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
      coldStart,
      tap: summarise(app.inPage),
      tapWall: summarise(app.wall),
      floor: { tap: summarise(floor.inPage), tapWall: summarise(floor.wall) },
    };
  } finally {
    await host?.stop();
    await browser.close();
  }
}
