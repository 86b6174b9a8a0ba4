/**
 * How a confiscated pupil's device leaves the safe (school policy, learners' section): released to a named
 * parent or carer, whose relationship and identity check are recorded, or handed to the police.
 */

/**
 * Who collects. A short list rather than free text: the policy asks for a parent or carer, the list says so
 * at the desk, and the records read the same whoever typed them. "Other" takes a few words ("aunt") for the
 * family member a parent has sent.
 */
export const RELATIONSHIPS = ['mother', 'father', 'step_parent', 'grandparent', 'foster_carer', 'carer', 'other'] as const;
export type Relationship = (typeof RELATIONSHIPS)[number];

export const RELATIONSHIP_LABELS: Record<Relationship, string> = {
  mother: 'Mother',
  father: 'Father',
  step_parent: 'Step-parent',
  grandparent: 'Grandparent',
  foster_carer: 'Foster carer',
  carer: 'Carer',
  other: 'Other (say who)',
};

/** How the office made sure the person collecting is who they say. */
export const IDENTITY_CHECKS = ['known_to_staff', 'photo_id', 'collection_password', 'other'] as const;
export type IdentityCheck = (typeof IDENTITY_CHECKS)[number];

export const IDENTITY_CHECK_LABELS: Record<IdentityCheck, string> = {
  known_to_staff: 'Known to staff',
  photo_id: 'Photo ID seen',
  collection_password: "School's collection password",
  other: 'Other (say how)',
};

/** The relationship in words for a record: "mother", or what was typed for "other". */
export function relationshipWords(relationship: Relationship, other: string | null): string {
  return relationship === 'other' ? (other ?? 'other') : RELATIONSHIP_LABELS[relationship].toLowerCase();
}

/** Who a released device went to, as the custody record and the receipt show it: "Jane Smith (mother)". */
export function releasedToLine(parentName: string, relationship: Relationship, other: string | null): string {
  return `${parentName} (${relationshipWords(relationship, other)})`;
}

/** Who a device was handed to at the police, as the custody record shows it: "PC A Khan 1234, Kent Police". */
export function policeLine(officerName: string, officerNumber: string | null, force: string): string {
  return `${officerName}${officerNumber ? ` ${officerNumber}` : ''}, ${force}`;
}

/** What a receipt shows of how a confiscated item left the safe (the custody item says who and when). */
export type ConfiscationOutcome =
  | {
      way: 'parent';
      /** "Mother", or what was typed for another relationship. */
      relationship: string;
      /** "Photo ID seen", with what the office typed about it when it did. */
      identityCheck: string;
      /** Released before the end of the school day: who agreed, with their own PIN, and why. */
      early: { agreedBy: string; reason: string } | null;
    }
  | { way: 'police'; officer: string; force: string; reference: string };
