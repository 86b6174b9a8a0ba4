import { useEffect, useId } from 'react';
import { Alert } from '../components/Alert.js';
import { BigButton } from '../components/BigButton.js';
import { ChoiceCards } from '../components/ChoiceCards.js';
import { SelectField, type SelectOption } from '../components/SelectField.js';
import { FieldError } from '../components/TextField.js';
import { useSettingsStore } from './settings-store.js';
import { BadgeAndRetentionFields } from './BadgeAndRetentionFields.js';
import { SettingDetailsFields } from './SettingDetailsFields.js';
import { BackupSettingsFields } from './BackupSettingsFields.js';
import { printerOptions } from './printer-options.js';
import { LossAndDamageField } from './LossAndDamageField.js';

const IDLE_CHOICES = [60, 90, 120, 180, 300];
const LOCK_CHOICES = [120, 300, 600, 900, 1800];

function minutes(seconds: number): string {
  return seconds < 60 ? `${seconds} seconds` : seconds % 60 === 0 ? `${seconds / 60} minute${seconds === 60 ? '' : 's'}` : `${seconds / 60} minutes`;
}

function secondsOptions(choices: readonly number[]): SelectOption<string>[] {
  return choices.map((s) => ({ value: String(s), label: minutes(s) }));
}

/** Administrator settings that the kiosk and the safe depend on: the receipt printer, the day's end, timeouts. */
export function SettingsPanel() {
  const { saved, draft, printers, error, fieldErrors, notice, busy, load, change, save } = useSettingsStore();
  const timeId = useId();
  useEffect(() => {
    void load();
    return () => useSettingsStore.getState().reset();
  }, [load]);

  if (!draft) return <section className="card" aria-labelledby="settings-title"><h2 id="settings-title">Settings</h2>{error ? <Alert>{error}</Alert> : <p>Loading…</p>}</section>;
  return (
    <section className="card form-section settings" aria-labelledby="settings-title">
      <h2 id="settings-title">Settings</h2>
      {error ? <Alert>{error}</Alert> : null}
      <p role="status" className="field-hint">{notice ?? ''}</p>
      <form onSubmit={(e) => { e.preventDefault(); void save(); }}>
        <SettingDetailsFields draft={draft} hasLogo={saved?.hasLogo ?? false} fieldErrors={fieldErrors} onLogoChanged={() => void load()}
          onChange={{
            settingName: (v) => change('settingName', v),
            settingKind: (v) => change('settingKind', v),
            addressLine: (v) => change('addressLine', v),
          }} />
        <h3>Printers</h3>
        <SelectField
          label="Receipt printer"
          hint={printers.length ? 'Printers this computer knows about.' : 'This computer has no printers set up. Receipts are saved as PDFs.'}
          value={draft.receiptPrinter ?? ''}
          onChange={(v) => change('receiptPrinter', v === '' ? null : v)}
          options={printerOptions(printers, draft.receiptPrinter)}
          placeholder="No receipt printer (save the PDF only)"
          error={fieldErrors.receiptPrinter}
        />
        <ChoiceCards legend="Receipt layout" layout="pair" value={draft.receiptLayout} onChange={(v) => change('receiptLayout', v)}
          choices={[{ value: 'roll80', label: '80 mm receipt roll' }, { value: 'a4', label: 'A4 paper' }]} error={fieldErrors.receiptLayout} />
        <SelectField
          label="A4 printer"
          hint="For the evacuation list and other A4 documents."
          value={draft.a4Printer ?? ''}
          onChange={(v) => change('a4Printer', v === '' ? null : v)}
          options={printerOptions(printers, draft.a4Printer)}
          placeholder="No A4 printer (save the PDF only)"
          error={fieldErrors.a4Printer}
        />
        <LossAndDamageField value={draft.lossAndDamage} error={fieldErrors.lossAndDamage} onChange={(v) => change('lossAndDamage', v)} />

        <h3>The day</h3>
        <div className={['field', fieldErrors.endOfDay ? 'field-invalid' : ''].filter(Boolean).join(' ')}>
          <label className="field-label" htmlFor={timeId}>End of the day</label>
          <p className="field-hint" id={`${timeId}-hint`}>Items still in the safe after this time are flagged.</p>
          <input id={timeId} className="field-input" type="time" value={draft.endOfDay} aria-describedby={`${timeId}-hint`}
            onChange={(e) => change('endOfDay', e.target.value)} />
          {fieldErrors.endOfDay ? <FieldError id={`${timeId}-error`} message={fieldErrors.endOfDay} /> : null}
        </div>
        <ChoiceCards legend="At the end of the day, visitors still signed in" layout="pair"
          value={draft.autoSignOut ? 'auto' : 'stay'} onChange={(v) => change('autoSignOut', v === 'auto')} error={fieldErrors.autoSignOut}
          choices={[
            { value: 'stay', label: 'Stay on the end-of-day list', hint: 'The office signs them out.' },
            { value: 'auto', label: 'Are signed out automatically', hint: 'Their items stay in the safe, flagged.' },
          ]} />
        <ChoiceCards legend="Staff phones go in the safe during working hours" layout="pair"
          value={draft.staffPhonesInSafe ? 'yes' : 'no'} onChange={(v) => change('staffPhonesInSafe', v === 'yes')} error={fieldErrors.staffPhonesInSafe}
          choices={[
            { value: 'no', label: 'No', hint: 'Staff keep their own phones.' },
            { value: 'yes', label: 'Yes', hint: 'Signing in offers “my phone into the safe”; Today lists staff whose phone is not in.' },
          ]} />

        <BadgeAndRetentionFields draft={draft} printers={printers} fieldErrors={fieldErrors} onChange={{
          badgeEnabled: (v) => change('badgeEnabled', v),
          badgePrinter: (v) => change('badgePrinter', v),
          badgeLayout: (v) => change('badgeLayout', v),
          retentionYears: (v) => change('retentionYears', v),
        }} />
        <BackupSettingsFields draft={draft} lastBackupAt={saved?.lastBackupAt ?? null} fieldErrors={fieldErrors}
          onFolder={(v) => change('backupFolder', v)} onKeep={(v) => change('backupKeep', v)} onDaily={(v) => change('backupDaily', v)} />
        <h3>Kiosk and console</h3>
        <SelectField label="Kiosk returns to the welcome screen after" value={String(draft.idleSeconds)}
          onChange={(v) => change('idleSeconds', Number(v))} error={fieldErrors.idleSeconds}
          hint="Without a touch; a warning with “I'm still here” comes first." options={secondsOptions(IDLE_CHOICES)} />
        <SelectField label="Console locks itself after" value={String(draft.consoleLockSeconds)}
          onChange={(v) => change('consoleLockSeconds', Number(v))} error={fieldErrors.consoleLockSeconds} options={secondsOptions(LOCK_CHOICES)} />
        <ChoiceCards legend="Returning visitors read the expectations again" layout="pair" value={draft.reacknowledge}
          onChange={(v) => change('reacknowledge', v)} error={fieldErrors.reacknowledge}
          choices={[{ value: 'on_change', label: 'Only when they change' }, { value: 'every_visit', label: 'On every visit' }]} />
        <ChoiceCards legend="Ask visitors to sign with a finger on the expectations screen" layout="pair"
          value={draft.askForSignature ? 'yes' : 'no'} onChange={(v) => change('askForSignature', v === 'yes')} error={fieldErrors.askForSignature}
          choices={[
            { value: 'no', label: 'No', hint: 'Tapping “I have read and will follow these” is enough.' },
            { value: 'yes', label: 'Yes', hint: 'The signature is kept with their agreement and shown on the visitor log.' },
          ]} />
        <div className="form-submit">
          <BigButton type="submit" disabled={busy}>{busy ? 'Saving…' : 'Save settings'}</BigButton>
        </div>
      </form>
    </section>
  );
}
