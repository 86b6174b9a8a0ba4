import { useState } from 'react';
import { commandSchemas, type BackupFile } from '../../shared/contract/index.js';
import { formatDateTime } from '../../shared/domain/time.js';
import { maxLengthOf } from '../../shared/validation.js';
import { Alert } from '../components/Alert.js';
import { BigButton } from '../components/BigButton.js';
import { ModalDialog } from '../components/ModalDialog.js';
import { TextField } from '../components/TextField.js';
import { useDialogAction } from '../components/useDialogAction.js';
import type { ActionResult } from '../lib/action-result.js';

interface RestoreDialogProps {
  /** The backup chosen from the list, or null to type the path of another file. */
  backup: BackupFile | null;
  onConfirm: (file: string) => Promise<ActionResult>;
  onClose: () => void;
}

/** Restoring replaces everything: the dialog says plainly what will happen before anyone confirms. */
export function RestoreDialog({ backup, onConfirm, onClose }: RestoreDialogProps) {
  const [path, setPath] = useState('');
  const { busy, error, fields, run, clearField } = useDialogAction(onClose);
  const file = backup ? backup.file : path;
  return (
    <ModalDialog
      variant="form"
      title={backup ? `Restore the backup from ${formatDateTime(backup.takenAt)}?` : 'Restore from another file?'}
      onEscape={onClose}
      description={
        <>
          <p>Safe Hands will go back to the data in {backup ? 'this backup' : 'the file you choose'}. Before it does:</p>
          <ul className="restore-facts">
            <li>The data Safe Hands holds now is <strong>kept aside</strong> in the data folder (in “before-restore”), not deleted.</li>
            <li>Anything recorded since the backup was made will <strong>no longer show</strong>.</li>
            <li><strong>Everyone is locked out</strong> of the staff console, you included. Unlock again with your PIN (the PINs are the ones in the backup).</li>
          </ul>
        </>
      }
      body={
        <form
          id="restore-form"
          className="form"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void run(() => onConfirm(file));
          }}
        >
          {error ? <Alert>{error}</Alert> : null}
          {backup ? (
            <p className="restore-file">File: <span className="file-name">{backup.fileName}</span></p>
          ) : (
            <TextField
              label="Full path of the backup file"
              hint="For example D:\Backups\Safe Hands\safe-hands-20261120-180000.db"
              value={path}
              maxLength={maxLengthOf(commandSchemas['backup.restore'].input.shape.file)}
              onChange={(v) => {
                setPath(v);
                clearField('file');
              }}
              error={fields.file}
            />
          )}
        </form>
      }
    >
      <BigButton type="submit" form="restore-form" disabled={busy}>{busy ? 'Restoring…' : backup ? 'Restore this backup' : 'Restore this file'}</BigButton>
      <BigButton variant="secondary" onClick={onClose}>Cancel</BigButton>
    </ModalDialog>
  );
}
