import { useEffect, useState } from 'react';
import type { BackupFile } from '../../shared/contract/index.js';
import { formatDateTime } from '../../shared/domain/time.js';
import { Alert } from '../components/Alert.js';
import { BigButton } from '../components/BigButton.js';
import { DataTable, type Column } from '../lib/DataTable.js';
import { useAppStore } from '../app-store.js';
import { restoredMessage, useBackupsStore } from './backups-store.js';
import { useSessionStore } from '../staff/session-store.js';
import { RestoreDialog } from './RestoreDialog.js';

/** "2.4 MB", "312 KB": sizes as people read them. */
export function formatSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

const COLUMNS: readonly Column<BackupFile>[] = [
  { header: 'Taken', cell: (b) => formatDateTime(b.takenAt) },
  { header: 'File', cell: (b) => <span className="file-name">{b.fileName}</span> },
  { header: 'Size', cell: (b) => formatSize(b.sizeBytes) },
];

/** The copies in the folder, each with its own Restore… (named by when it was taken, for a screen reader). */
function BackupsTable({ backups, onRestore }: { backups: readonly BackupFile[]; onRestore: (backup: BackupFile) => void }) {
  const restore: Column<BackupFile> = {
    header: 'Action',
    headerHidden: true,
    cellClassName: 'cell-action',
    cell: (b) => (
      <BigButton variant="secondary" onClick={() => onRestore(b)}>
        Restore…{' '}<span className="visually-hidden">(the backup from {formatDateTime(b.takenAt)})</span>
      </BigButton>
    ),
  };
  return <DataTable rows={backups} columns={[...COLUMNS, restore]} rowKey={(b) => b.file} labelledBy="backup-list-heading" />;
}

/**
 * On a desk whose records are on a PostgreSQL server: the server backs them up, and Safe Hands neither makes
 * nor restores a copy, so there is nothing here to press, only who to ask.
 */
function ServerKeepsBackups() {
  return (
    <section className="card form-section" aria-labelledby="backups-title">
      <h2 id="backups-title">Backups</h2>
      <p>
        This desk keeps its records on a shared PostgreSQL database server, and the server is backed up by your IT
        team (with <span className="file-name">pg_dump</span>, as the Safe Hands README describes). Safe Hands makes no
        copies of its own here, and a backup is put back on the server, not from this screen.
      </p>
      <p>
        Ask IT how often the server is backed up, how long the copies are kept, and that the first desk's
        {' '}<span className="file-name">audit-trail.key</span> and <span className="file-name">pin-pepper.key</span> are kept beside them.
      </p>
    </section>
  );
}

/** Copies of the database: make one now, see what is there, and put one back. */
export function BackupsPanel() {
  const { folder, keptBy, backups, loaded, loading, error, backingUp, made, backupError, load, backUpNow, restore } = useBackupsStore();
  const databaseProblem = useAppStore((s) => s.status?.databaseProblem ?? null);
  const loadStatus = useAppStore((s) => s.loadStatus);
  const lock = useSessionStore((s) => s.lock);
  const loadSession = useSessionStore((s) => s.load);
  // Main has closed every staff session: show the lock screen with what happened, read the (perhaps
  // different) staff list again, and let the kiosk know the database is sound again.
  const restoreAndLock = async (file: string) => {
    const r = await restore(file);
    if (r.ok) {
      await lock(restoredMessage(r.restoredFrom ?? file));
      await Promise.all([loadSession(), loadStatus()]);
    }
    return r;
  };
  // undefined: no dialog; null: "another file"; a backup: that one.
  const [restoring, setRestoring] = useState<BackupFile | null | undefined>(undefined);

  useEffect(() => {
    void load();
  }, [load]);

  if (keptBy === 'database_server') return <ServerKeepsBackups />;
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
      {backups.length > 0 ? <BackupsTable backups={backups} onRestore={setRestoring} /> : null}
      <div className="panel-actions">
        <BigButton variant="secondary" onClick={() => setRestoring(null)}>Restore from another file…</BigButton>
      </div>

      {restoring !== undefined ? (
        <RestoreDialog backup={restoring} onConfirm={restoreAndLock} onClose={() => setRestoring(undefined)} />
      ) : null}
    </section>
  );
}
