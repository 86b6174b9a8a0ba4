import type { Storage } from '../storage.js';

// Visitors' drawn signatures, kept beside the acknowledgement each was drawn for (migration 0025).

/** Keeps the strokes with the acknowledgement just made: the caller holds the transaction that made it. */
export async function insertSignature(db: Storage, acknowledgementId: number, strokes: string, signedAt: string): Promise<void> {
  await db.run('INSERT INTO acknowledgement_signatures (id, strokes, signed_at) VALUES (?, ?, ?)', [acknowledgementId, strokes, signedAt]);
}

/**
 * Removes the strokes of every visitor whose details retention has removed (in this run or an earlier one),
 * keeping when each was drawn. Call inside the run's transaction, after the visitors are marked.
 */
export async function clearRemovedVisitorsSignatures(db: Storage, at: string): Promise<number> {
  return (await db.run(`UPDATE acknowledgement_signatures SET strokes = NULL, removed_at = ?
     WHERE strokes IS NOT NULL AND id IN (
       SELECT a.id FROM acknowledgements a JOIN visitors v ON v.id = a.visitor_id WHERE v.anonymised_at IS NOT NULL)`, [at])).changes;
}
