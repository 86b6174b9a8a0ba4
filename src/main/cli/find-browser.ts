import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';

/** Chromium-family browsers that support --app, in order of preference, per platform. */
const CANDIDATES: Record<string, string[]> = {
  linux: ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable', 'microsoft-edge'],
  darwin: [
    '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
    '/Applications/Chromium.app/Contents/MacOS/Chromium',
    '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
  ],
  win32: [
    'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe',
    'C:\\Program Files\\Microsoft\\Edge\\Application\\msedge.exe',
    'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
  ],
};

export function findChromium(platform: NodeJS.Platform = process.platform, pathEnv = process.env.PATH ?? ''): string | null {
  for (const candidate of CANDIDATES[platform] ?? []) {
    if (candidate.includes('/') || candidate.includes('\\')) {
      if (existsSync(candidate)) return candidate;
      continue;
    }
    for (const dir of pathEnv.split(delimiter)) {
      if (dir && existsSync(join(dir, candidate))) return join(dir, candidate);
    }
  }
  return null;
}

/** A Linux desktop needs a display to open a window on; a server or CI run has none. */
export function hasDisplay(platform: NodeJS.Platform = process.platform, env = process.env): boolean {
  if (platform !== 'linux') return true;
  return Boolean(env.DISPLAY || env.WAYLAND_DISPLAY);
}

export function chromiumArgs(url: string, profileDir: string, fullscreen: boolean, isRoot: boolean): string[] {
  return [
    `--app=${url}`,
    `--user-data-dir=${profileDir}`,
    '--no-first-run',
    '--no-default-browser-check',
    '--disable-translate',
    '--disable-features=Translate',
    '--overscroll-history-navigation=0',
    ...(fullscreen ? ['--kiosk'] : []),
    // Chromium refuses to start as root without this; a reception PC should not run as root anyway.
    ...(isRoot ? ['--no-sandbox'] : []),
  ];
}
