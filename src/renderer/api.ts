import type { Invoke } from '../shared/contract/index.js';
import type { CommandResult } from '../shared/domain/errors.js';
import { routeFromHash } from './routing.js';

/**
 * The only module that knows which transport the renderer is on: Electron's preload bridge when it is
 * there, the loopback host's /api otherwise. Everything else calls `invoke`.
 */
interface Bridge {
  invoke(name: string, input: unknown): Promise<CommandResult<unknown>>;
}

declare global {
  interface Window {
    safeHands?: Bridge;
  }
}

// Names this tab to the host so staff sessions are per tab; it is not a credential (the launch cookie is).
const clientId = typeof crypto !== 'undefined' && 'randomUUID' in crypto ? crypto.randomUUID() : `${Date.now()}-${Math.random()}`.replace('.', '');

/** Said when the host does not answer: visitors are sent to the office; staff, who are the office, are told what to check. */
function unreachable(): CommandResult<never> {
  const message = routeFromHash(window.location.hash) === 'console'
    ? 'Safe Hands is not answering. Check that it is still running on this PC (start it again if not), then try again.'
    : 'The kiosk cannot reach its service. Please ask at the office.';
  return { ok: false, error: { code: 'internal', message } };
}

async function overHttp(name: string, input: unknown): Promise<CommandResult<unknown>> {
  try {
    const response = await fetch(`api/${encodeURIComponent(name)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-client-id': clientId },
      body: JSON.stringify(input ?? {}),
      credentials: 'same-origin',
    });
    return (await response.json()) as CommandResult<unknown>;
  } catch {
    return unreachable();
  }
}

function viaTransport(name: string, input: unknown): Promise<CommandResult<unknown>> {
  return window.safeHands ? window.safeHands.invoke(name, input) : overHttp(name, input);
}

let current = viaTransport as Invoke;

/** Told when any command comes back refused by the disk (full, read-only): the kiosk pauses, the console says why. */
const storageListeners = new Set<() => void>();

export function onStorageProblem(listener: () => void): () => void {
  storageListeners.add(listener);
  return () => storageListeners.delete(listener);
}

/** Told when main answers that the staff session is over (it timed out there): the console locks. */
const sessionListeners = new Set<() => void>();

export function onSessionEnded(listener: () => void): () => void {
  sessionListeners.add(listener);
  return () => sessionListeners.delete(listener);
}

export const invoke: Invoke = (name, input) =>
  current(name, input).then((result) => {
    if (!result.ok && result.error.code === 'storage_problem') for (const listener of storageListeners) listener();
    if (!result.ok && result.error.code === 'locked') for (const listener of sessionListeners) listener();
    return result;
  });

/** Component tests swap in a typed fake; the app never calls this. */
export function setInvokeForTests(fake: Invoke): void {
  current = fake;
}

/** In the desktop app there is no browser tab to open a PDF in: the console says where it was saved instead. */
export function inDesktopApp(): boolean {
  return typeof window !== 'undefined' && window.safeHands !== undefined;
}

/** Where the loopback host serves a PDF the app made (same origin, so the launch cookie goes with it). */
export function documentUrl(documentId: string): string {
  return `documents/${encodeURIComponent(documentId)}`;
}
