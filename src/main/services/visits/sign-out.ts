import type { OnSiteMatch, ParsedInput, SignOutResult } from '../../../shared/contract/index.js';
import { searchKey, shortName } from '../../../shared/domain/names.js';
import { countInSafeForVisit } from '../../db/repositories/custody-repo.js';
import { pendingHandoverForVisit } from '../../db/repositories/handover-repo.js';
import { findVisitor, nameOf } from '../../db/repositories/visitor-repo.js';
import { findVisit, markCollectionRequested, markSignedOut, searchOnSiteBySurname, signOutByStaffOverride } from '../../db/repositories/visit-repo.js';
import { CommandError } from '../../core/command-error.js';
import { actingStaffId, audit, nowIso, type ServiceContext } from '../../core/context.js';
import { MAX_KIOSK_MATCHES } from './sign-in.js';
import { requireSetUp } from '../admin/setup.js';

export async function findOnSite(ctx: ServiceContext, input: ParsedInput<'visit.findOnSite'>): Promise<{ matches: OnSiteMatch[] }> {
  await requireSetUp(ctx);
  const key = searchKey(input.surnamePrefix);
  if (key.length === 0) return { matches: [] };
  return {
    matches: (await searchOnSiteBySurname(ctx.db, key, MAX_KIOSK_MATCHES)).map((r) => ({
      visitId: r.visit_id,
      displayName: shortName(nameOf(r)),
      organisation: r.organisation,
    })),
  };
}

export async function signOut(ctx: ServiceContext, input: ParsedInput<'visit.signOut'>): Promise<SignOutResult> {
  await requireSetUp(ctx);
  return ctx.db.transaction(async () => {
    const visit = await findVisit(ctx.db, input.visitId);
    if (!visit) throw new CommandError('not_found', 'We could not find that visit. Please search again, or ask at the office.');
    if (visit.signed_out_at !== null) throw new CommandError('conflict', 'You have already signed out. Thank you for visiting.');
    const visitor = (await findVisitor(ctx.db, visit.visitor_id))!;
    const pending = await pendingHandoverForVisit(ctx.db, visit.id);
    const devicesDeclaredNotLogged = pending?.deviceCount ?? 0;
    // The sign-out guard: nobody leaves the building with their phone still in our safe, unnoticed.
    const itemsInSafe = await countInSafeForVisit(ctx.db, visit.id);
    if (itemsInSafe > 0) {
      await markCollectionRequested(ctx.db, visit.id, nowIso(ctx));
      await audit(ctx, 'visit.collection_requested', 'visit', visit.id, { itemsInSafe });
      return { firstName: visitor.first_name, status: 'collect_items', itemsInSafe, devicesDeclaredNotLogged };
    }
    if (!await markSignedOut(ctx.db, visit.id, nowIso(ctx), 'kiosk')) {
      throw new CommandError('conflict', 'You have already signed out. Thank you for visiting.');
    }
    await audit(ctx, 'visit.sign_out', 'visit', visit.id, { method: 'kiosk', pendingHandover: pending?.id ?? null });
    return { firstName: visitor.first_name, status: 'signed_out', itemsInSafe: 0, devicesDeclaredNotLogged };
  });
}

/** Staff close a visit the kiosk could not: the visitor left without their items, or never signed out. */
export function overrideSignOut(ctx: ServiceContext, input: ParsedInput<'visit.overrideSignOut'>): Promise<{ signedOut: true; itemsStillInSafe: number }> {
  const by = actingStaffId(ctx);
  return ctx.db.transaction(async () => {
    const visit = await findVisit(ctx.db, input.visitId);
    if (!visit) throw new CommandError('not_found', 'That visit could not be found. Refresh the console.');
    if (!await signOutByStaffOverride(ctx.db, visit.id, nowIso(ctx), by, input.reason)) {
      throw new CommandError('conflict', 'That visitor has already signed out.');
    }
    const itemsStillInSafe = await countInSafeForVisit(ctx.db, visit.id);
    await audit(ctx, 'visit.sign_out_override', 'visit', visit.id, { itemsStillInSafe });
    return { signedOut: true, itemsStillInSafe };
  });
}
