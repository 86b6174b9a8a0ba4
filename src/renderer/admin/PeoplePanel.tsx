import { useEffect, useMemo, useState } from 'react';
import { commandSchemas, type PersonMatch, type PersonRecords } from '../../shared/contract/index.js';
import { formatDateTime } from '../../shared/domain/time.js';
import { maxLengthOf } from '../../shared/validation.js';
import { inDesktopApp } from '../api.js';
import { Alert } from '../components/Alert.js';
import { BigButton } from '../components/BigButton.js';
import { TextField } from '../components/TextField.js';
import { DataTable, type Column } from '../lib/DataTable.js';
import { useSessionStore } from '../staff/session-store.js';
import { usePeopleStore } from './people-store.js';
import { PersonRecordsView } from './PersonRecordsView.js';
import { subjectAccessFileName, subjectAccessJson } from './subject-access.js';
import './people.css';

/** A link to the records as a JSON file, made here in the page: nothing is written to the PC until it is saved. */
function useDownloadHref(json: string | null): string | null {
  const [href, setHref] = useState<string | null>(null);
  useEffect(() => {
    if (json === null) return;
    if (typeof URL.createObjectURL !== 'function') {
      setHref(`data:application/json;charset=utf-8,${encodeURIComponent(json)}`);
      return;
    }
    const url = URL.createObjectURL(new Blob([json], { type: 'application/json' }));
    setHref(url);
    return () => {
      URL.revokeObjectURL(url);
      setHref(null);
    };
  }, [json]);
  return href;
}

function RecordActions({ records, settingName, preparedBy }: { records: PersonRecords; settingName: string; preparedBy: string }) {
  const file = useMemo(() => ({
    name: subjectAccessFileName(records),
    json: subjectAccessJson(records, { settingName, preparedBy }),
  }), [records, settingName, preparedBy]);
  const href = useDownloadHref(file.json);
  if (inDesktopApp()) {
    return (
      <p className="people-desktop-note no-print">
        The desktop app cannot save or print files. To give the person a copy, open the staff console in browser mode
        on this PC and gather their records there.
      </p>
    );
  }
  return (
    <div className="people-actions no-print">
      <a className="btn btn-primary" href={href ?? undefined} download={file.name}>Download as a file</a>
      <BigButton variant="secondary" onClick={() => window.print()}>Print</BigButton>
      <p className="muted people-file-name">The file is called <span className="file-name">{file.name}</span>.</p>
    </div>
  );
}

function PeopleTable({ people, gathering, onGather }: { people: PersonMatch[]; gathering: number | null; onGather: (p: PersonMatch) => void }) {
  const columns: readonly Column<PersonMatch>[] = [
    { header: 'Name', cell: (p) => p.name },
    { header: 'Organisation', cell: (p) => p.organisation ?? '—' },
    { header: 'Visits', cell: (p) => p.visits },
    { header: 'Last visit', cell: (p) => (p.lastVisitAt ? formatDateTime(p.lastVisitAt) : 'No visits') },
    {
      header: 'Action',
      headerHidden: true,
      cellClassName: 'cell-action',
      cell: (p) => (
        <BigButton variant="secondary" onClick={() => onGather(p)} disabled={gathering !== null}>
          {gathering === p.visitorId ? 'Gathering…' : 'Gather their records'}{' '}
          <span className="visually-hidden">({p.name})</span>
        </BigButton>
      ),
    },
  ];
  // The page scrolls this table sideways on a narrow screen rather than squeezing the names.
  return <DataTable rows={people} columns={columns} rowKey={(p) => p.visitorId} labelledBy="people-found-heading" wrapClassName="people-table-scroll" />;
}

/** Subject access requests: find a visitor by name and gather, show, download or print everything held about them. */
export function PeoplePanel() {
  const s = usePeopleStore();
  const settingName = useSessionStore((c) => c.settingName);
  const preparedBy = useSessionStore((c) => c.session?.displayName ?? '');

  useEffect(() => () => usePeopleStore.getState().reset(), []);

  const found = s.people.length;
  return (
    <section className="card form-section people" aria-labelledby="people-title">
      <h2 id="people-title">People</h2>
      <div className="people-find no-print">
        <p className="people-intro">
          This is for <strong>subject access requests</strong>, when visitors ask for a copy of the personal information
          held about them. Find the person, gather their records, then download or print them to hand over. Gathering
          records is written in the audit trail.
        </p>

        <form className="people-search" role="search" aria-label="Find a visitor" onSubmit={(e) => { e.preventDefault(); void s.search(); }}>
          <TextField label="Visitor’s name" hint="Their surname, or first name and surname" value={s.name} onChange={s.setName}
            error={s.fieldErrors.name} maxLength={maxLengthOf(commandSchemas['person.search'].input.shape.name)} autoComplete="off" />
          <BigButton type="submit" disabled={s.searching}>{s.searching ? 'Searching…' : 'Search'}</BigButton>
        </form>
        {s.searchError ? <Alert>{s.searchError}</Alert> : null}

        <p role="status" className="section-count people-found">
          {s.searched === null ? '' : found === 0
            ? `No one found for “${s.searched}”. Their details may already have been removed after the retention period.`
            : `${found === 1 ? '1 person' : `${found} people`} found for “${s.searched}”.`}
        </p>
        {found > 0 ? (
          <>
            <h3 id="people-found-heading" className="visually-hidden">People found</h3>
            <PeopleTable people={s.people} gathering={s.gathering} onGather={(p) => void s.gather(p)} />
          </>
        ) : null}
        {s.recordsError ? <Alert>{s.recordsError}</Alert> : null}
      </div>

      {s.records ? (
        <PersonRecordsView records={s.records} settingName={settingName} preparedBy={preparedBy}
          actions={<RecordActions records={s.records} settingName={settingName} preparedBy={preparedBy} />} />
      ) : null}
    </section>
  );
}
