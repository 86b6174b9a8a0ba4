import { yourDevice } from '../../../shared/domain/exception-requests.js';
import { useKioskStore } from '../kiosk-store.js';

/**
 * On the done screen, for a visitor who asked to keep a device: the DSL decides, and until then the device
 * is in the safe like everything else they hand in (a visitor's device is used only once agreed, before use).
 */
export function KeepRequestNote() {
  const request = useKioskStore((s) => s.keepRequest);
  if (request.status === 'none' || request.status === 'ready' || !request.kind) return null;
  const device = yourDevice(request.kind);
  return (
    <div className="callout" role="status">
      {request.status === 'sending' ? <p>Passing your request to the Designated Safeguarding Lead…</p> : null}
      {request.status === 'sent' ? (
        <>
          <h2 className="callout-title">You have asked to keep {device}</h2>
          <p>
            The Designated Safeguarding Lead (DSL) will decide. Until then, {device} goes in the office safe with
            everything else, because our policy lets visitors use a device only once the DSL has agreed. If the DSL
            agrees, the office will give it back to you.
          </p>
        </>
      ) : null}
      {request.status === 'failed' ? (
        <p>Your request to keep {device} could not be passed on. Please ask at the office, and hand it in there until the DSL has agreed.</p>
      ) : null}
    </div>
  );
}
