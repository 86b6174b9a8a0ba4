import { useState } from 'react';
import type { StaffAccount } from '../../shared/contract/index.js';
import { LONG_PIN_DIGITS, MAX_PIN_DIGITS, MIN_PIN_DIGITS, needsLongPin } from '../../shared/domain/pin-rules.js';
import { Alert } from '../components/Alert.js';
import { BigButton } from '../components/BigButton.js';
import { ModalDialog } from '../components/ModalDialog.js';
import { TextField } from '../components/TextField.js';
import { useDialogAction } from '../components/useDialogAction.js';
import type { ActionResult } from '../lib/action-result.js';

interface ResetPinDialogProps {
  account: StaffAccount;
  onConfirm: (pin: string, pinAgain: string) => Promise<ActionResult>;
  onClose: () => void;
}

/** A forgotten PIN: the administrator sets a new one and tells the person in person. */
export function ResetPinDialog({ account, onConfirm, onClose }: ResetPinDialogProps) {
  const [pin, setPin] = useState('');
  const [pinAgain, setPinAgain] = useState('');
  const { busy, error, fields, run, clearField } = useDialogAction(onClose);
  return (
    <ModalDialog
      variant="form"
      title={`New PIN for ${account.displayName}`}
      onEscape={onClose}
      description={<p>Their old PIN stops working at once, any wrong-PIN lock is cleared, and an open console of theirs locks.</p>}
      body={
        <form
          id="reset-pin-form"
          className="form"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void run(async () => {
              const result = await onConfirm(pin, pinAgain);
              if (!result.ok) {
                setPin('');
                setPinAgain('');
              }
              return result;
            });
          }}
        >
          {error ? <Alert>{error}</Alert> : null}
          <TextField label="New PIN" hint={needsLongPin(account.roles) ? `${LONG_PIN_DIGITS} to ${MAX_PIN_DIGITS} digits: a DSL, administrator or head needs at least ${LONG_PIN_DIGITS}.` : `${MIN_PIN_DIGITS} to ${MAX_PIN_DIGITS} digits.`} type="password" inputMode="numeric" maxLength={MAX_PIN_DIGITS} value={pin} error={fields.pin}
            onChange={(v) => {
              setPin(v);
              clearField('pin');
            }} />
          <TextField label="New PIN again" type="password" inputMode="numeric" maxLength={MAX_PIN_DIGITS} value={pinAgain} error={fields.pinAgain}
            onChange={(v) => {
              setPinAgain(v);
              clearField('pinAgain');
            }} />
        </form>
      }
    >
      <BigButton type="submit" form="reset-pin-form" disabled={busy}>{busy ? 'Saving…' : 'Set the new PIN'}</BigButton>
      <BigButton variant="secondary" onClick={onClose}>Cancel</BigButton>
    </ModalDialog>
  );
}
