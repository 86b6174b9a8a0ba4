import { useEffect, useState } from 'react';
import type { BackupFile } from '../../shared/contract/index.js';
import { formatDateTime } from '../../shared/domain/time.js';
import { Alert } from '../components/Alert.js';
import { BigButton } from '../components/BigButton.js';
import { useAppStore } from '../app-store.js';
import { useBackupsStore } from './backups-store.js';
import { RestoreDialog } from './RestoreDialog.js';

/** "2.4 MB", "312 KB": sizes as people read them. */
export function formatSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

/** Copies of the database: make one now, see what is there, and put one back. */
export function BackupsPanel() {
  const { folder, backups, loaded, loading, error, backingUp, made, backupError, load, backUpNow, restore } = useBackupsStore();
  const databaseProblem = useAppStore((s) => s.status?.databaseProblem ?? null);
  // undefined: no dialog; null: "another file"; a backup: that one.
  const [restoring, setRestoring] = useState<BackupFile | null | undefined>(undefined);

  useEffect(() => {
    void load();
  }, [load]);

  return (
    <section className="card form-section" aria-labelledby="backups-title">
      <h2 id="backups-title">Backups</h2>
      {databaseProblem ? (
        <Alert>
          <strong>The database failed its check.</strong> Restore the most recent backup below. If there is none, or it does not help, call IT. ({databaseProblem})
        </Alert>
      ) : null}
      {error ? <Alert>{error}</Alert> : null}
      <p className="settings-fact">{folder ? <>Backups are kept in <span className="file-name">{folder}</span></> : loading ? 'Reading the backups…' : ''}</p>

      <div className="form-actions">
        <BigButton onClick={() => void backUpNow()} disabled={backingUp}>{backingUp ? 'Backing up…' : 'Back up now'}</BigButton>
      </div>
      <div role="status" className="notice-slot">
        {made ? (
          <p className="notice">
            <span aria-hidden="true">✓ </span>Backup made at {formatDateTime(made.takenAt)}: {made.fileName} ({formatSize(made.sizeBytes)}), checked and kept.
          </p>
        ) : null}
      </div>
      {backupError ? <Alert>{backupError}</Alert> : null}

      <h3 id="backup-list-heading">Backups in this folder</h3>
      {loaded && backups.length === 0 ? <p className="empty">There are no backups in this folder yet.</p> : null}
      {backups.length > 0 ? (
        <div className="table-wrap">
          <table className="table" aria-labelledby="backup-list-heading">
            <thead>
              <tr>
                <th scope="col">Taken</th>
                <th scope="col">File</th>
                <th scope="col">Size</th>
                <th scope="col"><span className="visually-hidden">Action</span></th>
              </tr>
            </thead>
            <tbody>
              {backups.map((b) => (
                <tr key={b.file}>
                  <th scope="row">{formatDateTime(b.takenAt)}</th>
                  <td><span className="file-name">{b.fileName}</span></td>
                  <td>{formatSize(b.sizeBytes)}</td>
                  <td className="cell-action">
                    <BigButton variant="secondary" onClick={() => setRestoring(b)}>
                      Restore…{' '}<span className="visually-hidden">(the backup from {formatDateTime(b.takenAt)})</span>
                    </BigButton>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <div className="panel-actions">
        <BigButton variant="secondary" onClick={() => setRestoring(null)}>Restore from another file…</BigButton>
      </div>

      {restoring !== undefined ? (
        <RestoreDialog backup={restoring} onConfirm={restore} onClose={() => setRestoring(undefined)} />
      ) : null}
    </section>
  );
}
