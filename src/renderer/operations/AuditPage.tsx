import { useEffect, useId } from 'react';
import { commandSchemas, MAX_AUDIT_ACTION_LENGTH, type AuditEntryView } from '../../shared/contract/index.js';
import { formatDateTime } from '../../shared/domain/time.js';
import { maxLengthOf } from '../../shared/validation.js';
import { Alert } from '../components/Alert.js';
import { BigButton } from '../components/BigButton.js';
import { FieldError, TextField } from '../components/TextField.js';
import { PageHeading } from '../components/PageHeading.js';
import { DataTable, type Column } from '../lib/DataTable.js';
import { useAuditStore } from './audit-store.js';
import { detailLines, entryTarget, verificationMessage } from './audit-format.js';
import { PrintedMarkCheck } from './PrintedMarkCheck.js';
import './audit.css';

function DateField({ label, value, onChange, error }: { label: string; value: string; onChange: (v: string) => void; error?: string | undefined }) {
  const id = useId();
  const errorId = `${id}-error`;
  return (
    <div className={['field', error ? 'field-invalid' : ''].filter(Boolean).join(' ')}>
      <label className="field-label" htmlFor={id}>{label}</label>
      <input id={id} className="field-input" type="date" value={value} onChange={(e) => onChange(e.target.value)}
        aria-invalid={error ? true : undefined} aria-describedby={error ? errorId : undefined} />
      {error ? <FieldError id={errorId} message={error} /> : null}
    </div>
  );
}

function EntryDetails({ detail }: { detail: Record<string, unknown> }) {
  const lines = detailLines(detail);
  if (lines.length === 0) return <span className="muted">None</span>;
  return (
    <ul className="audit-detail">
      {lines.map((l) => <li key={l.key}><span className="audit-detail-key">{l.key}:</span> {l.value}</li>)}
    </ul>
  );
}

function EntriesTable({ entries, brokenId }: { entries: AuditEntryView[]; brokenId: number | null }) {
  // The entry the trail check found changed is marked, so the DSL can find it among the rest.
  const columns: readonly Column<AuditEntryView>[] = [
    { header: 'Entry', cell: (e) => <>#{e.id}{e.id === brokenId ? <span className="tag tag-warning audit-changed">Changed</span> : null}</> },
    { header: 'When', cellClassName: 'audit-when', cell: (e) => formatDateTime(e.at) },
    { header: 'Who', cell: (e) => e.actor },
    { header: 'Action', cell: (e) => <span className="audit-action">{e.action}</span> },
    { header: 'What', cell: (e) => entryTarget(e) },
    { header: 'Details', cell: (e) => <EntryDetails detail={e.detail} /> },
  ];
  return (
    <DataTable rows={entries} columns={columns} rowKey={(e) => e.id} labelledBy="audit-entries-heading" className="audit-table"
      wrapClassName="audit-table-scroll" rowClassName={(e) => (e.id === brokenId ? 'row-warning' : undefined)} />
  );
}

/**
 * The audit trail for the DSL and administrators: who did what and when, newest first, filtered by dates,
 * action and person, a page at a time, with a check that no entry has been changed since it was written.
 */
export function AuditPage() {
  const s = useAuditStore();
  const search = s.search;

  useEffect(() => {
    void search();
    return () => useAuditStore.getState().reset();
  }, [search]);

  const n = s.entries.length;
  const brokenId = s.verification && !s.verification.ok ? s.verification.firstBrokenId : null;
  return (
    <>
      <div className="console-heading">
        <PageHeading>Audit trail</PageHeading>
        <div className="console-refresh">
          <BigButton variant="secondary" onClick={() => void s.verify()} disabled={s.verifying}>
            {s.verifying ? 'Checking the trail…' : 'Check the trail'}
          </BigButton>
        </div>
      </div>
      <p className="audit-intro">
        Everything done in Safe Hands is written here as it happens. “Check the trail” shows if any entry, or any record it describes, has been changed outside Safe Hands.
      </p>

      <div role="status" className="notice-slot">
        {s.verification?.ok ? <p className="notice"><span aria-hidden="true">✓ </span>{verificationMessage(s.verification)}</p> : null}
      </div>
      {s.verification && !s.verification.ok ? (
        <Alert>
          <strong>{verificationMessage(s.verification)}</strong> Tell the Designated Safeguarding Lead, and do not restore
          a backup or change anything else until they have seen it.
          <ul className="audit-problems">
            {s.verification.problems.map((p) => <li key={p}>{p}</li>)}
          </ul>
        </Alert>
      ) : null}
      {s.verifyError ? <Alert>{s.verifyError}</Alert> : null}

      <PrintedMarkCheck />

      <section className="card console-section audit-entries" aria-labelledby="audit-entries-heading">
        <h2 id="audit-entries-heading">Entries, newest first</h2>
        <form className="audit-filters" aria-label="Filter the entries" onSubmit={(e) => { e.preventDefault(); void s.search(); }}>
          <div className="audit-filter-fields">
            <DateField label="From" value={s.filters.from} onChange={(v) => s.setFilter({ from: v })} error={s.fieldErrors.from} />
            <DateField label="To" value={s.filters.to} onChange={(v) => s.setFilter({ to: v })} error={s.fieldErrors.to} />
            <TextField label="Action" hint="For example visit.sign_in" value={s.filters.action}
              onChange={(v) => s.setFilter({ action: v })} error={s.fieldErrors.action} maxLength={MAX_AUDIT_ACTION_LENGTH} />
            <TextField label="Who" hint="A name as shown here, or kiosk" value={s.filters.actor}
              onChange={(v) => s.setFilter({ actor: v })} error={s.fieldErrors.actor} maxLength={maxLengthOf(commandSchemas['audit.list'].input.shape.actor)} />
          </div>
          {s.error ? <Alert>{s.error}</Alert> : null}
          <div className="form-actions">
            <BigButton type="submit" disabled={s.loading}>Show entries</BigButton>
            <BigButton variant="secondary" onClick={() => void s.clearFilters()} disabled={s.loading}>Clear the filters</BigButton>
          </div>
        </form>
        <p className="section-count audit-count" role="status">
          {s.loading ? 'Reading the audit trail…'
            : s.loaded ? `${n === 1 ? '1 entry' : `${n} entries`} shown${s.moreBefore !== null ? '; there are older ones' : ''}.`
              : ''}
        </p>
        {s.loaded && n === 0 ? <p className="empty">No entries match these filters.</p> : null}
        {n > 0 ? <EntriesTable entries={s.entries} brokenId={brokenId} /> : null}
        {s.moreBefore !== null ? (
          <div className="panel-actions audit-more">
            <BigButton variant="secondary" onClick={() => void s.showOlder()} disabled={s.loadingOlder}>
              {s.loadingOlder ? 'Reading older entries…' : 'Show older'}
            </BigButton>
          </div>
        ) : null}
      </section>
    </>
  );
}
