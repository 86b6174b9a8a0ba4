import { createHmac, randomBytes, scrypt as scryptCallback, timingSafeEqual } from 'node:crypto';

/**
 * PINs are short (four digits is 10,000 guesses), so a copy of the database must not be enough to test a
 * guess. Two things stand in the way:
 *
 * - scrypt, slow and memory-hard, at OWASP's password-storage parameters (N=2^17, r=8, p=1: 128 MiB and
 *   about half a second a PIN), with a 16-byte random salt per PIN;
 * - a pepper: 32 random bytes kept in a file in the data folder (pin-pepper.ts), never in the database.
 *
 * Format 2, stored as `$scrypt-pepper$v=2$k=<key id>$n=131072,r=8,p=1$<salt>$<mac>` (salt and mac base64):
 *
 *   mac = HMAC-SHA256(pepper, scrypt(PIN, salt, N, r, p))
 *
 * The pepper is applied after scrypt rather than before it (scrypt over HMAC(pepper, PIN)). Either way the
 * stored value alone checks nothing: without the pepper, a guess's scrypt output cannot be compared with a
 * MAC under a 256-bit key nobody has, however many guesses are tried. Applying it last keeps scrypt's input
 * the PIN itself, the way scrypt is meant to be used, and it means a stored format-1 value (a bare scrypt
 * output) could one day be wrapped in the pepper without anyone's PIN. The key id (a tag derived from the
 * pepper, saying nothing about it) tells "this PIN was set with another key file" from a wrong PIN.
 *
 * Format 1, `scrypt$16384$8$1$<salt>$<key>`, is what earlier versions stored: scrypt at N=2^14 and no
 * pepper. It is still checked, so existing databases keep working, and replaced at the next right PIN.
 */

export interface ScryptCost {
  N: number;
  r: number;
  p: number;
}

/** OWASP Password Storage Cheat Sheet: scrypt with N=2^17 (128 MiB), r=8 (1024-byte blocks), p=1. */
export const OWASP_SCRYPT: ScryptCost = { N: 2 ** 17, r: 8, p: 1 };

export const PEPPER_BYTES = 32;
const SALT_BYTES = 16;
const KEY_BYTES = 32;
const PREFIX = '$scrypt-pepper$v=2$';
const LEGACY_PREFIX = 'scrypt$';
/** The most memory a stored hash may ask scrypt for (128 * N * r bytes): twice the OWASP figure. */
const MAX_SCRYPT_BYTES = 256 * 1024 * 1024;

export interface Pepper {
  key: Buffer;
  /** A tag that names the key in each hash made with it; an HMAC of a fixed text, so it reveals nothing. */
  id: string;
}

export function pepperFrom(key: Buffer): Pepper {
  if (key.length !== PEPPER_BYTES) throw new Error(`A PIN pepper is ${PEPPER_BYTES} bytes, not ${key.length}.`);
  return { key, id: createHmac('sha256', key).update('safe-hands pin pepper id').digest('hex').slice(0, 16) };
}

/** What the stored string says about itself; null when it is neither format. */
export type StoredPin =
  | { format: 1; cost: ScryptCost; salt: Buffer; key: Buffer }
  | { format: 2; keyId: string; cost: ScryptCost; salt: Buffer; mac: Buffer };

function validCost(n: number, r: number, p: number): ScryptCost | null {
  const ok = Number.isInteger(n) && n > 1 && (n & (n - 1)) === 0 && Number.isInteger(r) && r >= 1 && r <= 32
    && Number.isInteger(p) && p >= 1 && p <= 16 && 128 * n * r <= MAX_SCRYPT_BYTES;
  return ok ? { N: n, r, p } : null;
}

export function parseStoredPin(stored: string): StoredPin | null {
  if (stored.startsWith(PREFIX)) {
    const [keyPart, costPart, saltB64, macB64, ...rest] = stored.slice(PREFIX.length).split('$');
    const keyId = /^k=([0-9a-f]{16})$/.exec(keyPart ?? '')?.[1];
    const numbers = /^n=(\d+),r=(\d+),p=(\d+)$/.exec(costPart ?? '');
    if (!keyId || !numbers || !saltB64 || !macB64 || rest.length > 0) return null;
    const cost = validCost(Number(numbers[1]), Number(numbers[2]), Number(numbers[3]));
    const salt = Buffer.from(saltB64, 'base64');
    const mac = Buffer.from(macB64, 'base64');
    if (!cost || salt.length < SALT_BYTES || mac.length !== KEY_BYTES) return null;
    return { format: 2, keyId, cost, salt, mac };
  }
  if (stored.startsWith(LEGACY_PREFIX)) {
    const [, n, r, p, saltB64, keyB64, ...rest] = stored.split('$');
    if (!saltB64 || !keyB64 || rest.length > 0) return null;
    const cost = validCost(Number(n), Number(r), Number(p));
    const key = Buffer.from(keyB64, 'base64');
    if (!cost || key.length === 0) return null;
    return { format: 1, cost, salt: Buffer.from(saltB64, 'base64'), key };
  }
  return null;
}

