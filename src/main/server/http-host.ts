import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Dispatch } from '../commands/dispatcher.js';
import type { CommandFailure, CommandResult, ErrorCode } from '../../shared/domain/errors.js';
import {
  clientIdFrom, hostIsAllowed, isLoopbackAddress, MAX_BODY_BYTES, originIsAllowed, readCookie, SECRET_COOKIE, secretMatches,
} from './request-guards.js';
import { pinGate } from './pin-gate.js';
import { PinThrottle, type PinThrottleStore } from './pin-throttle.js';
import { readStatic } from './static-files.js';
import { CONTENT_SECURITY_POLICY } from '../../shared/csp.js';
import { commandSchemas, isCommandName } from '../../shared/contract/index.js';


const SECURITY_HEADERS = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
};


export interface HttpHostOptions {
  dispatch: Dispatch;
  /** Resolves a short-lived document link (a receipt PDF) to its file, or null. */
  resolveDocument?: (id: string) => string | null;
  secret: string;
  rendererDir: string;
  port?: number;
  host?: string;
  /** Binding beyond loopback exposes the kiosk to the network; only an explicit choice allows it. */
  allowNonLoopback?: boolean;
  /** The clock the PIN throttle counts by, in milliseconds; tests move it. */
  now?: () => number;
  /** Where the PIN throttle keeps its counts between runs (none: in memory only). */
  pinThrottleStore?: PinThrottleStore;
}

