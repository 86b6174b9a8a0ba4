import { commandSchemas, isCommandName, type CommandName } from '../../shared/contract/index.js';
import type { CommandFailure, CommandResult } from '../../shared/domain/errors.js';
import { KIOSK_IN_DOUBT_MESSAGE, KIOSK_PAUSED_MESSAGE, kioskPaused } from '../../shared/domain/kiosk-pause.js';
import { PIN_CHANGE_DUE_MESSAGE } from '../../shared/domain/pin-rules.js';
import { REQUIRED_ROLE_LABELS, roleAllows } from '../../shared/domain/roles.js';
import { describeInvalid } from '../../shared/invalid-input.js';
import type { Clock } from '../core/clock.js';
import { CommitInDoubt, isDatabaseError } from '../db/storage-errors.js';
import type { Storage } from '../db/storage.js';
import { CommandError } from '../core/command-error.js';
import { KIOSK_ACTOR, type Actor } from '../core/context.js';
import { consoleIdleMs } from '../services/staff/staff-auth.js';
import type { DocumentLinks } from '../documents/document-links.js';
import type { PinHasher } from '../services/staff/pin-pepper.js';
import type { AuditTrail } from '../audit/audit-trail.js';
import type { StaffSessions } from '../core/staff-sessions.js';
import { documentNotSavedMessage, maybeSavedMessage, notSavedMessage, storageFailure } from '../core/storage-failure.js';
import { StorageWatch } from '../core/storage-watch.js';
import type { DatabaseHealth, Handler, HandlerContext } from './handler-types.js';
import { handlers } from './handlers.js';

export interface Core {
  db: Storage;
  clock: Clock;
  sessions: StaffSessions;
  dataDir: string;
  documentLinks: DocumentLinks;
  /** better-sqlite3 built for Electron, when the app runs there: every extra connection must use it too. */
  nativeBinding?: string | undefined;
  /** What the database checks found; a restore clears it. */
  health: DatabaseHealth;
  /** Hashes and checks PINs with the data folder's PIN key (never kept in the database). */
  pins: PinHasher;
  /** Seals the audit trail and checks it (audit/audit-trail.ts). */
  auditTrail: AuditTrail;
}

/**
 * Every command answers through a promise: the storage is asynchronous (PostgreSQL for many desks), and
 * commands that print, ask the operating system or hash a PIN wait for that too.
 */
export type Dispatch = (name: unknown, input: unknown, sessionKey: string) => Promise<CommandResult<unknown>>;

/**
 * What the kiosk may still do while paused (a damaged database, a disk that will not take writes): say so,
 * and let staff unlock the console to restore a backup or to look things up.
 */
const KIOSK_WHEN_PAUSED: ReadonlySet<CommandName> = new Set(['app.status', 'staff.listForUnlock', 'staff.unlock', 'staff.lock', 'staff.session']);

function failure(code: CommandFailure['code'], message: string, fields?: Record<string, string>): { ok: false; error: CommandFailure } {
  return { ok: false, error: fields ? { code, message, fields } : { code, message } };
}

/**
 * What a handler is given: the core, who is acting and from which window. Each field is named rather than
 * spread from `core`: `{ ...core, actor, sessionKey }` cost 2 to 3 µs a command (measured on the kiosk's
 * surname lookup, about a tenth of it). A required field added to Core is a compile error here until it is
 * passed on.
 */
function handlerContext(core: Core, actor: Actor, sessionKey: string): HandlerContext & Core {
  return {
    db: core.db,
    clock: core.clock,
    sessions: core.sessions,
    dataDir: core.dataDir,
    documentLinks: core.documentLinks,
    nativeBinding: core.nativeBinding,
    auditTrail: core.auditTrail,
    health: core.health,
    pins: core.pins,
    actor,
    sessionKey,
  };
}

/**
 * The one door into main: every transport calls this. It checks the command exists, the caller's staff
 * session holds the role, and the input matches the schema, before any service runs.
 */
export function createDispatcher(core: Core): Dispatch {
  const storage = new StorageWatch(core);
  return async (name, rawInput, sessionKey) => {
    if (!isCommandName(name)) return failure('unknown_command', 'The app does not know that request.');
    const spec = commandSchemas[name];
    // Any screen asking anything (the paused kiosk asks every half minute) is the moment to try saving again.
    if (core.health.storageProblem) await storage.tryAgainIfDue();
    if (kioskPaused(core.health) && spec.role === 'kiosk' && !KIOSK_WHEN_PAUSED.has(name)) {
      return failure(core.health.storageProblem ? 'storage_problem' : 'internal', KIOSK_PAUSED_MESSAGE);
    }

    let actor = KIOSK_ACTOR;
    if (spec.role !== 'kiosk') {
      const session = 'passive' in spec ? core.sessions.peek(sessionKey) : core.sessions.touch(sessionKey, await consoleIdleMs(core));
      if (!session) return failure('locked', 'The staff console is locked. Unlock it with your PIN.');
      // Unlocked with a PIN too short for the role: choosing a longer one is the only thing it may do.
      if (session.pinChangeDue && name !== 'staff.changeOwnPin') return failure('pin_change_due', PIN_CHANGE_DUE_MESSAGE);
      if (!roleAllows(session.roles, spec.role)) {
        return failure('forbidden', `This needs the ${REQUIRED_ROLE_LABELS[spec.role]} role. Ask someone who has it.`);
      }
      actor = { staffId: session.staffId, label: session.displayName, roles: session.roles };
    }

    const parsed = spec.input.safeParse(rawInput === undefined ? {} : rawInput);
    if (!parsed.success) return { ok: false, error: describeInvalid(parsed.error) };

    const fail = (err: unknown) => {
      storage.collectCarriedPast();
      if (err instanceof CommandError) return failure(err.code, err.message, err.fields);
      if (isBusy(err)) return failure('conflict', 'The database is busy. Please try again in a moment.');
      const refused = storageFailure(err);
      if (refused) {
        storage.record(refused);
        // Saved or not, only the server knows: nobody is told that nothing was saved.
        if (err instanceof CommitInDoubt) return failure('storage_problem', spec.role === 'kiosk' ? KIOSK_IN_DOUBT_MESSAGE : maybeSavedMessage());
        // A visitor at the kiosk is sent to the paper book; the kiosk shows its paused screen at its next look.
        if (spec.role === 'kiosk' && name !== 'setup.create') return failure('storage_problem', KIOSK_PAUSED_MESSAGE);
        return failure('storage_problem', isFileError(err) ? documentNotSavedMessage(refused) : notSavedMessage(refused.kind));
      }
      console.error(`Command ${name} failed:`, err);
      return failure('internal', 'Something went wrong and nothing was saved. Please try again, or ask the office.');
    };
    const succeed = (value: unknown) => {
      storage.collectCarriedPast();
      return { ok: true as const, value };
    };
    try {
      const handler = handlers[name] as Handler<CommandName>;
      return succeed(await handler(handlerContext(core, actor, sessionKey), parsed.data as never));
    } catch (err) {
      return fail(err);
    }
  };
}

/** An operating system error from writing a file (a document), not the database's. */
function isFileError(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && !isDatabaseError(err);
}

function isBusy(err: unknown): boolean {
  return typeof err === 'object' && err !== null && 'code' in err && (err as { code: unknown }).code === 'SQLITE_BUSY';
}
