import { createHash, createHmac } from 'node:crypto';
import type { Storage } from '../storage.js';
import { takeRecordChanges, type RecordSeal } from '../record-changes.js';

export interface AuditEntry {
  at: string;
  actorStaffId: number | null;
  actorLabel: string;
  action: string;
  entity: string;
  entityId: number | null;
  detail: Record<string, unknown>;
}

export interface AuditRow {
  id: number;
  at: string;
  actor_staff: number | null;
  actor_label: string;
  action: string;
  entity: string;
  entity_id: number | null;
  detail_json: string;
  prev_hash: string;
  hash: string;
  /** The rows this entry's change wrote: [table, id, content hash or null when deleted][]; null before 0013. */
  records_json: string | null;
}

/** The key an entry is sealed with; null for the plain SHA-256 of entries made before keys. */
export interface SealKey {
  key: Buffer;
}

export const GENESIS_HASH = '0'.repeat(64);

/**
 * An entry's hash: HMAC-SHA-256 under the seal key (audit/audit-key.ts), or plain SHA-256 for entries
 * made before there were keys. Without the key nobody can make an edited entry, or the ones after it, fit.
 */
export function hashOf(row: Omit<AuditRow, 'hash'>, seal: SealKey | null): string {
  // Array form fixes the field order, so the same row always hashes the same. Entries from before 0013
  // have no records and hash exactly as they did.
  const fields: unknown[] = [row.id, row.at, row.actor_staff, row.actor_label, row.action, row.entity, row.entity_id, row.detail_json, row.prev_hash];
  // Loose: a backup from before 0013 has no such column at all.
  if (row.records_json != null) fields.push(row.records_json);
  const canonical = JSON.stringify(fields);
  return (seal ? createHmac('sha256', seal.key) : createHash('sha256')).update(canonical).digest('hex');
}

/** What seals this connection's new entries: set by the app when it opens (see audit/audit-trail.ts). */
export interface AuditSealer {
  /** The key for the entry about to get this id. */
  keyFor(id: number): SealKey | null;
  /** Told which entry the new one follows, before it is written. */
  chainsOnto(last: AuditHead | null): void;
  /** Told after each entry is written (still inside its transaction). */
  appended(head: AuditHead): void;
}

export interface AuditHead {
  id: number;
  hash: string;
}

const sealers = new WeakMap<Storage, AuditSealer>();

export function sealAuditWith(db: Storage, sealer: AuditSealer): void {
  sealers.set(db, sealer);
}

export async function auditHead(db: Storage): Promise<AuditHead | null> {
  return ((await db.get('SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1')) as AuditHead | undefined) ?? null;
}

function recordsJson(records: readonly RecordSeal[]): string | null {
  return records.length === 0 ? null : JSON.stringify(records.map((r) => [r.table, r.id, r.hash]));
}

/**
 * Appends one entry; call inside the transaction that makes the change it describes, after the writes:
 * the entry carries the content hash of every row this connection wrote since the last entry.
 */
export async function appendAudit(db: Storage, entry: AuditEntry): Promise<void> {
  const last = await auditHead(db);
  const sealer = sealers.get(db);
  sealer?.chainsOnto(last);
  const id = (last?.id ?? 0) + 1;
  const seal = sealer?.keyFor(id) ?? null;
  const row = {
    id,
    at: entry.at,
    actor_staff: entry.actorStaffId,
    actor_label: entry.actorLabel,
    action: entry.action,
    entity: entry.entity,
    entity_id: entry.entityId,
    detail_json: JSON.stringify(entry.detail),
    prev_hash: last?.hash ?? GENESIS_HASH,
    records_json: recordsJson(await takeRecordChanges(db, seal?.key ?? null)),
  };
  const hash = hashOf(row, seal);
  await db.run(`INSERT INTO audit_log (id, at, actor_staff, actor_label, action, entity, entity_id, detail_json, prev_hash, hash, records_json)
     VALUES (@id, @at, @actor_staff, @actor_label, @action, @entity, @entity_id, @detail_json, @prev_hash, @hash, @records_json)`, { ...row, hash });
  sealer?.appended({ id: row.id, hash });
}

export interface AuditFilter {
  fromIso?: string | undefined;
  toIso?: string | undefined;
  action?: string | undefined;
  actor?: string | null | undefined;
  beforeId?: number | undefined;
  limit: number;
}

/**
 * Newest first, one page at a time (before `beforeId`). CAST on each "no filter" test gives PostgreSQL the
 * parameter's type, which `@x IS NULL` alone leaves unknown (it refuses the statement); SQLite is unaffected.
 */
export async function listAudit(db: Storage, f: AuditFilter): Promise<AuditRow[]> {
  return (await db.all(`SELECT * FROM audit_log
     WHERE (CAST(@fromIso AS TEXT) IS NULL OR at >= @fromIso) AND (CAST(@toIso AS TEXT) IS NULL OR at < @toIso)
       AND (CAST(@action AS TEXT) IS NULL OR action = @action) AND (CAST(@actor AS TEXT) IS NULL OR actor_label = @actor)
       AND (CAST(@beforeId AS BIGINT) IS NULL OR id < @beforeId)
     ORDER BY id DESC LIMIT @limit`, { fromIso: f.fromIso ?? null, toIso: f.toIso ?? null, action: f.action ?? null, actor: f.actor ?? null, beforeId: f.beforeId ?? null, limit: f.limit })) as AuditRow[];
}

/** The hash of one entry, or undefined when the trail no longer holds it. */
export async function auditHashAt(db: Storage, id: number): Promise<string | undefined> {
  return ((await db.get('SELECT hash FROM audit_log WHERE id = ?', [id])) as { hash: string } | undefined)?.hash;
}

/** Reads the trail a page at a time, oldest first: the entries after `afterId`, at most `limit`. */
export async function auditPage(db: Storage, afterId: number, limit: number): Promise<AuditRow[]> {
  return db.all<AuditRow>('SELECT * FROM audit_log WHERE id > ? ORDER BY id LIMIT ?', [afterId, limit]);
}

/** When the newest restore of a backup was recorded, or null when there has been none. */
export async function lastRestoreAt(db: Storage): Promise<string | null> {
  return ((await db.get("SELECT max(at) AS at FROM audit_log WHERE action = 'backup.restore'")) as { at: string | null }).at;
}

/** The detail of the newest "audit check failed" entry, as stored; undefined when there is none. */
export async function lastCheckFailedDetail(db: Storage): Promise<string | undefined> {
  return ((await db.get("SELECT detail_json FROM audit_log WHERE action = 'audit.check_failed' ORDER BY id DESC LIMIT 1")) as { detail_json: string } | undefined)?.detail_json;
}
