import { commandSchemas } from '../../shared/contract/index.js';
import { maxLengthOf } from '../../shared/validation.js';
import { ReasonDialog } from '../components/ReasonDialog.js';
import type { ActionResult } from '../lib/action-result.js';

interface EndExceptionDialogProps {
  pupilName: string;
  onConfirm: (reason: string) => Promise<ActionResult>;
  onClose: () => void;
}

/** Ending a pupil's exception: the DSL's or headteacher's decision, always with a reason kept with it. */
export function EndExceptionDialog({ pupilName, onConfirm, onClose }: EndExceptionDialogProps) {
  return (
    <ReasonDialog
      title={`End the exception for ${pupilName}?`}
      explanation="It ends now. From then on the pupil may not keep the device with them in school, and the office will see that when it is handed in. The exception, its signed agreement and the reason stay on record."
      fields={[{
        key: 'reason', label: 'Reason', hint: 'For example: "No longer needed: the monitor has its own reader" or "Used to take photos in class".',
        maxLength: maxLengthOf(commandSchemas['learner.endException'].input.shape.reason),
      }]}
      confirmLabel="End the exception"
      busyLabel="Ending…"
      onConfirm={({ reason }) => onConfirm(reason)}
      onClose={onClose}
    />
  );
}
