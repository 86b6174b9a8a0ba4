import { createHash } from 'node:crypto';
import type { Db } from '../connection.js';
import { prepared } from './statements.js';

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
}

export const GENESIS_HASH = '0'.repeat(64);

function hashOf(row: Omit<AuditRow, 'hash'>): string {
  // Array form fixes the field order, so the same row always hashes the same.
  const canonical = JSON.stringify([
    row.id, row.at, row.actor_staff, row.actor_label, row.action, row.entity, row.entity_id, row.detail_json, row.prev_hash,
  ]);
  return createHash('sha256').update(canonical).digest('hex');
}

/** Appends one entry; call inside the transaction that makes the change it describes. */
export function appendAudit(db: Db, entry: AuditEntry): void {
  const last = prepared(db, 'SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1').get() as
    | { id: number; hash: string }
    | undefined;
  const row = {
    id: (last?.id ?? 0) + 1,
    at: entry.at,
    actor_staff: entry.actorStaffId,
    actor_label: entry.actorLabel,
    action: entry.action,
    entity: entry.entity,
    entity_id: entry.entityId,
    detail_json: JSON.stringify(entry.detail),
    prev_hash: last?.hash ?? GENESIS_HASH,
  };
  prepared(
    db,
    `INSERT INTO audit_log (id, at, actor_staff, actor_label, action, entity, entity_id, detail_json, prev_hash, hash)
     VALUES (@id, @at, @actor_staff, @actor_label, @action, @entity, @entity_id, @detail_json, @prev_hash, @hash)`,
  ).run({ ...row, hash: hashOf(row) });
}

/** Walks the whole chain; the first row whose hash or link does not hold is where someone edited it. */
export function verifyAuditChain(db: Db): { ok: boolean; checked: number; firstBrokenId: number | null } {
  let prev = GENESIS_HASH;
  let checked = 0;
  let expectedId = 1;
  for (const row of db.prepare('SELECT * FROM audit_log ORDER BY id').iterate() as IterableIterator<AuditRow>) {
    checked += 1;
    const { hash, ...rest } = row;
    if (row.id !== expectedId || row.prev_hash !== prev || hashOf(rest) !== hash) {
      return { ok: false, checked, firstBrokenId: row.id };
    }
    prev = hash;
    expectedId += 1;
  }
  return { ok: true, checked, firstBrokenId: null };
}

export interface AuditFilter {
  fromIso?: string | undefined;
  toIso?: string | undefined;
  action?: string | undefined;
  actor?: string | null | undefined;
  beforeId?: number | undefined;
  limit: number;
}

/** Newest first, one page at a time (before `beforeId`). */
export function listAudit(db: Db, f: AuditFilter): AuditRow[] {
  return prepared(
    db,
    `SELECT * FROM audit_log
     WHERE (@fromIso IS NULL OR at >= @fromIso) AND (@toIso IS NULL OR at < @toIso)
       AND (@action IS NULL OR action = @action) AND (@actor IS NULL OR actor_label = @actor)
       AND (@beforeId IS NULL OR id < @beforeId)
     ORDER BY id DESC LIMIT @limit`,
  ).all({ fromIso: f.fromIso ?? null, toIso: f.toIso ?? null, action: f.action ?? null, actor: f.actor ?? null, beforeId: f.beforeId ?? null, limit: f.limit }) as AuditRow[];
}
