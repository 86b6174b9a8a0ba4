import { commandSchemas } from '../../shared/contract/index.js';
import { MAX_SUMMARY_LINES } from '../../shared/contract/safeguarding.js';
import { maxLengthOf } from '../../shared/validation.js';
import { BigButton } from '../components/BigButton.js';
import { SelectField } from '../components/SelectField.js';
import { TextAreaField } from '../components/TextAreaField.js';
import { TextField } from '../components/TextField.js';
import { SummaryLinesField } from '../safeguarding/SummaryLinesField.js';
import { printerOptions } from './printer-options.js';
import { useSetupStore } from './setup-store.js';

const TEXT = commandSchemas['policy.publish'].input.shape;

/** The edited text's messages as the summary editor names them ("summary.0"), without the setup form's prefix. */
function textErrors(fieldErrors: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(fieldErrors).filter(([k]) => k.startsWith('expectations.')).map(([k, v]) => [k.slice('expectations.'.length), v]),
  );
}

/**
 * The chosen default expectations, to read and change before anything is saved: the setting's own words
 * from the first visitor on, rather than after a trip to the console.
 */
export function SetupExpectationsEditor() {
  const template = useSetupStore((s) => s.form.expectationsTemplate);
  const defaults = useSetupStore((s) => s.defaults);
  const text = useSetupStore((s) => s.expectations);
  const fieldErrors = useSetupStore((s) => s.fieldErrors);
  const edit = useSetupStore((s) => s.editExpectations);
  const change = useSetupStore((s) => s.setExpectations);
  if (!template || !defaults) return null;
  if (!text) {
    return (
      <div className="setup-expectations">
        <p className="muted">Starts as “{defaults.expectations[template].title}”, with {defaults.expectations[template].summary.length} summary lines.</p>
        <BigButton variant="secondary" onClick={() => edit(true)}>Read and change the text</BigButton>
      </div>
    );
  }
  const errors = textErrors(fieldErrors);
  return (
    <div className="setup-expectations">
      <TextField label="Title" value={text.title} maxLength={maxLengthOf(TEXT.title)} error={errors.title}
        onChange={(title) => change((t) => ({ ...t, title }))} />
      <SummaryLinesField lines={text.summary} max={MAX_SUMMARY_LINES} fieldErrors={errors}
        onLine={(index, value) => change((t) => ({ ...t, summary: t.summary.map((l, i) => (i === index ? value : l)) }))}
        onAdd={() => change((t) => (t.summary.length < MAX_SUMMARY_LINES ? { ...t, summary: [...t.summary, ''] } : t))}
        onRemove={(index) => change((t) => (t.summary.length > 1 ? { ...t, summary: t.summary.filter((_, i) => i !== index) } : t))}
        onClear={() => change((t) => ({ ...t, summary: [''] }))} />
      <TextAreaField label="Full text" rows={10} maxLength={maxLengthOf(TEXT.fullText)} value={text.fullText} error={errors.fullText}
        hint='Start a heading with "### " and a list item with "- ". Leave a blank line between paragraphs.'
        onChange={(fullText) => change((t) => ({ ...t, fullText }))} />
      <BigButton variant="quiet" onClick={() => edit(false)}>Use the default text as it is</BigButton>
    </div>
  );
}

/** The receipt printer, chosen now so the first visitor's receipt prints; the rest of printing is in Settings. */
export function SetupPrinterField() {
  const defaults = useSetupStore((s) => s.defaults);
  const chosen = useSetupStore((s) => s.form.receiptPrinter);
  const setField = useSetupStore((s) => s.setField);
  const fieldErrors = useSetupStore((s) => s.fieldErrors);
  if (!defaults) return null;
  return (
    <section className="card form-section" aria-labelledby="setup-printing">
      <h2 id="setup-printing">Receipts</h2>
      {defaults.printers.length === 0 ? (
        <p>
          No printer was found on this PC. Receipts are saved as PDFs until a printer is added and an administrator
          chooses it in Settings.
        </p>
      ) : (
        <SelectField label="Receipt printer" hint="Visitors get a receipt with a QR code for what they hand in. You can change this in Settings."
          value={chosen ?? ''} options={printerOptions(defaults.printers, chosen)} placeholder="No printer yet (save receipts as PDFs)"
          onChange={(v) => setField('receiptPrinter', v === '' ? null : v)} error={fieldErrors.receiptPrinter} />
      )}
    </section>
  );
}
