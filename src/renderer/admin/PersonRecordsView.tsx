import { useEffect, useRef, type ReactNode } from 'react';
import type { PersonRecords } from '../../shared/contract/index.js';
import { DEVICE_KIND_LABELS } from '../../shared/domain/devices.js';
import { formatDateTime } from '../../shared/domain/time.js';
import { VISITOR_TYPE_LABELS } from '../../shared/domain/visitors.js';
import { now } from '../lib/clock.js';
import { fullName } from '../../shared/domain/names.js';
import { DataTable, type Column } from '../lib/DataTable.js';
import { SignatureImage } from '../components/SignatureImage.js';

const ITEM_STATE_LABELS: Record<string, string> = {
  in_safe: 'In the safe',
  returned: 'Returned',
  handed_on: 'Handed on',
};

function counted(n: number, one: string, many: string): string {
  return n === 1 ? `1 ${one}` : `${n} ${many}`;
}

type Visit = PersonRecords['visits'][number];
type DeviceLogged = PersonRecords['devicesLogged'][number];
type DeviceException = PersonRecords['deviceExceptions'][number];

const VISIT_COLUMNS: readonly Column<Visit>[] = [
  { header: 'Signed in', cell: (v) => formatDateTime(v.signedInAt) },
  { header: 'Signed out', cell: (v) => (v.signedOutAt ? formatDateTime(v.signedOutAt) : 'Not signed out') },
  { header: 'Visitor type', cell: (v) => VISITOR_TYPE_LABELS[v.visitorType] ?? v.visitorType },
  { header: 'Visiting', cell: (v) => v.visiting },
  { header: 'Expectations version', cell: (v) => `Version ${v.policyVersion}` },
  { header: 'Signature', cell: (v) => (v.signature ? <SignatureImage signature={v.signature} /> : 'None') },
];

const DEVICE_COLUMNS: readonly Column<DeviceLogged>[] = [
  { header: 'Logged', cell: (d) => formatDateTime(d.loggedAt) },
  { header: 'Device', cell: (d) => DEVICE_KIND_LABELS[d.kind] ?? d.kind },
  { header: 'Receipt', cell: (d) => d.receiptNumber },
  { header: 'Bag or slot', cell: (d) => d.bagSlot },
  { header: 'Now', cell: (d) => ITEM_STATE_LABELS[d.state] ?? d.state },
  { header: 'Closed', cell: (d) => (d.closedAt ? formatDateTime(d.closedAt) : '—') },
];

const EXCEPTION_COLUMNS: readonly Column<DeviceException>[] = [
  { header: 'Approved', cell: (e) => formatDateTime(e.approvedAt) },
  { header: 'Permitted use', cell: (e) => e.permittedUse },
  { header: 'Revoked', cell: (e) => (e.revokedAt ? formatDateTime(e.revokedAt) : 'Not revoked') },
];

interface RecordsTableProps<Row> {
  id: string;
  title: string;
  rows: readonly Row[];
  columns: readonly Column<Row>[];
  rowKey: (row: Row, index: number) => string | number;
}

/** One kind of record: a heading that says how many, then a table of them or "None". */
function RecordsTable<Row>({ id, title, rows, columns, rowKey }: RecordsTableProps<Row>) {
  return (
    <section className="people-part" aria-labelledby={id}>
      <h4 id={id}>{title} ({rows.length})</h4>
      {/* Scrolls sideways on a narrow screen rather than squeezing the dates. */}
      <DataTable rows={rows} columns={columns} rowKey={rowKey} labelledBy={id} wrapClassName="people-table-scroll" empty="None." />
    </section>
  );
}

/** Everything held about one visitor, laid out to be read on screen or printed and handed over. */
export function PersonRecordsView({ records, settingName, preparedBy, actions }: {
  records: PersonRecords;
  settingName: string;
  preparedBy: string;
  actions: ReactNode;
}) {
  const heading = useRef<HTMLHeadingElement>(null);
  const { visitor, visits, devicesLogged, deviceExceptions, concernsAboutVisits } = records;
  const name = fullName(visitor);

  // The records appear below the search: move there, so a screen reader reads them next.
  useEffect(() => {
    heading.current?.focus();
  }, [records]);

  return (
    <section className="people-records" aria-labelledby="people-records-heading">
      <div className="people-records-top">
        <h3 id="people-records-heading" ref={heading} tabIndex={-1}>Records held about {name}</h3>
        {actions}
      </div>
      <p className="print-only people-print-note">
        Subject access request: the records {settingName || 'this setting'} holds about {name}, prepared by {preparedBy} on{' '}
        {formatDateTime(now().toISOString())}.
      </p>
      <dl className="people-facts">
        <div><dt>Name</dt><dd>{name}</dd></div>
        <div><dt>Organisation</dt><dd>{visitor.organisation ?? 'None given'}</dd></div>
        <div><dt>First seen</dt><dd>{formatDateTime(visitor.firstSeenAt)}</dd></div>
        <div><dt>Visitor number</dt><dd>{visitor.visitorId}</dd></div>
      </dl>

      <RecordsTable id="people-visits-heading" title="Visits" rows={visits} columns={VISIT_COLUMNS} rowKey={(v) => v.visitId} />
      {/* A receipt's items share its number and have no id of their own here. */}
      <RecordsTable id="people-devices-heading" title="Devices logged into the safe" rows={devicesLogged} columns={DEVICE_COLUMNS}
        rowKey={(d, i) => `${d.receiptNumber}-${i}`} />
      <RecordsTable id="people-exceptions-heading" title="Device exceptions" rows={deviceExceptions} columns={EXCEPTION_COLUMNS}
        rowKey={(e) => e.exceptionId} />

      <section className="people-part" aria-labelledby="people-concerns-heading">
        <h4 id="people-concerns-heading">Concerns</h4>
        <p className="people-concerns">
          {concernsAboutVisits === 0
            ? 'No concerns were raised about their visits.'
            : `${counted(concernsAboutVisits, 'concern was', 'concerns were')} raised about their visits. Only the number is included here: talk to the Designated Safeguarding Lead before sharing anything about them.`}
        </p>
      </section>
    </section>
  );
}