export interface HttpHost {
  port: number;
  origin: string;
  launchUrl: (view?: 'console') => string;
  close(): Promise<void>;
  server: Server;
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { ...SECURITY_HEADERS, 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(text);
}

function refuse(res: ServerResponse, status: number, code: ErrorCode, message: string): void {
  const error: CommandFailure = { code, message };
  sendJson(res, status, { ok: false, error });
}

/**
 * A plain page for a person who followed an address in a browser (an old bookmark, a launch address from
 * before --new-address): words, not JSON. Nothing in it comes from the request.
 */
function refusePage(res: ServerResponse, status: number, title: string, message: string): void {
  const html = `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">` +
    // Unstyled: the page's content security policy allows no inline style, and plain HTML reads well enough.
    `<title>Safe Hands</title></head><body><main><h1>${title}</h1><p>${message}</p></main></body></html>`;
  res.writeHead(status, { ...SECURITY_HEADERS, 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
  res.end(html);
}

function readBody(req: IncomingMessage, limit: number): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const collect = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        // Answer now and discard the rest, so the client reads a clear 413 rather than a reset.
        req.off('data', collect);
        req.resume();
        resolve(null);
        return;
      }
      chunks.push(chunk);
    };
    req.on('data', collect);
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** A percent-encoded path segment, or null when it is not valid encoding (such as %E0%A4%A). */
function decodePath(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

export async function startHttpHost(options: HttpHostOptions): Promise<HttpHost> {
  const host = options.host ?? '127.0.0.1';
  if (!isLoopbackAddress(host) && !options.allowNonLoopback) {
    throw new Error(`Refusing to serve the kiosk on ${host}: it would be reachable from the network. Use 127.0.0.1.`);
  }
  let port = 0;
  const throttled = pinGate(new PinThrottle({
    ...(options.now ? { now: options.now } : {}),
    ...(options.pinThrottleStore ? { store: options.pinThrottleStore } : {}),
  }), options.dispatch);

  async function handleApi(req: IncomingMessage, res: ServerResponse, name: string): Promise<void> {
    if (req.method !== 'POST') return refuse(res, 405, 'unauthorised_client', 'Commands are sent with POST.');
    if (!originIsAllowed(req.headers, port)) return refuse(res, 403, 'unauthorised_client', 'Requests from other websites are refused.');
    if (!secretMatches(readCookie(req.headers, SECRET_COOKIE), options.secret)) {
      return refuse(res, 403, 'unauthorised_client', 'This browser was not opened by Safe Hands. Open the address Safe Hands printed when it started.');
    }
    const clientId = clientIdFrom(req.headers);
    if (!clientId) return refuse(res, 400, 'unauthorised_client', 'The request did not say which window it came from.');
    if (!/^application\/json\b/i.test(req.headers['content-type'] ?? '')) {
      return refuse(res, 415, 'invalid_input', 'Commands are sent as JSON.');
    }
    // One command (the logo) carries a picture; every other request stays small.
    const spec = isCommandName(name) ? commandSchemas[name] : undefined;
    const body = await readBody(req, spec && 'bodyLimit' in spec ? (spec.bodyLimit as number) : MAX_BODY_BYTES);
    if (body === null) {
      res.setHeader('connection', 'close');
      return refuse(res, 413, 'invalid_input', 'That request is too large.');
    }
    let input: unknown;
    try {
      input = body.trim() === '' ? {} : JSON.parse(body);
    } catch {
      return refuse(res, 400, 'invalid_input', 'That request is not valid JSON.');
    }
    // Held back or counted just before the command runs (not before the body arrives): see pin-gate.ts.
    const gated = throttled(name, input, `http:${clientId}`, { clientId, address: req.socket.remoteAddress ?? '' });
    if ('heldBackMs' in gated) {
      res.setHeader('retry-after', String(Math.ceil(gated.heldBackMs / 1000)));
      return refuse(res, 429, gated.refusal.code, gated.refusal.message);
    }
    const result: CommandResult<unknown> = gated.answer instanceof Promise ? await gated.answer : gated.answer;
    // HTTP status speaks for the transport; a command's own refusal (a wrong PIN, a form error) is a normal
    // answer in the body, so browsers do not log it as a failed request.
    sendJson(res, !result.ok && result.error.code === 'unknown_command' ? 404 : 200, result);
  }

  function handleLaunch(res: ServerResponse, url: URL): void {
    if (!secretMatches(url.searchParams.get('key'), options.secret)) {
      return refusePage(res, 403, 'This address is out of date',
        'Safe Hands has a new address on this PC. Use the address it printed when it last started (the line that begins “Kiosk:”), or the window it opened.');
    }
    const view = url.searchParams.get('view') === 'console' ? '#/console' : '';
    res.writeHead(303, {
      ...SECURITY_HEADERS,
      // HttpOnly: page scripts never see it; SameSite=Strict: other sites' requests never carry it.
      'set-cookie': `${SECRET_COOKIE}=${options.secret}; HttpOnly; SameSite=Strict; Path=/`,
      location: `/${view}`,
      'cache-control': 'no-store',
    });
    res.end();
  }

  /** A PDF the app made, for the browser's own viewer and print dialog; only our launched browser may open it. */
  async function handleDocument(req: IncomingMessage, res: ServerResponse, id: string): Promise<void> {
    if (!secretMatches(readCookie(req.headers, SECRET_COOKIE), options.secret)) {
      return refuse(res, 403, 'unauthorised_client', 'This browser was not opened by Safe Hands.');
    }
    const file = /^[\w-]{16,64}$/.test(id) ? options.resolveDocument?.(id) : null;
    const body = file ? await readFile(file).catch(() => null) : null;
    if (!body) return refuse(res, 404, 'not_found', 'That document link has expired. Print or open the receipt again from the console.');
    // No CSP here: the page's policy (object-src 'none') would stop Chromium's own PDF viewer. A CSV is a
    // download for a spreadsheet, under its own name.
    const { 'content-security-policy': _csp, ...documentHeaders } = SECURITY_HEADERS;
    const isCsv = file!.endsWith('.csv');
    res.writeHead(200, {
      ...documentHeaders,
      'content-type': isCsv ? 'text/csv; charset=utf-8' : 'application/pdf',
      'content-disposition': isCsv ? `attachment; filename="${basename(file!)}"` : 'inline',
      'cache-control': 'no-store',
    });
    res.end(req.method === 'HEAD' ? undefined : body);
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!hostIsAllowed(req.headers, port)) return refuse(res, 421, 'unauthorised_client', 'Unknown host name.');
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    if (url.pathname.startsWith('/api/')) {
      const name = decodePath(url.pathname.slice(5));
      if (name === null) return refuse(res, 400, 'invalid_input', 'That address is not valid.');
      return handleApi(req, res, name);
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(res, 405, 'unauthorised_client', 'Only GET is served here.');
    if (url.pathname === '/launch') return handleLaunch(res, url);
    if (url.pathname.startsWith('/documents/')) return handleDocument(req, res, url.pathname.slice('/documents/'.length));
    const file = await readStatic(options.rendererDir, url.pathname);
    if (!file) return refuse(res, 404, 'not_found', 'Not found.');
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'content-type': file.type,
      'cache-control': file.type.startsWith('text/html') ? 'no-store' : 'max-age=3600',
    });
    res.end(req.method === 'HEAD' ? undefined : file.body);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      console.error('Request failed:', err);
      if (!res.headersSent) refuse(res, 500, 'internal', 'Something went wrong and nothing was saved.');
      else res.end();
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  port = (server.address() as AddressInfo).port;
  const origin = `http://127.0.0.1:${port}`;
  return {
    port,
    origin,
    server,
    launchUrl: (view) => `${origin}/launch?key=${encodeURIComponent(options.secret)}${view ? `&view=${view}` : ''}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
