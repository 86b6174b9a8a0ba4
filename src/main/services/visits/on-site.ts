import type { OnSiteVisit } from '../../../shared/contract/index.js';
import { countInSafeByVisit } from '../../db/repositories/custody-repo.js';
import { latestExceptionByVisit } from '../../db/repositories/exception-repo.js';
import { deviceUseMarker } from '../safeguarding/exception-state.js';
import { declaredDevicesByVisit } from '../../db/repositories/handover-repo.js';
import { listOnSite } from '../../db/repositories/visit-repo.js';
import { openExceptionRequestsByVisit, type ExceptionRequestRow } from '../../db/repositories/exception-request-repo.js';
import type { ServiceContext } from '../../core/context.js';
import { readSetting } from '../admin/settings-store.js';

/** Everyone signed in now, with full names: staff console only. */
export async function onSite(ctx: ServiceContext): Promise<{ visits: OnSiteVisit[]; badgesEnabled: boolean }> {
  const rows = await listOnSite(ctx.db);
  const devices = await declaredDevicesByVisit(ctx.db, rows.map((r) => r.visit_id));
  const held = await countInSafeByVisit(ctx.db, rows.map((r) => r.visit_id));
  const exceptions = await latestExceptionByVisit(ctx.db, rows.map((r) => r.visit_id));
  const requests = await openExceptionRequestsByVisit(ctx.db, rows.map((r) => r.visit_id));
  const now = ctx.clock.now().toISOString();
  return {
    badgesEnabled: await readSetting(ctx.db, 'badge.enabled'),
    visits: rows.map((r) => ({
      visitId: r.visit_id,
      visitorId: r.visitor_id,
      firstName: r.first_name,
      lastName: r.last_name,
      familyNameFirst: r.family_name_first === 1,
      organisation: r.organisation,
      visitorType: r.visitor_type,
      visiting: r.visiting,
      signedInAt: r.signed_in_at,
      policyVersion: r.policy_version,
      devicesDeclared: devices.get(r.visit_id) ?? [],
      itemsInSafe: held.get(r.visit_id) ?? 0,
      collectionRequestedAt: r.collection_requested_at,
      deviceUse: deviceUseMarker(exceptions.get(r.visit_id), now),
      exceptionRequest: openRequest(requests.get(r.visit_id)),
      photoIdCheckedAt: r.photo_id_checked_at,
      dbsAssuranceSeenAt: r.dbs_assurance_seen_at,
    })),
  };
}

/** The request waiting for the DSL, as the office's list shows it. */
function openRequest(r: ExceptionRequestRow | undefined): OnSiteVisit['exceptionRequest'] {
  return r ? { requestId: r.id, deviceKind: r.device_kind, purpose: r.purpose, requestedAt: r.requested_at } : null;
}
