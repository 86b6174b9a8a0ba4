import { commandSchemas } from '../../shared/contract/index.js';
import { maxLengthOf } from '../../shared/validation.js';
import { ReasonDialog } from '../components/ReasonDialog.js';
import type { ActionResult } from '../lib/action-result.js';

interface EndAgreementDialogProps {
  pupilName: string;
  onConfirm: (reason: string) => Promise<ActionResult>;
  onClose: () => void;
}

/** Ending an agreement before its last day: always with a reason, kept with the agreement. */
export function EndAgreementDialog({ pupilName, onConfirm, onClose }: EndAgreementDialogProps) {
  return (
    <ReasonDialog
      title={`End the agreement for ${pupilName}?`}
      explanation="It ends today. From now on their device is not allowed in school, and the office will see that when it is handed in. The agreement and the reason stay on record."
      fields={[{
        key: 'reason', label: 'Reason', hint: 'For example: "Used the phone in class" or "Left the school".',
        maxLength: maxLengthOf(commandSchemas['learner.endAgreement'].input.shape.reason),
      }]}
      confirmLabel="End the agreement"
      busyLabel="Ending…"
      onConfirm={({ reason }) => onConfirm(reason)}
      onClose={onClose}
    />
  );
}
