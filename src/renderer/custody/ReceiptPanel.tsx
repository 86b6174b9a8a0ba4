import { useEffect, useRef, useState } from 'react';
import type { CustodyItemView } from '../../shared/domain/custody.js';
import { ReceiptOwner } from './ReceiptOwner.js';
import { formatTime } from '../../shared/domain/time.js';
import { Alert } from '../components/Alert.js';
import { BigButton } from '../components/BigButton.js';
import type { ActionResult } from '../lib/action-result.js';
import type { LoggedReceipt } from './custody-log-store.js';
import type { CorrectionDraft } from './custody-shared.js';
import { CorrectItemDialog } from './CorrectItemDialog.js';
import { PrintOutcome } from '../components/PrintOutcome.js';
import { ReceiptItemsTable } from './ReceiptItemsTable.js';

interface ReceiptPanelProps {
  logged: LoggedReceipt;
  printing: boolean;
  error: string | null;
  /** What the last correction did, in words. */
  corrected: string | null;
  onCorrect: (item: CustodyItemView, draft: CorrectionDraft) => Promise<ActionResult>;
  onPrintAgain: () => void;
  onLogMore: () => void;
  onDone: () => void;
}

/** What was just logged: the receipt number big enough to read out, and whether the receipt printed. */
export function ReceiptPanel({ logged, printing, error, corrected, onCorrect, onPrintAgain, onLogMore, onDone }: ReceiptPanelProps) {
  const { receipt, print, reprinted } = logged;
  const [correcting, setCorrecting] = useState<CustodyItemView | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    headingRef.current?.focus();
  }, [receipt.receiptId]);
  const reason = receipt.items[0]?.reason;
  const confiscation = receipt.items[0]?.confiscationReason;
  return (
    <section className="card receipt-panel" aria-labelledby="receipt-heading">
      <div className="receipt-head">
        <h2 id="receipt-heading" ref={headingRef} tabIndex={-1} className="receipt-heading">
          <span className="receipt-kicker">Receipt</span> <span className="receipt-number">{receipt.receiptNumber}</span>
        </h2>
        <p className="muted">Logged at {formatTime(receipt.createdAt)} by {receipt.createdBy}.</p>
      </div>
      <ReceiptOwner name={receipt.ownerName} type={receipt.ownerType} detail={receipt.ownerDetail} reason={reason} />
      {confiscation ? <p>Reason for confiscation: {confiscation}</p> : null}
      <ReceiptItemsTable items={receipt.items} caption={`Items on receipt ${receipt.receiptNumber}`} onCorrect={setCorrecting} />
      <div aria-live="polite">
        {corrected ? <p className="print-ok"><span className="print-ok-mark" aria-hidden="true">✓</span>{corrected}</p> : null}
      </div>
      {error ? <Alert>{error}</Alert> : null}
      <PrintOutcome
        print={print}
        subject="The receipt"
        printedLine={(printer) => (reprinted ? `Receipt printed again on ${printer}` : `Receipt printed on ${printer}`)}
        pdfName="receipt"
        folder="receipts"
      >
        <BigButton variant="secondary" onClick={onPrintAgain} disabled={printing}>{printing ? 'Printing…' : 'Print again'}</BigButton>
      </PrintOutcome>
      <div className="panel-actions">
        <BigButton onClick={onLogMore}>Log more items</BigButton>
        <BigButton variant="secondary" onClick={onDone}>Back to Today</BigButton>
      </div>
      {correcting ? (
        <CorrectItemDialog item={correcting} onConfirm={(draft) => onCorrect(correcting, draft)} onClose={() => setCorrecting(null)} />
      ) : null}
    </section>
  );
}
