import { useState } from 'react';
import { Alert } from '../components/Alert.js';
import { BigButton } from '../components/BigButton.js';
import { ModalDialog } from '../components/ModalDialog.js';
import { TextAreaField } from '../components/TextAreaField.js';
import { TextField } from '../components/TextField.js';
import type { ActionResult } from '../stores/console-store.js';
import { useDialogAction } from './useDialogAction.js';

interface HandOnDialogProps {
  itemLabel: string;
  onConfirm: (handedTo: string, reason: string) => Promise<ActionResult>;
  onClose: () => void;
}

/** An item leaves the safe to someone other than its owner (the police, say): recorded, never undone. */
export function HandOnDialog({ itemLabel, onConfirm, onClose }: HandOnDialogProps) {
  const [handedTo, setHandedTo] = useState('');
  const [reason, setReason] = useState('');
  const { busy, error, fields, run, clearField } = useDialogAction(onClose);
  return (
    <ModalDialog
      variant="form"
      title={`Hand on the ${itemLabel.charAt(0).toLowerCase()}${itemLabel.slice(1)}?`}
      onEscape={onClose}
      description={
        <p>Use this only when the item goes to someone other than its owner, for example the police. It is recorded and cannot be undone.</p>
      }
      body={
        <>
          {error ? <Alert>{error}</Alert> : null}
          <TextField
            label="Handed to"
            hint="Name and role or organisation, for example PC Patel, Kent Police."
            value={handedTo}
            maxLength={120}
            onChange={(v) => {
              setHandedTo(v);
              clearField('handedTo');
            }}
            error={fields.handedTo}
          />
          <TextAreaField
            label="Why it was handed on"
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
      <BigButton onClick={() => void run(() => onConfirm(handedTo, reason))} disabled={busy}>
        {busy ? 'Saving…' : 'Hand on'}
      </BigButton>
      <BigButton variant="secondary" onClick={onClose}>Cancel</BigButton>
    </ModalDialog>
  );
}
