import { existsSync, readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { basename, dirname, join } from 'node:path';
import type { Storage } from '../../db/storage.js';
import { anyPinHashStartingWith } from '../../db/repositories/staff-repo.js';
import { PIN_PEPPER_FILE } from '../../core/paths.js';
import { replacePrivateFile, writePrivateFile } from '../../core/private-files.js';
import { CommandError } from '../../core/command-error.js';
import type { ServiceContext } from '../../core/context.js';
import { OneAtATime } from '../../core/one-at-a-time.js';
import {
  checkPin, hashPin, needsRehash, OWASP_SCRYPT, PEPPER_BYTES, PEPPERED_PREFIX, pepperFrom, pepperIdOf, type Pepper, type ScryptCost,
} from './pin-hash.js';

/**
 * The PIN pepper (see pin-hash.ts): 32 random bytes in `pin-pepper.key` in the data folder, 0600, and never
 * in the database, so a copy of the database alone cracks no PIN.
 *
 * - It is made the first time a PIN is hashed with it (setup, a new PIN, or an old-format PIN upgraded at
 *   an unlock), and only while the database holds no PIN that needs a pepper: a key made then would not
 *   be the one those PINs were set with.
 * - If it is missing (or is not the key the PINs were set with), Safe Hands still starts and the kiosk
 *   works, but a PIN that needs it is refused with a message saying how to put it back, and no new PIN can
 *   be set. It is read again at each such attempt, so a key copied back works without a restart.
 * - Every backup is kept with a copy of it beside it (`<backup>.pepper`, 0600), so a backup can be restored
 *   on another computer; a restore that needs that key takes it (pepperForRestore).
 */

/** Beside each backup and each copy set aside by a restore: the key its PINs were set with. */
export const PEPPER_BESIDE = '.pepper';

type KeyFile = Pepper | 'missing' | 'damaged';

function readKeyFile(file: string): KeyFile {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return 'missing';
    return 'damaged';
  }
  return bytes.length === PEPPER_BYTES ? pepperFrom(bytes) : 'damaged';
}


export interface PinContext extends ServiceContext {
  pins: PinHasher;
}

/**
 * Hashes and checks PINs with the data folder's pepper, at the cost the app was opened with. Hashing runs
 * off the event loop (pin-hash.ts), so each answer comes later.
 */
export class PinHasher {
  readonly file: string;
  private pepper: Pepper | null;
  /**
   * Checks of one account's PIN, one after another (staff-auth.ts): each reads the account's wrong PINs
   * and lock as the one before left them, so PINs sent at once count exactly as if sent one by one.
   */
  readonly accountTurns = new OneAtATime<number>();

  constructor(
    dataDir: string,
    readonly cost: ScryptCost,
    /** Whether the database may hold a PIN that needs a pepper (true when that cannot be told). */
    private readonly mayHoldPepperedPins: () => Promise<boolean>,
  ) {
    this.file = join(dataDir, PIN_PEPPER_FILE);
    const found = readKeyFile(this.file);
    this.pepper = typeof found === 'string' ? null : found;
  }

  /** The key in use; while there is none, the file is read again (an administrator may have put it back). */
  current(): Pepper | null {
    return this.pepper ?? this.reread();
  }

  private reread(): Pepper | null {
    const found = readKeyFile(this.file);
    if (typeof found !== 'string') this.pepper = found;
    return this.pepper;
  }

  /** The key, made now if this is its first need and no PIN in the database needs another one. */
  private async keyForNewPin(): Promise<Pepper> {
    const current = this.current();
    if (current) return current;
    if (existsSync(this.file) || await this.mayHoldPepperedPins()) throw new CommandError('conflict', this.keyProblem());
    const key = randomBytes(PEPPER_BYTES);
    // On disk before any PIN hashed with it is committed: a PIN whose key a power cut lost could never be checked.
    replacePrivateFile(this.file, key);
    this.pepper = pepperFrom(key);
    return this.pepper;
  }

  /** Refused before any hashing when there is no key a new PIN may be set with. */
  async hash(pin: string): Promise<string> {
    return hashPin(pin, await this.keyForNewPin(), this.cost);
  }

