import { useEffect, useRef } from 'react';
import { custodyItem, learnerOwner } from '../../shared/contract/index.js';
import { DEVICE_KINDS, DEVICE_KIND_LABELS, type DeviceKind } from '../../shared/domain/devices.js';
import { pupilKey } from '../../shared/domain/learners.js';
import { maxLengthOf } from '../../shared/validation.js';
import { Alert } from '../components/Alert.js';
import { BigButton } from '../components/BigButton.js';
import { CheckField } from '../components/CheckField.js';
import { FieldError } from '../components/FieldError.js';
import { PrintWarning } from '../components/PrintWarning.js';
import { SelectField } from '../components/SelectField.js';
import { TextField } from '../components/TextField.js';
import { useFocusFirstError } from '../components/useFocusFirstError.js';
import { ReceiptPrintState } from '../custody/ReceiptPrintState.js';
import { timeOrDateTime } from '../lib/format.js';
import { dayLabel } from '../lib/uk-clock.js';
import { handInLine, stateWords } from './agreement-model.js';
import { deviceWords } from './pupil-device-model.js';
import { CheckLine } from './CheckLine.js';
import { exceptionAtHandIn } from './exception-model.js';
import { alreadyHeld, itemWords, kindsWords } from './arrival-model.js';
import { inForce, useArrivalStore } from './arrival-store.js';
import { useHeldStore } from './held-store.js';

/** How long typing pauses before the name is looked up: one question per name, not per letter. */
const LOOKUP_PAUSE_MS = 400;

const KIND_OPTIONS = DEVICE_KINDS.map((k) => ({ value: k, label: DEVICE_KIND_LABELS[k] }));

/** What the agreements found say about this pupil, in words with a mark: allowed in today or not. */
function AgreementLine() {
  const draft = useArrivalStore((s) => s.draft);
  const lookup = useArrivalStore((s) => s.lookup);
  const lookupError = useArrivalStore((s) => s.lookupError);
  const held = useHeldStore((s) => s.forTheDay);
  if (lookupError) return <p className="agreement-check">{lookupError}</p>;
  if (!lookup || pupilKey(lookup.name) !== pupilKey(draft.name)) return null;
  const offered = inForce(lookup, draft.name);
  const classes = new Set(offered.map((a) => a.classGroup.toLowerCase()));
  const already = alreadyHeld(draft.name, held);
  let line;
  // A pupil whose exception is in force keeps that device: the queue says so rather than "hold it all the same".
  const exception = exceptionAtHandIn(lookup.exceptions);
  const extra = exception ? <CheckLine yes={exception.inForce} text={exception.text} detail={exception.detail} /> : null;
  if (offered.length === 0 && exception?.inForce) {
    line = null;
  } else if (offered.length === 0) {
    const none = handInLine(lookup.agreements);
    line = (
      <p className="agreement-check agreement-check-no">
        <span className="agreement-check-icon" aria-hidden="true">!</span>
        <span>
          <strong>{none.text}</strong>
          {none.detail ? <span className="agreement-line">{none.detail}</span> : null}
          <span className="agreement-line">Hold the device for the day all the same, and tell the headteacher.</span>
        </span>
      </p>
    );
  } else {
    line = (
      <p className="agreement-check agreement-check-yes">
        <span className="agreement-check-icon" aria-hidden="true">✓</span>
        <strong>
          {classes.size > 1
            ? `${offered.length} pupils called ${offered[0]!.pupilName} have an agreement. Check the class before you tick.`
            : offered.length === 1 ? stateWords(offered[0]!) : `${offered.length} agreements in force. Tick what was handed in.`}
        </strong>
      </p>
    );
  }
  return (
    <>
      {line}
      {extra}
      {already.map((h) => (
        <p key={h.receiptId} className="agreement-check agreement-check-no">
          <span className="agreement-check-icon" aria-hidden="true">!</span>
          <span>
            Already in the safe for {h.pupilName}{h.classGroup ? `, ${h.classGroup}` : ''}: {h.items.map(itemWords).join(', ')}, bag {h.items[0]?.bagSlot}
            {h.notCollectedSince ? `, not collected on ${dayLabel(h.notCollectedSince)}` : `, handed in at ${timeOrDateTime(h.handedInAt)}`}.
          </span>
        </p>
      ))}
    </>
  );
}

/** The pupil logged last: what went in, the receipt number, and whether the receipt printed. */
function LastLogged() {
  const last = useArrivalStore((s) => s.last);
  if (!last) return null;
  const { receipt, print } = last;
  return (
    <div className="arrival-last">
      {print.printed ? (
        <p className="print-ok"><span className="print-ok-mark" aria-hidden="true">✓</span>Receipt {receipt.receiptNumber} printed on {print.printer}.</p>
      ) : (
        <ReceiptPrintState receiptId={receipt.receiptId} receiptNumber={receipt.receiptNumber} printCount={receipt.printCount}
          printProblem={print.reason} givenByHand={receipt.givenByHand} ownerName={receipt.ownerName} />
      )}
      <PrintWarning print={print} />
    </div>
  );
}

/**
 * "Handed in on arrival": the morning queue at the office window. Type or scan a pupil's name, see their
 * agreement, tick the device, give the bag number and log it: the same custody.log as every hand-in, so
 * one receipt per pupil prints like any other. Focus then goes back to the name for the next child.
 */
