import { commandSchemas, type OnSiteVisit } from '../../shared/contract/index.js';
import { maxLengthOf } from '../../shared/validation.js';
import { ReasonDialog } from '../components/ReasonDialog.js';
import type { ActionResult } from '../lib/action-result.js';
import { countItems } from '../lib/format.js';
import { fullName } from '../../shared/domain/names.js';

interface OverrideDialogProps {
  visit: OnSiteVisit;
  onConfirm: (reason: string) => Promise<ActionResult>;
  onClose: () => void;
}

/** Closing a visit while items are still in the safe: never silent, always with a reason. */
export function OverrideDialog({ visit, onConfirm, onClose }: OverrideDialogProps) {
  const name = fullName(visit);
  return (
    <ReasonDialog
      title={`Sign out ${name} without their items?`}
      explanation={
        <>
          {visit.itemsInSafe > 0
            ? (visit.itemsInSafe === 1
              ? 'Their item will stay in the safe, and on the "In the safe" list, until someone collects it.'
              : `Their ${countItems(visit.itemsInSafe)} will stay in the safe, and on the "In the safe" list, until someone collects them.`)
            : 'Nothing of theirs is in the safe now.'}{' '}
          The reason is kept in the visit record.
        </>
      }
      fields={[{ key: 'reason', label: 'Reason', hint: 'For example: "Had to leave in a hurry, will collect tomorrow".', maxLength: maxLengthOf(commandSchemas['visit.overrideSignOut'].input.shape.reason) }]}
      confirmLabel="Sign out without items"
      busyLabel="Signing out…"
      onConfirm={({ reason }) => onConfirm(reason)}
      onClose={onClose}
    />
  );
}
