import { readFileSync, renameSync } from 'node:fs';
import { writePrivateFile } from '../private-files.js';
import type { PinThrottleSnapshot, PinThrottleStore } from './pin-throttle.js';

export const PIN_THROTTLE_FILE = 'pin-throttle.json';

/**
 * The PIN throttle's counts in a file in the data folder (0600), written aside and renamed over so a crash
 * leaves the old counts or the new ones. A file that cannot be read starts the counts afresh; one that cannot
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
        writePrivateFile(`${file}.tmp`, JSON.stringify(snapshot));
        renameSync(`${file}.tmp`, file);
      } catch (err) {
        if (!warned) console.error(`Could not keep the PIN attempt counts in ${file}: ${(err as Error).message}`);
        warned = true;
      }
    },
  };
}
