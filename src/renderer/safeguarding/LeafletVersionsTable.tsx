import type { LeafletDetail } from '../../shared/contract/index.js';
import { formatDateTime } from '../../shared/domain/time.js';
import { DataTable, type Column } from '../lib/DataTable.js';

type Version = LeafletDetail['versions'][number];

function visitors(n: number): string {
  return n === 1 ? '1 visitor' : `${n} visitors`;
}

/** Every leaflet ever published, newest first, with how many visitors had one printed at the kiosk. */
export function LeafletVersionsTable({ versions, currentId }: { versions: LeafletDetail['versions']; currentId: number }) {
  const columns: readonly Column<Version>[] = [
    { header: 'Version', cell: (v) => <>{v.version}{v.versionId === currentId ? <> <span className="tag tag-info">Current</span></> : null}</> },
    { header: 'Title', cell: (v) => v.title },
    { header: 'Published', cell: (v) => `${formatDateTime(v.createdAt)} by ${v.createdBy}` },
    { header: 'Printed at the kiosk for', cell: (v) => visitors(v.printedForVisitors) },
  ];
  return <DataTable rows={versions} columns={columns} rowKey={(v) => v.versionId} labelledBy="leaflet-versions-heading" />;
}
