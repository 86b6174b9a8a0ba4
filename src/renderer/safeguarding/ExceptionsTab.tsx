import { useState } from 'react';
import type { OnSiteVisit } from '../../shared/contract/index.js';
import { describeDevices } from '../../shared/domain/devices.js';
import { VISITOR_TYPE_LABELS } from '../../shared/domain/visitors.js';
import { Alert } from '../components/Alert.js';
import { BigButton } from '../components/BigButton.js';
import { PageHeading } from '../components/PageHeading.js';
import { useConsoleStore } from '../console/console-store.js';
import { useExceptionStore, type ApprovalTarget } from './exception-store.js';
import { useSafeguardingStore } from './safeguarding-store.js';
import { DeviceUseTag } from './DeviceUseTag.js';
import { Notice } from '../components/Notice.js';
import { RevokeDialog } from './RevokeDialog.js';
import { todayUk } from '../lib/uk-clock.js';
import { fullName } from '../../shared/domain/names.js';

export function visitDetail(v: OnSiteVisit): string {
  return [VISITOR_TYPE_LABELS[v.visitorType], v.organisation, `visiting ${v.visiting}`].filter(Boolean).join(' · ');
}

export function visitTarget(v: OnSiteVisit): ApprovalTarget {
  return { type: 'visit', visitId: v.visitId, name: fullName(v), detail: visitDetail(v), date: todayUk() };
}

/** Everyone on site now, with any device approval; the DSL approves, revokes and prints from here. */
export function ExceptionsTab() {
  const onSite = useConsoleStore((s) => s.onSite);
  const refreshing = useConsoleStore((s) => s.refreshing);
  const error = useConsoleStore((s) => s.error);
  const refresh = useConsoleStore((s) => s.refresh);
  const isDsl = useConsoleStore((s) => s.session?.roles.includes('dsl') ?? false);
  const notice = useSafeguardingStore((s) => s.notice);
  const startApproval = useExceptionStore((s) => s.startApproval);
  const openRecord = useExceptionStore((s) => s.openRecord);
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
        {onSite.length === 0 ? (
          <p className="empty">Nobody is signed in at the moment.</p>
        ) : (
          <div className="table-wrap">
            <table className="table" aria-labelledby="exceptions-heading">
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Visitor</th>
                  <th scope="col">Devices declared</th>
                  <th scope="col">Device use</th>
                  <th scope="col"><span className="visually-hidden">Actions</span></th>
                </tr>
              </thead>
              <tbody>
                {onSite.map((v) => {
                  const name = fullName(v);
                  const marker = v.deviceUse;
                  return (
                    <tr key={v.visitId} className={marker?.endedBecause ? 'row-warning' : undefined}>
                      <th scope="row">{name}</th>
                      <td>{visitDetail(v)}</td>
                      <td>{v.devicesDeclared.length > 0 ? describeDevices(v.devicesDeclared) : <span className="muted">None</span>}</td>
                      <td>{marker ? <DeviceUseTag marker={marker} /> : <span className="muted">Not approved</span>}</td>
                      <td>
                        <div className="cell-actions">
                          {!marker || marker.endedBecause ? (
                            <BigButton variant="secondary" onClick={() => startApproval(visitTarget(v), v.devicesDeclared)}>
                              Approve device use…{' '}<span className="visually-hidden">for {name}</span>
                            </BigButton>
                          ) : null}
                          {isDsl && marker?.approved ? (
                            <BigButton variant="secondary" onClick={() => setRevoking(v)}>
                              Revoke…{' '}<span className="visually-hidden">device use for {name}</span>
                            </BigButton>
                          ) : null}
                          {marker ? (
                            <BigButton variant="quiet" onClick={() => void openRecord({ visitId: v.visitId }, name)}>
                              View record{' '}<span className="visually-hidden">for {name}</span>
                            </BigButton>
                          ) : null}
                        </div>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
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
