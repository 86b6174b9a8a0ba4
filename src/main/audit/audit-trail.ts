import { readFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import type { Reminder } from '../../shared/contract/index.js';
import { auditMarkOf, formatAuditMark, type AuditMark } from '../../shared/domain/audit-mark.js';
import type { Clock } from '../core/clock.js';
import type { ServiceContext } from '../core/context.js';
import type { Storage } from '../db/storage.js';
import {
  appendAudit, auditHashAt, auditHead, lastCheckFailedDetail, sealAuditWith, type AuditHead,
} from '../db/repositories/audit-repo.js';
import { hasUnsealedChanges, lastRecordId, SEALED_TABLES, watchRecordChanges } from '../db/record-changes.js';
import { AUDIT_HEAD_FILE } from '../core/paths.js';
import { replacePrivateFileUnsynced } from '../core/private-files.js';
import { checkAuditInSteps, SEALING_STARTED, type Anchor, type AuditCheckResult } from './audit-check.js';
import { keyCovering, openAuditKeyRing, type AuditKey, type AuditKeyRing } from './audit-key.js';

/**
 * The console's banner for the DSL and administrators while the last check found a problem. It stays until
 * a check finds none (after IT has dealt with it, or a sound backup is restored); the kiosk is unaffected.
 */
export function auditReminders(ctx: ServiceContext, problems: readonly string[]): Reminder[] {
  if (problems.length === 0 || !ctx.actor.roles.some((r) => r === 'dsl' || r === 'admin')) return [];
  return [{
    kind: 'audit_problem',
    message: 'The audit check found changes made outside Safe Hands. Someone may have edited the records directly. '
      + 'Tell the DSL and IT today, keep the printed end-of-day and roll-call sheets, and do not delete any backups.',
    problems: [...problems],
  }];
}

/** The audit mark as printed at the foot of a sheet, or null before anything was recorded. */
export async function printedAuditMark(trail: AuditTrail): Promise<string | null> {
  const mark = await trail.mark();
  return mark ? formatAuditMark(mark) : null;
}

/**
 * How much a check covers: everything (weekly, "Check the trail", before a restore), or at start-up the
 * entries since the last clean check and the rows they wrote, so a large trail does not cost minutes at
 * every start.
 */
export type AuditCheckScope = 'all' | 'since_last_check';

/** The entry a desk on a shared database writes when it starts a head file of its own (noteFromNow). */
export const HEAD_STARTED = 'audit.head_started';

/** How long after a commit the head file is written (see AuditTrail.writeHead). */
const HEAD_FILE_DELAY_MS = 1000;

/** Who the audit trail names for what Safe Hands does by itself. */
export const SYSTEM_ACTOR_LABEL = 'Safe Hands';

/**
 * The audit trail's guard for one open database: seals each new entry with the data folder's key, notes
 * which rows each entry vouches for, and keeps `audit-head.json`, the newest entry written, outside the
 * database, so removing the newest entries shows. Checks the trail at start, weekly and before a restore.
 */
export class AuditTrail {
  readonly ring: AuditKeyRing;
  private readonly headFile: string;
  private written: AuditHead | null = null;
  /** The newest entry committed through this connection: the next must follow it, or rows were removed meanwhile. */
  private committed: AuditHead | null = null;
  /** The head file as found at start, before anything here could write it. */
  private readonly headAtStart: AuditHead | null;
  /** Where the last check ended clean (kept in the head file): the start-up check goes on from there. */
  private checkedThrough: AuditHead | null;
  private removedWhileRunning: string | null = null;
  private headTimer: NodeJS.Timeout | null = null;
  /** What the last check found, for the DSL and administrators; empty when the trail holds. */
  problems: string[] = [];

  constructor(private readonly db: Storage, private readonly clock: Clock, dataDir: string) {
    const { ring, found } = openAuditKeyRing(dataDir);
    this.ring = ring;
    this.headFile = join(dataDir, AUDIT_HEAD_FILE);
    const noted = this.readHeadFile();
    this.headAtStart = noted.newest;
    this.checkedThrough = noted.checked;
    if (found === 'damaged') {
      // Kept for whoever investigates; a new key is started below, and the check reports the old entries.
      try {
        renameSync(ring.file, `${ring.file}.damaged`);
      } catch {
        /* already gone */
      }
    }
    watchRecordChanges(db);
    sealAuditWith(db, {
      keyFor: (id) => {
        const key = keyCovering(this.ring.all(), id);
        return key && { key: key.key };
      },
      chainsOnto: (last) => {
        const known = this.committed;
        if (known && this.removedWhileRunning === null && (last?.id ?? 0) < known.id) {
          this.removedWhileRunning = `Audit entries after ${last?.id ?? 0} up to ${known.id} were removed while Safe Hands was running.`;
        }
      },
      appended: (head) => {
        this.written = head;
      },
    });
    db.onTransactions({
      // A transaction that wrote sealed rows after its last entry (or without one) gets an entry for them.
      beforeCommit: async () => {
        if (await hasUnsealedChanges(db)) await this.appendSystemEntry('record.sealed', {});
      },
      afterCommit: () => {
        this.writeHead();
        if (this.removedWhileRunning && !this.problems.includes(this.removedWhileRunning)) {
          this.problems = [...this.problems, this.removedWhileRunning];
          // In a transaction of its own, after this one (recordProblems says why it may fail quietly).
          void this.recordProblems(this.problems);
        }
      },
      afterRollback: () => {
        this.written = null;
      },
    });
  }

  private async appendSystemEntry(action: string, detail: Record<string, unknown>): Promise<void> {
    await appendAudit(this.db, {
      at: this.clock.now().toISOString(), actorStaffId: null, actorLabel: SYSTEM_ACTOR_LABEL, action, entity: 'audit', entityId: null, detail,
    });
  }

  /**
   * Seals what the schema update wrote, and starts a key when there is none (a new data folder, one from
   * before keys, or one whose key file is gone). Called once the schema is up to date.
   */
  async start(): Promise<void> {
    watchRecordChanges(this.db);
    await this.db.transaction(async () => {
      if (await hasUnsealedChanges(this.db)) await this.appendSystemEntry('record.sealed', { reason: 'schema update' });
      const head = await auditHead(this.db);
      const current = this.ring.current();
      if (current && current.from <= (head?.id ?? 0) + 1) return;
      const lastIds: Record<string, number> = {};
      for (const table of SEALED_TABLES) {
        lastIds[table] = await lastRecordId(this.db, table);
      }
      // On disk (synced) before the entry it seals is committed.
      const key = this.ring.start((head?.id ?? 0) + 1);
      await this.appendSystemEntry(SEALING_STARTED, { keyId: key.id, lastIds });
    });
    this.writeHead();
    // At once: a new data folder has its head file from the start.
    this.flush();
  }

  /**
   * On a database several desks share: a desk with no head file of its own (a desk joining, or one whose file
   * went) starts noting the newest entry from now, and says so in the trail, where the DSL can see it. Without
   * this every new desk would report its missing file as a possible removal; the other desks' head files still
   * witness the entries before. (On SQLite the data folder is the database: a missing file stays a finding.)
   */
  async noteFromNow(): Promise<void> {
    if (this.readHead() !== null) return;
    await this.db.transaction(() => this.appendSystemEntry(HEAD_STARTED, { file: AUDIT_HEAD_FILE }));
    this.writeHead();
    this.flush();
  }

  /** After a restore: the keys that checked the restored trail, without any that start beyond its end. */
  async adoptKeys(keys: readonly AuditKey[]): Promise<void> {
    const head = await auditHead(this.db);
    this.committed = head;
    this.removedWhileRunning = null;
    this.problems = [];
    // Another trail: the next start checks it all.
    this.checkedThrough = null;
    this.ring.adopt(keys.filter((k) => k.from <= (head?.id ?? 0)));
    this.written = head;
    await this.start();
    this.flush();
  }

  private writeHead(): void {
    const head = this.written;
    this.written = null;
    if (!head) return;
    this.committed = head;
    // Written at most once a second, not after every commit: writing it each time doubled a sign-in's cost
    // (about 0.8 ms of 1.5). The file can lag by that second; a lagging head only means a removal of the
    // last second's entries could go unseen by it (the in-memory head still sees one while running).
    this.headTimer ??= setTimeout(() => {
      this.headTimer = null;
      if (this.committed) this.saveHeadFile(this.committed);
    }, HEAD_FILE_DELAY_MS);
    this.headTimer.unref();
  }

  /** Writes the head file now: when the app closes, and after a restore. */
  flush(): void {
    if (this.headTimer) clearTimeout(this.headTimer);
    this.headTimer = null;
    if (this.committed) this.saveHeadFile(this.committed);
  }

  private saveHeadFile(head: AuditHead): void {
    try {
      replacePrivateFileUnsynced(this.headFile, `${JSON.stringify({ ...head, checked: this.checkedThrough })}\n`);
    } catch (err) {
      // The change is committed; a head file that lags only means a removal of the newest entries may go unseen.
      console.warn(`Safe Hands could not record its newest audit entry in ${AUDIT_HEAD_FILE}: ${(err as Error).message}`);
    }
  }

  /** The mark printed at the foot of a sheet: the newest entry now. */
  async mark(): Promise<AuditMark | null> {
    const head = await auditHead(this.db);
    return head && auditMarkOf(head);
  }

  /**
   * Whether the trail still holds the entry a printed mark names, as it was when printed. A mark that does
   * not hold is a finding like any other: shown on the console and recorded in the trail.
   */
  async checkMark(typed: AuditMark): Promise<{ holds: boolean; message: string }> {
    const hash = await auditHashAt(this.db, typed.entry);
    const printed = formatAuditMark(typed);
    if (hash !== undefined && auditMarkOf({ id: typed.entry, hash }).code === typed.code) {
      return { holds: true, message: `Entry ${typed.entry} is as it was when the sheet was printed.` };
    }
    const last = (await auditHead(this.db))?.id ?? 0;
    const problem = hash !== undefined
      ? `Audit entry ${typed.entry} is not the one on a printed sheet (${printed}): the trail has been rewritten from there or before.`
      : typed.entry > last
        ? `A printed sheet shows audit entry ${typed.entry} (${printed}), but the trail now ends at entry ${last}: later entries have been removed.`
        : `A printed sheet shows audit entry ${typed.entry} (${printed}), which the trail no longer holds.`;
    if (!this.problems.includes(problem)) {
      this.problems = [...this.problems, problem];
      await this.recordProblems(this.problems);
    }
    return { holds: false, message: `${problem} Check you typed the entry and code as printed. If you did, tell the DSL and IT, and keep the sheet.` };
  }

  /**
   * The newest entry Safe Hands wrote, as it noted outside the database (or, with 'checked', where the last
   * clean check ended); null when not noted.
   */
  readHead(): AuditHead | null {
    return this.readHeadFile().newest;
  }

  private readHeadFile(): { newest: AuditHead | null; checked: AuditHead | null } {
    const head = (parsed: Partial<AuditHead> | null | undefined): AuditHead | null =>
      parsed && Number.isSafeInteger(parsed.id) && typeof parsed.hash === 'string' ? { id: parsed.id!, hash: parsed.hash } : null;
    try {
      const file = JSON.parse(readFileSync(this.headFile, 'utf8')) as Partial<AuditHead> & { checked?: Partial<AuditHead> | null };
      return { newest: head(file), checked: head(file.checked) };
    } catch {
      return { newest: null, checked: null };
    }
  }

  /**
   * Checks the trail and the records against the keys, the head file and the given anchors (the newest
   * backup's end). A problem found is kept for the console and recorded in the trail itself, once.
   */
  async check(otherAnchors: readonly Anchor[] = [], scope: AuditCheckScope = 'all'): Promise<AuditCheckResult> {
    const anchors: Anchor[] = [...otherAnchors];
    const noted = this.readHead();
    if (noted) anchors.push({ head: noted, source: 'the record Safe Hands keeps of its newest entry' });
    // What the file said at start, in case entries were appended since over a trail whose newest were removed.
    if (this.headAtStart && this.headAtStart.id !== noted?.id) anchors.push({ head: this.headAtStart, source: 'the record Safe Hands kept of its newest entry when it started' });
    const result = await checkAuditInSteps(this.db, this.ring.all(), anchors, scope === 'since_last_check' ? this.checkedThrough : null);
    if (result.cancelled) return result;
    const problems = [...result.problems, ...(this.removedWhileRunning ? [this.removedWhileRunning] : [])];
    if (!noted && result.head && this.ring.current() && result.head.id >= this.ring.current()!.from) {
      problems.push(`The record Safe Hands keeps of its newest audit entry (${AUDIT_HEAD_FILE} in the data folder) is missing, so removal of the newest entries cannot be ruled out.`);
    }
    this.problems = problems;
    if (problems.length > 0 && !result.unreadable) await this.recordProblems(problems);
    else if (result.head) {
      this.checkedThrough = result.head;
      this.saveHeadFile(this.committed ?? await auditHead(this.db) ?? result.head);
    }
    return { ...result, ok: problems.length === 0, problems };
  }

  private async recordProblems(problems: string[]): Promise<void> {
    const detail = { problems };
    try {
      if (await lastCheckFailedDetail(this.db) === JSON.stringify(detail)) return;
      await this.db.transaction(() => this.appendSystemEntry('audit.check_failed', detail));
      this.writeHead();
    } catch (err) {
      console.warn(`Safe Hands could not record the audit check's findings: ${(err as Error).message}`);
    }
  }
}
