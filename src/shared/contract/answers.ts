import type { DeviceKind } from '../domain/devices.js';
import type { VisitorType } from '../domain/visitors.js';
import type { CustodyItemView, OwnerType } from '../domain/custody.js';
import type { DeviceUseMarker } from '../domain/exceptions.js';
import type { OpenExceptionRequest } from '../domain/exception-requests.js';

/** Answer types that the commands of more than one domain return. */

export interface PolicyText {
  versionId: number;
  version: number;
  title: string;
  summary: string[];
  fullText: string;
}

export interface OnSiteVisit {
  visitId: number;
  visitorId: number;
  firstName: string;
  lastName: string;
  /** Written family name first (王芳): show it with fullName(), never by joining the parts. */
  familyNameFirst: boolean;
  organisation: string | null;
  visitorType: VisitorType;
  visiting: string;
  signedInAt: string;
  policyVersion: number;
  devicesDeclared: { kind: DeviceKind; quantity: number }[];
  itemsInSafe: number;
  /** The visitor tried to sign out at the kiosk and was sent to the office for their items. */
  collectionRequestedAt: string | null;
  deviceUse: DeviceUseMarker | null;
  /** The visitor asked at the kiosk to keep a device and the DSL has not decided yet. */
  exceptionRequest: OpenExceptionRequest | null;
  photoIdCheckedAt: string | null;
  dbsAssuranceSeenAt: string | null;
}

/** A receipt staff wrote out on paper for its owner ("Written by hand and given"): who, and when. */
export interface GivenByHand {
  at: string;
  by: string;
}

/** What happened when a receipt was sent to the printer; the custody record stands either way. */
export type PrintStatus = (
  | { printed: true; printer: string; documentId: string }
  | { printed: false; reason: string; documentId: string | null }
) & {
  /** Set when a name on the document has letters no font on this computer can print (shown as boxes). */
  warning?: string;
};

export interface SafeOwnerGroup {
  ownerType: OwnerType;
  ownerName: string;
  ownerDetail: string | null;
  visitId: number | null;
  collectionRequestedAt: string | null;
  oldestLoggedAt: string;
  pastEndOfDay: boolean;
  receipts: { receiptId: number; receiptNumber: string; printCount: number; printProblem: string | null; givenByHand: GivenByHand | null }[];
  items: CustodyItemView[];
  /** A visitor whose device use the DSL approved, or whose approval has ended. */
  deviceUse: DeviceUseMarker | null;
}
