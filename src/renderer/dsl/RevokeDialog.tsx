import { useState } from 'react';
import { Alert } from '../components/Alert.js';
import { BigButton } from '../components/BigButton.js';
import { ModalDialog } from '../components/ModalDialog.js';
import { TextAreaField } from '../components/TextAreaField.js';
import type { ActionResult } from '../stores/console-store.js';
import { useDialogAction } from '../office/useDialogAction.js';

interface RevokeDialogProps {
  name: string;
  onConfirm: (reason: string) => Promise<ActionResult>;
  onClose: () => void;
}

/** Ending an approval early: always with a reason, and staff then expect the device in the safe. */
export function RevokeDialog({ name, onConfirm, onClose }: RevokeDialogProps) {
  const [reason, setReason] = useState('');
  const { busy, error, fields, run, clearField } = useDialogAction(onClose);
  return (
    <ModalDialog
      variant="form"
      title={`Revoke device use for ${name}?`}
      onEscape={onClose}
      description={
        <p>
          The approval ends now. The on-site list will show that their device should be in the safe. The reason is kept
          with the approval record.
        </p>
      }
      body={
        <>
          {error ? <Alert>{error}</Alert> : null}
          <TextAreaField
            label="Reason"
            hint='For example: "Took a photo in the corridor where children were."'
            value={reason}
            maxLength={500}
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
        {busy ? 'Revoking…' : 'Revoke device use'}
      </BigButton>
      <BigButton variant="secondary" onClick={onClose}>Cancel</BigButton>
    </ModalDialog>
  );
}
