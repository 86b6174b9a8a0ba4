import type { PolicyDetail } from '../../shared/contract/index.js';
import { formatDateTime } from '../../shared/domain/time.js';

/** Every version ever published, newest first, with how many visitors acknowledged each. */
export function VersionsTable({ versions, currentId }: { versions: PolicyDetail['versions']; currentId: number }) {
  const newestFirst = [...versions].sort((a, b) => b.version - a.version);
  return (
    <div className="table-wrap">
      <table className="table" aria-labelledby="versions-heading">
        <thead>
          <tr>
            <th scope="col">Version</th>
            <th scope="col">Title</th>
            <th scope="col">Published</th>
            <th scope="col">Acknowledged by</th>
          </tr>
        </thead>
        <tbody>
          {newestFirst.map((v) => (
            <tr key={v.versionId}>
              <th scope="row">
                {v.version}
                {v.versionId === currentId ? <> <span className="tag tag-info">Current</span></> : null}
              </th>
              <td>{v.title}</td>
              <td>{formatDateTime(v.createdAt)}{v.createdBy ? ` by ${v.createdBy}` : ''}</td>
              <td>{v.acknowledgements === 1 ? '1 visitor' : `${v.acknowledgements} visitors`}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
