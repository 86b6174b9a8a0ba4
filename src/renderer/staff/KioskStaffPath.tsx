import { useEffect, useRef } from 'react';
import { custodyItem, MAX_SCAN_CODE_INPUT } from '../../shared/contract/index.js';
import { MAX_PIN_DIGITS } from '../../shared/domain/pin-rules.js';
import { formatTime } from '../../shared/domain/time.js';
import { maxLengthOf } from '../../shared/validation.js';
import { BigButton } from '../components/BigButton.js';
import { SignInIcon, SignOutIcon } from '../components/Icons.js';
import { TextField } from '../components/TextField.js';
import { useScannerBurst } from '../lib/useScannerBurst.js';
import { StepFrame } from '../visits/kiosk/StepFrame.js';
import { useAutoFinish } from '../visits/kiosk/useAutoFinish.js';
import { useKioskStore } from '../visits/kiosk-store.js';
import { useKioskStaffStore } from './kiosk-staff-store.js';
import { slotWords } from './staff-day-words.js';
import './staff-days.css';

/** "Sara" from "Sara Ahmed": how the kiosk greets someone, as it greets visitors by their first name. */
function firstWord(name: string): string {
  return name.split(' ')[0] ?? name;
}

/**
 * The badge box: the reception scanner types the badge's code into it (it has focus already) and presses
 * Enter, as for an invitation; a scanner that sends no Enter is caught by its burst.
 */
function BadgeScan() {
  const typed = useKioskStaffStore((s) => s.badgeTyped);
  const busy = useKioskStaffStore((s) => s.busy);
  const problem = useKioskStaffStore((s) => s.fieldErrors.badgeCode);
  const setTyped = useKioskStaffStore((s) => s.setBadgeTyped);
  const scanBadge = useKioskStaffStore((s) => s.scanBadge);
  const inputRef = useRef<HTMLInputElement>(null);
  // Ready for a scan, and again after one that did not work.
  useEffect(() => inputRef.current?.focus(), [problem]);
  useScannerBurst((scanned) => void scanBadge(scanned), inputRef);
  return (
    <form className="kiosk-staff-badge" noValidate onSubmit={(e) => { e.preventDefault(); void scanBadge(); }}>
      <TextField label="Scan your staff badge" hint="Hold its QR code under the scanner. Or choose your name below."
        value={typed} onChange={setTyped} inputRef={inputRef} error={problem} autoCapitalize="characters"
        maxLength={MAX_SCAN_CODE_INPUT} className="kiosk-staff-field" />
      <BigButton type="submit" variant="secondary" disabled={busy}>{busy ? 'Checking…' : 'Use my badge'}</BigButton>
    </form>
  );
}

function NameStep() {
  const names = useKioskStaffStore((s) => s.names);
  const loaded = useKioskStaffStore((s) => s.namesLoaded);
  const error = useKioskStaffStore((s) => s.error);
  const choose = useKioskStaffStore((s) => s.choose);
  const leave = useKioskStore((s) => s.reset);
  return (
    <StepFrame title="Staff: sign in or out" lead="Scan your staff badge, or choose your name." error={error} onBack={leave} focusHeading={false}>
      <BadgeScan />
      {!loaded ? <p className="step-lead" role="status">Getting the list of staff…</p> : null}
      <ul className="kiosk-staff-names" aria-label="Staff">
        {names.map((n) => (
          <li key={n.staffId}>
            <BigButton variant="secondary" className="kiosk-staff-name" onClick={() => choose(n)}>{n.displayName}</BigButton>
          </li>
        ))}
      </ul>
    </StepFrame>
  );
}

function ActionStep() {
  const chosen = useKioskStaffStore((s) => s.chosen);
  const signedInAt = useKioskStaffStore((s) => s.signedInAt);
  const busy = useKioskStaffStore((s) => s.busy);
  const error = useKioskStaffStore((s) => s.error);
  const chooseAction = useKioskStaffStore((s) => s.chooseAction);
  const back = useKioskStaffStore((s) => s.back);
  if (!chosen) return null;
  // A badge says who they are and whether they are in: a scan twice in a row must not sign them straight out.
  const lead = signedInAt ? `You signed in at ${formatTime(signedInAt)}. Are you leaving?` : 'Are you arriving or leaving?';
  return (
    <StepFrame title={`Hello, ${firstWord(chosen.displayName)}.`} lead={lead} error={error} onBack={back}>
      <div className="welcome-choices kiosk-staff-choices">
        <BigButton size="hero" icon={<SignInIcon />} hint="Arriving for work" disabled={busy} onClick={() => chooseAction('in')}>Sign in</BigButton>
        <BigButton size="hero" variant="secondary" icon={<SignOutIcon />} hint="Leaving for the day" disabled={busy} onClick={() => chooseAction('out')}>Sign out</BigButton>
      </div>
    </StepFrame>
  );
}

