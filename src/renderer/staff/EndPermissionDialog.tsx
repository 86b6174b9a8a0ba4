import { commandSchemas } from '../../shared/contract/index.js';
import { maxLengthOf } from '../../shared/validation.js';
import { ReasonDialog } from '../components/ReasonDialog.js';
import type { ActionResult } from '../lib/action-result.js';

interface EndPermissionDialogProps {
  staffName: string;
  onConfirm: (reason: string) => Promise<ActionResult>;
  onClose: () => void;
}

/** Ending a member of staff's device permission: a head's decision, always with a reason kept with it. */
export function EndPermissionDialog({ staffName, onConfirm, onClose }: EndPermissionDialogProps) {
  return (
    <ReasonDialog
      title={`End the permission for ${staffName}?`}
      explanation="It ends now. From then on the usual rules for personal devices apply to them, and the office will ask for their phone where the safe is used. The permission, its signature and the reason stay on record."
      fields={[{
        key: 'reason', label: 'Reason', hint: 'For example: "The class is back in school" or "Used to take photos in class".',
        maxLength: maxLengthOf(commandSchemas['staffPermission.end'].input.shape.reason),
      }]}
      confirmLabel="End the permission"
      busyLabel="Ending…"
      onConfirm={({ reason }) => onConfirm(reason)}
      onClose={onClose}
    />
  );
}
