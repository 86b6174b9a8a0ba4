import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { replacePrivateFile } from '../core/private-files.js';

/**
 * The browser kiosk's address (its port and the launch key its cookie carries) is kept in the data folder,
 * readable by this user only, so it stays the same across restarts: a bookmarked address keeps working, and
 * a tab that Safe Hands opened before a restart carries on. Whoever can read the data folder can read the
 * database itself, so keeping the key there gives nothing more away. `--new-address` makes a new key.
 */
export const LAUNCH_FILE = 'launch.json';

export interface LaunchAddress {
  key: string;
  /** The port the kiosk was last served on, tried first next time; null before the first start. */
  port: number | null;
}

const KEY = /^[\w-]{43}$/;

function isPort(value: unknown): value is number {
  return Number.isInteger(value) && (value as number) >= 1 && (value as number) <= 65535;
}

/** The saved address; a new key (saved) when there is none, it is unreadable, or `renew` asks for one. */
export function readLaunchAddress(dataDir: string, renew = false): LaunchAddress {
  const saved = readSaved(dataDir);
  if (saved && !renew) return saved;
  // A new key keeps the port: a bookmark needs only the new key.
  const fresh = { key: randomBytes(32).toString('base64url'), port: saved?.port ?? null };
  writeLaunchAddress(dataDir, fresh);
  return fresh;
}

function readSaved(dataDir: string): LaunchAddress | null {
  try {
    const saved = JSON.parse(readFileSync(join(dataDir, LAUNCH_FILE), 'utf8')) as { key?: unknown; port?: unknown };
    if (typeof saved.key === 'string' && KEY.test(saved.key)) return { key: saved.key, port: isPort(saved.port) ? saved.port : null };
  } catch {
    // Missing or damaged: a new address. The old one stops working, which is the safe way to fail.
  }
  return null;
}

export function writeLaunchAddress(dataDir: string, address: LaunchAddress): void {
  replacePrivateFile(join(dataDir, LAUNCH_FILE), `${JSON.stringify(address)}\n`);
}
