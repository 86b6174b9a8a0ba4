import { useRef, useState } from 'react';
import { LONG_PIN_DIGITS, LONG_PIN_MESSAGE, MAX_PIN_DIGITS, pinTooShortFor } from '../../shared/domain/pin-rules.js';
import { Alert } from '../components/Alert.js';
import { BigButton } from '../components/BigButton.js';
import { TextField } from '../components/TextField.js';
import { useFocusFirstError } from '../components/useFocusFirstError.js';
import { useIdleTimer } from '../lib/useIdleTimer.js';
import { problemsWith } from '../lib/contract-check.js';
import { IDLE_LOCK_MESSAGE, useSessionStore } from './session-store.js';

/**
 * All the console shows to someone whose PIN is too short for their role (a DSL's or administrator's PIN
 * from before the 6-digit rule): choose a longer one, or lock. Main refuses every other command for the
 * session, so this screen is a courtesy, not the guard.
 */
export function PinChangeScreen() {
  const session = useSessionStore((s) => s.session);
  const settingName = useSessionStore((s) => s.settingName);
  const lockSeconds = useSessionStore((s) => s.lockSeconds);
  const lock = useSessionStore((s) => s.lock);
  const changeOwnPin = useSessionStore((s) => s.changeOwnPin);
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
    // Everyone on this screen needs the longer PIN (it is why they are here), so the new one is described by
    // that rule; and a PIN too short for their roles is refused here too, which the contract cannot say (it
    // is not told who is asking; main checks it against the session).
    if (found['newPin.pin']) found['newPin.pin'] = `A PIN is ${LONG_PIN_DIGITS} to ${MAX_PIN_DIGITS} digits.`;
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
        <h1>Choose a new PIN</h1>
        {settingName ? <p className="lock-setting">{settingName}</p> : null}
        <Alert tone="info">
          <p>
            {session.displayName}, your PIN is too short for a Designated Safeguarding Lead or administrator.
            Choose a new PIN of at least {LONG_PIN_DIGITS} digits.
          </p>
          <p>The staff console cannot be used until you have done this.</p>
        </Alert>
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
            <TextField label="New PIN" hint={`${LONG_PIN_DIGITS} to ${MAX_PIN_DIGITS} digits, not one you use anywhere else.`} type="password"
              inputMode="numeric" maxLength={MAX_PIN_DIGITS} name="newPin.pin" value={pin} onChange={edit('newPin.pin', setPin)} error={fields['newPin.pin']} />
            <TextField label="New PIN again" hint="So we know it was typed as you meant." type="password" inputMode="numeric" maxLength={MAX_PIN_DIGITS}
              name="newPin.pinAgain" value={pinAgain} onChange={edit('newPin.pinAgain', setPinAgain)} error={fields['newPin.pinAgain']} />
          </div>
          <BigButton type="submit" disabled={busy}>{busy ? 'Saving…' : 'Save my new PIN'}</BigButton>
        </form>
        <p className="lock-back">
          <BigButton variant="quiet" onClick={() => void lock()}>Lock the console</BigButton>
        </p>
      </div>
    </main>
  );
}
