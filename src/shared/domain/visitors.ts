/** Kinds of visitor a setting signs in; the labels are what the kiosk and console show. */
export const VISITOR_TYPES = [
  'parent_carer',
  'contractor',
  'volunteer',
  'supply_staff',
  'visiting_professional',
  'inspector',
  'local_authority',
  'other',
] as const;
export type VisitorType = (typeof VISITOR_TYPES)[number];

export const VISITOR_TYPE_LABELS: Record<VisitorType, string> = {
  parent_carer: 'Parent or carer',
  contractor: 'Contractor',
  volunteer: 'Volunteer',
  supply_staff: 'Supply or agency staff',
  visiting_professional: 'Visiting professional',
  inspector: 'Inspector',
  local_authority: 'Local authority officer',
  other: 'Other',
};
