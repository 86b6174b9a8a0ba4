import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The folder that holds package.json: the repo in development, the asar root when packaged. */
export const APP_ROOT = findAppRoot(dirname(fileURLToPath(import.meta.url)));

export const MIGRATIONS_DIR = join(APP_ROOT, 'migrations');
export const ASSETS_DIR = join(APP_ROOT, 'assets');
export const RENDERER_DIR = join(APP_ROOT, 'dist', 'renderer');

export const PRODUCT_NAME = 'Safe Hands';
export const DATABASE_FILE = 'safe-hands.db';
/** The PIN pepper (services/staff/pin-pepper.ts): beside the database, never inside it. */
export const PIN_PEPPER_FILE = 'pin-pepper.key';
/** The audit trail's seal keys (audit/audit-key.ts): beside the database, never inside it. */
export const AUDIT_KEY_FILE = 'audit-trail.key';
/** The newest audit entry Safe Hands wrote (audit/audit-trail.ts), to tell when later ones were removed. */
export const AUDIT_HEAD_FILE = 'audit-head.json';
/** Left in a data folder whose records were moved to PostgreSQL (npm run move-to-postgres): where they went. */
export const MOVED_FILE = 'moved-to-postgres.json';

function findAppRoot(start: string): string {
  let dir = start;
  for (;;) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'migrations'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`Cannot find the Safe Hands application folder above ${start}`);
    dir = parent;
  }
}

/**
 * The per-user application data folder, the same one Electron's app.getPath('userData') gives, so the
 * browser mode and the Electron window share one database.
 */
export function defaultDataDir(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env): string {
  const home = env.HOME ?? env.USERPROFILE ?? homedir();
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), PRODUCT_NAME);
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', PRODUCT_NAME);
  return join(env.XDG_CONFIG_HOME ?? join(home, '.config'), PRODUCT_NAME);
}
