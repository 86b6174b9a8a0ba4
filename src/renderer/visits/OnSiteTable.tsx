import { Fragment, useEffect } from 'react';
import type { OnSiteVisit } from '../../shared/contract/index.js';
import { describeDevices } from '../../shared/domain/devices.js';
import { formatTime } from '../../shared/domain/time.js';
import { VISITOR_TYPE_LABELS } from '../../shared/domain/visitors.js';
import { DeviceUseTag } from '../safeguarding/DeviceUseTag.js';
import { VisitChecks } from './VisitChecks.js';
import { fullName } from '../../shared/domain/names.js';
import { useBadgeStore } from './badge-store.js';
import { BadgeReprintButton, BadgeReprintRow } from './BadgeReprint.js';

/** Everyone signed in now; with a Badge column when the setting prints visitor badges. */
export function OnSiteTable({ visits, labelledBy, badges }: { visits: readonly OnSiteVisit[]; labelledBy: string; badges: boolean }) {
  // What a Reprint badge did stays beside the visitor until Today is left.
  const forgetBadges = useBadgeStore((s) => s.forget);
  useEffect(() => forgetBadges, [forgetBadges]);
  if (visits.length === 0) return <p className="empty">Nobody is signed in at the moment.</p>;
  return (
    <div className="table-wrap">
      <table className="table" aria-labelledby={labelledBy}>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Organisation</th>
            <th scope="col">Type</th>
            <th scope="col">Visiting</th>
            <th scope="col">Signed in</th>
            <th scope="col">Devices declared</th>
            <th scope="col">In the safe</th>
            {badges ? <th scope="col">Badge</th> : null}
          </tr>
        </thead>
        <tbody>
          {visits.map((v) => (
            <Fragment key={v.visitId}>
              <tr className={v.collectionRequestedAt || v.deviceUse?.endedBecause ? 'row-warning' : undefined}>
                <th scope="row">{fullName(v)}</th>
                <td>{v.organisation ?? <span className="muted">None</span>}</td>
                <td>{VISITOR_TYPE_LABELS[v.visitorType]}<VisitChecks visit={v} /></td>
                <td>{v.visiting}</td>
                <td>{formatTime(v.signedInAt)}</td>
                <td>
                  {v.devicesDeclared.length > 0 ? describeDevices(v.devicesDeclared) : <span className="muted">None</span>}
                  {v.deviceUse ? <DeviceUseTag marker={v.deviceUse} /> : null}
                </td>
                <td>
                  {v.itemsInSafe > 0 ? (v.itemsInSafe === 1 ? '1 item' : `${v.itemsInSafe} items`) : <span className="muted">None</span>}
                  {v.collectionRequestedAt ? (
                    <>
                      {' '}
                      <span className="tag tag-warning">
                        <span aria-hidden="true">⚠ </span>Wants to collect since {formatTime(v.collectionRequestedAt)}
                      </span>
                    </>
                  ) : null}
                </td>
                {badges ? <td className="cell-action"><BadgeReprintButton visitId={v.visitId} name={fullName(v)} /></td> : null}
              </tr>
              {badges ? <BadgeReprintRow visitId={v.visitId} name={fullName(v)} columns={8} /> : null}
            </Fragment>
          ))}
        </tbody>
      </table>
    </div>
  );
}
