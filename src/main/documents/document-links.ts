import { randomBytes } from 'node:crypto';
import type { Clock } from '../core/clock.js';
import type { StaffSessions } from '../core/staff-sessions.js';

/**
 * Short-lived, unguessable links to documents the app made (receipt PDFs), so the browser can open one
 * for its print dialog without the data folder's paths or the receipt numbers being addressable.
 *
 * A link made for a staff member's console lives only as long as that console stays unlocked: once it is
 * locked (by hand, by the idle timer, or by a PIN change or lockout), its links stop opening, so a receipt
 * or a concern report cannot be reopened from the browser's history at an unattended PC.
 */
export class DocumentLinks {
  private readonly links = new Map<string, { path: string; expiresAt: number; sessionKey: string | null }>();

  constructor(
    private readonly clock: Clock,
    private readonly sessions: Pick<StaffSessions, 'peek'> | null = null,
    private readonly ttlMs = 15 * 60_000,
  ) {}

  /** A link to `path`, tied to the staff session on `sessionKey` when there is one (the kiosk has none). */
  issue(path: string, sessionKey?: string): string {
    const id = randomBytes(18).toString('base64url');
    this.prune();
    const staffSession = sessionKey !== undefined && this.sessions?.peek(sessionKey) ? sessionKey : null;
    this.links.set(id, { path, expiresAt: this.clock.now().getTime() + this.ttlMs, sessionKey: staffSession });
    return id;
  }

  resolve(id: string): string | null {
    const link = this.links.get(id);
    if (!link || link.expiresAt <= this.clock.now().getTime()) return null;
    if (link.sessionKey !== null && !this.sessions?.peek(link.sessionKey)) {
      this.links.delete(id);
      return null;
    }
    return link.path;
  }

  private prune(): void {
    const now = this.clock.now().getTime();
    for (const [id, link] of this.links) if (link.expiresAt <= now) this.links.delete(id);
  }
}
