import type { DeviceKind } from './devices.js';

/** Why the DSL allows a visitor to keep a device. */
export const EXCEPTION_PURPOSES = ['inspection', 'local_authority', 'multi_agency', 'medical', 'other'] as const;
export type ExceptionPurpose = (typeof EXCEPTION_PURPOSES)[number];

export const EXCEPTION_PURPOSE_LABELS: Record<ExceptionPurpose, string> = {
  inspection: 'Inspection (Ofsted or ISI)',
  local_authority: 'Local authority visit',
  multi_agency: 'Multi-agency work',
  medical: 'Medical need',
  other: 'Other',
};

/** The questions a DSL answers before approving; the setting can change the list (stored with each approval). */
export const DEFAULT_RISK_CHECKLIST = [
  'The visitor knows devices must never photograph or record children.',
  'The permitted areas keep the device away from children where possible.',
  'A member of staff will be with the visitor or knows where they are.',
  'The visitor knows to put the device away if children come into the area.',
  'The visitor knows who to tell if they have a concern.',
] as const;

export type ExceptionState = 'active' | 'not_yet' | 'expired' | 'revoked' | 'visit_ended' | 'awaiting_arrival';

export interface ExceptionView {
  exceptionId: number;
  visitId: number | null;
  bookingId: number | null;
  purpose: ExceptionPurpose;
  purposeDetail: string | null;
  devices: { kind: DeviceKind; quantity: number }[];
  permittedUse: string;
  permittedAreas: string;
  conditions: string | null;
  riskChecklist: { item: string; checked: boolean }[];
  riskNotes: string | null;
  validFrom: string;
  validUntil: string | null;
  approvedBy: string;
  approvedAt: string;
  revokedAt: string | null;
  revokedBy: string | null;
  revokeReason: string | null;
  state: ExceptionState;
}

/** What the on-site list and the safe view show so staff neither challenge nor miss a device. */
export interface DeviceUseMarker {
  exceptionId: number;
  approved: boolean;
  permittedUse: string;
  permittedAreas: string;
  validUntil: string | null;
  /** When approval has ended (revoked or expired) while the visitor is still here: the device should now be handed in. */
  endedBecause: 'revoked' | 'expired' | null;
}