/** Where the setting keeps staff phones in the safe: into it as they arrive, out of it as they leave. */
function PhoneStep() {
  const action = useKioskStaffStore((s) => s.action);
  const bagSlot = useKioskStaffStore((s) => s.bagSlot);
  const fieldErrors = useKioskStaffStore((s) => s.fieldErrors);
  const setBagSlot = useKioskStaffStore((s) => s.setBagSlot);
  const choosePhone = useKioskStaffStore((s) => s.choosePhone);
  const back = useKioskStaffStore((s) => s.back);
  // With a badge there is no PIN to come: this step's answer signs them in or out.
  const byBadge = useKioskStaffStore((s) => s.badgeCode !== null);
  const busy = useKioskStaffStore((s) => s.busy);
  const error = useKioskStaffStore((s) => s.error);
  if (action === 'out') {
    return (
      <StepFrame title="Your phone" lead="Are you taking your phone from the office safe?" error={error} onBack={back}>
        <div className="welcome-choices kiosk-staff-choices">
          <BigButton size="hero" hint="It is recorded as given back to you" disabled={busy} onClick={() => choosePhone(true)}>Yes, I'm taking my phone</BigButton>
          <BigButton size="hero" variant="secondary" hint="Or I have nothing in the safe" disabled={busy} onClick={() => choosePhone(false)}>No, it stays in the safe</BigButton>
        </div>
      </StepFrame>
    );
  }
  return (
    <StepFrame
      title="Your phone into the safe"
      lead="Staff phones go in the office safe during working hours. Put your phone in your bag or slot, and type its number."
      error={error}
      onBack={back}
      actions={<BigButton onClick={() => choosePhone(true)} disabled={busy}>{byBadge ? (busy ? 'Signing in…' : 'Sign in') : 'Next'}</BigButton>}
    >
      <form className="form kiosk-staff-form" noValidate onSubmit={(e) => { e.preventDefault(); choosePhone(true); }}>
        <TextField label="Bag or slot number" value={bagSlot} onChange={setBagSlot} error={fieldErrors['phone.bagSlot']}
          maxLength={maxLengthOf(custodyItem.shape.bagSlot)} className="kiosk-staff-field" />
      </form>
      <BigButton variant="secondary" className="kiosk-staff-nophone" disabled={busy} onClick={() => choosePhone(false)}>I have no phone with me today</BigButton>
    </StepFrame>
  );
}

function PinStep() {
  const chosen = useKioskStaffStore((s) => s.chosen);
  const action = useKioskStaffStore((s) => s.action);
  const pin = useKioskStaffStore((s) => s.pin);
  const busy = useKioskStaffStore((s) => s.busy);
  const error = useKioskStaffStore((s) => s.error);
  const fieldErrors = useKioskStaffStore((s) => s.fieldErrors);
  const setPin = useKioskStaffStore((s) => s.setPin);
  const submit = useKioskStaffStore((s) => s.submit);
  const back = useKioskStaffStore((s) => s.back);
  const pinRef = useRef<HTMLInputElement>(null);
  // The cursor waits in the box, and comes back to it after a wrong PIN.
  useEffect(() => {
    pinRef.current?.focus();
  }, [fieldErrors.pin]);
  if (!chosen) return null;
  const label = action === 'in' ? 'Sign in' : 'Sign out';
  return (
    <StepFrame
      title="Type your PIN"
      lead={`${chosen.displayName}: the PIN you unlock the staff console with.`}
      error={error}
      onBack={back}
      focusHeading={false}
      actions={<BigButton type="submit" form="kiosk-staff-pin" disabled={busy}>{busy ? 'Checking…' : label}</BigButton>}
    >
      <form id="kiosk-staff-pin" className="form kiosk-staff-form" noValidate onSubmit={(e) => { e.preventDefault(); void submit(); }}>
        <TextField label="PIN" type="password" inputMode="numeric" maxLength={MAX_PIN_DIGITS} inputRef={pinRef}
          value={pin} onChange={setPin} error={fieldErrors.pin} className="kiosk-staff-field kiosk-staff-pin" />
      </form>
    </StepFrame>
  );
}

function DoneStep() {
  const signedIn = useKioskStaffStore((s) => s.signedIn);
  const signedOut = useKioskStaffStore((s) => s.signedOut);
  const finish = useKioskStore((s) => s.reset);
  useAutoFinish(finish);
  const actions = <BigButton onClick={finish}>Finish</BigButton>;
  if (signedIn) {
    const phone = signedIn.phone;
    const item = phone?.receipt.items[0];
    return (
      <StepFrame title={`You're signed in, ${firstWord(signedIn.displayName)}.`} lead={`At ${formatTime(signedIn.signedInAt)}.`} actions={actions}>
        {phone && item ? (
          <div className="callout">
            <p>
              Your phone is logged in the safe, {slotWords(item.bagSlot)} (receipt {phone.receipt.receiptNumber}).{' '}
              {phone.print.printed ? 'Take your receipt from the printer.' : 'The receipt did not print: the office has the number.'}
            </p>
          </div>
        ) : null}
        {signedIn.earlierDayClosed ? <p className="step-note">You had not signed out last time; that day is now closed.</p> : null}
      </StepFrame>
    );
  }
  if (!signedOut) return null;
  return (
    <StepFrame title={`Goodbye, ${firstWord(signedOut.displayName)}.`} lead={signedOut.wasEarlierDay ? 'Your last day, which you had not signed out of, is now closed.' : `You signed out at ${formatTime(signedOut.signedOutAt)}.`} actions={actions}>
      {signedOut.takenFromSafe > 0 ? <div className="callout"><p>Your phone is recorded as given back to you. Please take it from the safe.</p></div> : null}
      {signedOut.stillInSafe > 0 ? (
        <div className="callout callout-action"><p>Something of yours is still in the office safe. Please collect it from the office.</p></div>
      ) : null}
    </StepFrame>
  );
}

/**
 * The kiosk's staff path, from the welcome screen's Staff button. Whatever was typed (the PIN above all) is
 * forgotten when the path is left: finished, timed out, or started again.
 */
export function KioskStaffPath() {
  const step = useKioskStaffStore((s) => s.step);
  const loadNames = useKioskStaffStore((s) => s.loadNames);
  const reset = useKioskStaffStore((s) => s.reset);
  useEffect(() => {
    reset();
    void loadNames();
    return reset;
  }, [reset, loadNames]);
  switch (step) {
    case 'name': return <NameStep />;
    case 'action': return <ActionStep />;
    case 'phone': return <PhoneStep />;
    case 'pin': return <PinStep />;
    case 'done': return <DoneStep />;
  }
}
