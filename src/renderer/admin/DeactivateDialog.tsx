import { useState } from 'react';
import type { StaffAccount } from '../../shared/contract.js';
import { Alert } from '../components/Alert.js';
import { BigButton } from '../components/BigButton.js';
import { ModalDialog } from '../components/ModalDialog.js';
import { TextAreaField } from '../components/TextAreaField.js';
import { useDialogAction } from '../office/useDialogAction.js';
import type { ActionResult } from '../stores/console-store.js';

interface DeactivateDialogProps {
  account: StaffAccount;
  onConfirm: (reason: string) => Promise<ActionResult>;
  onClose: () => void;
}

/** A leaver: the account stops working, but the name stays on every record it is part of. */
export function DeactivateDialog({ account, onConfirm, onClose }: DeactivateDialogProps) {
  const [reason, setReason] = useState('');
  const { busy, error, fields, run, clearField } = useDialogAction(onClose);
  return (
    <ModalDialog
      variant="form"
      title={`Deactivate ${account.displayName}?`}
      onEscape={onClose}
      description={<p>They can no longer unlock the staff console. Nothing they recorded is deleted, and their name stays on past records.</p>}
      body={
        <form
          id="deactivate-form"
          className="form"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void run(() => onConfirm(reason));
          }}
        >
          {error ? <Alert>{error}</Alert> : null}
          <TextAreaField label="Reason" hint='For example: "Left the school in July".' value={reason} maxLength={300} error={fields.reason}
            onChange={(v) => {
              setReason(v);
              clearField('reason');
            }} />
        </form>
      }
    >
      <BigButton type="submit" form="deactivate-form" disabled={busy}>{busy ? 'Deactivating…' : 'Deactivate'}</BigButton>
      <BigButton variant="secondary" onClick={onClose}>Cancel</BigButton>
    </ModalDialog>
  );
}
