import type { ExceptionRequestView } from './exception-requests.js';

/**
 * The DSL's inbox: what waits for the Designated Safeguarding Lead, in one list, so nothing waits unseen.
 * Each entry says what it is, since when it waits, and where in the console it is dealt with.
 */
export const INBOX_KINDS = ['concern', 'exception_request', 'lado_outcome', 'pupil_exception_unsigned', 'held_past_end_of_day', 'policy_review'] as const;
export type InboxKind = (typeof INBOX_KINDS)[number];

/** The heading each kind is listed under. */
export const INBOX_KIND_LABELS: Record<InboxKind, string> = {
  concern: 'New concerns to review',
  exception_request: 'Visitors asking to keep a device',
  lado_outcome: "LADO outcomes awaited",
  pupil_exception_unsigned: "Pupils' exceptions waiting for signatures",
  held_past_end_of_day: 'Held past the end of the day',
  policy_review: 'The expectations review',
};

/** Where an entry is dealt with: a Safeguarding tab, or a console page. */
export type InboxDestination = 'concerns' | 'expectations' | 'safe' | 'pupilExceptions' | 'confiscated' | 'approval';

export interface InboxItem {
  kind: InboxKind;
  /** A stable key for the list (kind and record id). */
  key: string;
  /** One line a DSL reads at a glance: who or what, in words. */
  title: string;
  /** A second line: where, by whom, what is missing. */
  detail: string | null;
  /** Since when it waits (ISO): the oldest first within its kind. For a review not yet due, the day it is due. */
  since: string;
  opens: InboxDestination;
  /** For 'approval': the visitor's request, which the approval form opens with. */
  exceptionRequest?: ExceptionRequestView;
}
