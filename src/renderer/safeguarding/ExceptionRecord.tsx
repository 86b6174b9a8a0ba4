import { useState, type ReactNode } from 'react';
import { describeDevices } from '../../shared/domain/devices.js';
import type { PrintStatus } from '../../shared/contract/index.js';
import { EXCEPTION_PURPOSE_LABELS, type ExceptionState, type ExceptionView } from '../../shared/domain/exceptions.js';
import { formatDateTime } from '../../shared/domain/time.js';
import { Alert } from '../components/Alert.js';
import { BigButton } from '../components/BigButton.js';
import { PageHeading } from '../components/PageHeading.js';
import { useSessionStore } from '../staff/session-store.js';
import { useExceptionStore } from './exception-store.js';
import { PrintOutcome } from '../components/PrintOutcome.js';
import { RevokeDialog } from './RevokeDialog.js';

const STATE_LABELS: Record<ExceptionState, string> = {
  active: 'In force',
  not_yet: 'Not yet in force',
  expired: 'Expired',
  revoked: 'Revoked',
  visit_ended: 'Visit ended',
  awaiting_arrival: 'Waiting for them to arrive',
};

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="record-row">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

interface ExceptionCardProps {
  e: ExceptionView;
  canRevoke: boolean;
  onRevoke: () => void;
  printing: boolean;
  print: PrintStatus | null;
  onPrint: () => void;
}

function ExceptionCard({ e, canRevoke, onRevoke, printing, print, onPrint }: ExceptionCardProps) {
  const ended = e.state === 'revoked' || e.state === 'expired';
  return (
    <article className="card record" aria-labelledby={`record-${e.exceptionId}`}>
      <div className="record-head">
        <h2 id={`record-${e.exceptionId}`}>Approved by {e.approvedBy}, {formatDateTime(e.approvedAt)}</h2>
        <span className={ended ? 'tag tag-warning' : 'tag tag-info'}>
          {ended ? <span aria-hidden="true">⚠ </span> : null}{STATE_LABELS[e.state]}
        </span>
      </div>
      <dl className="record-list">
        <Row label="Purpose">{EXCEPTION_PURPOSE_LABELS[e.purpose]}{e.purposeDetail ? `: ${e.purposeDetail}` : ''}</Row>
        <Row label="Devices">{describeDevices(e.devices)}</Row>
        <Row label="Permitted use">{e.permittedUse}</Row>
        <Row label="Permitted areas">{e.permittedAreas}</Row>
        <Row label="Conditions">{e.conditions ?? <span className="muted">None</span>}</Row>
        <Row label="Risk assessment">
          <ul className="record-checks">
            {e.riskChecklist.map((c) => (
              <li key={c.item}>
                <span className="record-check" aria-hidden="true">{c.checked ? '✓' : '✗'}</span>
                <span className="visually-hidden">{c.checked ? 'Ticked: ' : 'Not ticked: '}</span>
                {c.item}
              </li>
            ))}
          </ul>
        </Row>
        <Row label="Notes">{e.riskNotes ?? <span className="muted">None</span>}</Row>
        <Row label="Valid">
          From {formatDateTime(e.validFrom)} {e.validUntil ? `until ${formatDateTime(e.validUntil)}` : 'until they sign out'}
        </Row>
        {e.revokedAt ? (
          <Row label="Revoked">{formatDateTime(e.revokedAt)} by {e.revokedBy}: {e.revokeReason}</Row>
        ) : null}
      </dl>
      <div className="panel-actions no-print">
        <BigButton variant="secondary" onClick={onPrint} disabled={printing}>{printing ? 'Printing…' : 'Print record'}</BigButton>
        {canRevoke && (e.state === 'active' || e.state === 'awaiting_arrival' || e.state === 'not_yet') ? (
          <BigButton variant="secondary" onClick={onRevoke}>Revoke…</BigButton>
        ) : null}
      </div>
      {print ? <div className="no-print"><PrintOutcome print={print} subject="The record" pdfName="record" folder="exceptions" /></div> : null}
    </article>
  );
}

/** Every approval for one visitor, in full, ready to print and file. */
export function ExceptionRecord() {
  const record = useExceptionStore((s) => s.record);
  const closeRecord = useExceptionStore((s) => s.closeRecord);
  const revoke = useExceptionStore((s) => s.revoke);
  const printing = useExceptionStore((s) => s.printing);
  const printed = useExceptionStore((s) => s.printed);
  const printRecord = useExceptionStore((s) => s.printRecord);
  const recordError = useExceptionStore((s) => s.recordError);
  const isDsl = useSessionStore((s) => s.session?.roles.includes('dsl') ?? false);
  const [revoking, setRevoking] = useState<ExceptionView | null>(null);
  if (!record) return null;
  return (
    <>
      <div className="console-heading">
        <PageHeading>Device use record: {record.name}</PageHeading>
        <div className="console-refresh no-print">
          <BigButton variant="secondary" onClick={closeRecord}>Back</BigButton>
        </div>
      </div>
      {recordError ? <Alert>{recordError}</Alert> : null}
      {record.exceptions.length === 0 ? <Alert tone="info">There is no approval on record for this visitor.</Alert> : null}
      {record.exceptions.map((e) => (
        <ExceptionCard key={e.exceptionId} e={e} canRevoke={isDsl} onRevoke={() => setRevoking(e)}
          printing={printing === e.exceptionId} print={printed?.exceptionId === e.exceptionId ? printed.print : null}
          onPrint={() => void printRecord(e.exceptionId)} />
      ))}
      {revoking ? (
        <RevokeDialog name={record.name} onConfirm={(reason) => revoke(revoking.exceptionId, record.name, reason)}
          onClose={() => setRevoking(null)} />
      ) : null}
    </>
  );
}
