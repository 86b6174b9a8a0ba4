import { useState } from 'react';
import type { OnSiteVisit } from '../../shared/contract.js';
import { Alert } from '../components/Alert.js';
import { BigButton } from '../components/BigButton.js';
import { ModalDialog } from '../components/ModalDialog.js';
import { TextAreaField } from '../components/TextAreaField.js';
import { countItems } from '../office/format.js';
import { useDialogAction } from '../office/useDialogAction.js';
import type { ActionResult } from '../stores/console-store.js';

interface SignOutDialogProps {
  visit: OnSiteVisit;
  onConfirm: (reason: string) => Promise<ActionResult>;
  onClose: () => void;
}

/** Signing out someone who left without doing it themselves: the office says why, and it is kept. */
export function SignOutDialog({ visit, onConfirm, onClose }: SignOutDialogProps) {
  const [reason, setReason] = useState('');
  const { busy, error, fields, run, clearField } = useDialogAction(onClose);
  const name = `${visit.firstName} ${visit.lastName}`;
  return (
    <ModalDialog
      variant="form"
      title={`Sign out ${name}?`}
      onEscape={onClose}
      description={
        <p>
          Use this when someone has left without signing out.{' '}
          {visit.itemsInSafe > 0
            ? `Their ${countItems(visit.itemsInSafe)} stay in the safe, flagged, until someone collects them.`
            : 'Nothing of theirs is in the safe.'}{' '}
          The reason is kept in the visit record.
        </p>
      }
      body={
        <form
          id="eod-sign-out-form"
          className="form"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void run(() => onConfirm(reason));
          }}
        >
          {error ? <Alert>{error}</Alert> : null}
          <TextAreaField
            label="Reason"
            hint='For example: "Seen leaving by the side gate at 15:30".'
            value={reason}
            maxLength={300}
            onChange={(v) => {
              setReason(v);
              clearField('reason');
            }}
            error={fields.reason}
          />
        </form>
      }
    >
      <BigButton type="submit" form="eod-sign-out-form" disabled={busy}>{busy ? 'Signing out…' : 'Sign out'}</BigButton>
      <BigButton variant="secondary" onClick={onClose}>Cancel</BigButton>
    </ModalDialog>
  );
}
