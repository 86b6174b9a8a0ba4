import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
  '.ico': 'image/x-icon',
};

export function contentType(path: string): string {
  return CONTENT_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * Maps a URL path to a file inside the renderer folder, or null when it would leave it. Paths without a
 * file extension are the single-page app's own routes and get index.html.
 */
export function resolveStaticPath(rendererDir: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const relative = decoded === '/' || extname(decoded) === '' ? 'index.html' : decoded.replace(/^\/+/, '');
  const full = normalize(join(rendererDir, relative));
  const root = normalize(rendererDir.endsWith(sep) ? rendererDir : rendererDir + sep);
  return full.startsWith(root) ? full : null;
}

export async function readStatic(rendererDir: string, urlPath: string): Promise<{ body: Buffer; type: string } | null> {
  const path = resolveStaticPath(rendererDir, urlPath);
  if (!path) return null;
  try {
    return { body: await readFile(path), type: contentType(path) };
  } catch {
    return null;
  }
}
