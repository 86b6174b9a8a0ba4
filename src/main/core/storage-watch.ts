import type { StorageProblem } from '../../shared/contract/index.js';
import type { Clock } from './clock.js';
import type { Storage } from '../db/storage.js';
import { writeAndRemoveSetting } from '../db/repositories/settings-repo.js';
import { SYSTEM_ACTOR_LABEL } from '../audit/audit-trail.js';
import { audit } from './context.js';
import { storageFailure, storageProblemOf, takeCarriedPast, type StorageFailure } from './storage-failure.js';

/** The part of the app's health this keeps: read by app.status, so every screen knows. */
export interface StorageHealth {
  storageProblem: StorageProblem | null;
}

/** How often, at most, Safe Hands tries a write again while its disk refuses them. */
export const PROBE_EVERY_MS = 10_000;

/**
 * The trial write's size: a sign-in with its audit entry is a few kilobytes, so room for this is room for
 * several. It must need new pages: a write that fits in the pages the database already has succeeds on a
 * full disk and would resume a kiosk whose next sign-in fails again.
 */
const PROBE_TEXT = JSON.stringify('x'.repeat(64 * 1024));
const PROBE_KEY = 'storage.probe';

/**
 * Notices when Safe Hands cannot save (a full or read-only disk, a failing one), puts it on the app's
 * health so the kiosk pauses and the console says what to do, and notices by itself when it can save again.
 */
export class StorageWatch {
  private lastTriedAt = 0;
  /** Audit actions that could not be recorded meanwhile (unlocks, wrong PINs), counted for when writes work again. */
  private readonly notRecorded = new Map<string, number>();

  constructor(private readonly app: { db: Storage; clock: Clock; health: StorageHealth }) {}

  /** Puts a failure on the health. The first stays until a write works again: it says what to put right. */
  record(failure: StorageFailure): void {
    if (!failure.pausesKiosk || this.app.health.storageProblem) return;
    const now = this.app.clock.now();
    this.app.health.storageProblem = storageProblemOf(failure, now);
    this.lastTriedAt = now.getTime();
    console.error(`Safe Hands cannot save, so the kiosk is paused: ${failure.detail}`);
  }

  /** Records the failures commands went on past (writeIfStorageAllows), and counts what they left unrecorded. */
  collectCarriedPast(): void {
    for (const { err, action } of takeCarriedPast(this.app.db)) {
      const failure = storageFailure(err);
      if (failure) this.record(failure);
      if (action) this.notRecorded.set(action, (this.notRecorded.get(action) ?? 0) + 1);
    }
  }

  /**
   * While a problem is on record, and at most every PROBE_EVERY_MS: tries a real write, one that needs the
   * database to grow, and clears the problem when it works. The same transaction records in the audit
   * trail how long saving failed and what went unrecorded meanwhile, so the gap is explained.
   */
  async tryAgainIfDue(): Promise<void> {
    const problem = this.app.health.storageProblem;
    const { db, clock } = this.app;
    if (!problem || !db.open) return;
    const now = clock.now();
    if (now.getTime() - this.lastTriedAt < PROBE_EVERY_MS) return;
    this.lastTriedAt = now.getTime();
    try {
      await db.transaction(async () => {
        await writeAndRemoveSetting(db, PROBE_KEY, PROBE_TEXT, now.toISOString());
        const ctx = { db, clock, actor: { staffId: null, label: SYSTEM_ACTOR_LABEL, roles: [] } };
        await audit(ctx, 'storage.saving_again', 'storage', null, { problem: problem.kind, since: problem.since, notRecorded: Object.fromEntries(this.notRecorded) });
      });
    } catch (err) {
      // Still refused: the problem stays, and the next screen to ask tries again.
      if (!storageFailure(err)) console.error('Safe Hands could not check whether it can save again:', err);
      return;
    }
    this.app.health.storageProblem = null;
    this.notRecorded.clear();
    console.error('Safe Hands can save again; the kiosk carries on.');
  }
}
