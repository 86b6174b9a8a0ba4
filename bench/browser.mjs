// Chromium (browser kiosk mode) figures: cold start to interactive, and kiosk tap to next screen rendered.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { chromium } from 'playwright-core';
import { summarise } from './measure.mjs';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

function startHost(root, dataDir) {
  const child = spawn(process.execPath, [join(root, 'dist', 'main', 'cli', 'start.js'), '--browser', '--no-open', '--data-dir', dataDir], {
    cwd: root, env: { ...process.env, DISPLAY: '', WAYLAND_DISPLAY: '' }, stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const url = new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`No "Kiosk:" line within 20 s:\n${out}`)), 20_000);
    const onData = (d) => {
      out += d.toString();
      const m = /^Kiosk: (http:\/\/127\.0\.0\.1:\d+\/\S*)$/m.exec(out);
      if (m) { clearTimeout(timer); resolve(m[1]); }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => { clearTimeout(timer); reject(new Error(`host exited (${code}):\n${out}`)); });
  });
  const stop = () => new Promise((resolve) => { if (child.exitCode !== null) return resolve(); child.once('exit', resolve); child.kill('SIGTERM'); });
  return { url, stop };
}

/** dataDir must hold a set-up database (a copy: the host writes to it). */
export async function measureBrowser(root, dataDir, { taps = 30 } = {}) {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'] });
  let host;
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    // Cold start: host process spawned -> kiosk welcome screen interactive (Chromium already running).
    const t0 = performance.now();
    host = startHost(root, dataDir);
    const launchUrl = await host.url;
    await page.goto(launchUrl);
    const signIn = page.getByRole('button', { name: /^Sign in/ });
    await signIn.waitFor({ state: 'visible' });
    const coldStart = performance.now() - t0;
    const origin = new URL(launchUrl).origin;

    // Tap: "Sign in" on the welcome screen -> the "About you" heading rendered.
    const samples = [];
    for (let i = 0; i < taps + 3; i++) {
      if (i > 0) { await page.goto(origin); await signIn.waitFor({ state: 'visible' }); }
      const t = performance.now();
      await signIn.click();
      await page.getByRole('heading', { name: 'About you' }).waitFor({ state: 'visible' });
      if (i >= 3) samples.push(performance.now() - t);
    }
    return { coldStart, tap: summarise(samples) };
  } finally {
    await host?.stop();
    await browser.close();
  }
}
