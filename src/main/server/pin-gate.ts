import type { Dispatch } from '../commands/dispatcher.js';
import type { CommandFailure, CommandResult, ErrorCode } from '../../shared/domain/errors.js';
import { badgeThrottleMessage, carriesPin, pinThrottleMessage, type PinAttempt, type PinCaller, type PinThrottle } from './pin-throttle.js';

/**
 * Answers that count as a wrong PIN for the throttle, from any command: a wrong PIN, another try at a locked
 * account, or a staff badge that does not work.
 */
const PIN_FAILURES: ReadonlySet<ErrorCode> = new Set(['wrong_pin', 'account_locked', 'wrong_badge']);

/** A badge scanned at the kiosk: held back in words for someone who typed no PIN. */
function isBadgeScan(input: unknown): boolean {
  return typeof input === 'object' && input !== null && 'badgeCode' in input;
}

export type PinGated =
  | { answer: CommandResult<unknown> | Promise<CommandResult<unknown>> }
  | { heldBackMs: number; refusal: CommandFailure };

/**
 * The PIN throttle in front of the dispatcher, the same for every transport (the loopback host and
 * Electron's IPC): a request carrying a PIN from a screen that is held back is refused without running,
 * and a wrong PIN is counted against the screen and its computer.
 *
 * The check comes just before the command runs. A PIN takes a while to check, so each one let through
 * holds its place in the screen's count until answered (PinThrottle.reserve): a burst of requests sent at
 * once is held back exactly as the same requests sent one by one.
 */
export function pinGate(throttle: PinThrottle, dispatch: Dispatch) {
  return (name: unknown, input: unknown, sessionKey: string, caller: PinCaller): PinGated => {
    let attempt: PinAttempt | null = null;
    if (name === 'staff.unlock' || carriesPin(input)) {
      const waitMs = throttle.retryAfterMs(caller);
      if (waitMs > 0) {
        const message = isBadgeScan(input) ? badgeThrottleMessage(waitMs) : pinThrottleMessage(waitMs);
        return { heldBackMs: waitMs, refusal: { code: 'account_locked', message } };
      }
      attempt = throttle.reserve(caller);
    }
    const counted = (result: CommandResult<unknown>) => {
      const wrong = !result.ok && PIN_FAILURES.has(result.error.code);
      if (attempt) attempt.settle(wrong);
      else if (wrong) throttle.recordFailure(caller);
      return result;
    };
    // The dispatcher answers every failure itself; should it ever throw, the place is given back.
    const released = (err: unknown) => {
      attempt?.settle(false);
      throw err;
    };
    return { answer: dispatch(name, input, sessionKey).then(counted, released) };
  };
}

/**
 * The dispatcher behind the throttle, for a transport that needs no more than the answer (Electron): each
 * window is a screen, and every window is on this one computer.
 */
export function pinThrottledDispatch(throttle: PinThrottle, dispatch: Dispatch): Dispatch {
  const gate = pinGate(throttle, dispatch);
  return async (name, input, sessionKey) => {
    const gated = gate(name, input, sessionKey, { clientId: sessionKey, address: 'this-computer' });
    return 'answer' in gated ? gated.answer : { ok: false, error: gated.refusal };
  };
}
