import { commandSchemas, type StaffAccount } from '../../shared/contract/index.js';
import { timeOrDateTime } from '../lib/format.js';
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
  const badge = account.badgeIssuedAt ? ' Their staff badge stops working.' : '';
  // Said before it happens: a leaver still signed in would otherwise stay on the roll call.
  const signedIn = account.signedInSince
    ? ` They are signed in for work (since ${timeOrDateTime(account.signedInSince)}): they are signed out now, recorded as not having signed out themselves. Anything of theirs in the safe stays there.`
    : '';
  return (
    <ReasonDialog
      title={`Deactivate ${account.displayName}?`}
      explanation={`They can no longer unlock the staff console.${badge}${signedIn} Nothing they recorded is deleted, and their name stays on past records.`}
      fields={[{ key: 'reason', label: 'Reason', hint: 'For example: "Left the school in July".', maxLength: maxLengthOf(commandSchemas['staff.deactivate'].input.shape.reason) }]}
      confirmLabel="Deactivate"
      busyLabel="Deactivating…"
      formId="deactivate-form"
      onConfirm={({ reason }) => onConfirm(reason)}
      onClose={onClose}
    />
  );
}
