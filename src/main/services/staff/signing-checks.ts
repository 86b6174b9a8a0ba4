import { formatDate, formatDay, ukDay } from '../../../shared/domain/time.js';
import { CommandError } from '../../core/command-error.js';

/** A record that is in force only once its printed paper is signed: a pupil's exception, a staff permission. */
export interface SignedRecord {
  /** What the paper is called ("agreement", "permission") and what the record is ("exception", "permission"). */
  paper: string;
  record: string;
  signedOn: string | null;
  signatureRecordedBy: string | null;
  endedAt: string | null;
  /** Its last day (UK), or null for one that runs until it is ended. */
  validUntil: string | null;
  recordedAt: string;
}

/**
 * The checks before the office records a paper as signed, the same for every signed paper: once only; not
 * once the record has ended or run out; and on a day between the record being made and today (UK days).
 */
export function refuseSigning(r: SignedRecord, signedOn: string, today: string): void {
  if (r.signedOn !== null) {
    throw new CommandError(
      'conflict',
      `That ${r.paper} was already recorded as signed on ${formatDay(r.signedOn)}, by ${r.signatureRecordedBy ?? 'someone'}. Nothing was changed.`,
    );
  }
  if (r.endedAt !== null) throw new CommandError('conflict', `That ${r.record} was ended on ${formatDate(r.endedAt)}, so it cannot be signed now.`);
  if (r.validUntil !== null && r.validUntil < today) {
    throw new CommandError('conflict', `That ${r.record} ran out on ${formatDay(r.validUntil)}, so it cannot be signed now.`);
  }
  if (signedOn > today) {
    throw new CommandError('invalid_input', 'The day it was signed cannot be in the future.', { signedOn: 'The day it was signed cannot be in the future.' });
  }
  const recordedDay = ukDay(r.recordedAt);
  if (signedOn < recordedDay) {
    const words = `It cannot have been signed before the ${r.record} was recorded, on ${formatDay(recordedDay)}.`;
    throw new CommandError('invalid_input', words, { signedOn: words });
  }
}
