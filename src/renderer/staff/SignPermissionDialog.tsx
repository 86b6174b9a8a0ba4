import { useState } from 'react';
import type { StaffPermissionView } from '../../shared/domain/staff-permissions.js';
import { ukDay } from '../../shared/domain/time.js';
import { Alert } from '../components/Alert.js';
import { BigButton } from '../components/BigButton.js';
import { DateTimeField } from '../components/DateTimeField.js';
import { ModalDialog } from '../components/ModalDialog.js';
import { useDialogAction } from '../components/useDialogAction.js';
import type { ActionResult } from '../lib/action-result.js';
import { todayUk } from '../lib/uk-clock.js';

const FORM_ID = 'permission-signed-form';

interface SignPermissionDialogProps {
  permission: StaffPermissionView;
  onConfirm: (signedOn: string) => Promise<ActionResult>;
  onClose: () => void;
}

/**
 * The signed permission has come back: the office records the day the member of staff dated it. Recorded
 * once; from then on the permission is in force for its days.
 */
export function SignPermissionDialog({ permission, onConfirm, onClose }: SignPermissionDialogProps) {
  const [signedOn, setSignedOn] = useState(() => todayUk());
  const { busy, error, fields, run, clearField } = useDialogAction(onClose);
  return (
    <ModalDialog
      variant="form"
      title={`Record ${permission.staffName}'s signature`}
      onEscape={onClose}
      description={<p>Check that {permission.staffName} and the headteacher have both signed the paper. Once recorded, the permission is in force for its days.</p>}
      body={
        <form
          id={FORM_ID}
          className="form"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void run(() => onConfirm(signedOn));
          }}
        >
          {error ? <Alert>{error}</Alert> : null}
          <DateTimeField label="Day they signed it" type="date" value={signedOn} min={ukDay(permission.recordedAt)}
            onChange={(v) => {
              setSignedOn(v);
              clearField('signedOn');
            }} error={fields.signedOn} className="field-narrow" />
        </form>
      }
    >
      <BigButton type="submit" form={FORM_ID} disabled={busy}>{busy ? 'Recording…' : 'Record the signature'}</BigButton>
      <BigButton variant="secondary" onClick={onClose}>Cancel</BigButton>
    </ModalDialog>
  );
}
