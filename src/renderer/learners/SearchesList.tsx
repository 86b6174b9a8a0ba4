import { useEffect } from 'react';
import { DEVICE_KIND_LABELS } from '../../shared/domain/devices.js';
import { SEARCH_CONTENT_LABELS, type SearchView } from '../../shared/domain/learner-searches.js';
import { Alert } from '../components/Alert.js';
import { Notice } from '../components/Notice.js';
import { DataTable, type Column } from '../lib/DataTable.js';
import { timeOrDateTime } from '../lib/format.js';
import { useSessionStore } from '../staff/session-store.js';
import { countWords } from './held-columns.js';
import { useSearchStore } from './search-store.js';

const COLUMNS: readonly Column<SearchView>[] = [
  {
    header: 'Pupil',
    cell: (s) => (
      <>
        <span className="agreement-pupil">{s.pupilName}</span>
        {s.classGroup ? <span className="agreement-line muted">{s.classGroup}</span> : null}
      </>
    ),
  },
  {
    header: 'Device',
    cell: (s) => (
      <>
        <span className="agreement-line">{s.deviceDescription ? `${DEVICE_KIND_LABELS[s.deviceKind]}: ${s.deviceDescription}` : DEVICE_KIND_LABELS[s.deviceKind]}</span>
        <span className="agreement-line muted">Receipt {s.receiptNumber}</span>
      </>
    ),
  },
  {
    header: 'Searched',
    cell: (s) => (
      <>
        <span className="agreement-line">{timeOrDateTime(s.searchedAt)} by {s.searchedBy}</span>
        <span className="agreement-line muted">{s.witness ? `Also present: ${s.witness}` : 'Nobody else recorded as present'}</span>
      </>
    ),
  },
  {
    header: 'Consent',
    cell: (s) => (
      <>
        <span className="agreement-line">
          {s.consentFrom === 'parent' ? `${s.consentName} (${s.consentRelationship ?? 'parent or carer'})` : `${s.consentName} (the pupil)`}
        </span>
        <span className="agreement-line muted">Given {timeOrDateTime(s.consentGivenAt)}</span>
      </>
    ),
  },
  {
    header: 'Looked at and found',
    cell: (s) => (
      <>
        <span className="agreement-line">Looked at: {s.lookedAt}</span>
        <span className="agreement-line">Found: {s.found}</span>
      </>
    ),
  },
  {
    header: 'Content',
    cell: (s) => (
      <>
        <span className="agreement-line">{SEARCH_CONTENT_LABELS[s.content]}</span>
        {s.contentDetail ? <span className="agreement-line muted">{s.contentDetail}</span> : null}
      </>
    ),
  },
];

/**
 * Every search of a pupil's confiscated device, newest first, on the Confiscated page: for the DSL, who sees
 * all of them, and the headteacher or leadership, who record them. Nobody else is shown the section.
 */
export function SearchesList() {
  const mayRead = useSessionStore((s) => (s.session ? s.session.roles.includes('dsl') || s.session.roles.includes('head') : false));
  const searches = useSearchStore((s) => s.searches);
  const loaded = useSearchStore((s) => s.loaded);
  const error = useSearchStore((s) => s.error);
  const notice = useSearchStore((s) => s.notice);
  const load = useSearchStore((s) => s.load);

  useEffect(() => {
    if (mayRead) void load();
  }, [mayRead, load]);

  if (!mayRead) return null;
  return (
    <section className="card console-section" aria-labelledby="searches-heading">
      <h2 id="searches-heading">Searches</h2>
      <p className="section-count">{countWords(searches.length, 'search', 'searches')}</p>
      <Notice text={notice} />
      {error ? <Alert>{error}</Alert> : null}
      <DataTable rows={searches} columns={COLUMNS} rowKey={(s) => s.searchId} labelledBy="searches-heading" className="searches-table"
        empty={loaded ? 'No device has been searched.' : 'Reading the searches…'} />
    </section>
  );
}
