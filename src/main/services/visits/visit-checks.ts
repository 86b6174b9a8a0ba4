import type { ParsedInput } from '../../../shared/contract/index.js';
import { findVisit, recordProfessionalChecks, visitChecks } from '../../db/repositories/visit-repo.js';
import { CommandError } from '../../core/command-error.js';
import { actingStaffId, audit, nowIso, type ServiceContext } from '../../core/context.js';

/** Photo ID checked and the employer's DBS assurance seen: recorded on the visit, never the certificate. */
export function recordChecks(ctx: ServiceContext, input: ParsedInput<'visit.recordChecks'>) {
  const by = actingStaffId(ctx);
  return ctx.db.transaction(async () => {
    const visit = await findVisit(ctx.db, input.visitId);
    if (!visit) throw new CommandError('not_found', 'That visit could not be found.');
    const before = (await visitChecks(ctx.db, visit.id))!;
    const at = nowIso(ctx);
    const photoIdAt = input.photoIdChecked ? (before.photo_id_checked_at ?? at) : null;
    const dbsAt = input.dbsAssuranceSeen ? (before.dbs_assurance_seen_at ?? at) : null;
    await recordProfessionalChecks(ctx.db, visit.id, { photoIdAt, dbsAt, by });
    await audit(ctx, 'visit.checks', 'visit', visit.id, { photoIdChecked: input.photoIdChecked, dbsAssuranceSeen: input.dbsAssuranceSeen });
    return { visitId: visit.id, photoIdCheckedAt: photoIdAt, dbsAssuranceSeenAt: dbsAt };
  });
}
