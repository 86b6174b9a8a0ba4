import type { OnSiteVisit, PendingHandover } from '../../shared/contract.js';
import { countInSafeByVisit } from '../db/repositories/custody-repo.js';
import { latestExceptionByVisit } from '../db/repositories/exception-repo.js';
import { deviceUseMarker } from './safeguarding/exception-state.js';
import { declaredDevicesByVisit, listPendingHandovers } from '../db/repositories/handover-repo.js';
import { listOnSite } from '../db/repositories/visit-repo.js';
import type { ServiceContext } from './context.js';

/** Everyone signed in now, with full names: staff console only. */
export function onSite(ctx: ServiceContext): { visits: OnSiteVisit[] } {
  const rows = listOnSite(ctx.db);
  const devices = declaredDevicesByVisit(ctx.db, rows.map((r) => r.visit_id));
  const held = countInSafeByVisit(ctx.db, rows.map((r) => r.visit_id));
  const exceptions = latestExceptionByVisit(ctx.db, rows.map((r) => r.visit_id));
  const now = ctx.clock.now().toISOString();
  return {
    visits: rows.map((r) => ({
      visitId: r.visit_id,
      visitorId: r.visitor_id,
      firstName: r.first_name,
      lastName: r.last_name,
      organisation: r.organisation,
      visitorType: r.visitor_type,
      visiting: r.visiting,
      signedInAt: r.signed_in_at,
      policyVersion: r.policy_version,
      devicesDeclared: devices.get(r.visit_id) ?? [],
      itemsInSafe: held.get(r.visit_id) ?? 0,
      collectionRequestedAt: r.collection_requested_at,
      deviceUse: deviceUseMarker(exceptions.get(r.visit_id), now),
      photoIdCheckedAt: r.photo_id_checked_at,
      dbsAssuranceSeenAt: r.dbs_assurance_seen_at,
    })),
  };
}

/** Devices declared at the kiosk that the office has not yet logged into the safe, oldest first. */
export function pendingHandovers(ctx: ServiceContext): { handovers: PendingHandover[] } {
  const rows = listPendingHandovers(ctx.db);
  const devices = declaredDevicesByVisit(ctx.db, rows.map((r) => r.visit_id));
  return {
    handovers: rows.map((r) => ({
      handoverId: r.handover_id,
      visitId: r.visit_id,
      firstName: r.first_name,
      lastName: r.last_name,
      organisation: r.organisation,
      declaredAt: r.declared_at,
      visitorSignedOut: r.signed_out_at !== null,
      devices: devices.get(r.visit_id) ?? [],
    })),
  };
}
