import type { DeviceKind } from './devices.js';

/**
 * Searches of a pupil's confiscated device (school policy, learners' section): a member of the leadership
 * team searches it with the consent of the learner or a parent or carer; content that breaks the school's
 * policies may be deleted, or the pupil asked to delete it. Recorded by the searcher, seen by the DSL.
 */

/** Whose consent the search had: the pupil's own, or a parent's or carer's. */
export const SEARCH_CONSENT_FROM = ['learner', 'parent'] as const;
export type SearchConsentFrom = (typeof SEARCH_CONSENT_FROM)[number];

export const SEARCH_CONSENT_LABELS: Record<SearchConsentFrom, string> = {
  learner: 'The pupil',
  parent: 'A parent or carer',
};

/** What happened to content found: nothing, deleted there and then, or the pupil (or family) asked to delete it. */
export const SEARCH_CONTENT_ACTIONS = ['none', 'deleted', 'deletion_requested'] as const;
export type SearchContentAction = (typeof SEARCH_CONTENT_ACTIONS)[number];

export const SEARCH_CONTENT_LABELS: Record<SearchContentAction, string> = {
  none: 'Nothing deleted',
  deleted: 'Content deleted',
  deletion_requested: 'Deletion requested',
};

export interface SearchView {
  searchId: number;
  /** The confiscated custody item searched, and its receipt. */
  itemId: number;
  receiptId: number;
  receiptNumber: string;
  /** "Removed" once retention has removed the pupil's name from the receipt. */
  pupilName: string;
  classGroup: string | null;
  deviceKind: DeviceKind;
  deviceDescription: string | null;
  searchedAt: string;
  /** The leader who searched it and recorded it, from their own unlocked console. */
  searchedBy: string;
  consentFrom: SearchConsentFrom;
  consentName: string;
  /** A parent's or carer's relationship to the pupil; null when the pupil consented. */
  consentRelationship: string | null;
  consentGivenAt: string;
  lookedAt: string;
  found: string;
  content: SearchContentAction;
  /** What was deleted or asked to be deleted; null when nothing was. */
  contentDetail: string | null;
  witness: string | null;
}
