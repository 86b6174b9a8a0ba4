import { timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

/**
 * The loopback host's checks, kept free of I/O so each can be tested alone. A page on any website can make
 * the visitor's browser send requests to 127.0.0.1, and a DNS-rebinding site can even make them look
 * same-origin: so every request must name our host, API calls must come from our own origin, and carry the
 * per-launch secret that only the browser we opened holds.
 */

export const SECRET_COOKIE = 'sh_key';
export const CLIENT_HEADER = 'x-client-id';
export const MAX_BODY_BYTES = 64 * 1024;

const LOOPBACK_ADDRESSES = new Set(['127.0.0.1', '::1', 'localhost']);

export function isLoopbackAddress(address: string): boolean {
  return LOOPBACK_ADDRESSES.has(address) || /^127(\.\d{1,3}){3}$/.test(address);
}

export function allowedHosts(port: number): Set<string> {
  return new Set([`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`]);
}

export function hostIsAllowed(headers: IncomingHttpHeaders, port: number): boolean {
  const host = headers.host;
  return typeof host === 'string' && allowedHosts(port).has(host.toLowerCase());
}

/** Our pages never send a foreign Origin; browsers always send one on a cross-site POST. */
export function originIsAllowed(headers: IncomingHttpHeaders, port: number): boolean {
  const origin = headers.origin;
  if (origin !== undefined) {
    let parsed: URL;
    try {
      parsed = new URL(origin);
    } catch {
      return false;
    }
    if (parsed.protocol !== 'http:' || !allowedHosts(port).has(parsed.host)) return false;
  }
  const site = headers['sec-fetch-site'];
  return site === undefined || site === 'same-origin' || site === 'none';
}

export function readCookie(headers: IncomingHttpHeaders, name: string): string | undefined {
  const raw = headers.cookie;
  if (typeof raw !== 'string') return undefined;
  for (const part of raw.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

export function secretMatches(given: string | undefined | null, secret: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(secret);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** A tab's name for its staff session: random, so another tab cannot guess it. */
export function clientIdFrom(headers: IncomingHttpHeaders): string | null {
  const id = headers[CLIENT_HEADER];
  return typeof id === 'string' && /^[A-Za-z0-9-]{16,64}$/.test(id) ? id : null;
}
