/** Who a safeguarding concern is about. */
export const CONCERN_SUBJECTS = ['visitor', 'staff', 'learner', 'parent_carer', 'other'] as const;
export type ConcernSubject = (typeof CONCERN_SUBJECTS)[number];

export const CONCERN_SUBJECT_LABELS: Record<ConcernSubject, string> = {
  visitor: 'A visitor',
  staff: 'A member of staff',
  learner: 'A pupil',
  parent_carer: 'A parent or carer',
  other: 'Someone else',
};

export const CONCERN_STATUSES = ['new', 'reviewed', 'closed'] as const;
export type ConcernStatus = (typeof CONCERN_STATUSES)[number];

export interface ConcernView {
  concernId: number;
  aboutType: ConcernSubject;
  aboutName: string;
  visitId: number | null;
  location: string;
  whatHappened: string;
  actionTaken: string;
  raisedAt: string;
  raisedBy: string;
  status: ConcernStatus;
  outcome: string | null;
  reviewedAt: string | null;
  reviewedBy: string | null;
  /** Every record of telling the parents or carers, or of deciding not to, oldest first (the last one stands). */
  parentsInformed: ParentsInformedEntry[];
  /** What was learnt, once the concern is closed. */
  debrief: ConcernDebrief | null;
  /** For a concern about a member of staff. Null, with no police contacts, for staff who are not the DSL or an administrator. */
  ladoReferral: LadoReferral | null;
  policeContacts: PoliceContact[];
}

/** Who wrote a follow-up record into Safe Hands, and when. */
interface Recorded {
  recordedAt: string;
  recordedBy: string;
}

/**
 * Parents or carers told (on a day, at a time if known, by someone staff name), or deliberately not told.
 * The reason for not telling them is for the DSL and administrators: it is null for anyone else, who sees
 * only that the DSL has decided.
 */
export type ParentsInformedEntry =
  | ({ informed: true; informedOn: string; informedTime: string | null; informedBy: string; whoWasTold: string | null } & Recorded)
  | ({ informed: false; reason: string | null } & Recorded);

export interface ConcernDebrief extends Recorded {
  lessonsLearnt: string;
  practiceChange: string | null;
}

/**
 * What the Local Authority Designated Officer (LADO) decided about an allegation against a member of staff,
 * in the words used for allegations in England; `below_threshold` is a referral the LADO passed back to the
 * setting to deal with itself.
 */
export const LADO_OUTCOMES = ['substantiated', 'unsubstantiated', 'unfounded', 'false', 'malicious', 'below_threshold'] as const;
export type LadoOutcome = (typeof LADO_OUTCOMES)[number];

export const LADO_OUTCOME_LABELS: Record<LadoOutcome, string> = {
  substantiated: 'Substantiated',
  unsubstantiated: 'Unsubstantiated',
  unfounded: 'Unfounded',
  false: 'False',
  malicious: 'Malicious',
  below_threshold: 'Below the threshold: for the setting to deal with',
};

export const LADO_OUTCOME_HINTS: Record<LadoOutcome, string> = {
  substantiated: 'There is enough evidence that it happened.',
  unsubstantiated: 'There is not enough evidence either way.',
  unfounded: 'Nothing supports it, though it may have been a misunderstanding.',
  false: 'There is enough evidence that it did not happen.',
  malicious: 'It was made up on purpose, to deceive or to cause harm.',
  below_threshold: 'Not a matter for the LADO; the setting handles it, for example under its code of conduct.',
};

export interface LadoReferral extends Recorded {
  referredOn: string;
  ladoReference: string;
  outcome: LadoOutcome | null;
  outcomeOn: string | null;
  outcomeNote: string | null;
  outcomeRecordedAt: string | null;
  outcomeRecordedBy: string | null;
}

export interface PoliceContact extends Recorded {
  contactedOn: string;
  policeForce: string;
  officer: string;
  reference: string;
}
