import { aDevice, type OpenExceptionRequest } from '../../shared/domain/exception-requests.js';

/**
 * Beside a visitor on the office's list: they asked at the kiosk to keep a device and the DSL has not
 * decided, so the front desk knows why they may ask about it (and keeps it in the safe meanwhile).
 */
export function RequestWaitingTag({ request }: { request: OpenExceptionRequest }) {
  return (
    <p className="device-use device-use-pending">
      <span className="device-use-icon" aria-hidden="true">…</span>
      <span>Asked to keep {aDevice(request.deviceKind)}: waiting for the DSL</span>
    </p>
  );
}
