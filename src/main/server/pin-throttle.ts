/**
 * Wrong PINs sent to the loopback host, counted per browser tab (its client id) and per remote address. Each
 * staff account already locks after a few wrong PINs; this stops one screen working through every account
 * in turn. A tab chooses its own client id, so the address is counted too: a new id does not start afresh.
 *
 * A wrong PIN is any command's `wrong_pin` or `account_locked` answer: unlocking the console, and also a
 * DSL's PIN typed into an approval. While a screen is held back, every request that carries a PIN is
 * refused (see `carriesPin`), not only unlocking, so approvals cannot be used to keep guessing.
 *
 * Once a tab (or an address) reaches its limit within the window, its PIN requests are refused until the
 * window has passed since the last counted failure; the count then starts again. A right PIN does not clear
 * the count, or a person who knows one PIN could keep guessing the others.
 */

export const PIN_THROTTLE_MESSAGE = 'Too many PIN attempts from this screen. Wait a few minutes and try again.';

export const PIN_THROTTLE_DEFAULTS = {
  /** Failures from one tab within the window. */
  maxPerClient: 10,
  /** Failures from one address (every tab on this computer) within the window: more, so one tab cannot stop the rest at once. */
  maxPerAddress: 20,
  windowMs: 5 * 60_000,
  /** Counters kept before expired ones are dropped: a tab inventing ids cannot grow memory without bound. */
  maxTracked: 2_000,
};

export interface PinThrottleOptions {
  maxPerClient?: number;
  maxPerAddress?: number;
  windowMs?: number;
  maxTracked?: number;
  now?: () => number;
  /** Where the counts are kept between runs, so restarting Safe Hands does not give a guesser a fresh start. */
  store?: PinThrottleStore;
}

/** The live counters, as kept between runs: [key, failure times, refused until] (times in ms since 1970). */
export type PinThrottleSnapshot = [key: string, failures: number[], blockedUntil: number][];

export interface PinThrottleStore {
  load(): PinThrottleSnapshot | null;
  save(snapshot: PinThrottleSnapshot): void;
}

/** Who is asking: the tab's id and the connection's address. */
export interface PinCaller {
  clientId: string;
  address: string;
}

interface Counter {
  /** When each failure still inside the window happened. */
  failures: number[];
  /** Refused until then (0: not refused). */
  blockedUntil: number;
}

/** `::ffff:127.0.0.1` and `127.0.0.1` are the same caller. */
function normaliseAddress(address: string): string {
  return address.toLowerCase().replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, '');
}

export class PinThrottle {
  private readonly counters = new Map<string, Counter>();
  private readonly maxPerClient: number;
  private readonly maxPerAddress: number;
  private readonly windowMs: number;
  private readonly maxTracked: number;
  private readonly now: () => number;
  private readonly store: PinThrottleStore | undefined;

  constructor(options: PinThrottleOptions = {}) {
    this.maxPerClient = options.maxPerClient ?? PIN_THROTTLE_DEFAULTS.maxPerClient;
    this.maxPerAddress = options.maxPerAddress ?? PIN_THROTTLE_DEFAULTS.maxPerAddress;
    this.windowMs = options.windowMs ?? PIN_THROTTLE_DEFAULTS.windowMs;
    this.maxTracked = options.maxTracked ?? PIN_THROTTLE_DEFAULTS.maxTracked;
    this.now = options.now ?? Date.now;
    this.store = options.store;
    for (const [key, failures, blockedUntil] of this.store?.load() ?? []) {
      if (typeof key === 'string' && Array.isArray(failures) && Number.isFinite(blockedUntil)) {
        this.counters.set(key, { failures: failures.filter(Number.isFinite), blockedUntil });
      }
    }
    this.prune(this.now());
  }

  /** How long this caller must wait before another PIN attempt, in milliseconds; 0 when it may try now. */
  retryAfterMs(caller: PinCaller): number {
    const now = this.now();
    return Math.max(this.blockedFor(clientKey(caller), now), this.blockedFor(addressKey(caller), now));
  }

  /** Counts one wrong PIN (or an attempt on a locked account) from this caller. */
  recordFailure(caller: PinCaller): void {
    const now = this.now();
    this.count(clientKey(caller), this.maxPerClient, now);
    this.count(addressKey(caller), this.maxPerAddress, now);
    if (this.counters.size > this.maxTracked) this.prune(now);
    // Only failures change the counts, and they are rare: each one is kept at once.
    this.store?.save([...this.counters].map(([key, c]) => [key, c.failures, c.blockedUntil]));
  }

  private count(key: string, max: number, now: number): void {
    const counter = this.counters.get(key) ?? { failures: [], blockedUntil: 0 };
    counter.failures = counter.failures.filter((at) => at > now - this.windowMs);
    counter.failures.push(now);
    if (counter.failures.length >= max) {
      counter.blockedUntil = now + this.windowMs;
      counter.failures = [];
    }
    // Re-inserted so the map stays in order of last activity: pruning drops the stalest first.
    this.counters.delete(key);
    this.counters.set(key, counter);
  }

  private blockedFor(key: string, now: number): number {
    const counter = this.counters.get(key);
    return counter && counter.blockedUntil > now ? counter.blockedUntil - now : 0;
  }

  private prune(now: number): void {
    for (const [key, counter] of this.counters) {
      if (counter.blockedUntil <= now && counter.failures.every((at) => at <= now - this.windowMs)) this.counters.delete(key);
    }
    // Still too many live counters: drop the stalest tab counters (never an address's, which carry the limit).
    for (const key of this.counters.keys()) {
      if (this.counters.size <= this.maxTracked) break;
      if (key.startsWith('client:')) this.counters.delete(key);
    }
  }
}

/** Field names the contract uses for a PIN being checked or set. */
const PIN_FIELDS = new Set(['pin', 'currentPin']);
const MAX_DEPTH = 4;
const MAX_NODES = 500;

/**
 * Whether a command's input has a PIN field near the top (every command keeps its PINs within two levels).
 * The walk is bounded, so a deep or huge body costs little; such a body is no command's valid input anyway.
 */
export function carriesPin(input: unknown): boolean {
  let nodes = 0;
  const visit = (value: unknown, depth: number): boolean => {
    if (value === null || typeof value !== 'object' || depth > MAX_DEPTH || ++nodes > MAX_NODES) return false;
    if (Array.isArray(value)) return value.some((item) => visit(item, depth + 1));
    return Object.entries(value).some(([key, item]) => PIN_FIELDS.has(key) || visit(item, depth + 1));
  };
  return visit(input, 0);
}

function clientKey(caller: PinCaller): string {
  return `client:${caller.clientId}`;
}

function addressKey(caller: PinCaller): string {
  return `address:${normaliseAddress(caller.address)}`;
}
