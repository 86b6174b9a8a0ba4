import { formatDateTime } from '../../shared/domain/time.js';
import { DataTable, type Column } from '../lib/DataTable.js';

/** What every published version of a setting's text (the expectations, the leaflet) has. */
interface PublishedVersion {
  versionId: number;
  version: number;
  title: string;
  createdAt: string;
  createdBy: string | null;
}

interface VersionsTableProps<V extends PublishedVersion> {
  versions: readonly V[];
  currentId: number;
  /** The id of the heading above the table, which names it. */
  labelledBy: string;
  /** The last column: how many visitors each version reached, and how ("Acknowledged by"). */
  countHeader: string;
  count: (version: V) => number;
}

function visitors(n: number): string {
  return n === 1 ? '1 visitor' : `${n} visitors`;
}

/** Every version ever published, newest first, with how many visitors each one reached. */
export function VersionsTable<V extends PublishedVersion>({ versions, currentId, labelledBy, countHeader, count }: VersionsTableProps<V>) {
  const newestFirst = [...versions].sort((a, b) => b.version - a.version);
  const columns: readonly Column<V>[] = [
    { header: 'Version', cell: (v) => <>{v.version}{v.versionId === currentId ? <> <span className="tag tag-info">Current</span></> : null}</> },
    { header: 'Title', cell: (v) => v.title },
    { header: 'Published', cell: (v) => <>{formatDateTime(v.createdAt)}{v.createdBy ? ` by ${v.createdBy}` : ''}</> },
    { header: countHeader, cell: (v) => visitors(count(v)) },
  ];
  return <DataTable rows={newestFirst} columns={columns} rowKey={(v) => v.versionId} labelledBy={labelledBy} />;
}
