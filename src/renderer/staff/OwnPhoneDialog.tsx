import { useState, type ReactNode } from 'react';
import { custodyItem } from '../../shared/contract/index.js';
import { maxLengthOf } from '../../shared/validation.js';
import { Alert } from '../components/Alert.js';
import { BigButton } from '../components/BigButton.js';
import { ModalDialog } from '../components/ModalDialog.js';
import { TextField } from '../components/TextField.js';
import { useDialogAction } from '../components/useDialogAction.js';
import type { ActionResult } from '../lib/action-result.js';

interface OwnPhoneDialogProps {
  title: string;
  lead: ReactNode;
  submitLabel: string;
  /** Said on the button while it is sent: a sign-in saves, the Today page logs the phone. */
  busyLabel?: string;
  /** Where main puts this form's messages: "phone" for a sign-in (phone.bagSlot), "items.0" for custody.log. */
  fieldsAt: 'phone' | 'items.0';
  onConfirm: (bagSlot: string, description: string) => Promise<ActionResult>;
  onClose: () => void;
}

/**
 * A member of staff's phone into the safe: which bag or slot, and what it looks like if they like. One dialog
 * for signing in with it, for the office logging someone's, and for logging your own from the Today page.
 */
export function OwnPhoneDialog({ title, lead, submitLabel, busyLabel = 'Saving…', fieldsAt, onConfirm, onClose }: OwnPhoneDialogProps) {
  const [bag, setBag] = useState('');
  const [description, setDescription] = useState('');
  const { busy, error, fields, run, clearField } = useDialogAction(onClose);
  return (
    <ModalDialog
      variant="form"
      title={title}
      onEscape={onClose}
      description={<p>{lead}</p>}
      body={
        <form
          id="staff-phone-form"
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
              clearField(`${fieldsAt}.bagSlot`);
            }}
            error={fields[`${fieldsAt}.bagSlot`]}
          />
          <TextField
            label="Make and colour (optional)"
            value={description}
            maxLength={maxLengthOf(custodyItem.shape.description)}
            onChange={(v) => {
              setDescription(v);
              clearField(`${fieldsAt}.description`);
            }}
            error={fields[`${fieldsAt}.description`]}
          />
        </form>
      }
    >
      <BigButton type="submit" form="staff-phone-form" disabled={busy}>{busy ? busyLabel : submitLabel}</BigButton>
      <BigButton variant="secondary" onClick={onClose}>Cancel</BigButton>
    </ModalDialog>
  );
}
