import { createHash, createHmac } from 'node:crypto';
import { sqliteOf } from './sqlite-storage.js';
import type { Storage } from './storage.js';

/**
 * The tables whose rows the audit trail vouches for: a row changed by anything but Safe Hands (someone
 * editing the database file with another program) no longer matches the content hash its newest audit
 * entry carries, and the audit check says so.
 */
export const SEALED_TABLES = [
  'visitors', 'visits', 'acknowledgements', 'handovers', 'receipts', 'custody_items', 'custody_corrections',
  'device_exceptions', 'bookings', 'concerns', 'roll_calls', 'staff', 'policy_versions',
  // What follows a concern (migration 0017) is as much a safeguarding record as the concern itself.
  'concern_parents_informed', 'concern_debriefs', 'concern_lado_referrals', 'concern_police_contacts',
  'learner_agreements', 'learner_searches', 'learner_exceptions',
  // How a confiscated device left the safe (migration 0019): beside the custody item it closed.
  'confiscation_releases', 'police_handovers',
  // Who was on site when (migration 0022): the roll call and the phones-in-the-safe list read them.
  'staff_days',
  // The safeguarding leaflet's versions and the ones printed for visitors at the kiosk (migration 0023).
  'leaflet_versions', 'leaflet_prints',
  // A visitor's drawn signature, kept with their acknowledgement (migration 0025).
  'acknowledgement_signatures',
  // A member of staff's permission to use their own device (migration 0024): as much a decision on record
  // as a pupil's exception.
  'staff_device_permissions',
  // A visitor's request at the kiosk to keep a device, and how the DSL decided it (migration 0026).
  'exception_requests',
  // Staff badges (migration 0027): which badge code (by its hash) let whom sign in, and when it stopped working.
  'staff_badges',
] as const;

export type SealedTable = (typeof SEALED_TABLES)[number];

/** One row written in this transaction, with its content hash now, or null when it was deleted. */
export interface RecordSeal {
  table: SealedTable;
  id: number;
  hash: string | null;
}

/**
 * Watches Safe Hands' own writes to the sealed tables.
 * - SQLite: the triggers are TEMP, so they exist only on Safe Hands' own connection, and a change made through
 *   any other connection is never noted and never sealed. That is the point: only what Safe Hands itself
 *   wrote gets a content hash in the audit trail.
 * - PostgreSQL: the triggers are the schema's (migrations/postgres), and note a write only in a transaction
 *   that says `safe_hands.watch` (pg-storage.ts): again, only Safe Hands' own.
 */
export function watchRecordChanges(db: Storage): void {
  const sqlite = sqliteOf(db);
  if (sqlite) {
    const statements = ['CREATE TEMP TABLE IF NOT EXISTS record_changes (tbl TEXT NOT NULL, id INTEGER NOT NULL, PRIMARY KEY (tbl, id)) WITHOUT ROWID;'];
    // Called again after migrations: a table a migration made, or rebuilt (which drops its temp triggers), is watched too.
    // Synchronous, so it is in place before the schema update that follows it writes anything.
    const existing = new Set((sqlite.prepare(SQLITE_TABLES).all() as { name: string }[]).map((r) => r.name));
    for (const table of SEALED_TABLES.filter((t) => existing.has(t))) {
      for (const [event, row] of [['INSERT', 'NEW'], ['UPDATE', 'NEW'], ['DELETE', 'OLD']] as const) {
        statements.push(
          `CREATE TEMP TRIGGER IF NOT EXISTS record_changes_${table}_${event.toLowerCase()} AFTER ${event} ON main.${table}
           BEGIN INSERT OR IGNORE INTO temp.record_changes (tbl, id) VALUES ('${table}', ${row}.id); END;`,
        );
      }
    }
    sqlite.exec(statements.join('\n'));
  }
  watching.add(db);
}

const watching = new WeakSet<Storage>();

const SQLITE_TABLES = "SELECT name FROM main.sqlite_master WHERE type = 'table'";

/** The sealed tables this database has (a backup from before a migration may lack the newer ones). */
export async function presentSealedTables(db: Storage): Promise<SealedTable[]> {
  const sql =
    db.engine === 'sqlite'
      ? SQLITE_TABLES
      : "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'";
  const existing = new Set((await db.all<{ name: string }>(sql)).map((r) => r.name));
  return SEALED_TABLES.filter((t) => existing.has(t));
}

/** Whether this storage notes its writes (a connection opened without the app, in a test, does not). */
export function watchesRecordChanges(db: Storage): boolean {
  return watching.has(db);
}

