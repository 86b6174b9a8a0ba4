import type { StaffOnSite } from '../../shared/contract/index.js';
import { Alert } from '../components/Alert.js';
import { BigButton } from '../components/BigButton.js';
import { ModalDialog } from '../components/ModalDialog.js';
import { useDialogAction } from '../components/useDialogAction.js';
import type { ActionResult } from '../lib/action-result.js';
import { devicesWords, slotWords } from './staff-day-words.js';

interface BreakDialogProps {
  person: StaffOnSite;
  /** Out: their devices in the safe, given to them. Back: what they took out, logged in again as it was. */
  direction: 'out' | 'back';
  onConfirm: () => Promise<ActionResult>;
  onClose: () => void;
}

/**
 * The second of the two taps at break time: says exactly what will be recorded, whose and which bag, so the
 * office confirms it with the phone in their hand.
 */
export function BreakDialog({ person, direction, onConfirm, onClose }: BreakDialogProps) {
  const { busy, error, run } = useDialogAction(onClose);
  const devices = direction === 'out' ? person.devicesInSafe : person.devicesOut;
  const slots = [...new Set(devices.map((d) => slotWords(d.bagSlot)))].join(', ');
  const what = `${person.displayName}'s ${devicesWords(devices)}`;
  return (
    <ModalDialog
      title={direction === 'out' ? 'Out of the safe for a break' : 'Back into the safe'}
      onEscape={onClose}
      description={
        <>
          {error ? <Alert>{error}</Alert> : null}
          <p>
            {direction === 'out'
              ? `Give ${what} from ${slots}. It is recorded as given back to them, and shown as out until it goes back in.`
              : `Put ${what} back in ${slots}. It goes back under the receipt they were given when it first went in, so there is nothing new to print.`}
          </p>
        </>
      }
    >
      <BigButton onClick={() => void run(onConfirm)} disabled={busy}>
        {busy ? 'Saving…' : direction === 'out' ? 'Given to them' : 'Back in the safe'}
      </BigButton>
      <BigButton variant="secondary" onClick={onClose} disabled={busy}>Cancel</BigButton>
    </ModalDialog>
  );
}
