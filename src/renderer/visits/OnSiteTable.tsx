import { useEffect } from 'react';
import type { OnSiteVisit } from '../../shared/contract/index.js';
import { describeDevices } from '../../shared/domain/devices.js';
import { formatTime } from '../../shared/domain/time.js';
import { VISITOR_TYPE_LABELS } from '../../shared/domain/visitors.js';
import { DeviceUseTag } from '../safeguarding/DeviceUseTag.js';
import { RequestWaitingTag } from '../safeguarding/RequestWaitingTag.js';
import { VisitChecks } from './VisitChecks.js';
import { fullName } from '../../shared/domain/names.js';
import { useBadgeStore } from './badge-store.js';
import { BadgeReprintButton, BadgeReprintRow } from './BadgeReprint.js';
import { DataTable, type Column } from '../lib/DataTable.js';
import { countItems } from '../lib/format.js';

const none = <span className="muted">None</span>;

const COLUMNS: readonly Column<OnSiteVisit>[] = [
  { header: 'Name', cell: (v) => fullName(v) },
  { header: 'Organisation', cell: (v) => v.organisation ?? none },
  { header: 'Type', cell: (v) => <>{VISITOR_TYPE_LABELS[v.visitorType]}<VisitChecks visit={v} /></> },
  { header: 'Visiting', cell: (v) => v.visiting },
  { header: 'Signed in', cell: (v) => formatTime(v.signedInAt) },
  {
    header: 'Devices declared',
    cell: (v) => (
      <>
        {v.devicesDeclared.length > 0 ? describeDevices(v.devicesDeclared) : none}
        {v.deviceUse ? <DeviceUseTag marker={v.deviceUse} /> : null}
        {v.exceptionRequest ? <RequestWaitingTag request={v.exceptionRequest} /> : null}
      </>
    ),
  },
  {
    header: 'In the safe',
    cell: (v) => (
      <>
        {v.itemsInSafe > 0 ? countItems(v.itemsInSafe) : none}
        {v.collectionRequestedAt ? (
          <>
            {' '}
            <span className="tag tag-warning">
              <span aria-hidden="true">⚠ </span>Wants to collect since {formatTime(v.collectionRequestedAt)}
            </span>
          </>
        ) : null}
      </>
    ),
  },
];

const BADGE_COLUMN: Column<OnSiteVisit> = {
  header: 'Badge',
  cell: (v) => <BadgeReprintButton visitId={v.visitId} name={fullName(v)} />,
  cellClassName: 'cell-action',
};

/** Everyone signed in now; with a Badge column when the setting prints visitor badges. */
export function OnSiteTable({ visits, labelledBy, badges }: { visits: readonly OnSiteVisit[]; labelledBy: string; badges: boolean }) {
  // What a Reprint badge did stays beside the visitor until Today is left.
  const forgetBadges = useBadgeStore((s) => s.forget);
  useEffect(() => forgetBadges, [forgetBadges]);
  return (
    <DataTable
      rows={visits}
      columns={badges ? [...COLUMNS, BADGE_COLUMN] : COLUMNS}
      rowKey={(v) => v.visitId}
      labelledBy={labelledBy}
      // Someone waiting to collect, or whose device use has ended, needs the office's attention first.
      rowClassName={(v) => (v.collectionRequestedAt || v.deviceUse?.endedBecause ? 'row-warning' : undefined)}
      empty="Nobody is signed in at the moment."
      rowAfter={badges ? (v, columns) => <BadgeReprintRow visitId={v.visitId} name={fullName(v)} columns={columns} /> : undefined}
    />
  );
}
