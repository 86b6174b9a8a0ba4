import type { ParsedInput, ReturningMatch, SignInResult } from '../../../shared/contract/index.js';
import type { DeclaredDevice } from '../../../shared/domain/devices.js';
import { searchKey, shortName, type PersonName } from '../../../shared/domain/names.js';
import type { VisitorType } from '../../../shared/domain/visitors.js';
import { insertPendingHandover } from '../../db/repositories/handover-repo.js';
import { currentPolicy } from '../../db/repositories/policy-repo.js';
import {
  findVisitor, findVisitorByIdentity, insertVisitor, nameOf, searchVisitorsBySurname, setNameOrder, touchLastSignIn,
} from '../../db/repositories/visitor-repo.js';
import { badgeTokenOf, insertAcknowledgement, insertVisit, lastVisitOf, latestAcknowledgement, openVisitOf } from '../../db/repositories/visit-repo.js';
import { CommandError } from '../../core/command-error.js';
import { newReceiptToken } from '../custody/receipt-token.js';
import { audit, nowIso, type ServiceContext } from '../../core/context.js';
import { readSetting } from '../admin/settings-store.js';
import { requireSetUp } from '../admin/setup.js';
import { keepSignature } from './signature.js';

/** How many matches the kiosk lists: enough to find yourself, too few to browse the visitor book. */
export const MAX_KIOSK_MATCHES = 6;

export function staleVersion(): CommandError {
  return new CommandError('stale_policy', 'The expectations have just been updated. Please read them again before signing in.');
}

export async function currentPolicyOrFail(ctx: ServiceContext) {
  const policy = await currentPolicy(ctx.db);
  if (!policy) throw new CommandError('not_set_up', 'No expectations text has been set up yet.');
  return policy;
}

/** The badge code the kiosk prints, or null when the setting does not use badges. */
export async function badgeCodeFor(ctx: ServiceContext, visitId: number): Promise<string | null> {
  if (!await readSetting(ctx.db, 'badge.enabled')) return null;
  return badgeTokenOf(ctx.db, visitId);
}

export function deviceCount(devices: readonly DeclaredDevice[]): number {
  return devices.reduce((n, d) => n + d.quantity, 0);
}

/** The visit itself, its acknowledgement link and any pending handover: the caller holds the transaction. */
export async function recordVisit(
  ctx: ServiceContext,
  visit: { visitorId: number; visitorType: VisitorType; visiting: string; acknowledgementId: number; devices: readonly DeclaredDevice[] },
): Promise<number> {
  const at = nowIso(ctx);
  const visitId = await insertVisit(ctx.db, { ...visit, signedInAt: at, badgeToken: newReceiptToken() });
  await touchLastSignIn(ctx.db, visit.visitorId, at);
  const devices = visit.devices.filter((d) => d.quantity > 0);
  if (devices.length > 0) {
    const handoverId = await insertPendingHandover(ctx.db, visitId, devices, at);
    await audit(ctx, 'handover.declare', 'handover', handoverId, { visitId, devices });
  }
  return visitId;
}

function alreadySignedIn(): CommandError {
  return new CommandError('conflict', 'You are already signed in. If you are leaving, choose "Sign out" on the first screen.');
}

export interface PersonDetails extends PersonName {
  organisation: string | null;
}

/**
 * The name as the form gave it: no surname for someone with only one name, and then no order to keep.
 * (The contract has already refused a surname with "only one name", and none without it.)
 */
export function personFromForm(input: { firstName: string; lastName: string | null; familyNameFirst: boolean; oneName: boolean; organisation: string | null }): PersonDetails {
  const oneName = input.oneName || input.lastName === null;
  return {
    firstName: input.firstName,
    lastName: oneName ? '' : (input.lastName ?? ''),
    familyNameFirst: !oneName && input.familyNameFirst,
    organisation: input.organisation,
  };
}

function identityKeyOf(person: PersonDetails): string {
  return [person.firstName, person.lastName, person.organisation ?? ''].map(searchKey).join('|');
}

/** The visitor with these details, if they have been before. */
export async function knownVisitorId(ctx: ServiceContext, person: PersonDetails): Promise<number | undefined> {
  return (await findVisitorByIdentity(ctx.db, identityKeyOf(person)))?.id;
}

/**
 * The visitor record for a person signing in: the same person (name and organisation) is stored once. One
 * already on site cannot sign in again. The caller holds the transaction.
 */
export async function findOrCreateVisitor(ctx: ServiceContext, person: PersonDetails): Promise<number> {
  const existing = await knownVisitorId(ctx, person);
  if (existing !== undefined) {
    if (await openVisitOf(ctx.db, existing)) throw alreadySignedIn();
    // Shown the way they wrote it this time, should they have changed the order since.
    await setNameOrder(ctx.db, existing, person.familyNameFirst);
    return existing;
  }
  const visitorId = await insertVisitor(ctx.db, {
    name: { firstName: person.firstName, lastName: person.lastName, familyNameFirst: person.familyNameFirst },
    identityKey: identityKeyOf(person),
    organisation: person.organisation,
    createdAt: nowIso(ctx),
  });
  await audit(ctx, 'visitor.create', 'visitor', visitorId, {});
  return visitorId;
}

