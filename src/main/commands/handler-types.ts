import type { CommandName, CommandOutput, ParsedInput } from '../../shared/contract/index.js';
import type { AuditTrail } from '../audit/audit-trail.js';
import type { StaffSessions } from '../core/staff-sessions.js';
import type { StorageHealth } from '../core/storage-watch.js';
import type { JobHealth } from '../jobs/job-failures.js';
import type { OutputContext } from '../services/custody/receipt-output.js';
import type { PinHasher } from '../services/staff/pin-pepper.js';

/** What the checks of the database, the disk and the scheduled jobs found, for app.status and the banner. */
export interface DatabaseHealth extends StorageHealth, JobHealth {
  databaseProblem: string | null;
  /** Restores since the app opened: a check begun before one was reading a file that has since been replaced. */
  restores: number;
}

/** What every handler is given: the service context of the staff member (or kiosk) calling, and the app's parts. */
export interface HandlerContext extends OutputContext {
  health: DatabaseHealth;
  nativeBinding?: string | undefined;
  sessions: StaffSessions;
  pins: PinHasher;
  auditTrail: AuditTrail;
  /** Which window or browser tab is calling; staff sessions are kept per key. */
  sessionKey: string;
}

export type Handler<N extends CommandName> = (ctx: HandlerContext, input: ParsedInput<N>) => CommandOutput<N> | Promise<CommandOutput<N>>;

/** One domain's part of the handler table: exactly the commands of its contract file (its Outputs map). */
export type DomainHandlers<Outputs> = { [N in keyof Outputs & CommandName]: Handler<N> };
