/**
 * Wrong PINs, counted per screen (a browser tab's client id, or an Electron window) and per computer (the
 * connection's address), so one screen's guesses slow that screen down long before any account locks
 * (staff-auth.ts locks an account only at a count no one computer can reach in a day).
 *
 * Each counts the wrong PINs of the last 24 hours. The first few are free (people mistype); after that the
 * screen must wait before its next PIN: 1 minute, then twice as long after each further wrong one, at most
 * 30 minutes. A tab chooses its own client id (and a reload makes a new one), so the computer is counted
 * too, with far more free tries: more than one screen can use in a day, so a guesser who stays on one screen
 * never holds back the others.
 *
 * What that allows, typing a PIN every 5 seconds whenever allowed (tests/unit/pin-throttle.test.ts works
 * it out, and the README states it): 56 wrong PINs a day from one screen; 111 from one computer even when
 * reloading for a fresh tab each time.
 *
 * A wrong PIN is any command's `wrong_pin` or `account_locked` answer (and a staff badge that does not work,
 * `wrong_badge`): unlocking the console, and also a
 * DSL's PIN typed into an approval. While a screen is held back, every request that carries a PIN is
 * refused (see `carriesPin`), not only unlocking, so approvals cannot be used to keep guessing. A right PIN
 * does not clear the count, or a person who knows one PIN could keep guessing the others.
 *
 * A PIN takes a while to check (it is hashed off the event loop), so a burst sent at once would all find
 * the screen free before the first was known wrong. Each PIN let through therefore holds a place
 * (`reserve`), counted as wrong until its answer says otherwise: the burst is held back exactly where the
 * same PINs sent one by one would be.
 */

export function pinThrottleMessage(waitMs: number): string {
  const minutes = Math.max(1, Math.ceil(waitMs / 60_000));
  return `Too many wrong PINs have been typed on this screen. Try again in ${minutes} ${minutes === 1 ? 'minute' : 'minutes'}.`;
}

/** The same wait, said to someone scanning a staff badge, who typed no PIN. */
export function badgeThrottleMessage(waitMs: number): string {
  const minutes = Math.max(1, Math.ceil(waitMs / 60_000));
  return `Too many badges or PINs that do not work have been tried on this screen. Try again in ${minutes} ${minutes === 1 ? 'minute' : 'minutes'}, or ask at the office.`;
}

export const PIN_THROTTLE_DEFAULTS = {
  /** Wrong PINs from one screen before it must wait. */
  freePerClient: 5,
  /** Wrong PINs from one computer (every screen on it) before all of them wait: more than one screen can send in a day. */
  freePerAddress: 60,
  /** The first wait, doubled after each further wrong PIN... */
  firstWaitMs: 60_000,
  /** ...up to this. */
  maxWaitMs: 30 * 60_000,
  /** How long a wrong PIN is remembered. */
  windowMs: 24 * 60 * 60_000,
  /** Counters kept before expired ones are dropped: a tab inventing ids cannot grow memory without bound. */
  maxTracked: 2_000,
};

export interface PinThrottleOptions {
  freePerClient?: number;
  freePerAddress?: number;
  firstWaitMs?: number;
  maxWaitMs?: number;
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

/** Who is asking: the screen's id and the computer's address. */
export interface PinCaller {
  clientId: string;
  address: string;
}

interface Counter {
  /** When each wrong PIN still inside the window was typed. */
  failures: number[];
  /** Refused until then (0: not refused). */
  blockedUntil: number;
}

/** `::ffff:127.0.0.1` and `127.0.0.1` are the same caller. */
function normaliseAddress(address: string): string {
  return address.toLowerCase().replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, '');
}

/** A PIN let through and not yet answered; settled once with whether it turned out wrong. */
export interface PinAttempt {
  settle(wrong: boolean): void;
}

