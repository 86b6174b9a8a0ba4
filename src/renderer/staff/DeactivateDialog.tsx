import { commandSchemas, type StaffAccount } from '../../shared/contract/index.js';
import { maxLengthOf } from '../../shared/validation.js';
import { ReasonDialog } from '../components/ReasonDialog.js';
import type { ActionResult } from '../lib/action-result.js';

interface DeactivateDialogProps {
  account: StaffAccount;
  onConfirm: (reason: string) => Promise<ActionResult>;
  onClose: () => void;
}

/** A leaver: the account stops working, but the name stays on every record it is part of. */
export function DeactivateDialog({ account, onConfirm, onClose }: DeactivateDialogProps) {
  return (
    <ReasonDialog
      title={`Deactivate ${account.displayName}?`}
      explanation="They can no longer unlock the staff console. Nothing they recorded is deleted, and their name stays on past records."
      fields={[{ key: 'reason', label: 'Reason', hint: 'For example: "Left the school in July".', maxLength: maxLengthOf(commandSchemas['staff.deactivate'].input.shape.reason) }]}
      confirmLabel="Deactivate"
      busyLabel="Deactivating…"
      formId="deactivate-form"
      onConfirm={({ reason }) => onConfirm(reason)}
      onClose={onClose}
    />
  );
}
