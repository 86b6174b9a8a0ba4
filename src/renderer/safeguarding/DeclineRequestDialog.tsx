import { commandSchemas } from '../../shared/contract/index.js';
import { aDevice, type ExceptionRequestView } from '../../shared/domain/exception-requests.js';
import { maxLengthOf } from '../../shared/validation.js';
import { ReasonDialog } from '../components/ReasonDialog.js';
import { declineExceptionRequest } from './exception-request-actions.js';

/** Saying no to a visitor's request: always with a reason, which is kept with the request. */
export function DeclineRequestDialog({ request, onClose }: { request: ExceptionRequestView; onClose: () => void }) {
  return (
    <ReasonDialog
      title={`Decline ${request.visitorName}'s request?`}
      explanation={`${request.visitorName} asked to keep ${aDevice(request.deviceKind)}: “${request.purpose}”. Their device stays in the safe until they leave. The reason is kept with the request.`}
      fields={[{
        key: 'reason', label: 'Reason', hint: 'For example: "The school laptop in the meeting room will do."',
        maxLength: maxLengthOf(commandSchemas['exceptionRequest.decline'].input.shape.reason),
      }]}
      confirmLabel="Decline the request"
      busyLabel="Declining…"
      onConfirm={({ reason }) => declineExceptionRequest(request, reason)}
      onClose={onClose}
    />
  );
}
