import { ReasonDialog } from '../components/ReasonDialog.js';
import type { ActionResult } from '../lib/action-result.js';

interface HandOnDialogProps {
  itemLabel: string;
  onConfirm: (handedTo: string, reason: string) => Promise<ActionResult>;
  onClose: () => void;
}

/** An item leaves the safe to someone other than its owner (the police, say): recorded, never undone. */
export function HandOnDialog({ itemLabel, onConfirm, onClose }: HandOnDialogProps) {
  return (
    <ReasonDialog
      title={`Hand on the ${itemLabel.charAt(0).toLowerCase()}${itemLabel.slice(1)}?`}
      explanation="Use this only when the item goes to someone other than its owner, for example the police. It is recorded and cannot be undone."
      fields={[
        { key: 'handedTo', label: 'Handed to', hint: 'Name and role or organisation, for example PC Patel, Kent Police.', maxLength: 120, singleLine: true },
        { key: 'reason', label: 'Why it was handed on', maxLength: 300 },
      ]}
      confirmLabel="Hand on"
      busyLabel="Saving…"
      onConfirm={({ handedTo, reason }) => onConfirm(handedTo, reason)}
      onClose={onClose}
    />
  );
}
