import type { SettingsView } from '../../shared/contract/index.js';
import { ChoiceCards } from '../components/ChoiceCards.js';
import { SelectField } from '../components/SelectField.js';
import { printerOptions } from './printer-options.js';

type Draft = Pick<SettingsView, 'badgeEnabled' | 'badgePrinter' | 'badgeLayout' | 'retentionYears'>;

interface Props {
  draft: Draft;
  printers: { name: string; isDefault: boolean }[];
  fieldErrors: Record<string, string>;
  onChange: { [K in keyof Draft]: (value: Draft[K]) => void };
}

const YEARS = [1, 2, 3, 4, 5, 6, 7, 8, 10, 12, 15, 20, 25];

/** Visitor badges (off unless chosen) and how long visitors' details are kept. */
export function BadgeAndRetentionFields({ draft, printers, fieldErrors, onChange }: Props) {
  return (
    <>
      <h3>Visitor badges</h3>
      <ChoiceCards legend="Print a badge for each visitor" layout="pair" value={draft.badgeEnabled ? 'on' : 'off'}
        onChange={(v) => onChange.badgeEnabled(v === 'on')} error={fieldErrors.badgeEnabled}
        choices={[
          { value: 'off', label: 'No badges' },
          { value: 'on', label: 'Print a badge', hint: 'With a QR code to sign out, and a mark for devices.' },
        ]} />
      {draft.badgeEnabled ? (
        <>
          <SelectField label="Badge printer" value={draft.badgePrinter ?? ''} options={printerOptions(printers, draft.badgePrinter)}
            placeholder="No badge printer (save the PDF only)" onChange={(v) => onChange.badgePrinter(v === '' ? null : v)}
            error={fieldErrors.badgePrinter} />
          <ChoiceCards legend="Badge labels" layout="pair" value={draft.badgeLayout} onChange={(v) => onChange.badgeLayout(v)}
            error={fieldErrors.badgeLayout}
            choices={[
              { value: 'dymo_2_25x4', label: 'Dymo 2.25 × 4 in labels' },
              { value: 'brother_62mm', label: 'Brother 62 mm tape' },
            ]} />
        </>
      ) : null}
      <h3>Keeping records</h3>
      <SelectField label="Remove visitors' details after" value={String(draft.retentionYears)}
        options={YEARS.map((y) => ({ value: String(y), label: `${y} ${y === 1 ? 'year' : 'years'}` }))}
        hint="Counted from their last visit. 6 years follows the schools records toolkit for visitor books; check your own policy."
        onChange={(v) => { if (v !== '') onChange.retentionYears(Number(v)); }} error={fieldErrors.retentionYears} />
    </>
  );
}
