/** A setting is the school or nursery that runs the kiosk. */
export const SETTING_KINDS = ['nursery', 'school'] as const;
export type SettingKind = (typeof SETTING_KINDS)[number];

export const SETTING_KIND_LABELS: Record<SettingKind, string> = {
  nursery: 'Nursery or early years setting',
  school: 'School',
};

/** When a returning visitor must read and accept the expectations again. */
export const REACK_MODES = ['every_visit', 'on_change'] as const;
export type ReackMode = (typeof REACK_MODES)[number];
