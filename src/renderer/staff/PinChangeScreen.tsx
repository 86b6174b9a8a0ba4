import { useRef, useState } from 'react';
import { LONG_PIN_DIGITS, LONG_PIN_MESSAGE, MAX_PIN_DIGITS, minPinDigitsFor, pinTooShortFor } from '../../shared/domain/pin-rules.js';
import { Alert } from '../components/Alert.js';
import { BigButton } from '../components/BigButton.js';
import { TextField } from '../components/TextField.js';
import { useFocusFirstError } from '../components/useFocusFirstError.js';
import { useIdleTimer } from '../lib/useIdleTimer.js';
import { problemsWith } from '../lib/contract-check.js';
import { IDLE_LOCK_MESSAGE, useSessionStore } from './session-store.js';

/**
 * Choosing a new PIN. Two ways here: someone whose PIN is too short for their role (a DSL's or
 * administrator's PIN from before the 6-digit rule) sees only this, and may choose a longer one or lock
 * (main refuses every other command for the session, so the screen is a courtesy, not the guard); anyone
 * else chose "Change my PIN" and may go back to the console.
 */
export function PinChangeScreen() {
  const session = useSessionStore((s) => s.session);
  const settingName = useSessionStore((s) => s.settingName);
  const lockSeconds = useSessionStore((s) => s.lockSeconds);
  const lock = useSessionStore((s) => s.lock);
  const changeOwnPin = useSessionStore((s) => s.changeOwnPin);
  const choosePinChange = useSessionStore((s) => s.choosePinChange);
  const [currentPin, setCurrentPin] = useState('');
  const [pin, setPin] = useState('');
  const [pinAgain, setPinAgain] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fields, setFields] = useState<Record<string, string>>({});
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstError(formRef, error);

  // A public place: left half-done, it locks like the rest of the console.
  useIdleTimer({ enabled: true, idleSeconds: lockSeconds, warningSeconds: 0, onExpire: () => void lock(IDLE_LOCK_MESSAGE) });

  if (!session) return null;
  const due = session.pinChangeDue;
  const shortest = minPinDigitsFor(session.roles);

  const edit = (field: string, set: (v: string) => void) => (value: string) => {
    set(value);
    setFields((f) => {
      const rest = { ...f };
      delete rest[field];
      return rest;
    });
  };

  const submit = async () => {
    if (busy) return;
    // The rules main applies, in its words, said before the PINs are sent.
    const found = problemsWith('staff.changeOwnPin', { currentPin, newPin: { pin, pinAgain } });
    // The new one is described by the rule for this person's roles (the longer PIN for a DSL or an
    // administrator, which is why someone due is here); a PIN too short for their roles is refused here too,
    // which the contract cannot say (it is not told who is asking; main checks it against the session).
    if (found['newPin.pin']) found['newPin.pin'] = `A PIN is ${shortest} to ${MAX_PIN_DIGITS} digits.`;
    else if (pinTooShortFor(session.roles, pin)) found['newPin.pin'] = LONG_PIN_MESSAGE;
    if (Object.keys(found).length > 0) {
      setError('Please check the PINs marked below.');
      setFields(found);
      return;
    }
    setBusy(true);
    const r = await changeOwnPin({ currentPin, pin, pinAgain });
    setBusy(false);
    if (r.ok) return;
    setError(r.message);
    setFields(r.fields);
    // Every PIN box is emptied after a refusal, as at the lock screen, so the next try starts clean.
    setCurrentPin('');
    if (!r.fields['newPin.pin'] && !r.fields['newPin.pinAgain']) return;
    setPin('');
    setPinAgain('');
  };

  return (
    <main className="console-lock">
      <div className="card lock-card">
        <h1>{due ? 'Choose a new PIN' : 'Change my PIN'}</h1>
        {settingName ? <p className="lock-setting">{settingName}</p> : null}
        {due ? (
          <Alert tone="info">
            <p>
              {session.displayName}, your PIN is too short for a Designated Safeguarding Lead or administrator.
              Choose a new PIN of at least {LONG_PIN_DIGITS} digits.
            </p>
            <p>The staff console cannot be used until you have done this.</p>
          </Alert>
        ) : (
          <p>
            {session.displayName}, choose a PIN nobody has seen you type. When it is saved, the console locks and you unlock
            it with the new PIN.
          </p>
        )}
        {error ? <Alert>{error}</Alert> : null}
        <form
          ref={formRef}
          className="form"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void submit();
          }}
        >
          <TextField label="Your current PIN" type="password" inputMode="numeric" maxLength={MAX_PIN_DIGITS} name="currentPin"
            value={currentPin} onChange={edit('currentPin', setCurrentPin)} error={fields.currentPin} />
          <div className="field-pair">
            <TextField label="New PIN" hint={`${shortest} to ${MAX_PIN_DIGITS} digits, not one you use anywhere else.`} type="password"
              inputMode="numeric" maxLength={MAX_PIN_DIGITS} name="newPin.pin" value={pin} onChange={edit('newPin.pin', setPin)} error={fields['newPin.pin']} />
            <TextField label="New PIN again" hint="So we know it was typed as you meant." type="password" inputMode="numeric" maxLength={MAX_PIN_DIGITS}
              name="newPin.pinAgain" value={pinAgain} onChange={edit('newPin.pinAgain', setPinAgain)} error={fields['newPin.pinAgain']} />
          </div>
          <BigButton type="submit" disabled={busy}>{busy ? 'Saving…' : 'Save my new PIN'}</BigButton>
        </form>
        <p className="lock-back">
          {due ? (
            <BigButton variant="quiet" onClick={() => void lock()}>Lock the console</BigButton>
          ) : (
            <BigButton variant="quiet" onClick={() => choosePinChange(false)}>Keep my PIN and go back</BigButton>
          )}
        </p>
      </div>
    </main>
  );
}
