import type { StaffRole } from '../../shared/domain/roles.js';
import type { Clock } from './clock.js';

export interface StaffSession {
  staffId: number;
  displayName: string;
  roles: StaffRole[];
  expiresAt: number;
  /** Unlocked with a PIN too short for these roles: the dispatcher lets this session do nothing but change it. */
  pinChangeDue: boolean;
}

/**
 * Who is unlocked at which window or browser tab. Held only in main: the renderer names its window (the
 * transport supplies that key), never its role. A session ends after `idleMs` without a command.
 */
export class StaffSessions {
  private readonly sessions = new Map<string, StaffSession>();

  constructor(private readonly clock: Clock) {}

  open(key: string, staff: Omit<StaffSession, 'expiresAt'>, idleMs: number): StaffSession {
    const session = { ...staff, expiresAt: this.clock.now().getTime() + idleMs };
    this.sessions.set(key, session);
    return session;
  }

  /** The live session for `key`, its idle timer restarted; expired sessions are dropped. */
  touch(key: string, idleMs: number): StaffSession | null {
    const session = this.peek(key);
    if (session) session.expiresAt = this.clock.now().getTime() + idleMs;
    return session;
  }

  peek(key: string): StaffSession | null {
    const session = this.sessions.get(key);
    if (!session) return null;
    if (session.expiresAt <= this.clock.now().getTime()) {
      this.sessions.delete(key);
      return null;
    }
    return session;
  }

  close(key: string): void {
    this.sessions.delete(key);
  }

  /** Ends every session, e.g. after a restore, when the staff accounts themselves may have changed. */
  closeAll(): void {
    this.sessions.clear();
  }

  /** Ends every session of one staff member (a PIN change, a deactivation). */
  closeAllFor(staffId: number): void {
    for (const [key, s] of this.sessions) if (s.staffId === staffId) this.sessions.delete(key);
  }
}
