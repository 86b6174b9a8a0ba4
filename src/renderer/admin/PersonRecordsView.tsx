import { useEffect, useRef, type ReactNode } from 'react';
import type { PersonRecords } from '../../shared/contract/index.js';
import { DEVICE_KIND_LABELS } from '../../shared/domain/devices.js';
import { formatDateTime } from '../../shared/domain/time.js';
import { VISITOR_TYPE_LABELS } from '../../shared/domain/visitors.js';
import { now } from '../lib/clock.js';
import { fullName } from '../../shared/domain/names.js';

const ITEM_STATE_LABELS: Record<string, string> = {
  in_safe: 'In the safe',
  returned: 'Returned',
  handed_on: 'Handed on',
};

function counted(n: number, one: string, many: string): string {
  return n === 1 ? `1 ${one}` : `${n} ${many}`;
}

/** One kind of record: a heading that says how many, then a table of them or "None". */
function RecordsTable({ id, title, count, columns, children }: { id: string; title: string; count: number; columns: string[]; children: ReactNode }) {
  return (
    <section className="people-part" aria-labelledby={id}>
      <h4 id={id}>{title} ({count})</h4>
      {count === 0 ? (
        <p className="empty">None.</p>
      ) : (
        <div className="people-table-scroll">
          <table className="table" aria-labelledby={id}>
            <thead><tr>{columns.map((c) => <th key={c} scope="col">{c}</th>)}</tr></thead>
            <tbody>{children}</tbody>
          </table>
        </div>
      )}
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

      <RecordsTable id="people-visits-heading" title="Visits" count={visits.length}
        columns={['Signed in', 'Signed out', 'Visitor type', 'Visiting', 'Expectations version']}>
        {visits.map((v) => (
          <tr key={v.visitId}>
            <th scope="row">{formatDateTime(v.signedInAt)}</th>
            <td>{v.signedOutAt ? formatDateTime(v.signedOutAt) : 'Not signed out'}</td>
            <td>{VISITOR_TYPE_LABELS[v.visitorType] ?? v.visitorType}</td>
            <td>{v.visiting}</td>
            <td>Version {v.policyVersion}</td>
          </tr>
        ))}
      </RecordsTable>

      <RecordsTable id="people-devices-heading" title="Devices logged into the safe" count={devicesLogged.length}
        columns={['Logged', 'Device', 'Receipt', 'Bag or slot', 'Now', 'Closed']}>
        {devicesLogged.map((d, i) => (
          <tr key={`${d.receiptNumber}-${i}`}>
            <th scope="row">{formatDateTime(d.loggedAt)}</th>
            <td>{DEVICE_KIND_LABELS[d.kind] ?? d.kind}</td>
            <td>{d.receiptNumber}</td>
            <td>{d.bagSlot}</td>
            <td>{ITEM_STATE_LABELS[d.state] ?? d.state}</td>
            <td>{d.closedAt ? formatDateTime(d.closedAt) : '—'}</td>
          </tr>
        ))}
      </RecordsTable>

      <RecordsTable id="people-exceptions-heading" title="Device exceptions" count={deviceExceptions.length}
        columns={['Approved', 'Permitted use', 'Revoked']}>
        {deviceExceptions.map((e) => (
          <tr key={e.exceptionId}>
            <th scope="row">{formatDateTime(e.approvedAt)}</th>
            <td>{e.permittedUse}</td>
            <td>{e.revokedAt ? formatDateTime(e.revokedAt) : 'Not revoked'}</td>
          </tr>
        ))}
      </RecordsTable>

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
