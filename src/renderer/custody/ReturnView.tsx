import { useState } from 'react';
import type { CustodyItemView } from '../../shared/domain/custody.js';
import { ReceiptOwner } from './ReceiptOwner.js';
import { commandSchemas } from '../../shared/contract/index.js';
import { maxLengthOf } from '../../shared/validation.js';
import { Alert } from '../components/Alert.js';
import { BigButton } from '../components/BigButton.js';
import { TextAreaField } from '../components/TextAreaField.js';
import { FieldError, TextField } from '../components/TextField.js';
import { useNavigationStore } from '../console/navigation-store.js';
import { useCollectStore } from './collect-store.js';
import { CorrectedTag, CorrectItemDialog, itemTitle } from './CorrectItemDialog.js';
import { HandOnDialog } from './HandOnDialog.js';
import { ReceiptPrintState } from './ReceiptPrintState.js';
import { timeOrDateTime } from '../lib/format.js';

const RETURN = commandSchemas['custody.return'].input.shape;

function itemDetail(item: CustodyItemView): string {
  return [item.description, item.marks ? `marks: ${item.marks}` : null].filter(Boolean).join(' · ');
}

function closedLine(item: CustodyItemView): string {
  const when = item.closedAt ? ` at ${timeOrDateTime(item.closedAt)}` : '';
  const outcome = item.confiscationOutcome;
  // A confiscated device's own record says more than the note: how the parent was checked, who agreed early, the police reference.
  if (outcome?.way === 'parent') {
    const early = outcome.early ? ` · before the end of the day, agreed by ${outcome.early.agreedBy}: ${outcome.early.reason}` : '';
    return `Released to ${item.closedTo} by ${item.closedBy}${when} · ID: ${outcome.identityCheck}${early}`;
  }
  if (outcome?.way === 'police') return `Handed to ${item.closedTo} by ${item.closedBy}${when} · police reference ${outcome.reference}`;
  return item.state === 'returned'
    ? `Returned to ${item.closedTo} by ${item.closedBy}${when}`
    : `Handed on to ${item.closedTo} by ${item.closedBy}${when}${item.closedNote ? `: ${item.closedNote}` : ''}`;
}

