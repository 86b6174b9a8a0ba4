import type { LeafletDetail, ParsedInput } from '../../../shared/contract/index.js';
import { currentLeaflet, insertLeafletVersion, listLeafletVersions } from '../../db/repositories/leaflet-repo.js';
import { CommandError } from '../../core/command-error.js';
import { actingStaffId, audit, nowIso, type ServiceContext } from '../../core/context.js';
import { suggestedLeafletFor } from './leaflet-default.js';

/** The leaflet now, every version, and Safe Hands' starting text for the editor. */
export async function leafletDetail(ctx: ServiceContext): Promise<LeafletDetail> {
  const current = await currentLeaflet(ctx.db);
  return {
    current: current
      ? { versionId: current.id, version: current.version, title: current.title, body: current.body, createdAt: current.createdAt, createdBy: current.createdBy }
      : null,
    versions: (await listLeafletVersions(ctx.db)).map((v) => ({
      versionId: v.id, version: v.version, title: v.title, createdAt: v.createdAt, createdBy: v.createdBy, printedForVisitors: v.printedForVisitors,
    })),
    suggested: await suggestedLeafletFor(ctx),
  };
}

/**
 * Saving the leaflet makes a new version, as the expectations do; the earlier ones stay, so what a visitor
 * was handed can be read again. The same words as the current version would be a version that says nothing
 * new, so they are refused.
 */
export function publishLeaflet(ctx: ServiceContext, input: ParsedInput<'leaflet.publish'>): Promise<LeafletDetail> {
  const by = actingStaffId(ctx);
  return ctx.db.transaction(async () => {
    const current = await currentLeaflet(ctx.db);
    if (current && current.title === input.title && current.body === input.body) {
      throw new CommandError('conflict', `This is the same as version ${current.version}, so there is nothing new to publish.`);
    }
    const created = await insertLeafletVersion(ctx.db, { title: input.title, body: input.body, createdAt: nowIso(ctx), createdBy: by });
    await audit(ctx, 'leaflet.publish', 'leaflet_version', created.id, { version: created.version });
    return leafletDetail(ctx);
  });
}
