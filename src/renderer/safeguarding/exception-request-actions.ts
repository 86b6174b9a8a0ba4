import { aDevice, type ExceptionRequestView } from '../../shared/domain/exception-requests.js';
import { invoke } from '../api.js';
import { handleFailure, type ActionResult } from '../lib/action-result.js';
import { announceChanged } from '../lib/console-events.js';
import { problemsWith, refusal } from '../lib/contract-check.js';
import { useSafeguardingStore } from './safeguarding-store.js';

/**
 * The DSL declines a visitor's request to keep a device. Nothing is kept on screen but the notice, so this
 * is a plain action rather than a store. Approving goes through the approval form (exception-store.ts).
 */
export async function declineExceptionRequest(request: ExceptionRequestView, reason: string): Promise<ActionResult> {
  const input = { requestId: request.requestId, reason: reason.trim() };
  const refused = refusal(problemsWith('exceptionRequest.decline', input));
  if (refused) return refused;
  const r = await invoke('exceptionRequest.decline', input);
  if (!r.ok) {
    const { message, fields } = handleFailure(r.error);
    return { ok: false, message, fields };
  }
  // The inbox, its count and the office's on-site list are read again before the dialog closes.
  await announceChanged();
  useSafeguardingStore.getState().setNotice(
    `Declined: ${request.visitorName} may not keep ${aDevice(request.deviceKind)}. Tell them at the office; it stays in the safe until they leave.`,
  );
  return { ok: true };
}
