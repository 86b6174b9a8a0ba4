import type { AppStatus } from '../contract/index.js';

/**
 * Whether the kiosk is paused, sending visitors to the paper visitor book: the database failed its check
 * (until a backup is restored), or Safe Hands cannot save to its disk (until it can again). The host refuses
 * the kiosk's commands and the kiosk shows its paused screen on this one rule; the staff console stays open.
 */
export function kioskPaused(health: Pick<AppStatus, 'databaseProblem' | 'storageProblem'>): boolean {
  return health.databaseProblem !== null || health.storageProblem !== null;
}

/** What a visitor is told when the kiosk cannot take their sign-in or sign-out. */
export const KIOSK_PAUSED_MESSAGE = 'The kiosk cannot sign anyone in or out right now. Please sign the paper visitor book at the office.';

/**
 * What a visitor is told when the records went out of reach just as their sign-in or sign-out was being saved:
 * the kiosk cannot tell whether it went through, so the office looks.
 */
export const KIOSK_IN_DOUBT_MESSAGE = 'The kiosk lost touch with the records just as it was saving, so it cannot tell whether that went through. Please ask at the office.';
