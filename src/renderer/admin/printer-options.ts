import type { SelectOption } from '../components/SelectField.js';

/**
 * The printers this computer knows about, as choices. A printer that was chosen before but has since gone
 * stays in the list, marked, so the saved choice is still shown rather than silently replaced.
 */
export function printerOptions(printers: readonly { name: string; isDefault: boolean }[], chosen: string | null): SelectOption<string>[] {
  const options = printers.map((p) => ({ value: p.name, label: `${p.name}${p.isDefault ? ' (default)' : ''}` }));
  if (chosen && !printers.some((p) => p.name === chosen)) options.push({ value: chosen, label: `${chosen} (not found now)` });
  return options;
}
