import { useState } from 'react';
import type { OnSiteVisit } from '../../shared/contract.js';
import { Alert } from '../components/Alert.js';
import { BigButton } from '../components/BigButton.js';
import { ModalDialog } from '../components/ModalDialog.js';
import { TextAreaField } from '../components/TextAreaField.js';
import type { ActionResult } from '../stores/console-store.js';
import { countItems } from './format.js';
import { useDialogAction } from './useDialogAction.js';

interface OverrideDialogProps {
  visit: OnSiteVisit;
  onConfirm: (reason: string) => Promise<ActionResult>;
  onClose: () => void;
}

/** Closing a visit while items are still in the safe: never silent, always with a reason. */
export function OverrideDialog({ visit, onConfirm, onClose }: OverrideDialogProps) {
  const [reason, setReason] = useState('');
  const { busy, error, fields, run, clearField } = useDialogAction(onClose);
  const name = `${visit.firstName} ${visit.lastName}`;
  return (
    <ModalDialog
      variant="form"
      title={`Sign out ${name} without their items?`}
      onEscape={onClose}
      description={
        <p>
          {visit.itemsInSafe > 0
            ? `Their ${countItems(visit.itemsInSafe)} will stay in the safe, and on the "In the safe" list, until someone collects them.`
            : 'Nothing of theirs is in the safe now.'}{' '}
          The reason is kept in the visit record.
        </p>
      }
      body={
        <>
          {error ? <Alert>{error}</Alert> : null}
          <TextAreaField
            label="Reason"
            hint='For example: "Had to leave in a hurry, will collect tomorrow".'
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
        {busy ? 'Signing out…' : 'Sign out without items'}
      </BigButton>
      <BigButton variant="secondary" onClick={onClose}>Cancel</BigButton>
    </ModalDialog>
  );
}