/**
 * The acknowledgement that covers a returning visitor's visit: a new one when they accepted the current
 * version just now (with the signature they drew, when the setting asks for one), else the earlier one if it
 * still counts: a visitor not shown the expectations is not asked to sign. The caller holds the transaction.
 */
export async function acknowledgementFor(
  ctx: ServiceContext, visitorId: number, acknowledgedVersionId: number | null | undefined, signature: string | null | undefined,
): Promise<number> {
  const policy = await currentPolicyOrFail(ctx);
  if (acknowledgedVersionId != null) {
    if (acknowledgedVersionId !== policy.id) throw staleVersion();
    const at = nowIso(ctx);
    const acknowledgementId = await insertAcknowledgement(ctx.db, visitorId, policy.id, at);
    await keepSignature(ctx, acknowledgementId, at, signature);
    return acknowledgementId;
  }
  if (await needsAcknowledgement(ctx, visitorId, policy.id)) {
    throw new CommandError('stale_policy', 'Please read and accept the expectations before signing in.');
  }
  return (await latestAcknowledgement(ctx.db, visitorId))!.id;
}

export async function signInNew(ctx: ServiceContext, input: ParsedInput<'visit.signInNew'>): Promise<SignInResult> {
  await requireSetUp(ctx);
  return ctx.db.transaction(async () => {
    const policy = await currentPolicyOrFail(ctx);
    if (policy.id !== input.policyVersionId) throw staleVersion();
    const at = nowIso(ctx);
    const visitorId = await findOrCreateVisitor(ctx, personFromForm(input));
    const acknowledgementId = await insertAcknowledgement(ctx.db, visitorId, policy.id, at);
    await keepSignature(ctx, acknowledgementId, at, input.signature);
    const visitId = await recordVisit(ctx, {
      visitorId, visitorType: input.visitorType, visiting: input.visiting, acknowledgementId, devices: input.devices,
    });
    await audit(ctx, 'visit.sign_in', 'visit', visitId, { visitorId, policyVersion: policy.version, returning: false });
    return { visitId, firstName: input.firstName, devicesToHandIn: deviceCount(input.devices), badgeCode: await badgeCodeFor(ctx, visitId) };
  });
}

export async function findReturning(ctx: ServiceContext, input: ParsedInput<'visitor.findReturning'>): Promise<{ matches: ReturningMatch[] }> {
  await requireSetUp(ctx);
  const key = searchKey(input.surnamePrefix);
  if (key.length === 0) return { matches: [] };
  const rows = await searchVisitorsBySurname(ctx.db, key, MAX_KIOSK_MATCHES);
  return {
    matches: rows.map((r) => ({ visitorId: r.id, displayName: shortName(nameOf(r)), organisation: r.organisation })),
  };
}

export async function needsAcknowledgement(ctx: ServiceContext, visitorId: number, currentPolicyId: number): Promise<boolean> {
  if (await readSetting(ctx.db, 'kiosk.reacknowledge') === 'every_visit') return true;
  return (await latestAcknowledgement(ctx.db, visitorId))?.policyVersionId !== currentPolicyId;
}

async function visitorOrFail(ctx: ServiceContext, visitorId: number) {
  const visitor = await findVisitor(ctx.db, visitorId);
  if (!visitor) throw new CommandError('not_found', 'We could not find that visitor. Please search again or sign in as a new visitor.');
  return visitor;
}

export async function returningStatus(ctx: ServiceContext, input: ParsedInput<'visitor.returningStatus'>): Promise<{ needsAcknowledgement: boolean }> {
  await requireSetUp(ctx);
  await visitorOrFail(ctx, input.visitorId);
  return { needsAcknowledgement: await needsAcknowledgement(ctx, input.visitorId, (await currentPolicyOrFail(ctx)).id) };
}

export async function signInReturning(ctx: ServiceContext, input: ParsedInput<'visit.signInReturning'>): Promise<SignInResult> {
  await requireSetUp(ctx);
  return ctx.db.transaction(async () => {
    const visitor = await visitorOrFail(ctx, input.visitorId);
    if (await openVisitOf(ctx.db, visitor.id)) throw alreadySignedIn();
    const policy = await currentPolicyOrFail(ctx);
    const acknowledgementId = await acknowledgementFor(ctx, visitor.id, input.acknowledgedPolicyVersionId, input.signature);
    const last = await lastVisitOf(ctx.db, visitor.id);
    // The kiosk never shows a returning visitor's last purpose; a blank answer means "the same as last time".
    const visiting = input.visiting ?? last?.visiting ?? 'Not given';
    const visitorType = last?.visitor_type ?? 'other';
    const visitId = await recordVisit(ctx, { visitorId: visitor.id, visitorType, visiting, acknowledgementId, devices: input.devices });
    await audit(ctx, 'visit.sign_in', 'visit', visitId, { visitorId: visitor.id, policyVersion: policy.version, returning: true });
    return { visitId, firstName: visitor.first_name, devicesToHandIn: deviceCount(input.devices), badgeCode: await badgeCodeFor(ctx, visitId) };
  });
}
