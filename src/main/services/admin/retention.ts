import type { PersonMatch, PersonRecords, RetentionRun } from '../../../shared/contract/index.js';
import { typedNameKeys } from '../../../shared/domain/names.js';
import { ukDay } from '../../../shared/domain/time.js';
import { findPeopleByNameKeys, readPersonRecords } from '../../db/repositories/person-repo.js';
import { clearExpiredDetails, insertRetentionRun } from '../../db/repositories/retention-repo.js';
import { clearExpiredAgreements } from '../../db/repositories/learner-agreement-repo.js';
import { clearExpiredConfiscations } from '../../db/repositories/confiscation-repo.js';
import { clearExpiredExceptionRequests } from '../../db/repositories/exception-request-repo.js';
import { clearExpiredLearnerExceptions } from '../../db/repositories/learner-exception-repo.js';
import { clearExpiredSearches } from '../../db/repositories/learner-search-repo.js';
import { clearRemovedVisitorsSignatures } from '../../db/repositories/signature-repo.js';
import { clearExpiredStaffPermissions } from '../../db/repositories/staff-permission-repo.js';
import { CommandError } from '../../core/command-error.js';
import { audit, nowIso, type ServiceContext } from '../../core/context.js';
import { readSetting, saveSetting } from './settings-store.js';
import { removeExpiredCopies } from './retention-copies.js';
import { removeExpiredDocuments } from './retention-files.js';

async function cutoffFor(ctx: ServiceContext): Promise<string> {
  const now = ctx.clock.now();
  const cutoff = new Date(now);
  cutoff.setUTCFullYear(cutoff.getUTCFullYear() - await readSetting(ctx.db, 'retention.years'));
  return cutoff.toISOString();
}

/**
 * Removes visitors' personal details once their last visit is older than the retention period. The rows
 * stay (so counts, custody chains and the audit trail keep their shape); names, organisations, purposes and
 * the names of whoever collected their devices are replaced. Someone still on site, with anything still
 * in the safe, or with a safeguarding concern still open is left alone. secure_delete (set on every
 * connection) overwrites the old values on disk. The documents in the data folder that show what was
 * removed (receipts, badges, invitations, exception records, roll calls, exports) go in the same run, as
 * do backups and before-restore copies of the whole database taken before the cut-off.
 *
 * Concerns are left as they are, closed or not, names and all, with what followed them (parents told or
 * not, the debrief, the LADO referral and police contacts). They are safeguarding records: both
 * settings' policies deal with concerns and breaches under their child protection policy, whose records
 * follow their own, much longer schedule (commonly until the child is an adult), not this period. The
 * visitor's own row still goes once the concern is closed; the concern keeps the name it was raised about.
 */
export async function purgeExpired(ctx: ServiceContext & { dataDir: string }): Promise<RetentionRun> {
  const cutoff = await cutoffFor(ctx);
  return ctx.db.transaction(async () => {
    const db = ctx.db;
    const at = nowIso(ctx);
    const { visitorsRemoved, visitsCleared, custodyCleared, bookingsCleared, exceptionsCleared } = await clearExpiredDetails(db, cutoff, at);
    // A drawn signature is as personal as the name: it goes with the visitor's details, keeping when it was drawn.
    const signaturesCleared = await clearRemovedVisitorsSignatures(db, at);
    // What a visitor said they needed a device for, and why the DSL said no, go with the visitor's details too.
    const exceptionRequestsCleared = await clearExpiredExceptionRequests(db);
    // A pupil's device agreement loses the pupil's name once it finished before the cut-off, as their receipts do.
    const agreementsCleared = await clearExpiredAgreements(db, cutoff);
    // A search of a confiscated device loses who consented and what was seen, as the pupil's receipt loses the name.
    const searchesCleared = await clearExpiredSearches(db, cutoff);
    // A pupil's device exception goes on the agreements' schedule, with the names its agreement was signed with.
    const learnerExceptionsCleared = await clearExpiredLearnerExceptions(db, cutoff);
    // Who collected a confiscated device, or which officer took it, goes when the custody item's "to whom" does.
    const confiscationsCleared = await clearExpiredConfiscations(db);
    // A member of staff's device permission keeps who it was for (their account stays), but the words typed
    // about it, which can name pupils or their own circumstances, go once it finished before the cut-off.
    const staffPermissionsCleared = await clearExpiredStaffPermissions(db, cutoff, at);
    // Decided from the rows as just changed, and done before the run is audited so its entry carries the
    // counts. Should the commit still fail, the files gone were past the period all the same, and the next
    // run removes the names they showed from the database.
    const documents = await removeExpiredDocuments(db, ctx.dataDir, cutoff);
    const copies = await removeExpiredCopies(db, ctx.dataDir, cutoff);
    await insertRetentionRun(db, { at, cutoff, visitorsRemoved, visitsCleared, bookingsCleared, custodyCleared });
    const run = {
      cutoff, visitorsRemoved, visitsCleared, bookingsCleared, custodyCleared, exceptionsCleared, agreementsCleared, searchesCleared, learnerExceptionsCleared,
      confiscationsCleared, staffPermissionsCleared, signaturesCleared, exceptionRequestsCleared, filesRemoved: documents.removed + copies.removed, filesNotRemoved: documents.notRemoved.length + copies.notRemoved.length,
    };
    await audit(ctx, 'retention.purge', 'retention', null, run);
    await saveSetting(db, 'retention.lastRunDay', ukDay(at), at);
    return run;
  });
}

/** The daily run; cheap when nothing has passed the cutoff since yesterday. */
export async function purgeIfDue(ctx: ServiceContext & { dataDir: string }): Promise<RetentionRun | null> {
  if (await readSetting(ctx.db, 'retention.lastRunDay') === ukDay(nowIso(ctx))) return null;
  return purgeExpired(ctx);
}

/** People whose surname has a word starting with any word typed (typedNameKeys), most recent first. */
export async function searchPeople(ctx: ServiceContext, name: string): Promise<{ people: PersonMatch[] }> {
  const keys = typedNameKeys(name);
  if (keys.length === 0) return { people: [] };
  return { people: await findPeopleByNameKeys(ctx.db, keys) };
}

/** A subject access request: every record the setting holds about one visitor, in one answer. */
export async function exportPerson(ctx: ServiceContext, visitorId: number): Promise<PersonRecords> {
  const records = await readPersonRecords(ctx.db, visitorId);
  if (!records) throw new CommandError('not_found', 'That person could not be found (their details may already have been removed).');
  await ctx.db.transaction(() => audit(ctx, 'person.export', 'visitor', visitorId, {}));
  return records;
}
