import { commandSchemas, type OnSiteVisit } from '../../shared/contract/index.js';
import { maxLengthOf } from '../../shared/validation.js';
import { ReasonDialog } from '../components/ReasonDialog.js';
import { countItems } from '../lib/format.js';
import type { ActionResult } from '../lib/action-result.js';
import { fullName } from '../../shared/domain/names.js';

interface SignOutDialogProps {
  visit: OnSiteVisit;
  onConfirm: (reason: string) => Promise<ActionResult>;
  onClose: () => void;
}

/** Signing out someone who left without doing it themselves: the office says why, and it is kept. */
export function SignOutDialog({ visit, onConfirm, onClose }: SignOutDialogProps) {
  const name = fullName(visit);
  return (
    <ReasonDialog
      title={`Sign out ${name}?`}
      explanation={
        <>
          Use this when someone has left without signing out.{' '}
          {visit.itemsInSafe > 0
            ? (visit.itemsInSafe === 1
              ? 'Their item stays in the safe, flagged, until someone collects it.'
              : `Their ${countItems(visit.itemsInSafe)} stay in the safe, flagged, until someone collects them.`)
            : 'Nothing of theirs is in the safe.'}{' '}
          The reason is kept in the visit record.
        </>
      }
      fields={[{ key: 'reason', label: 'Reason', hint: 'For example: "Seen leaving by the side gate at 15:30".', maxLength: maxLengthOf(commandSchemas['visit.overrideSignOut'].input.shape.reason) }]}
      confirmLabel="Sign out"
      busyLabel="Signing out…"
      formId="eod-sign-out-form"
      onConfirm={({ reason }) => onConfirm(reason)}
      onClose={onClose}
    />
  );
}
