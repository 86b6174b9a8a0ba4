import { useState } from 'react';
import type { OnSiteVisit } from '../../shared/contract/index.js';
import { describeDevices } from '../../shared/domain/devices.js';
import { VISITOR_TYPE_LABELS } from '../../shared/domain/visitors.js';
import { Alert } from '../components/Alert.js';
import { BigButton } from '../components/BigButton.js';
import { PageHeading } from '../components/PageHeading.js';
import { DataTable, type Column } from '../lib/DataTable.js';
import { useSessionStore } from '../staff/session-store.js';
import { useTodayStore } from '../console/today-store.js';
import { useExceptionStore, type ApprovalTarget } from './exception-store.js';
import { useSafeguardingStore } from './safeguarding-store.js';
import { DeviceUseTag } from './DeviceUseTag.js';
import { RequestWaitingTag } from './RequestWaitingTag.js';
import { Notice } from '../components/Notice.js';
import { RevokeDialog } from './RevokeDialog.js';
import { todayUk } from '../lib/uk-clock.js';
import { fullName } from '../../shared/domain/names.js';

export function visitDetail(v: OnSiteVisit): string {
  return [VISITOR_TYPE_LABELS[v.visitorType], v.organisation, `visiting ${v.visiting}`].filter(Boolean).join(' · ');
}

export function visitTarget(v: OnSiteVisit): ApprovalTarget {
  return { type: 'visit', visitId: v.visitId, name: fullName(v), detail: visitDetail(v), date: todayUk(), request: v.exceptionRequest };
}

const COLUMNS: readonly Column<OnSiteVisit>[] = [
  { header: 'Name', cell: (v) => fullName(v) },
  { header: 'Visitor', cell: (v) => visitDetail(v) },
  { header: 'Devices declared', cell: (v) => (v.devicesDeclared.length > 0 ? describeDevices(v.devicesDeclared) : <span className="muted">None</span>) },
  {
    header: 'Device use',
    cell: (v) => (
      <>
        {v.deviceUse ? <DeviceUseTag marker={v.deviceUse} /> : v.exceptionRequest ? null : <span className="muted">Not approved</span>}
        {v.exceptionRequest ? <RequestWaitingTag request={v.exceptionRequest} /> : null}
      </>
    ),
  },
];

/** Approve (again, once an approval has ended), revoke (DSL only) and view the record, each naming the visitor for a screen reader. */
function VisitActions({ visit: v, onRevoke }: { visit: OnSiteVisit; onRevoke: (visit: OnSiteVisit) => void }) {
  const isDsl = useSessionStore((s) => s.session?.roles.includes('dsl') ?? false);
  const session = useSessionStore((s) => s.session);
  const startApproval = useExceptionStore((s) => s.startApproval);
  const openRecord = useExceptionStore((s) => s.openRecord);
  const name = fullName(v);
  const marker = v.deviceUse;
  return (
    <div className="cell-actions">
      {!marker || marker.endedBecause ? (
        <BigButton variant="secondary" onClick={() => startApproval(visitTarget(v), v.devicesDeclared, session)}>
          Approve device use…{' '}<span className="visually-hidden">for {name}</span>
        </BigButton>
      ) : null}
      {isDsl && marker?.approved ? (
        <BigButton variant="secondary" onClick={() => onRevoke(v)}>
          Revoke…{' '}<span className="visually-hidden">device use for {name}</span>
        </BigButton>
      ) : null}
      {marker ? (
        <BigButton variant="quiet" onClick={() => void openRecord({ visitId: v.visitId }, name)}>
          View record{' '}<span className="visually-hidden">for {name}</span>
        </BigButton>
      ) : null}
    </div>
  );
}

/** Everyone on site now, with any device approval; the DSL approves, revokes and prints from here. */
export function ExceptionsTab() {
  const onSite = useTodayStore((s) => s.onSite);
  const refreshing = useTodayStore((s) => s.refreshing);
  const error = useTodayStore((s) => s.error);
  const refresh = useTodayStore((s) => s.refresh);
  const notice = useSafeguardingStore((s) => s.notice);
  const recordError = useExceptionStore((s) => s.recordError);
  const revoke = useExceptionStore((s) => s.revoke);
  const [revoking, setRevoking] = useState<OnSiteVisit | null>(null);

  return (
    <>
      <div className="console-heading">
        <PageHeading>Device exceptions</PageHeading>
        <div className="console-refresh">
          <BigButton variant="secondary" onClick={() => void refresh()} disabled={refreshing}>Refresh</BigButton>
        </div>
      </div>
      <p className="section-lead">
        A visitor keeps a device only when a DSL approves it, with a risk assessment. Staff see the approval and its
        limits on the on-site list.
      </p>
      {error ? <Alert>{error}</Alert> : null}
      {recordError ? <Alert>{recordError}</Alert> : null}
      <Notice text={notice} />
      <section className="card console-section" aria-labelledby="exceptions-heading">
        <h2 id="exceptions-heading">On site now</h2>
        <DataTable
          rows={onSite}
          columns={[...COLUMNS, { header: 'Actions', headerHidden: true, cell: (v) => <VisitActions visit={v} onRevoke={setRevoking} /> }]}
          rowKey={(v) => v.visitId}
          labelledBy="exceptions-heading"
          // An approval that has been revoked or has expired is the one the DSL looks at first.
          rowClassName={(v) => (v.deviceUse?.endedBecause ? 'row-warning' : undefined)}
          empty="Nobody is signed in at the moment."
        />
      </section>
      {revoking?.deviceUse ? (
        <RevokeDialog
          name={fullName(revoking)}
          onConfirm={(reason) => revoke(revoking.deviceUse!.exceptionId, fullName(revoking), reason)}
          onClose={() => setRevoking(null)}
        />
      ) : null}
    </>
  );
}
