import type { PolicyDetail } from '../../shared/contract/index.js';
import { formatDateTime } from '../../shared/domain/time.js';
import { DataTable, type Column } from '../lib/DataTable.js';

type Version = PolicyDetail['versions'][number];

/** Every version ever published, newest first, with how many visitors acknowledged each. */
export function VersionsTable({ versions, currentId }: { versions: PolicyDetail['versions']; currentId: number }) {
  const newestFirst = [...versions].sort((a, b) => b.version - a.version);
  const columns: readonly Column<Version>[] = [
    { header: 'Version', cell: (v) => <>{v.version}{v.versionId === currentId ? <> <span className="tag tag-info">Current</span></> : null}</> },
    { header: 'Title', cell: (v) => v.title },
    { header: 'Published', cell: (v) => <>{formatDateTime(v.createdAt)}{v.createdBy ? ` by ${v.createdBy}` : ''}</> },
    { header: 'Acknowledged by', cell: (v) => (v.acknowledgements === 1 ? '1 visitor' : `${v.acknowledgements} visitors`) },
  ];
  return <DataTable rows={newestFirst} columns={columns} rowKey={(v) => v.versionId} labelledBy="versions-heading" />;
}
