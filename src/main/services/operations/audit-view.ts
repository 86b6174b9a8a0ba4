import type { AuditEntryView, ParsedInput } from '../../../shared/contract/index.js';
import { listAudit } from '../../db/repositories/audit-repo.js';
import type { ServiceContext } from '../../core/context.js';
import { nextDay, ukMidnight } from './reports.js';

/** The audit trail for the DSL and administrators, filtered and a page at a time, newest first. */
export async function auditEntries(ctx: ServiceContext, input: ParsedInput<'audit.list'>): Promise<{ entries: AuditEntryView[]; moreBefore: number | null }> {
  const limit = input.limit ?? 100;
  const rows = await listAudit(ctx.db, {
    fromIso: input.from ? ukMidnight(input.from) : undefined,
    toIso: input.to ? ukMidnight(nextDay(input.to)) : undefined,
    action: input.action,
    actor: input.actor,
    beforeId: input.beforeId,
    limit: limit + 1,
  });
  const page = rows.slice(0, limit);
  return {
    entries: page.map((r) => ({
      id: r.id, at: r.at, actor: r.actor_label, action: r.action, entity: r.entity, entityId: r.entity_id,
      detail: JSON.parse(r.detail_json) as Record<string, unknown>,
    })),
    moreBefore: rows.length > limit ? page[page.length - 1]!.id : null,
  };
}
