import type { StaffRole } from '../../shared/domain/roles.js';
import type { Clock } from './clock.js';
import type { Storage } from '../db/storage.js';
import { appendAudit } from '../db/repositories/audit-repo.js';
import { CommandError } from './command-error.js';

/** Who is acting: a staff member, or the public kiosk. */
export interface Actor {
  staffId: number | null;
  label: string;
  roles: readonly StaffRole[];
}

export const KIOSK_ACTOR: Actor = { staffId: null, label: 'kiosk', roles: [] };

export interface ServiceContext {
  db: Storage;
  clock: Clock;
  actor: Actor;
}

/** The staff member acting; the dispatcher guarantees one for staff commands, this says so to the types. */
export function actingStaffId(ctx: ServiceContext): number {
  if (ctx.actor.staffId === null) throw new CommandError('locked', 'Unlock the console first.');
  return ctx.actor.staffId;
}

export function nowIso(ctx: Pick<ServiceContext, 'clock'>): string {
  return ctx.clock.now().toISOString();
}

/** Records what the acting person did; call inside the same transaction as the change. */
export async function audit(ctx: ServiceContext, action: string, entity: string, entityId: number | null, detail: Record<string, unknown> = {}): Promise<void> {
  await appendAudit(ctx.db, {
    at: nowIso(ctx),
    actorStaffId: ctx.actor.staffId,
    actorLabel: ctx.actor.label,
    action,
    entity,
    entityId,
    detail,
  });
}
