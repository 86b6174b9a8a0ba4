import { commandSchemas, type SettingsView } from '../../shared/contract/index.js';
import { formatDateTime } from '../../shared/domain/time.js';
import { maxLengthOf } from '../../shared/validation.js';
import { ChoiceCards } from '../components/ChoiceCards.js';
import { SelectField } from '../components/SelectField.js';
import { TextField } from '../components/TextField.js';

type BackupDraft = Pick<SettingsView, 'backupFolder' | 'backupKeep' | 'backupDaily'>;

interface BackupSettingsFieldsProps {
  draft: BackupDraft;
  lastBackupAt: string | null;
  fieldErrors: Record<string, string>;
  onFolder: (folder: string) => void;
  onKeep: (keep: number) => void;
  onDaily: (daily: boolean) => void;
}

const KEEP_CHOICES = [3, 7, 14, 30, 60, 90, 180, 365];

/** Where backups go, how many are kept and whether one is made every day. */
export function BackupSettingsFields({ draft, lastBackupAt, fieldErrors, onFolder, onKeep, onDaily }: BackupSettingsFieldsProps) {
  const keep = KEEP_CHOICES.includes(draft.backupKeep) ? KEEP_CHOICES : [...KEEP_CHOICES, draft.backupKeep].sort((a, b) => a - b);
  return (
    <>
      <h3>Backups</h3>
      <p className="settings-fact">
        {lastBackupAt ? <>Last backup: <strong>{formatDateTime(lastBackupAt)}</strong></> : 'No backup has been made yet.'}
      </p>
      <TextField
        label="Backup folder"
        hint="The whole path, for example D:\Backups\Safe Hands. Leave empty for the data folder’s backups."
        value={draft.backupFolder ?? ''}
        maxLength={maxLengthOf(commandSchemas['settings.update'].input.shape.backupFolder)}
        onChange={onFolder}
        error={fieldErrors.backupFolder}
      />
      <SelectField
        label="How many backups to keep"
        hint="The oldest are deleted once there are more than this."
        value={String(draft.backupKeep)}
        options={keep.map((n) => ({ value: String(n), label: n === 1 ? '1 backup' : `${n} backups` }))}
        onChange={(v) => onKeep(Number(v))}
        error={fieldErrors.backupKeep}
        className="field-narrow"
      />
      <ChoiceCards
        legend="Back up automatically every day"
        layout="pair"
        value={draft.backupDaily ? 'yes' : 'no'}
        onChange={(v) => onDaily(v === 'yes')}
        error={fieldErrors.backupDaily}
        choices={[
          { value: 'yes', label: 'Yes, every day' },
          { value: 'no', label: 'No, only when someone presses “Back up now”' },
        ]}
      />
    </>
  );
}
