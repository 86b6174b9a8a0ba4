import type { Storage } from '../db/storage.js';
import { auditHashAt, auditPage, GENESIS_HASH, hashOf, type AuditHead } from '../db/repositories/audit-repo.js';
import {
  pendingRecordChanges, presentSealedTables, readRecord, recordExists, recordMatches, recordsAfter, type SealedTable,
} from '../db/record-changes.js';
import { keyCovering, type AuditKey } from './audit-key.js';

/** The entry that starts a seal key; its detail names the key and the last row of each table before it. */
export const SEALING_STARTED = 'audit.sealing_started';

/** A point the trail must still hold: the newest entry Safe Hands wrote, or a backup's newest. */
export interface Anchor {
  head: AuditHead;
  /** Where it was kept, for the message: "the record Safe Hands keeps of its last entry", "the backup of 3 March". */
  source: string;
}

export interface AuditCheckResult {
  ok: boolean;
  /** Entries whose seal and link were checked. */
  checked: number;
  /** The first entry that does not hold, when one does not. */
  firstBrokenId: number | null;
  /** Each problem in words, for the DSL and administrators; empty when the trail and records hold. */
  problems: string[];
  head: AuditHead | null;
  /** The app closed while the check was part way (checkAuditInSteps): nothing was found either way. */
  cancelled?: true;
  /** The database could not be read to the end (damaged pages): nothing can be recorded in it either. */
  unreadable?: true;
}

/**
 * The words for a check that stopped on a damaged database file, or null for any other error. Damage is
 * SQLite's to report (its own check runs at start and weekly); the audit check says it could not finish.
 */
function damagedDatabase(err: unknown): string | null {
  const code = (err as { code?: unknown } | null)?.code;
  if (code !== 'SQLITE_CORRUPT' && code !== 'SQLITE_NOTADB') return null;
  return `The audit check could not read every record: the database file is damaged (${(err as Error).message}). `
    + 'Restore the newest backup (Admin, then Backups), and tell IT.';
}

const RECORD_NAMES: Record<SealedTable, string> = {
  visitors: 'Visitor', visits: 'Visit', acknowledgements: 'Policy acknowledgement', handovers: 'Handover',
  receipts: 'Receipt', custody_items: 'Custody item', custody_corrections: 'Custody correction',
  device_exceptions: 'Device exception', bookings: 'Booking', concerns: 'Concern', roll_calls: 'Roll call',
  staff: 'Staff account', policy_versions: 'Policy version',
  concern_parents_informed: 'Parents informed record', concern_debriefs: 'Concern debrief',
  concern_lado_referrals: 'LADO referral', concern_police_contacts: 'Police contact',
  learner_agreements: "Pupil's device agreement",
  learner_searches: "Search of a pupil's device",
  learner_exceptions: "Pupil's device exception",
  confiscation_releases: 'Release of a confiscated device', police_handovers: 'Handover to the police',
  staff_days: 'Staff day',
  leaflet_versions: 'Safeguarding leaflet version', leaflet_prints: 'Leaflet printed for a visitor',
  acknowledgement_signatures: "Visitor's signature",
  staff_device_permissions: "Staff member's device permission",
  exception_requests: 'Request to keep a device',
  staff_badges: 'Staff badge',
};

const MOST_PROBLEMS_LISTED = 20;
const ROWS_PER_STEP = 2000;

interface Sealed {
  hash: string | null;
  entry: number;
}

/**
 * Checks the audit trail and the records it vouches for, a step at a time (see runAuditCheck):
 * - every entry links to the one before and its hash holds under the key of its time (so an edited, removed
 *   or inserted entry, or a rewritten tail, shows unless the editor had the key file too);
 * - the trail still reaches each anchor (so removing the newest entries shows);
 * - every row of the sealed tables is as the newest entry that wrote it says (so a visit, custody item or
 *   exception edited, added or deleted by another program shows). Rows Safe Hands wrote in a transaction
 *   still open are skipped: their entry is not written yet.
 */
