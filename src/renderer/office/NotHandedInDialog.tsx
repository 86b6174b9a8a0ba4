import { useState } from 'react';
import { Alert } from '../components/Alert.js';
import { BigButton } from '../components/BigButton.js';
import { ModalDialog } from '../components/ModalDialog.js';
import { TextAreaField } from '../components/TextAreaField.js';
import type { ActionResult } from '../stores/console-store.js';
import { useDialogAction } from './useDialogAction.js';

interface NotHandedInDialogProps {
  name: string;
  onConfirm: (note: string) => Promise<ActionResult>;
  onClose: () => void;
}

/** The visitor declared devices but handed none in: closes the pending handover, with a note. */
export function NotHandedInDialog({ name, onConfirm, onClose }: NotHandedInDialogProps) {
  const [note, setNote] = useState('');
  const { busy, error, fields, run, clearField } = useDialogAction(onClose);
  return (
    <ModalDialog
      variant="form"
      title="Nothing was handed in?"
      onEscape={onClose}
      description={<p>This takes {name} off the waiting list. Nothing is logged into the safe.</p>}
      body={
        <>
          {error ? <Alert>{error}</Alert> : null}
          <TextAreaField
            label="What happened?"
            hint='For example: "Left it in the car".'
            value={note}
            maxLength={300}
            onChange={(v) => {
              setNote(v);
              clearField('note');
            }}
            error={fields.note}
          />
        </>
      }
    >
      <BigButton onClick={() => void run(() => onConfirm(note))} disabled={busy}>
        {busy ? 'Saving…' : 'Confirm nothing was handed in'}
      </BigButton>
      <BigButton variant="secondary" onClick={onClose}>Cancel</BigButton>
    </ModalDialog>
  );
}
