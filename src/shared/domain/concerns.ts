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
}