export async function* auditCheckSteps(
  db: Storage,
  keys: readonly AuditKey[],
  anchors: readonly Anchor[],
  /**
   * Where the last full check ended clean: the start-up check walks only the entries after it, and the
   * records those entries wrote. The weekly check, "Check the trail" and a restore always check it all.
   */
  since: AuditHead | null = null,
): AsyncGenerator<void, AuditCheckResult> {
  const problems: string[] = [];
  const sealedFrom = keys[0]?.from ?? Number.POSITIVE_INFINITY;
  const latest = new Map<string, Sealed>();
  // A row sealed as deleted that exists again, or one that no longer matches its hash, was changed behind the app.
  const sealedMatch = (sealed: Sealed, table: SealedTable, row: Record<string, unknown>): boolean =>
    sealed.hash !== null && recordMatches(sealed.hash, table, row, keyCovering(keys, sealed.entry)?.key ?? null);
  let baseline: Partial<Record<SealedTable, number>> | null = null;
  let lostKeyFrom: number | null = null;
  let prev = GENESIS_HASH;
  let lastId = 0;
  let checked = 0;
  let firstBrokenId: number | null = null;
  const incremental = since !== null && since.id + 1 >= sealedFrom;
  if (incremental) {
    if (await auditHashAt(db, since.id) !== since.hash) {
      problems.push(`Audit entry ${since.id} has been changed or removed since the last full check found it sound.`);
      return { ok: false, checked: 0, firstBrokenId: since.id, problems, head: null };
    }
    prev = since.hash;
    lastId = since.id;
  }

  // Reads the entries after lastId; the chain's check stops at the first that does not hold.
  const readEntries = async (limit: number): Promise<number> => {
    const rows = await auditPage(db, lastId, limit);
    for (const row of rows) {
      if (firstBrokenId !== null) break;
      const { hash, ...rest } = row;
      if (row.action === SEALING_STARTED && row.id < sealedFrom && lostKeyFrom === null) lostKeyFrom = row.id;
      const unverifiable = lostKeyFrom !== null && row.id < sealedFrom;
      const key = row.id >= sealedFrom ? keyCovering(keys, row.id) : null;
      const holds = row.id === lastId + 1 && row.prev_hash === prev && (unverifiable || hashOf(rest, key) === hash);
      if (!holds) {
        firstBrokenId = row.id;
        problems.push(row.id !== lastId + 1
          ? (row.id - 1 === lastId + 1 ? `Audit entry ${lastId + 1} has been removed.` : `Audit entries ${lastId + 1} to ${row.id - 1} have been removed.`)
          : `Audit entry ${row.id} has been changed, or an entry before it removed, since Safe Hands wrote it.`);
        break;
      }
      checked += 1;
      if (row.action === SEALING_STARTED && baseline === null) {
        baseline = (JSON.parse(row.detail_json) as { lastIds?: Partial<Record<SealedTable, number>> }).lastIds ?? {};
      }
      if (row.records_json != null) {
        for (const [table, id, recordHashNow] of JSON.parse(row.records_json) as [SealedTable, number, string | null][]) {
          latest.set(`${table}:${id}`, { hash: recordHashNow, entry: row.id });
        }
      }
      prev = hash;
      lastId = row.id;
    }
    return rows.length;
  };

  while (firstBrokenId === null && (await readEntries(ROWS_PER_STEP)) === ROWS_PER_STEP) yield;
  if (lostKeyFrom !== null) {
    problems.push(
      `Audit entries ${lostKeyFrom} to ${sealedFrom - 1} cannot be checked: they were sealed with an audit key that is not on this computer. `
      + 'Copy audit-trail.key back from the old computer\'s data folder, or from beside the backup it was taken with.',
    );
  }
  const head: AuditHead | null = lastId === 0 ? null : { id: lastId, hash: prev };

  for (const anchor of anchors) {
    if (firstBrokenId !== null) break;
    const hash = await auditHashAt(db, anchor.head.id);
    if (hash === undefined) {
      const count = anchor.head.id - lastId;
      problems.push(`The newest ${count === 1 ? 'audit entry has' : `${count} audit entries have`} been removed: ${anchor.source} shows entry ${anchor.head.id}, but the trail now ends at entry ${lastId}.`);
    } else if (hash !== anchor.head.hash) {
      problems.push(`Audit entry ${anchor.head.id} is not the one in ${anchor.source}: the trail has been rewritten from there or before.`);
    }
  }

  if (firstBrokenId === null && incremental) {
    // Only the rows the new entries wrote: a row edited without any new entry is left to the weekly check.
    // One snapshot, so a row is never read as written by an entry not yet read.
    await db.snapshot(async () => {
      await readEntries(Number.MAX_SAFE_INTEGER);
      const pending = await pendingRecordChanges(db);
      for (const [key, sealed] of latest) {
        const [table, id] = key.split(':') as [SealedTable, string];
        if (pending.has(key)) continue;
        const row = await readRecord(db, table, Number(id));
        if (!row && sealed.hash !== null) problems.push(`${RECORD_NAMES[table]} ${id} has been deleted outside Safe Hands (audit entry ${sealed.entry} recorded it).`);
        else if (row && !sealedMatch(sealed, table, row)) problems.push(`${RECORD_NAMES[table]} ${id} has been changed outside Safe Hands since audit entry ${sealed.entry}.`);
      }
    });
  } else if (firstBrokenId === null) {
    const recordProblems: string[] = [];
    for (const table of await presentSealedTables(db)) {
      let after = 0;
      for (;;) {
        // Entries appended since the last step seal rows written meanwhile: read them first, in the same
        // snapshot, so no row is read as written by an entry not yet read.
        const rows = await db.snapshot(async () => {
          await readEntries(Number.MAX_SAFE_INTEGER);
          const pending = await pendingRecordChanges(db);
          const read = await recordsAfter(db, table, after, ROWS_PER_STEP);
          for (const row of read) {
            const id = row.id as number;
            const key = `${table}:${id}`;
            const sealed = latest.get(key);
            latest.delete(key);
            if (pending.has(key)) continue;
            if (sealed) {
              if (!sealedMatch(sealed, table, row)) recordProblems.push(`${RECORD_NAMES[table]} ${id} has been changed outside Safe Hands since audit entry ${sealed.entry}.`);
            } else if (baseline !== null && id > (baseline[table] ?? 0)) {
              recordProblems.push(`${RECORD_NAMES[table]} ${id} was added outside Safe Hands: no audit entry records it.`);
            }
          }
          return read;
        });
        if (rows.length < ROWS_PER_STEP) break;
        after = rows[rows.length - 1]!.id as number;
        yield;
      }
    }
    await db.snapshot(async () => {
      const pending = await pendingRecordChanges(db);
      for (const [key, sealed] of latest) {
        const [table, id] = key.split(':') as [SealedTable, string];
        if (sealed.hash !== null && !pending.has(key) && !(await recordExists(db, table, Number(id)))) {
          recordProblems.push(`${RECORD_NAMES[table]} ${id} has been deleted outside Safe Hands (audit entry ${sealed.entry} recorded it).`);
        }
      }
    });
    problems.push(...recordProblems.slice(0, MOST_PROBLEMS_LISTED));
    if (recordProblems.length > MOST_PROBLEMS_LISTED) problems.push(`…and ${recordProblems.length - MOST_PROBLEMS_LISTED} more records changed outside Safe Hands.`);
  }
  return { ok: problems.length === 0, checked, firstBrokenId, problems, head };
}

