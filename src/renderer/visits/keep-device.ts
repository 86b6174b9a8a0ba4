import { DEVICE_KINDS, type DeviceKind } from '../../shared/domain/devices.js';
import { invoke } from '../api.js';
import { withoutField } from '../lib/action-result.js';
import { problemsWith } from '../lib/contract-check.js';
import { useKioskStore, type KeepRequest } from './kiosk-store.js';

/**
 * The kiosk's "I need to keep a device for my work". What the visitor types lives in the kiosk store
 * (keepRequest), so a reset forgets it like everything else; these are the steps that act on it, kept out
 * of the store's own file because they only add to its sign-in.
 *
 * The request is for a visit, so it is sent once the visitor is signed in. Until the DSL agrees the device
 * goes in the safe (both policies: a visitor's device is used only once agreed, before use), so asking adds
 * it to what the visitor hands in.
 */

const { getState, setState } = useKioskStore;

function patchRequest(patch: Partial<KeepRequest>): void {
  setState((s) => ({ keepRequest: { ...s.keepRequest, ...patch } }));
}

/** Opens the request screen, offering the first device the visitor ticked: the likeliest one they need. */
export function startKeepRequest(): void {
  const s = getState();
  const kind = s.keepRequest.kind ?? DEVICE_KINDS.find((k) => s.devices[k] > 0) ?? null;
  setState({ step: 'keepDevice', history: [...s.history, s.step], error: null, fieldErrors: {}, keepRequest: { ...s.keepRequest, kind } });
}

export function chooseKeepDevice(kind: DeviceKind): void {
  patchRequest({ kind });
  setState((s) => ({ fieldErrors: withoutField(s.fieldErrors, 'deviceKind') }));
}

export function setKeepPurpose(purpose: string): void {
  patchRequest({ purpose });
  setState((s) => ({ fieldErrors: withoutField(s.fieldErrors, 'purpose') }));
}

/** "Ask the DSL and sign in": checked by the contract's own rules, then signed in and sent. */
export async function askToKeepDevice(): Promise<void> {
  const s = getState();
  if (s.busy) return;
  const { kind, purpose } = s.keepRequest;
  const { visitId: _, ...fields } = problemsWith('exceptionRequest.request', { visitId: 1, deviceKind: kind as DeviceKind, purpose });
  if (!kind || Object.keys(fields).length > 0) {
    setState({ fieldErrors: fields, error: 'Please check the answers marked below.' });
    return;
  }
  setState((st) => ({ devices: { ...st.devices, [kind]: Math.max(1, st.devices[kind]) }, keepRequest: { ...st.keepRequest, status: 'ready' } }));
  await signInAndAsk();
}

/**
 * Signs the visitor in as the devices step does, then sends a request they made (status 'ready'). The
 * request waits for a sign-in refused and put right, and is dropped with the visitor if the kiosk resets.
 */
export async function signInAndAsk(): Promise<void> {
  await getState().submitSignIn();
  const { signedIn, keepRequest } = getState();
  if (!signedIn || keepRequest.status !== 'ready' || !keepRequest.kind) return;
  patchRequest({ status: 'sending' });
  const r = await invoke('exceptionRequest.request', { visitId: signedIn.visitId, deviceKind: keepRequest.kind, purpose: keepRequest.purpose });
  // The visitor has gone (Finish, or the screen went back to the start by itself): nothing to show.
  if (getState().signedIn !== signedIn) return;
  patchRequest({ status: r.ok ? 'sent' : 'failed' });
}
