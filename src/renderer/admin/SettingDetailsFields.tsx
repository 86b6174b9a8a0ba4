import { useId, useState } from 'react';
import { commandSchemas, type SettingsView } from '../../shared/contract/index.js';
import { SETTING_KIND_LABELS, SETTING_KINDS, type SettingKind } from '../../shared/domain/setting.js';
import { maxLengthOf } from '../../shared/validation.js';
import { invoke } from '../api.js';
import { BigButton } from '../components/BigButton.js';
import { ChoiceCards } from '../components/ChoiceCards.js';
import { FieldError, TextField } from '../components/TextField.js';

type Draft = Pick<SettingsView, 'settingName' | 'settingKind' | 'addressLine'>;

interface Props {
  draft: Draft;
  hasLogo: boolean;
  fieldErrors: Record<string, string>;
  onChange: { [K in keyof Draft]: (value: Draft[K]) => void };
  onLogoChanged: () => void;
}

const SETTINGS = commandSchemas['settings.update'].input.shape;

const MAX_LOGO_BYTES = 1024 * 1024;

function toBase64(file: File): Promise<string> {
  return file.arrayBuffer().then((buffer) => {
    let binary = '';
    const bytes = new Uint8Array(buffer);
    for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    return btoa(binary);
  });
}

/** The setting's name and type, the address line printed on documents, and the logo on the kiosk. */
export function SettingDetailsFields({ draft, hasLogo, fieldErrors, onChange, onLogoChanged }: Props) {
  const logoId = useId();
  const [logoMessage, setLogoMessage] = useState<string | null>(null);
  const [logoError, setLogoError] = useState<string | null>(null);

  async function upload(file: File | undefined) {
    setLogoError(null);
    setLogoMessage(null);
    if (!file) return;
    // Checked here first so a 50 MB photo never leaves the computer.
    if (file.size > MAX_LOGO_BYTES) return setLogoError('The logo is too large: use a picture of at most 1 MB.');
    const result = await invoke('settings.setLogo', { dataBase64: await toBase64(file) });
    if (!result.ok) return setLogoError(result.error.message);
    setLogoMessage('Logo saved. The kiosk shows it from the next visitor.');
    onLogoChanged();
  }

  async function remove() {
    const result = await invoke('settings.setLogo', { dataBase64: null });
    if (!result.ok) return setLogoError(result.error.message);
    setLogoMessage('Logo removed.');
    onLogoChanged();
  }

  return (
    <>
      <h3>Your setting</h3>
      <TextField label="Setting name" value={draft.settingName} onChange={onChange.settingName} error={fieldErrors.settingName} maxLength={maxLengthOf(SETTINGS.settingName)} />
      <ChoiceCards legend="What kind of setting is it?" layout="pair" value={draft.settingKind} onChange={(v: SettingKind) => onChange.settingKind(v)}
        error={fieldErrors.settingKind} choices={SETTING_KINDS.map((k) => ({ value: k, label: SETTING_KIND_LABELS[k] }))} />
      <TextField label="Address line for documents (optional)" hint="Printed under the name on receipts, for example 1 Acorn Way, Ashford TN24 8AB."
        value={draft.addressLine ?? ''} onChange={(v) => onChange.addressLine(v === '' ? null : v)} error={fieldErrors.addressLine} maxLength={maxLengthOf(SETTINGS.addressLine)} />
      <div className={['field', logoError ? 'field-invalid' : ''].filter(Boolean).join(' ')}>
        <label className="field-label" htmlFor={logoId}>Logo (PNG or JPEG, at most 1 MB)</label>
        <input id={logoId} className="field-input" type="file" accept="image/png,image/jpeg" onChange={(e) => void upload(e.target.files?.[0])} />
        {logoError ? <FieldError id={`${logoId}-error`} message={logoError} /> : null}
      </div>
      <p role="status" className="field-hint">{logoMessage ?? (hasLogo ? 'A logo is set.' : 'No logo is set.')}</p>
      {hasLogo ? <BigButton variant="secondary" onClick={() => void remove()}>Remove the logo</BigButton> : null}
    </>
  );
}