export class PinThrottle {
  private readonly counters = new Map<string, Counter>();
  /** PINs let through and still being checked, per counter key; kept in memory only. */
  private readonly checking = new Map<string, number>();
  private readonly freePerClient: number;
  private readonly freePerAddress: number;
  private readonly firstWaitMs: number;
  private readonly maxWaitMs: number;
  private readonly windowMs: number;
  private readonly maxTracked: number;
  private readonly now: () => number;
  private readonly store: PinThrottleStore | undefined;

  constructor(options: PinThrottleOptions = {}) {
    this.freePerClient = options.freePerClient ?? PIN_THROTTLE_DEFAULTS.freePerClient;
    this.freePerAddress = options.freePerAddress ?? PIN_THROTTLE_DEFAULTS.freePerAddress;
    this.firstWaitMs = options.firstWaitMs ?? PIN_THROTTLE_DEFAULTS.firstWaitMs;
    this.maxWaitMs = options.maxWaitMs ?? PIN_THROTTLE_DEFAULTS.maxWaitMs;
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
    return Math.max(this.blockedFor(clientKey(caller), this.freePerClient, now), this.blockedFor(addressKey(caller), this.freePerAddress, now));
  }

  /**
   * Holds a place for a PIN about to be checked, counted as wrong while it is checked: call once
   * retryAfterMs has said 0. Settling it with `wrong` counts it as recordFailure does; otherwise it is gone.
   */
  reserve(caller: PinCaller): PinAttempt {
    const keys = [clientKey(caller), addressKey(caller)];
    for (const key of keys) this.checking.set(key, (this.checking.get(key) ?? 0) + 1);
    let settled = false;
    return {
      settle: (wrong) => {
        if (settled) return;
        settled = true;
        for (const key of keys) {
          const left = this.checking.get(key)! - 1;
          if (left > 0) this.checking.set(key, left);
          else this.checking.delete(key);
        }
        if (wrong) this.recordFailure(caller);
      },
    };
  }

  /** Counts one wrong PIN (or an attempt on a locked account) from this caller. */
  recordFailure(caller: PinCaller): void {
    const now = this.now();
    this.count(clientKey(caller), this.freePerClient, now);
    this.count(addressKey(caller), this.freePerAddress, now);
    if (this.counters.size > this.maxTracked) this.prune(now);
    // Only failures change the counts, and they are rare: each one is kept at once.
    this.store?.save([...this.counters].map(([key, c]) => [key, c.failures, c.blockedUntil]));
  }

  /** The wait after the `n`th wrong PIN within the window, when the first `free` cost nothing. */
  private waitAfter(n: number, free: number): number {
    if (n < free) return 0;
    // Capped before doubling gets large: 2 ** 60 would still be a number, but not a sensible one.
    return Math.min(this.firstWaitMs * 2 ** Math.min(n - free, 40), this.maxWaitMs);
  }

  private count(key: string, free: number, now: number): void {
    const counter = this.counters.get(key) ?? { failures: [], blockedUntil: 0 };
    counter.failures = counter.failures.filter((at) => at > now - this.windowMs);
    counter.failures.push(now);
    counter.blockedUntil = Math.max(counter.blockedUntil, now + this.waitAfter(counter.failures.length, free));
    // Re-inserted so the map stays in order of last activity: pruning drops the stalest first.
    this.counters.delete(key);
    this.counters.set(key, counter);
  }

  private blockedFor(key: string, free: number, now: number): number {
    const counter = this.counters.get(key);
    const blocked = counter && counter.blockedUntil > now ? counter.blockedUntil - now : 0;
    const checking = this.checking.get(key) ?? 0;
    if (checking === 0) return blocked;
    // As if every PIN still being checked had just been answered wrong.
    const failures = (counter?.failures.filter((at) => at > now - this.windowMs).length ?? 0) + checking;
    return Math.max(blocked, this.waitAfter(failures, free));
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

/**
 * Field names the contract uses for a PIN being checked or set, and for a staff badge's code: a badge is
 * the proof a PIN is at the kiosk, so a screen held back for wrong PINs cannot try codes, nor the reverse.
 */
const PIN_FIELDS = new Set(['pin', 'currentPin', 'badgeCode']);
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
