import { commandSchemas } from '../../shared/contract/index.js';
import { maxLengthOf } from '../../shared/validation.js';
import { ReasonDialog } from '../components/ReasonDialog.js';
import type { ActionResult } from '../lib/action-result.js';

interface NotHandedInDialogProps {
  name: string;
  onConfirm: (note: string) => Promise<ActionResult>;
  onClose: () => void;
}

/** The visitor declared devices but handed none in: closes the pending handover, with a note. */
export function NotHandedInDialog({ name, onConfirm, onClose }: NotHandedInDialogProps) {
  return (
    <ReasonDialog
      title="Nothing was handed in?"
      explanation={`This takes ${name} off the waiting list. Nothing is logged into the safe.`}
      fields={[{ key: 'note', label: 'What happened?', hint: 'For example: "Left it in the car".', maxLength: maxLengthOf(commandSchemas['custody.markNotHandedIn'].input.shape.note) }]}
      confirmLabel="Confirm nothing was handed in"
      busyLabel="Saving…"
      onConfirm={({ note }) => onConfirm(note)}
      onClose={onClose}
    />
  );
}
