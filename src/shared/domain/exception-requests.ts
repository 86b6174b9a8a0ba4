import { DEVICE_KIND_LABELS, type DeviceKind } from './devices.js';

/**
 * A visitor's request, made at the kiosk, to keep a device for their work. Both policies permit a visitor's
 * device only once the headteacher or DSL has discussed it with them before use, so the request waits for
 * the DSL, who approves it (a device exception) or declines it. Until then the device goes in the safe.
 */

/** How long after signing in the kiosk may still ask: it is the visitor who has just signed in who asks. */
export const REQUEST_AT_SIGN_IN_MINUTES = 15;

/** A request still waiting, as the office's on-site list shows it. */
export interface OpenExceptionRequest {
  requestId: number;
  deviceKind: DeviceKind;
  /** What the visitor says it is for, in their words. */
  purpose: string;
  requestedAt: string;
}

/** A request waiting for the DSL, with who asked: what the inbox lists and the approval form opens with. */
export interface ExceptionRequestView extends OpenExceptionRequest {
  visitId: number;
  /** As the visitor wrote it (fullName). */
  visitorName: string;
  /** "Inspector · Ofsted · visiting Mrs Patel". */
  visitorDetail: string;
}

/** "a phone", "an e-reader", "another device": the device after "keep". */
export function aDevice(kind: DeviceKind): string {
  if (kind === 'other') return 'another device';
  const label = DEVICE_KIND_LABELS[kind].toLowerCase();
  return /^[aeiou]/.test(label) ? `an ${label}` : `a ${label}`;
}

/** "your phone", "your e-reader", "your device": the device the visitor asked about, spoken to them. */
export function yourDevice(kind: DeviceKind): string {
  return kind === 'other' ? 'your device' : `your ${DEVICE_KIND_LABELS[kind].toLowerCase()}`;
}