/** A sealed table by name: SQLite's `main.` so a TEMP table of the same name could never stand in for it. */
function sealed(db: Storage, table: SealedTable): string {
  return db.engine === 'sqlite' ? `main.${table}` : table;
}

/** The rows this connection wrote in the transaction running now, noted by the triggers above. */
function changes(db: Storage): string {
  return db.engine === 'sqlite' ? 'temp.record_changes' : 'pg_temp.record_changes';
}

/**
 * A row's content hash: its non-null columns by name, so a later migration that adds a column (null in old
 * rows) does not change the hash of rows written before it. Keyed (HMAC-SHA-256 under the audit key of the
 * entry that carries it, marked `k:`): a plain hash of a row would let anyone holding a copy of the
 * database confirm a guessed name against it long after retention removed the name from the row itself.
 * Entries written before record hashes were keyed carry the plain SHA-256, and are checked as such.
 */
export function recordHash(table: SealedTable, row: Record<string, unknown>, key: Buffer | null): string {
  const fields = Object.keys(row).filter((k) => row[k] !== null).sort().map((k) => [k, row[k]]);
  const canonical = JSON.stringify([table, fields]);
  return key ? `${KEYED}${createHmac('sha256', key).update(canonical).digest('hex')}` : createHash('sha256').update(canonical).digest('hex');
}

const KEYED = 'k:';

/**
 * Whether a row still matches the hash an entry sealed. `key` is the key that entry was sealed with; null when
 * it is not on this computer, and then a keyed hash cannot be checked (the audit check reports the lost key).
 */
export function recordMatches(sealed: string, table: SealedTable, row: Record<string, unknown>, key: Buffer | null): boolean {
  if (!sealed.startsWith(KEYED)) return sealed === recordHash(table, row, null);
  return key === null || sealed === recordHash(table, row, key);
}

export async function readRecord(db: Storage, table: SealedTable, id: number): Promise<Record<string, unknown> | undefined> {
  return db.get<Record<string, unknown>>(`SELECT * FROM ${sealed(db, table)} WHERE id = ?`, [id]);
}

/** The rows this connection wrote since the last call, hashed as they are now under `key`; the list is then emptied. */
export async function takeRecordChanges(db: Storage, key: Buffer | null): Promise<RecordSeal[]> {
  if (!watchesRecordChanges(db)) return [];
  const changed = await db.all<{ tbl: SealedTable; id: number }>(`SELECT tbl, id FROM ${changes(db)} ORDER BY tbl, id`);
  if (changed.length === 0) return [];
  await db.run(`DELETE FROM ${changes(db)}`);
  const seals: RecordSeal[] = [];
  for (const { tbl, id } of changed) {
    const row = await readRecord(db, tbl, id);
    seals.push({ table: tbl, id, hash: row ? recordHash(tbl, row, key) : null });
  }
  return seals;
}

/** A sealed table's rows after `afterId`, by id, at most `limit`. */
export async function recordsAfter(db: Storage, table: SealedTable, afterId: number, limit: number): Promise<Record<string, unknown>[]> {
  return db.all<Record<string, unknown>>(`SELECT * FROM ${sealed(db, table)} WHERE id > ? ORDER BY id LIMIT ?`, [afterId, limit]);
}

export async function recordExists(db: Storage, table: SealedTable, id: number): Promise<boolean> {
  return (await db.get(`SELECT 1 AS one FROM ${sealed(db, table)} WHERE id = ?`, [id])) !== undefined;
}

/** A sealed table's highest id, 0 when it is empty. */
export async function lastRecordId(db: Storage, table: SealedTable): Promise<number> {
  return (await db.get<{ n: number }>(`SELECT coalesce(max(id), 0) AS n FROM ${sealed(db, table)}`))!.n;
}

/** Rows Safe Hands wrote whose entry is not written yet (only ever inside a transaction, on its own connection), as "table:id". */
export async function pendingRecordChanges(db: Storage): Promise<Set<string>> {
  if (!watchesRecordChanges(db)) return new Set();
  return new Set((await db.all<{ k: string }>(`SELECT tbl || ':' || id AS k FROM ${changes(db)}`)).map((r) => r.k));
}

/** Whether rows were written in this transaction that no audit entry has sealed yet. */
export async function hasUnsealedChanges(db: Storage): Promise<boolean> {
  return watchesRecordChanges(db) && (await db.get(`SELECT 1 AS one FROM ${changes(db)} LIMIT 1`)) !== undefined;
}
