import { randomBytes } from 'node:crypto';
import type { Clock } from '../clock.js';

/**
 * Short-lived, unguessable links to documents the app made (receipt PDFs), so the browser can open one
 * for its print dialog without the data folder's paths or the receipt numbers being addressable.
 */
export class DocumentLinks {
  private readonly links = new Map<string, { path: string; expiresAt: number }>();

  constructor(
    private readonly clock: Clock,
    private readonly ttlMs = 15 * 60_000,
  ) {}

  issue(path: string): string {
    const id = randomBytes(18).toString('base64url');
    this.prune();
    this.links.set(id, { path, expiresAt: this.clock.now().getTime() + this.ttlMs });
    return id;
  }

  resolve(id: string): string | null {
    const link = this.links.get(id);
    if (!link || link.expiresAt <= this.clock.now().getTime()) return null;
    return link.path;
  }

  private prune(): void {
    const now = this.clock.now().getTime();
    for (const [id, link] of this.links) if (link.expiresAt <= now) this.links.delete(id);
  }
}
