import type { Dispatch } from '../commands/dispatcher.js';
import type { CommandFailure, CommandResult, ErrorCode } from '../../shared/domain/errors.js';
import { carriesPin, pinThrottleMessage, type PinCaller, type PinThrottle } from './pin-throttle.js';

/** Answers that count as a wrong PIN for the throttle, from any command: a wrong PIN, or another try at a locked account. */
const PIN_FAILURES: ReadonlySet<ErrorCode> = new Set(['wrong_pin', 'account_locked']);

export type PinGated =
  | { answer: CommandResult<unknown> | Promise<CommandResult<unknown>> }
  | { heldBackMs: number; refusal: CommandFailure };

/**
 * The PIN throttle in front of the dispatcher, the same for every transport (the loopback host and
 * Electron's IPC): a request carrying a PIN from a screen that is held back is refused without running,
 * and a wrong PIN is counted against the screen and its computer.
 *
 * The check comes just before the command runs and the PIN check answers synchronously, so a burst of
 * requests sent at once is counted one by one.
 */
export function pinGate(throttle: PinThrottle, dispatch: Dispatch) {
  return (name: unknown, input: unknown, sessionKey: string, caller: PinCaller): PinGated => {
    if (name === 'staff.unlock' || carriesPin(input)) {
      const waitMs = throttle.retryAfterMs(caller);
      if (waitMs > 0) return { heldBackMs: waitMs, refusal: { code: 'account_locked', message: pinThrottleMessage(waitMs) } };
    }
    const counted = (result: CommandResult<unknown>) => {
      if (!result.ok && PIN_FAILURES.has(result.error.code)) throttle.recordFailure(caller);
      return result;
    };
    const answer = dispatch(name, input, sessionKey);
    return { answer: answer instanceof Promise ? answer.then(counted) : counted(answer) };
  };
}

/**
 * The dispatcher behind the throttle, for a transport that needs no more than the answer (Electron): each
 * window is a screen, and every window is on this one computer.
 */
export function pinThrottledDispatch(throttle: PinThrottle, dispatch: Dispatch): Dispatch {
  const gate = pinGate(throttle, dispatch);
  return (name, input, sessionKey) => {
    const gated = gate(name, input, sessionKey, { clientId: sessionKey, address: 'this-computer' });
    return 'answer' in gated ? gated.answer : { ok: false, error: gated.refusal };
  };
}