/** One step of the check; a database that cannot be read to the end ends the check with that, in words. */
async function nextStep(steps: AsyncGenerator<void, AuditCheckResult>): Promise<IteratorResult<void, AuditCheckResult>> {
  try {
    return await steps.next();
  } catch (err) {
    const damaged = damagedDatabase(err);
    if (!damaged) throw err;
    return { done: true, value: { ok: false, checked: 0, firstBrokenId: null, problems: [damaged], head: null, unreadable: true } };
  }
}

/** Runs the whole check at once: for a backup about to be restored, and in tests. */
export async function checkAuditNow(db: Storage, keys: readonly AuditKey[], anchors: readonly Anchor[] = [], since: AuditHead | null = null): Promise<AuditCheckResult> {
  const steps = auditCheckSteps(db, keys, anchors, since);
  for (;;) {
    const step = await nextStep(steps);
    if (step.done) return step.value;
  }
}

/** Runs the check a step at a time, letting the kiosk's requests in between: a large trail takes a second or two. */
export async function checkAuditInSteps(db: Storage, keys: readonly AuditKey[], anchors: readonly Anchor[] = [], since: AuditHead | null = null): Promise<AuditCheckResult> {
  const steps = auditCheckSteps(db, keys, anchors, since);
  // Closed in between (the app quitting, a test ending): stop quietly rather than read a closed database.
  const cancelled: AuditCheckResult = { ok: true, checked: 0, firstBrokenId: null, problems: [], head: null, cancelled: true };
  for (;;) {
    let step: IteratorResult<void, AuditCheckResult>;
    try {
      step = await nextStep(steps);
    } catch (err) {
      if (!db.open) return cancelled;
      throw err;
    }
    if (step.done) return step.value;
    await new Promise<void>((resolve) => setImmediate(resolve));
    if (!db.open) return cancelled;
  }
}
