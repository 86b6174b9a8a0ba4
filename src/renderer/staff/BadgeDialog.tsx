import type { StaffAccount } from '../../shared/contract/index.js';
import { formatDate } from '../../shared/domain/time.js';
import { Alert } from '../components/Alert.js';
import { BigButton } from '../components/BigButton.js';
import { ModalDialog } from '../components/ModalDialog.js';
import { useDialogAction } from '../components/useDialogAction.js';
import type { ActionResult } from '../lib/action-result.js';

interface BadgeDialogProps {
  account: StaffAccount;
  onConfirm: () => Promise<ActionResult>;
  onClose: () => void;
}

/**
 * Issue a staff badge, or replace one: says what the badge does, and, for a replacement, that the old one
 * stops working at once (a lost badge found by someone else signs nobody in).
 */
export function BadgeDialog({ account, onConfirm, onClose }: BadgeDialogProps) {
  const { busy, error, run } = useDialogAction(onClose);
  const replacing = account.badgeIssuedAt !== null;
  return (
    <ModalDialog
      title={replacing ? `Replace ${account.displayName}'s badge?` : `Issue a staff badge for ${account.displayName}?`}
      onEscape={onClose}
      description={
        <>
          {error ? <Alert>{error}</Alert> : null}
          <p>
            The badge is printed on the badge printer. Scanning its QR code at the kiosk signs {account.displayName} in or out of
            work without their PIN, so give it to them in person.
          </p>
          {replacing ? (
            <p><strong>The badge issued on {formatDate(account.badgeIssuedAt!)} stops working as soon as the new one is made.</strong></p>
          ) : null}
        </>
      }
    >
      <BigButton onClick={() => void run(onConfirm)} disabled={busy}>
        {busy ? 'Printing…' : replacing ? 'Replace and print' : 'Issue and print'}
      </BigButton>
      <BigButton variant="secondary" onClick={onClose} disabled={busy}>Cancel</BigButton>
    </ModalDialog>
  );
}
