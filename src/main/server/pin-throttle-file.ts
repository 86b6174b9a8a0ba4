import { readFileSync } from 'node:fs';
import { replacePrivateFile } from '../core/private-files.js';
import type { PinThrottleSnapshot, PinThrottleStore } from './pin-throttle.js';

export const PIN_THROTTLE_FILE = 'pin-throttle.json';

/**
 * The PIN throttle's counts in a file in the data folder (replaced whole, 0600). A file that cannot be read starts the counts afresh; one that cannot
 * be written (a full disk) is said once and does not stop anyone signing in.
 */
export function pinThrottleFile(file: string): PinThrottleStore {
  let warned = false;
  return {
    load() {
      try {
        const saved: unknown = JSON.parse(readFileSync(file, 'utf8'));
        return Array.isArray(saved) ? (saved as PinThrottleSnapshot) : null;
      } catch {
        return null;
      }
    },
    save(snapshot) {
      try {
        replacePrivateFile(file, JSON.stringify(snapshot));
      } catch (err) {
        if (!warned) console.error(`Could not keep the PIN attempt counts in ${file}: ${(err as Error).message}`);
        warned = true;
      }
    },
  };
}
