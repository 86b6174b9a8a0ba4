import { readFile } from 'node:fs/promises';
import { protocol } from 'electron';
import { APP_SCHEME, contentTypeFor, resolveProtocolPath, responseHeaders } from './security-policy.js';

/**
 * Serves the built renderer on app://kiosk instead of file://. A privileged standard scheme gives the page
 * a real origin (so 'self' in the CSP, the navigation guard and the IPC sender check all mean "our bundle")
 * and lets the grantFileProtocolExtraPrivileges fuse stay off.
 */

/** Must run before the app's ready event: Chromium fixes scheme privileges at start-up. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    // secure: treated like https (secure context); supportFetchAPI: fetch() and module scripts work.
    // No bypassCSP, corsEnabled or service workers: the bundle needs none of them.
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

function plain(status: number, text: string): Response {
  return new Response(text, { status, headers: responseHeaders('text/plain; charset=utf-8') });
}

/** After ready: answer app:// requests from `rendererDir` only; every path decision is resolveProtocolPath's. */
export function serveRenderer(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return plain(405, 'Method not allowed');
    const file = resolveProtocolPath(rendererDir, request.url);
    if (!file) return plain(404, 'Not found');
    try {
      const body = await readFile(file);
      return new Response(request.method === 'HEAD' ? null : body, { status: 200, headers: responseHeaders(contentTypeFor(file)) });
    } catch {
      // Missing file or a folder: the bundle is fixed at build time, so there is nothing else to try.
      return plain(404, 'Not found');
    }
  });
}
