import { onSite } from './on-site.js';
import { logoDataUrl } from '../admin/logo.js';
import { printBadgeByCode, reprintBadge, signOutByBadge } from './badges.js';
import { signInWithInvite } from './sign-in-with-invite.js';
import { recordChecks } from './visit-checks.js';
import { kioskConfig } from './kiosk-config.js';
import { findReturning, returningStatus, signInNew, signInReturning } from './sign-in.js';
import { findOnSite, overrideSignOut, signOut } from './sign-out.js';
import type { VisitsOutputs } from '../../../shared/contract/visits.js';
import type { DomainHandlers } from '../../commands/handler-types.js';

/** The visits commands (src/shared/contract/visits.ts), each implemented once: a missing one is a compile error. */
export const visitsHandlers: DomainHandlers<VisitsOutputs> = {
  'kiosk.config': async (ctx) => ({ ...await kioskConfig(ctx), logoDataUrl: await logoDataUrl(ctx) }),
  'visitor.findReturning': (ctx, input) => findReturning(ctx, input),
  'visitor.returningStatus': (ctx, input) => returningStatus(ctx, input),
  'visit.signInNew': (ctx, input) => signInNew(ctx, input),
  'visit.signInReturning': (ctx, input) => signInReturning(ctx, input),
  'visit.findOnSite': (ctx, input) => findOnSite(ctx, input),
  'visit.signOut': (ctx, input) => signOut(ctx, input),
  'visit.onSite': (ctx) => onSite(ctx),
  'visit.overrideSignOut': (ctx, input) => overrideSignOut(ctx, input),
  'visit.recordChecks': (ctx, input) => recordChecks(ctx, input),
  'visit.signInWithInvite': (ctx, input) => signInWithInvite(ctx, input),
  'visit.signOutByBadge': (ctx, input) => signOutByBadge(ctx, input.code),
  'badge.print': (ctx, input) => printBadgeByCode(ctx, input.code),
  'badge.reprint': (ctx, input) => reprintBadge(ctx, input.visitId),
};
