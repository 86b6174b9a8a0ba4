import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * The Electron binary's path if it is already on disk, else null. Never calls require('electron'): that
 * starts a download, which hangs or fails on a machine without access to Electron's releases.
 */
export function findElectronBinary(resolveFrom: string = import.meta.url): string | null {
  try {
    const require = createRequire(resolveFrom);
    const pkgDir = dirname(require.resolve('electron/package.json'));
    const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
    const pathFile = join(pkgDir, 'path.txt');
    const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : null;
    if (override) {
      const candidate = join(override, relative ?? 'electron');
      return existsSync(candidate) ? candidate : null;
    }
    if (!relative) return null;
    const binary = join(pkgDir, 'dist', relative);
    return existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}