/** One receipt at the desk: who it belongs to, each item and its state, and handing back what is still held. */
export function ReturnView() {
  const c = useCollectStore();
  const show = useNavigationStore((s) => s.show);
  const [handingOn, setHandingOn] = useState<CustodyItemView | null>(null);
  const [correcting, setCorrecting] = useState<CustodyItemView | null>(null);
  const receipt = c.receipt;
  if (!receipt) return null;
  const held = receipt.items.filter((i) => i.state === 'in_safe');
  const reason = receipt.items[0]?.reason;
  const byName = c.foundBy === 'name';
  // A confiscated device is never given back here: it goes to a parent or carer, or the police, from its own page.
  const confiscated = held.some((i) => i.reason === 'confiscated');

  return (
    <section className="card receipt-return" aria-labelledby="return-heading">
      <div className="receipt-head">
        <h2 id="return-heading" className="receipt-heading">
          <span className="receipt-kicker">Receipt</span> <span className="receipt-number">{receipt.receiptNumber}</span>
        </h2>
        <p className="muted">Logged at {timeOrDateTime(receipt.createdAt)} by {receipt.createdBy}.</p>
      </div>
      <ReceiptOwner name={receipt.ownerName} type={receipt.ownerType} detail={receipt.ownerDetail} reason={reason} />
      {held.length > 0 ? (
        <ReceiptPrintState receiptId={receipt.receiptId} receiptNumber={receipt.receiptNumber} printCount={receipt.printCount} printProblem={receipt.printProblem} givenByHand={receipt.givenByHand} ownerName={receipt.ownerName} />
      ) : null}
      {byName ? (
        <Alert tone="info">Found by name, not by receipt: check who they are before handing anything back.</Alert>
      ) : null}

      <div role="status" className="return-status">
        {c.outcome ? <p className="print-ok"><span className="print-ok-mark" aria-hidden="true">✓</span>{c.outcome}</p> : null}
        {c.signedOut ? <p className="signed-out-line">{c.signedOut}</p> : null}
      </div>
      {c.error ? <Alert>{c.error}</Alert> : null}

      <form
        className={held.length > 0 ? 'return-grid' : 'form'}
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void c.markReturned();
        }}
      >
        <fieldset className={['choices', c.fieldErrors.itemIds ? 'field-invalid' : ''].filter(Boolean).join(' ')}>
          <legend className="field-label">Items on this receipt</legend>
          <ul className="item-checks">
            {receipt.items.map((item) => (
              <li key={item.itemId} className="item-check-row">
                {item.state === 'in_safe' && confiscated ? (
                  <div className="item-closed">
                    <span className="choice-label">{itemTitle(item)}</span>
                    {itemDetail(item) ? <span className="choice-hint">{itemDetail(item)}</span> : null}
                    <span className="item-closed-line">Confiscated: in the safe</span>
                  </div>
                ) : item.state === 'in_safe' ? (
                  <>
                    <label className="check-card">
                      <input type="checkbox" checked={c.selected.includes(item.itemId)} onChange={() => c.toggleItem(item.itemId)} />
                      <span className="check-mark" aria-hidden="true" />
                      <span className="choice-text">
                        <span className="choice-label">{itemTitle(item)}</span>
                        {itemDetail(item) ? <span className="choice-hint">{itemDetail(item)}</span> : null}
                        {item.corrected ? <CorrectedTag /> : null}
                      </span>
                    </label>
                    <div className="item-actions">
                      <BigButton variant="secondary" className="btn-small" onClick={() => setCorrecting(item)}>
                        Correct details…{' '}<span className="visually-hidden">({itemTitle(item)})</span>
                      </BigButton>
                      <BigButton variant="secondary" className="btn-small" onClick={() => setHandingOn(item)}>
                        Hand on instead…{' '}<span className="visually-hidden">({itemTitle(item)})</span>
                      </BigButton>
                    </div>
                  </>
                ) : (
                  <div className="item-closed">
                    <span className="choice-label">{itemTitle(item)}</span>
                    {itemDetail(item) ? <span className="choice-hint">{itemDetail(item)}</span> : null}
                    {item.corrected ? <CorrectedTag /> : null}
                    <span className="item-closed-line"><span aria-hidden="true">✓ </span>{closedLine(item)}</span>
                  </div>
                )}
              </li>
            ))}
          </ul>
          {c.fieldErrors.itemIds ? <FieldError id="item-ids-error" message={c.fieldErrors.itemIds} /> : null}
        </fieldset>

        {confiscated ? (
          <>
            <Alert tone="info">
              Confiscated devices are not given back here. They go to a named parent or carer, or to the police: use
              Pupils&apos; devices, then Confiscated.
            </Alert>
            <div className="form-actions">
              <BigButton onClick={() => show('confiscated')}>Open Confiscated</BigButton>
              <BigButton variant="secondary" onClick={c.clear}>Next receipt</BigButton>
            </div>
          </>
        ) : held.length === 0 ? (
          <>
            <p className="nothing-left"><span aria-hidden="true">✓ </span>Nothing on this receipt is in the safe any more.</p>
            <div className="form-actions">
              <BigButton variant="secondary" onClick={c.clear}>Next receipt</BigButton>
            </div>
          </>
        ) : (
          <div className="return-fields">
            <TextField
              label="Returned to"
              hint="Change this if someone else collects, for example a parent."
              value={c.returnedTo}
              onChange={c.setReturnedTo}
              maxLength={maxLengthOf(RETURN.returnedTo)}
              error={c.fieldErrors.returnedTo}
            />
            <TextAreaField
              label={byName ? 'Receipt lost: how did you check who they are?' : 'Note (optional)'}
              hint={byName ? 'For example: "Photo ID checked" or "Known to staff".' : undefined}
              value={c.note}
              onChange={c.setNote}
              maxLength={maxLengthOf(RETURN.note)}
              rows={2}
              error={c.fieldErrors.note}
            />
            <div className="form-actions">
              <BigButton type="submit" disabled={c.returning}>{c.returning ? 'Saving…' : 'Mark returned'}</BigButton>
              <BigButton variant="secondary" onClick={c.clear}>Next receipt</BigButton>
            </div>
          </div>
        )}
      </form>
      {handingOn ? (
        <HandOnDialog
          itemLabel={itemTitle(handingOn)}
          onConfirm={(to, why) => c.handOn(handingOn.itemId, to, why)}
          onClose={() => setHandingOn(null)}
        />
      ) : null}
      {correcting ? (
        <CorrectItemDialog item={correcting} onConfirm={(draft) => c.correct(correcting, draft)} onClose={() => setCorrecting(null)} />
      ) : null}
    </section>
  );
}
