import { useState } from 'react';
import { custodyItem } from '../../shared/contract/index.js';
import { maxLengthOf } from '../../shared/validation.js';
import { Alert } from '../components/Alert.js';
import { BigButton } from '../components/BigButton.js';
import { ModalDialog } from '../components/ModalDialog.js';
import { TextField } from '../components/TextField.js';
import { useDialogAction } from '../components/useDialogAction.js';
import type { ActionResult } from '../lib/action-result.js';

interface StaffPhoneDialogProps {
  name: string;
  onConfirm: (bagSlot: string, description: string) => Promise<ActionResult>;
  onClose: () => void;
}

/** The start of a staff member's day: their own phone into the safe in one step. */
export function StaffPhoneDialog({ name, onConfirm, onClose }: StaffPhoneDialogProps) {
  const [bag, setBag] = useState('');
  const [description, setDescription] = useState('');
  const { busy, error, fields, run, clearField } = useDialogAction(onClose);
  return (
    <ModalDialog
      variant="form"
      title="Put your phone in the safe"
      onEscape={onClose}
      description={<p>Your phone is logged under your name, {name}, and a receipt is printed.</p>}
      body={
        <form
          id="own-phone-form"
          className="form"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void run(() => onConfirm(bag, description));
          }}
        >
          {error ? <Alert>{error}</Alert> : null}
          <TextField
            label="Bag or slot number"
            value={bag}
            maxLength={maxLengthOf(custodyItem.shape.bagSlot)}
            onChange={(v) => {
              setBag(v);
              clearField('items.0.bagSlot');
            }}
            error={fields['items.0.bagSlot']}
          />
          <TextField
            label="Make and colour (optional)"
            value={description}
            maxLength={maxLengthOf(custodyItem.shape.description)}
            onChange={(v) => {
              setDescription(v);
              clearField('items.0.description');
            }}
            error={fields['items.0.description']}
          />
        </form>
      }
    >
      <BigButton type="submit" form="own-phone-form" disabled={busy}>{busy ? 'Logging…' : 'Log my phone'}</BigButton>
      <BigButton variant="secondary" onClick={onClose}>Cancel</BigButton>
    </ModalDialog>
  );
}