  /**
   * For the transaction that stores a hash made a moment ago: refused unless it is under the key in use
   * now. A backup restored while it was being made may have brought another key, and a PIN stored under
   * the old one could never be checked.
   */
  requireCurrentKey(hash: string): void {
    const needs = pepperIdOf(hash);
    if (needs === null || needs === this.current()?.id) return;
    throw new CommandError('conflict', 'A backup was restored while the new PIN was being saved, so it was not saved. Please try again.');
  }

  check(pin: string, stored: string): Promise<'right' | 'wrong' | 'no_key'> {
    const needs = pepperIdOf(stored);
    let pepper = this.current();
    // Not the key this PIN needs: the file may have been replaced by the right one since it was read.
    if (needs !== null && pepper?.id !== needs) pepper = this.reread();
    return checkPin(pin, stored, pepper);
  }

  /**
   * For a PIN just checked right: its hash in the current format and cost, or null when the stored one
   * already is (or no key can be had now: it is upgraded at a later unlock instead).
   */
  async upgrade(pin: string, stored: string): Promise<string | null> {
    if (!needsRehash(stored, this.cost)) return null;
    try {
      return await this.hash(pin);
    } catch (err) {
      if (!(err instanceof CommandError)) console.warn(`Safe Hands could not upgrade a PIN's hash: ${(err as Error).message}`);
      return null;
    }
  }

  /** Uses the key a restored database's PINs were set with from now on, keeping it in the data folder. */
  adopt(pepper: Pepper): void {
    replacePrivateFile(this.file, pepper.key);
    this.pepper = pepper;
  }

  /** What staff are told when a PIN cannot be checked or set for want of the key. */
  keyProblem(): string {
    const state = existsSync(this.file) ? 'is not the one the PINs were set with' : 'is missing';
    return `PINs cannot be checked on this computer: the PIN key file ${PIN_PEPPER_FILE} in the data folder (${dirname(this.file)}) ${state}. `
      + `An administrator must copy it back from the old computer's data folder, or copy the ${PEPPER_BESIDE} file beside the newest backup `
      + `into the data folder as ${PIN_PEPPER_FILE}. Then try again.`;
  }
}

/** The app's PIN hasher for this data folder and database; says so at start when the key is missing. */
export async function openPinHasher(dataDir: string, db: Storage, cost: ScryptCost = OWASP_SCRYPT): Promise<PinHasher> {
  const mayHoldPepperedPins = async () => {
    try {
      return await anyPinHashStartingWith(db, PEPPERED_PREFIX);
    } catch {
      return true; // A damaged database: better no new key than one that is not the PINs' own.
    }
  };
  const pins = new PinHasher(dataDir, cost, mayHoldPepperedPins);
  if (!pins.current() && await mayHoldPepperedPins()) console.warn(pins.keyProblem());
  return pins;
}

/** Keeps the key beside a copy of the database (a backup, or the copy a restore sets aside). */
export function keepKeyBeside(pins: PinHasher, databaseCopy: string): void {
  const pepper = pins.current();
  if (pepper) writePrivateFile(`${databaseCopy}${PEPPER_BESIDE}`, pepper.key);
}

/**
 * Which key a database about to be restored needs, from the PINs it holds: none (old-format PINs only, or
 * the key in use already), the one beside it (a backup from another computer: restoring takes that key on),
 * or neither to hand, when the restore is refused: afterwards nobody could unlock.
 */
export function pepperForRestore(pins: PinHasher, candidate: string, storedPins: readonly string[]): { adopt: Pepper | null } | { refuse: string } {
  const needed = new Set(storedPins.map(pepperIdOf).filter((id): id is string => id !== null));
  if (needed.size === 0) return { adopt: null };
  const all = (pepper: Pepper | null) => pepper !== null && [...needed].every((id) => id === pepper.id);
  if (all(pins.current())) return { adopt: null };
  const beside = readKeyFile(`${candidate}${PEPPER_BESIDE}`);
  if (typeof beside !== 'string' && all(beside)) return { adopt: beside };
  const name = `${basename(candidate)}${PEPPER_BESIDE}`;
  return {
    refuse: `Nothing was changed. The PINs in that backup were set with a PIN key that is not on this computer, so nobody could unlock after restoring it. `
      + `Copy ${name} from beside the backup on the old computer or backup drive into ${dirname(candidate)}, then try again.`,
  };
}
