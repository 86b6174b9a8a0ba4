import { useEffect, useRef } from 'react';
import { MAX_SCAN_CODE_INPUT } from '../../../shared/contract/index.js';
import { BigButton } from '../../components/BigButton.js';
import { TextField } from '../../components/TextField.js';
import { useScannerBurst } from '../../lib/useScannerBurst.js';
import { useKioskStore } from '../kiosk-store.js';
import { StepFrame } from './StepFrame.js';

const FORM_ID = 'invite-scan';

/**
 * A booked visitor scans the QR code on their invitation. The reception scanner types the code into the
 * box (which has focus already) and presses Enter; a scanner that sends no Enter is caught by its burst.
 */
export function InviteScanStep() {
  const code = useKioskStore((s) => s.inviteCode);
  const error = useKioskStore((s) => s.error);
  const busy = useKioskStore((s) => s.busy);
  const setInviteCode = useKioskStore((s) => s.setInviteCode);
  const lookupInvite = useKioskStore((s) => s.lookupInvite);
  const startNew = useKioskStore((s) => s.startNew);
  const back = useKioskStore((s) => s.back);
  const inputRef = useRef<HTMLInputElement>(null);

  useEffect(() => inputRef.current?.focus(), []);
  // After a code is refused the box is empty again: the cursor goes back for the next scan.
  useEffect(() => {
    if (error) inputRef.current?.focus();
  }, [error]);
  useScannerBurst((scanned) => void lookupInvite(scanned), inputRef);

  return (
    <StepFrame
      title="Sign in with your invitation"
      focusHeading={false}
      error={error}
      onBack={back}
      actions={<BigButton type="submit" form={FORM_ID} disabled={busy}>{busy ? 'Checking…' : 'Continue'}</BigButton>}
    >
      <form
        id={FORM_ID}
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void lookupInvite();
        }}
      >
        <TextField
          className="search-field invite-field"
          label="Scan the QR code on your invitation"
          hint="Hold the code under the scanner. Or type the code printed under it, then tap Continue."
          value={code}
          onChange={setInviteCode}
          inputRef={inputRef}
          autoCapitalize="characters"
          maxLength={MAX_SCAN_CODE_INPUT}
        />
      </form>
      {error ? (
        <div className="invite-other">
          <p>You can still sign in without the invitation.</p>
          <BigButton variant="secondary" onClick={startNew}>Sign in another way</BigButton>
        </div>
      ) : null}
    </StepFrame>
  );
}
