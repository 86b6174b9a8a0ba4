import { commandSchemas } from '../../shared/contract/index.js';
import { maxLengthOf } from '../../shared/validation.js';
import { ReasonDialog } from '../components/ReasonDialog.js';
import type { ActionResult } from '../lib/action-result.js';

interface CancelBookingDialogProps {
  name: string;
  onConfirm: (reason: string) => Promise<ActionResult>;
  onClose: () => void;
}

/** A booked visit that will not happen: the invitation stops working, and the reason is kept. */
export function CancelBookingDialog({ name, onConfirm, onClose }: CancelBookingDialogProps) {
  return (
    <ReasonDialog
      title={`Cancel the visit by ${name}?`}
      explanation="Their invitation will no longer sign them in, and any approval made in advance ends."
      fields={[{ key: 'reason', label: 'Reason', hint: 'For example: "Rearranged for next week".', maxLength: maxLengthOf(commandSchemas['booking.cancel'].input.shape.reason) }]}
      confirmLabel="Cancel the visit"
      busyLabel="Cancelling…"
      // "Cancel" alone would be ambiguous next to "Cancel the visit".
      cancelLabel="Keep the booking"
      onConfirm={({ reason }) => onConfirm(reason)}
      onClose={onClose}
    />
  );
}
