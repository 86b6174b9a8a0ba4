import type { StorageProblemKind } from '../../shared/contract/index.js';

/**
 * What the database engine said, told apart from every other error: SQLite's extended codes (better-sqlite3),
 * PostgreSQL's SQLSTATE (pg's DatabaseError carries `severity` beside its five-character code), and the
 * errors of a PostgreSQL connection that could not be made or was lost.
 */
export function isDatabaseError(err: unknown): boolean {
  const code = codeOf(err);
  return err instanceof CommitInDoubt || code.startsWith('SQLITE_') || isPgServerError(err) || isPgConnectionError(err);
}

/**
 * A PostgreSQL failure that stops Safe Hands saving, by kind; null for any other error (a refused
 * constraint, a bug). The SQLite kinds are core/storage-failure.ts's, read from SQLite's codes.
 */
export function pgStorageProblem(err: unknown): StorageProblemKind | null {
  if (err instanceof CommitInDoubt || isPgConnectionError(err)) return 'unreachable';
  if (!isPgServerError(err)) return null;
  const code = codeOf(err);
  // 53100 disk_full, 53xxx out of resources on the server.
  if (code === '53100') return 'full';
  // 25006 read_only_sql_transaction: a standby, or a server set read-only.
  if (code === '25006') return 'read_only';
  // 42501 insufficient_privilege, 28xxx the login refused.
  if (code === '42501' || code.startsWith('28')) return 'not_allowed';
  // 58xxx system errors (58030 io_error), XX001/XX002 damaged data.
  if (code.startsWith('58') || code === 'XX001' || code === 'XX002') return 'disk_error';
  // 08xxx connection exceptions, 57P01–57P03 the server shutting down or starting.
  if (code.startsWith('08') || code === '57P01' || code === '57P02' || code === '57P03') return 'unreachable';
  return null;
}

/**
 * The connection to the server went while COMMIT was on its way: the server may have saved the work or not,
 * and this desk cannot tell. (A COMMIT the server answered with a refusal is a plain failure, not this.)
 */
export class CommitInDoubt extends Error {
  override name = 'CommitInDoubt';
  constructor(readonly lost: unknown) {
    super(`The database server stopped answering while the work was being saved: ${lost instanceof Error ? lost.message : String(lost)}`);
  }
}

/** An error's `code` when it is text (SQLite's, the operating system's, SQLSTATE), else ''. */
export function codeOf(err: unknown): string {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : '';
}

function isPgServerError(err: unknown): boolean {
  return typeof err === 'object' && err !== null && 'severity' in err && /^[0-9A-Z]{5}$/.test(codeOf(err));
}

/** The socket's own errors, and pg's words when it gave up connecting or the server went away mid-query. */
const CONNECTION_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ENOTFOUND', 'EHOSTUNREACH', 'ENETUNREACH', 'EPIPE', 'EAI_AGAIN']);
const CONNECTION_WORDS = /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Connection terminated due to connection timeout/;

function isPgConnectionError(err: unknown): boolean {
  if (CONNECTION_CODES.has(codeOf(err))) return true;
  return err instanceof Error && !('severity' in err) && CONNECTION_WORDS.test(err.message);
}