/**
 * At most this many PIN hashes at once. Each runs in libuv's thread pool (four threads by default), off the
 * event loop, so the kiosk keeps answering while a PIN is checked; holding them to two keeps threads free
 * for file work (receipts, backups) and bounds the memory a burst of PINs can take (128 MiB each).
 */
const HASHES_AT_ONCE = 2;
let hashing = 0;
const waitingToHash: (() => void)[] = [];

async function inHashingTurn<T>(work: () => Promise<T>): Promise<T> {
  if (hashing >= HASHES_AT_ONCE) await new Promise<void>((go) => waitingToHash.push(go));
  else hashing += 1;
  try {
    return await work();
  } finally {
    // The place passes straight to the next in line, so `hashing` counts it without a gap.
    const next = waitingToHash.shift();
    if (next) next();
    else hashing -= 1;
  }
}

function scrypt(pin: string, salt: Buffer, length: number, cost: ScryptCost): Promise<Buffer> {
  // Node refuses more than 32 MiB unless told; N=2^17, r=8 needs 128 MiB, plus a little for p's blocks.
  const maxmem = 128 * cost.r * (cost.N + cost.p + 2) + 1024 * 1024;
  return inHashingTurn(() => new Promise<Buffer>((resolve, reject) => {
    scryptCallback(pin, salt, length, { N: cost.N, r: cost.r, p: cost.p, maxmem }, (err, derived) => (err ? reject(err) : resolve(derived)));
  }));
}

function mac(pepper: Pepper, derived: Buffer): Buffer {
  return createHmac('sha256', pepper.key).update(derived).digest();
}

/** A new format-2 hash of the PIN: one scrypt at `cost`, then the pepper. */
export async function hashPin(pin: string, pepper: Pepper, cost: ScryptCost = OWASP_SCRYPT): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const tag = mac(pepper, await scrypt(pin, salt, KEY_BYTES, cost));
  return `${PREFIX}k=${pepper.id}$n=${cost.N},r=${cost.r},p=${cost.p}$${salt.toString('base64')}$${tag.toString('base64')}`;
}

/**
 * Whether the PIN is the one stored: one scrypt at the stored parameters, compared in constant time.
 * 'no_key' when the stored hash needs a pepper that is not this one (or none is at hand): the PIN cannot
 * be checked at all, which is not the same as a wrong PIN.
 */
export async function checkPin(pin: string, stored: string, pepper: Pepper | null): Promise<'right' | 'wrong' | 'no_key'> {
  const parsed = parseStoredPin(stored);
  if (!parsed) return 'wrong';
  if (parsed.format === 1) {
    const actual = await scrypt(pin, parsed.salt, parsed.key.length, parsed.cost);
    return timingSafeEqual(actual, parsed.key) ? 'right' : 'wrong';
  }
  if (!pepper || pepper.id !== parsed.keyId) return 'no_key';
  const actual = mac(pepper, await scrypt(pin, parsed.salt, KEY_BYTES, parsed.cost));
  return timingSafeEqual(actual, parsed.mac) ? 'right' : 'wrong';
}

/**
 * Whether a hash should be replaced once its PIN has been checked: an old format, or weaker than `cost`.
 * Only ever upwards: a hash stronger than asked for is left alone.
 */
export function needsRehash(stored: string, cost: ScryptCost): boolean {
  const parsed = parseStoredPin(stored);
  if (!parsed) return false;
  if (parsed.format !== 2) return true;
  return parsed.cost.N < cost.N || parsed.cost.r < cost.r || parsed.cost.p < cost.p;
}

/** The parameters a hash was made with, for the audit trail (never the salt or the hash). */
export function describeStoredPin(stored: string): string {
  const parsed = parseStoredPin(stored);
  if (!parsed) return 'unreadable';
  const { N, r, p } = parsed.cost;
  return `format ${parsed.format}: scrypt N=2^${Math.log2(N)}, r=${r}, p=${p}${parsed.format === 2 ? ', peppered' : ', no pepper'}`;
}

/** The key id a format-2 hash needs; null for a format-1 or unreadable one. */
export function pepperIdOf(stored: string): string | null {
  const parsed = parseStoredPin(stored);
  return parsed?.format === 2 ? parsed.keyId : null;
}

/** Whether a stored string is format 2 (for finding, in SQL, whether a database needs a pepper). */
export const PEPPERED_PREFIX = PREFIX;
