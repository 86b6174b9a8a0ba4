import { useEffect } from 'react';
import { REPORT_KINDS, REPORT_TITLES, SIGNATURE_COLUMN } from '../../shared/domain/reports.js';
import { documentUrl, inDesktopApp } from '../api.js';
import { Alert } from '../components/Alert.js';
import { BigButton } from '../components/BigButton.js';
import { ChoiceCards } from '../components/ChoiceCards.js';
import { FieldFrame } from '../components/FieldFrame.js';
import { SignatureImage } from '../components/SignatureImage.js';
import { useReportsStore } from './reports-store.js';
import './reports.css';

function DateField({ label, value, onChange, error }: { label: string; value: string; onChange: (v: string) => void; error?: string | undefined }) {
  return (
    <FieldFrame label={label} error={error}>
      {(control) => <input {...control} className="field-input" type="date" value={value} onChange={(e) => onChange(e.target.value)} />}
    </FieldFrame>
  );
}

/** Logs for a date range, on screen and as CSV (for a spreadsheet) or PDF (for the file). */
export function ReportsPage() {
  const { kind, from, to, report, exported, error, fieldErrors, busy, set, show, exportAs } = useReportsStore();
  useEffect(() => () => useReportsStore.getState().reset(), []);
  return (
    <section className="card form-section reports" aria-labelledby="reports-title">
      <h2 id="reports-title">Reports</h2>
      <form onSubmit={(e) => { e.preventDefault(); void show(); }}>
        <ChoiceCards legend="Which report?" value={kind} onChange={(v) => set({ kind: v })} error={fieldErrors.kind}
          choices={REPORT_KINDS.map((k) => ({ value: k, label: REPORT_TITLES[k] }))} />
        <div className="field-pair">
          <DateField label="From" value={from} onChange={(v) => set({ from: v })} error={fieldErrors.from} />
          <DateField label="To" value={to} onChange={(v) => set({ to: v })} error={fieldErrors.to} />
        </div>
        {error ? <Alert>{error}</Alert> : null}
        <div className="form-submit report-actions">
          <BigButton type="submit" disabled={busy}>Show the report</BigButton>
          <BigButton variant="secondary" onClick={() => void exportAs('csv')} disabled={busy}>Export CSV</BigButton>
          <BigButton variant="secondary" onClick={() => void exportAs('pdf')} disabled={busy}>Export PDF</BigButton>
        </div>
      </form>
      <p role="status">
        {exported ? `${exported.fileName} is ready (${exported.rows} ${exported.rows === 1 ? 'row' : 'rows'}).` : ''}
        {exported && !inDesktopApp() ? <> <a href={documentUrl(exported.documentId)} target="_blank" rel="noopener">Open {exported.fileName}</a></> : null}
        {exported && inDesktopApp() ? ' It is saved in the reports folder inside the data folder.' : ''}
      </p>
      {report ? (
        <div className="table-scroll">
          <table className="report-table">
            <caption>{report.title}: {report.rows.length} {report.rows.length === 1 ? 'row' : 'rows'}</caption>
            <thead><tr>{report.columns.map((c) => <th key={c} scope="col">{c}</th>)}</tr></thead>
            <tbody>
              {report.rows.length === 0 ? (
                <tr><td colSpan={report.columns.length}>Nothing in this period.</td></tr>
              ) : (
                report.rows.map((r, i) => (
                  <tr key={i}>
                    {r.map((cell, j) => {
                      // The visitor log draws each signature where the CSV and PDF say when it was drawn.
                      const signature = report.columns[j] === SIGNATURE_COLUMN ? report.signatures?.[i] : null;
                      return <td key={j}>{signature ? <SignatureImage signature={signature} /> : cell}</td>;
                    })}
                  </tr>
                ))
              )}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
