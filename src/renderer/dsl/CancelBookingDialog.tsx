import { useState } from 'react';
import { Alert } from '../components/Alert.js';
import { BigButton } from '../components/BigButton.js';
import { ModalDialog } from '../components/ModalDialog.js';
import { TextAreaField } from '../components/TextAreaField.js';
import type { ActionResult } from '../stores/console-store.js';
import { useDialogAction } from '../office/useDialogAction.js';

interface CancelBookingDialogProps {
  name: string;
  onConfirm: (reason: string) => Promise<ActionResult>;
  onClose: () => void;
}

/** A booked visit that will not happen: the invitation stops working, and the reason is kept. */
export function CancelBookingDialog({ name, onConfirm, onClose }: CancelBookingDialogProps) {
  const [reason, setReason] = useState('');
  const { busy, error, fields, run, clearField } = useDialogAction(onClose);
  return (
    <ModalDialog
      variant="form"
      title={`Cancel the visit by ${name}?`}
      onEscape={onClose}
      description={<p>Their invitation will no longer sign them in, and any approval made in advance ends.</p>}
      body={
        <>
          {error ? <Alert>{error}</Alert> : null}
          <TextAreaField
            label="Reason"
            hint='For example: "Rearranged for next week".'
            value={reason}
            maxLength={300}
            onChange={(v) => {
              setReason(v);
              clearField('reason');
            }}
            error={fields.reason}
          />
        </>
      }
    >
      <BigButton onClick={() => void run(() => onConfirm(reason))} disabled={busy}>
        {busy ? 'Cancelling…' : 'Cancel the visit'}
      </BigButton>
      <BigButton variant="secondary" onClick={onClose}>Keep the booking</BigButton>
    </ModalDialog>
  );
}
