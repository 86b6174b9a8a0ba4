import { commandSchemas } from '../../shared/contract/index.js';
import { maxLengthOf } from '../../shared/validation.js';
import { ReasonDialog } from '../components/ReasonDialog.js';
import type { ActionResult } from '../lib/action-result.js';

interface RevokeDialogProps {
  name: string;
  onConfirm: (reason: string) => Promise<ActionResult>;
  onClose: () => void;
}

/** Ending an approval early: always with a reason, and staff then expect the device in the safe. */
export function RevokeDialog({ name, onConfirm, onClose }: RevokeDialogProps) {
  return (
    <ReasonDialog
      title={`Revoke device use for ${name}?`}
      explanation="The approval ends now. The on-site list will show that their device should be in the safe. The reason is kept with the approval record."
      fields={[{ key: 'reason', label: 'Reason', hint: 'For example: "Took a photo in the corridor where children were."', maxLength: maxLengthOf(commandSchemas['exception.revoke'].input.shape.reason) }]}
      confirmLabel="Revoke device use"
      busyLabel="Revoking…"
      onConfirm={({ reason }) => onConfirm(reason)}
      onClose={onClose}
    />
  );
}