export function ArrivalQueue() {
  const draft = useArrivalStore((s) => s.draft);
  const lookup = useArrivalStore((s) => s.lookup);
  const busy = useArrivalStore((s) => s.busy);
  const error = useArrivalStore((s) => s.error);
  const fieldErrors = useArrivalStore((s) => s.fieldErrors);
  const last = useArrivalStore((s) => s.last);
  const { setName, lookUp, toggle, setOther, setField, submit } = useArrivalStore.getState();
  const formRef = useRef<HTMLFormElement>(null);
  const nameRef = useRef<HTMLInputElement>(null);
  const bagRef = useRef<HTMLInputElement>(null);
  useFocusFirstError(formRef, error);

  useEffect(() => {
    const timer = setTimeout(() => void lookUp(), LOOKUP_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [draft.name, lookUp]);

  const found = lookup !== null && pupilKey(lookup.name) === pupilKey(draft.name) && pupilKey(draft.name) !== '';
  const offered = inForce(lookup, draft.name);
  const describing = found && (draft.other || offered.length === 0);
  const agreedTicked = offered.some((a) => draft.ticked.includes(a.agreementId));
  const manyClasses = new Set(offered.map((a) => a.classGroup.toLowerCase())).size > 1;

  const onSubmit = async () => {
    const step = await submit();
    if (step === 'logged') nameRef.current?.focus();
    // A scanned or typed name, then Enter: the answer is on screen; with the device already ticked, the bag is next.
    if (step === 'looked_up') {
      const s = useArrivalStore.getState();
      if (s.draft.ticked.length > 0 && s.draft.bagSlot.trim() === '') bagRef.current?.focus();
    }
  };

  return (
    <section className="card console-section arrival-queue" aria-labelledby="arrival-heading">
      <h2 id="arrival-heading">Handed in on arrival</h2>
      <p className="muted">
        Type or scan the pupil's name, tick the device, write the bag number and log it. The receipt prints, and the name box is
        ready for the next pupil.
      </p>
      <div role="status" className="notice-slot">
        {last ? (
          <p className="notice">
            <span aria-hidden="true">✓ </span>
            {kindsWords(last.receipt.items).replace(/^./, (c) => c.toUpperCase())} logged for {last.receipt.ownerName}, bag {last.receipt.items[0]?.bagSlot}.
            Receipt {last.receipt.receiptNumber}.
          </p>
        ) : null}
      </div>
      <LastLogged />
      {error ? <Alert>{error}</Alert> : null}
      <form
        ref={formRef}
        className="form arrival-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void onSubmit();
        }}
      >
        <TextField label="Pupil's name" value={draft.name} inputRef={nameRef} maxLength={maxLengthOf(learnerOwner.shape.name)}
          hint="The whole name, as the school writes it" onChange={setName} error={fieldErrors.name} />
        <div role="status" className="agreement-at-hand-in">
          <AgreementLine />
        </div>
        {found ? (
          <fieldset className={fieldErrors.devices ? 'arrival-devices field-invalid' : 'arrival-devices'} aria-describedby={fieldErrors.devices ? 'arrival-devices-error' : undefined}>
            <legend>What is handed in?</legend>
            {offered.map((a) => (
              <CheckField
                key={a.agreementId}
                compact
                checked={draft.ticked.includes(a.agreementId)}
                onChange={(on) => toggle(a.agreementId, on)}
                label={manyClasses ? `${a.pupilName}, ${a.classGroup}: ${deviceWords(a)}` : deviceWords(a)}
                hint={[`${a.pupilName}, ${a.classGroup}`, `agreed by ${a.agreedBy}`, a.conditions ? `Conditions: ${a.conditions}` : null].filter(Boolean).join(' · ')}
              />
            ))}
            {offered.length > 0 ? (
              <CheckField compact checked={draft.other} onChange={setOther} label="Another device" hint="One with no agreement: describe it below" />
            ) : null}
            {fieldErrors.devices ? <FieldError id="arrival-devices-error" message={fieldErrors.devices} /> : null}
            {describing ? (
              <div className="field-pair">
                <SelectField<DeviceKind> label="Kind of device" placeholder="Choose a kind" value={draft.otherKind} options={KIND_OPTIONS}
                  onChange={(v) => setField('otherKind', v)} error={fieldErrors.otherKind} />
                <TextField label="Make and colour (optional)" value={draft.otherDescription} maxLength={maxLengthOf(custodyItem.shape.description)}
                  onChange={(v) => setField('otherDescription', v)} error={fieldErrors.otherDescription} />
              </div>
            ) : null}
            {describing && !agreedTicked ? (
              <TextField label="Class or year group (optional)" value={draft.classGroup} maxLength={maxLengthOf(learnerOwner.shape.group)}
                onChange={(v) => setField('classGroup', v)} error={fieldErrors.classGroup} className="arrival-class" />
            ) : null}
          </fieldset>
        ) : null}
        <div className="arrival-bag-row">
          <TextField label="Bag or slot number" value={draft.bagSlot} inputRef={bagRef} maxLength={maxLengthOf(custodyItem.shape.bagSlot)}
            onChange={(v) => setField('bagSlot', v)} error={fieldErrors.bagSlot} className="arrival-bag" />
          <BigButton type="submit" disabled={busy}>{busy ? 'Logging…' : found ? 'Log and print receipt' : 'Find the pupil'}</BigButton>
        </div>
      </form>
    </section>
  );
}
