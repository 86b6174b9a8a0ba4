import { commandSchemas } from '../../shared/contract/index.js';
import { maxLengthOf } from '../../shared/validation.js';
import { ReasonDialog } from '../components/ReasonDialog.js';
import type { ActionResult } from '../lib/action-result.js';

interface HandOnDialogProps {
  itemLabel: string;
  onConfirm: (handedTo: string, reason: string) => Promise<ActionResult>;
  onClose: () => void;
}

const HAND_ON = commandSchemas['custody.handOn'].input.shape;

/** An item leaves the safe to someone other than its owner (the police, say): recorded, never undone. */
export function HandOnDialog({ itemLabel, onConfirm, onClose }: HandOnDialogProps) {
  return (
    <ReasonDialog
      title={`Hand on the ${itemLabel.charAt(0).toLowerCase()}${itemLabel.slice(1)}?`}
      explanation="Use this only when the item goes to someone other than its owner, for example the police. It is recorded and cannot be undone."
      fields={[
        { key: 'handedTo', label: 'Handed to', hint: 'Name and role or organisation, for example PC Patel, Kent Police.', maxLength: maxLengthOf(HAND_ON.handedTo), singleLine: true },
        { key: 'reason', label: 'Why it was handed on', maxLength: maxLengthOf(HAND_ON.reason) },
      ]}
      confirmLabel="Hand on"
      busyLabel="Saving…"
      onConfirm={({ handedTo, reason }) => onConfirm(handedTo, reason)}
      onClose={onClose}
    />
  );
}
