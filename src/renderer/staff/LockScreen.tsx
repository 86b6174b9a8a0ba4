import { useEffect, useRef } from 'react';
import { MAX_PIN_DIGITS } from '../../shared/domain/pin-rules.js';
import { Alert } from '../components/Alert.js';
import { BigButton } from '../components/BigButton.js';
import { ChoiceCards } from '../components/ChoiceCards.js';
import { TextField } from '../components/TextField.js';
import { useSessionStore } from './session-store.js';

export function LockScreen() {
  const staff = useSessionStore((s) => s.staff);
  const staffId = useSessionStore((s) => s.staffId);
  const pin = useSessionStore((s) => s.pin);
  const busy = useSessionStore((s) => s.busy);
  const error = useSessionStore((s) => s.error);
  const fieldErrors = useSessionStore((s) => s.fieldErrors);
  const lockNotice = useSessionStore((s) => s.lockNotice);
  const settingName = useSessionStore((s) => s.settingName);
  const chooseStaff = useSessionStore((s) => s.chooseStaff);
  const setPin = useSessionStore((s) => s.setPin);
  const unlock = useSessionStore((s) => s.unlock);
  const pinRef = useRef<HTMLInputElement>(null);

  // After a wrong PIN the box is empty again: put the cursor back in it for the next try.
  useEffect(() => {
    if (error && fieldErrors.pin) pinRef.current?.focus();
  }, [error, fieldErrors.pin]);

  return (
    <main className="console-lock">
      <div className="card lock-card">
        <h1>Staff console</h1>
        {settingName ? <p className="lock-setting">{settingName}</p> : null}
        {lockNotice ? <Alert tone="info">{lockNotice}</Alert> : null}
        {error ? <Alert>{error}</Alert> : null}
        <form
          className="form"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void unlock();
          }}
        >
          <ChoiceCards
            legend="Who are you?"
            choices={staff.map((s) => ({ value: String(s.id), label: s.displayName }))}
            value={staffId === null ? null : String(staffId)}
            onChange={(v) => chooseStaff(Number(v))}
            error={fieldErrors.staffId}
          />
          <TextField label="PIN" type="password" inputMode="numeric" maxLength={MAX_PIN_DIGITS} inputRef={pinRef}
            value={pin} onChange={setPin} error={fieldErrors.pin} />
          <BigButton type="submit" disabled={busy}>{busy ? 'Checking…' : 'Unlock'}</BigButton>
        </form>
        <p className="lock-back"><a href="#/">Back to the kiosk</a></p>
      </div>
    </main>
  );
}
