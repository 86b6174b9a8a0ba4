import { useEffect } from 'react';
import { formatDateTime } from '../../shared/domain/time.js';
import { Alert } from '../components/Alert.js';
import { BigButton } from '../components/BigButton.js';
import { Notice } from '../components/Notice.js';
import { PageHeading } from '../components/PageHeading.js';
import { PolicyText } from '../components/PolicyText.js';
import { useSessionStore } from '../staff/session-store.js';
import { LeafletEditor } from './LeafletEditor.js';
import { PrintOutcome } from '../components/PrintOutcome.js';
import { VersionsTable } from './VersionsTable.js';
import { useLeafletStore } from './leaflet-store.js';
import { useSafeguardingStore } from './safeguarding-store.js';

/**
 * The safeguarding leaflet visitors are offered as they sign in (school §6): the text now and its versions,
 * for everyone to read and print at the desk; the DSL writes and publishes it.
 */
export function LeafletTab() {
  const isDsl = useSessionStore((s) => s.session?.roles.includes('dsl') ?? false);
  const detail = useLeafletStore((s) => s.detail);
  const error = useLeafletStore((s) => s.error);
  const draft = useLeafletStore((s) => s.draft);
  const printing = useLeafletStore((s) => s.printing);
  const printed = useLeafletStore((s) => s.printed);
  const load = useLeafletStore((s) => s.load);
  const startEdit = useLeafletStore((s) => s.startEdit);
  const print = useLeafletStore((s) => s.print);
  const notice = useSafeguardingStore((s) => s.notice);

  useEffect(() => {
    void load();
  }, [load]);

  if (draft) return <LeafletEditor />;
  const current = detail?.current ?? null;

  return (
    <>
      <div className="console-heading">
        <PageHeading>Safeguarding leaflet</PageHeading>
        {detail ? (
          <div className="console-refresh">
            {isDsl ? <BigButton onClick={startEdit}>{current ? 'Edit and publish' : 'Write the leaflet'}</BigButton> : null}
            {current ? (
              <BigButton variant="secondary" onClick={() => void print()} disabled={printing}>{printing ? 'Printing…' : 'Print a leaflet'}</BigButton>
            ) : null}
          </div>
        ) : null}
      </div>
      <p className="section-lead">
        Visitors are offered this leaflet when they sign in: the kiosk prints one on the A4 printer if they ask.
      </p>
      <Notice text={notice} />
      {error ? <Alert>{error}</Alert> : null}
      {printed ? <div className="no-print"><PrintOutcome print={printed.print} subject="The leaflet" pdfName="leaflet" folder="leaflets"
        printedLine={(printer) => `Leaflet (version ${printed.version}) printed on ${printer}.`} /></div> : null}
      {detail && !current ? (
        <Alert tone="info">
          There is no leaflet yet, so the kiosk does not offer one.
          {isDsl ? ' Write the leaflet: Safe Hands suggests a first text to start from.' : ' The Designated Safeguarding Lead can write one here.'}
        </Alert>
      ) : null}
      {current ? (
        <>
          <section className="card policy-status" aria-labelledby="leaflet-current-heading">
            <div className="policy-status-head">
              <h2 id="leaflet-current-heading">Version {current.version} is offered to visitors</h2>
            </div>
            <p className="muted">Published {formatDateTime(current.createdAt)} by {current.createdBy}.</p>
            <p className="policy-preview-title">{current.title}</p>
            <PolicyText text={current.body} />
          </section>
          <section className="card console-section" aria-labelledby="leaflet-versions-heading">
            <h2 id="leaflet-versions-heading">Versions</h2>
            <VersionsTable versions={detail!.versions} currentId={current.versionId} labelledBy="leaflet-versions-heading"
              countHeader="Printed at the kiosk for" count={(v) => v.printedForVisitors} />
          </section>
        </>
      ) : null}
    </>
  );
}
