import type { PrintStatus, SignOutResult } from '../../../shared/contract/index.js';
import { fullName } from '../../../shared/domain/names.js';
import { buildBadgePdf } from '../../documents/badge.js';
import { latestExceptionByVisit } from '../../db/repositories/exception-repo.js';
import { countInSafeForVisit } from '../../db/repositories/custody-repo.js';
import { pendingHandoverForVisit } from '../../db/repositories/handover-repo.js';
import { badgeTokenOf, findVisit, visitIdByBadge } from '../../db/repositories/visit-repo.js';
import { findVisitor, nameOf } from '../../db/repositories/visitor-repo.js';
import { CommandError } from '../../core/command-error.js';
import { audit, nowIso, type ServiceContext } from '../../core/context.js';
import { keepAndPrint, type OutputContext } from '../../documents/document-output.js';
import { withNameWarning } from '../../documents/name-warning.js';
import { deviceUseMarker } from '../safeguarding/exception-state.js';
import { readSetting } from '../admin/settings-store.js';
import { signOut } from './sign-out.js';

async function visitByBadge(ctx: ServiceContext, code: string): Promise<number> {
  const visitId = await visitIdByBadge(ctx.db, code);
  if (visitId === undefined) throw new CommandError('not_found', 'We do not recognise that badge. Please sign out by typing your surname.');
  return visitId;
}

/** What a member of staff should see on the badge at a glance, so nobody challenges or misses a device. */
async function badgeMark(ctx: ServiceContext, visitId: number): Promise<string | null> {
  const marker = deviceUseMarker((await latestExceptionByVisit(ctx.db, [visitId])).get(visitId), nowIso(ctx));
  if (marker?.approved) return `DEVICE USE APPROVED: ${marker.permittedAreas}`;
  if (await countInSafeForVisit(ctx.db, visitId) > 0) return 'DEVICES IN THE OFFICE SAFE';
  if (await pendingHandoverForVisit(ctx.db, visitId)) return 'DEVICES TO BE HANDED IN';
  return null;
}

/** Prints the badge for an open visit on the badge printer, when the setting uses badges. */
async function printBadge(ctx: OutputContext, visitId: number): Promise<{ print: PrintStatus; name: string }> {
  if (!await readSetting(ctx.db, 'badge.enabled')) throw new CommandError('conflict', 'Visitor badges are switched off for this setting.');
  const visit = await findVisit(ctx.db, visitId);
  if (!visit) throw new CommandError('not_found', 'That visit could not be found.');
  if (visit.signed_out_at !== null) throw new CommandError('conflict', 'That visitor has already signed out.');
  const visitor = (await findVisitor(ctx.db, visit.visitor_id))!;
  const name = fullName(nameOf(visitor));
  const token = await badgeTokenOf(ctx.db, visitId);
  const pdf = await buildBadgePdf(
    {
      settingName: await readSetting(ctx.db, 'setting.name') ?? 'Safe Hands',
      name,
      organisation: visitor.organisation,
      host: visit.visiting,
      signedInAt: visit.signed_in_at,
      token,
      mark: await badgeMark(ctx, visitId),
    },
    await readSetting(ctx.db, 'badge.layout'),
  );
  const print = await keepAndPrint(ctx, pdf, { folder: 'badges', fileName: `badge-visit-${visitId}.pdf` }, { name: await readSetting(ctx.db, 'badge.printer'), purpose: 'badges' });
  return { print, name };
}

/**
 * The badge printed again from the console's Today, with the name warning for staff. The kiosk's first
 * print goes without it: nobody there could act on it, and a kiosk answer carries no more than it needs.
 * A second badge is a second pass that signs the visitor out, so who printed it, and when, is audited.
 */
export async function reprintBadge(ctx: OutputContext, visitId: number): Promise<{ print: PrintStatus }> {
  const { print, name } = await printBadge(ctx, visitId);
  await ctx.db.transaction(() => audit(ctx, 'badge.reprint', 'visit', visitId, { printed: print.printed }));
  return { print: withNameWarning(print, [name], 'badge') };
}

export async function printBadgeByCode(ctx: OutputContext, code: string): Promise<{ print: PrintStatus }> {
  const { print } = await printBadge(ctx, await visitByBadge(ctx, code));
  return { print };
}

/** One scan of the badge at the kiosk signs the visitor out, with the same guard as the surname search. */
export async function signOutByBadge(ctx: ServiceContext, code: string): Promise<SignOutResult> {
  return signOut(ctx, { visitId: await visitByBadge(ctx, code) });
}
