import { aDevice, type OpenExceptionRequest } from '../../shared/domain/exception-requests.js';
import { formatTime } from '../../shared/domain/time.js';

/** On the approval form: what the visitor asked for at the kiosk, in their words, which approving answers. */
export function RequestLine({ request }: { request: OpenExceptionRequest }) {
  return (
    <p className="callout approval-request">
      Asked at the kiosk at {formatTime(request.requestedAt)} to keep {aDevice(request.deviceKind)}: “{request.purpose}”.
      Approving answers the request; their device is in the safe until then.
    </p>
  );
}
