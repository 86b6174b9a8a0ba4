import { useEffect, useState } from 'react';
import type { OnSiteVisit } from '../../shared/contract/index.js';
import { formatAuditMark } from '../../shared/domain/audit-mark.js';
import { formatDateTime, formatDay, formatTime } from '../../shared/domain/time.js';
import { documentUrl, inDesktopApp } from '../api.js';
import { Alert } from '../components/Alert.js';
import { BigButton } from '../components/BigButton.js';
import { PageHeading } from '../components/PageHeading.js';
import { REFRESH_SECONDS } from '../lib/refresh.js';
import { useEndOfDayStore } from './end-of-day-store.js';
import { initialEndOfDayPrintState, useEndOfDayPrintStore } from './end-of-day-print-store.js';
import { EndOfDayPrint } from './EndOfDayPrint.js';
import { useSessionStore } from '../staff/session-store.js';
import { NotSignedOutTable } from './NotSignedOutTable.js';
import { SafeOwnersList } from './SafeOwnersList.js';
import { SignOutDialog } from './SignOutDialog.js';
import { now } from '../lib/clock.js';

function count(n: number, one: string, many: string): string {
  return n === 1 ? `1 ${one}` : `${n} ${many}`;
}

/** Before locking up: who never signed out, what is still in the safe, and who booked but never came. */
export function EndOfDayPage() {
  const { report, loading, error, readAt, notice, load, signOut } = useEndOfDayStore();
  const [signingOut, setSigningOut] = useState<OnSiteVisit | null>(null);
  const settingName = useSessionStore((s) => s.settingName);
  const { printing, outcome, error: printError, printReport } = useEndOfDayPrintStore();

  useEffect(() => {
    void load();
    const timer = setInterval(() => void load(), REFRESH_SECONDS * 1000);
    return () => clearInterval(timer);
  }, [load]);
  // What the last print did belongs to that visit to the page: coming back later starts clean.
  useEffect(() => () => useEndOfDayPrintStore.setState(initialEndOfDayPrintState()), []);

  const readTime = readAt ? new Date(readAt) : now();
  const items = report ? report.inSafe.reduce((n, g) => n + g.items.length, 0) : 0;
  return (
    <>
      <div className="console-heading">
        <PageHeading>End of day</PageHeading>
        <div className="console-refresh no-print">
          <p className="muted" role="status">{loading ? 'Updating…' : readAt ? `Updated at ${formatTime(readAt)}` : ''}</p>
          <BigButton variant="secondary" onClick={() => void printReport()} disabled={printing}>{printing ? 'Printing…' : 'Print the end-of-day report'}</BigButton>
          {/* The page as it stands, from this browser's own print dialog: the desktop app has none. */}
          {inDesktopApp() ? null : <BigButton variant="secondary" onClick={() => window.print()}>Print this page</BigButton>}
          <BigButton variant="secondary" onClick={() => void load()} disabled={loading}>Refresh</BigButton>
        </div>
      </div>
      {error ? <Alert>{error}</Alert> : null}
      {printError ? <Alert>{printError}</Alert> : null}
      {outcome ? <EndOfDayPrint print={outcome} desktop={inDesktopApp()} documentHref={documentUrl} /> : null}
      <div role="status" className="notice-slot no-print">{notice ? <p className="notice"><span aria-hidden="true">✓ </span>{notice}</p> : null}</div>
      {report ? (
        <>
          {settingName ? <p className="eod-setting print-only">{settingName}</p> : null}
          <p className="eod-summary">
            <strong>{formatDay(report.date)}</strong> · the day ends at {report.endOfDay}.{' '}
            {count(report.notSignedOut.length, 'visitor has', 'visitors have')} not signed out;{' '}
            {count(items, 'item is', 'items are')} still in the safe.
            <span className="print-only"> Printed {formatDateTime(readTime.toISOString())}.</span>
          </p>

          <section className="card console-section" aria-labelledby="eod-visitors-heading">
            <h2 id="eod-visitors-heading">Visitors who have not signed out</h2>
            <p className="section-count no-print">If someone has gone, sign them out here and say why.</p>
            <NotSignedOutTable visits={report.notSignedOut} labelledBy="eod-visitors-heading" now={readTime} onSignOut={setSigningOut} />
          </section>

          <section className="card console-section" aria-labelledby="eod-safe-heading">
            <h2 id="eod-safe-heading">Still in the safe</h2>
            {items > 0 ? <p className="section-count">{count(items, 'item', 'items')} for {count(report.inSafe.length, 'person', 'people')}</p> : null}
            <SafeOwnersList owners={report.inSafe} now={readTime} />
          </section>

          <section className="card console-section" aria-labelledby="eod-noshow-heading">
            <h2 id="eod-noshow-heading">Booked visitors who did not come</h2>
            <p className="eod-noshows">
              {report.noShows === 0 ? 'None today.' : `${count(report.noShows, 'booked visitor', 'booked visitors')} did not arrive.`}
            </p>
          </section>
          {/* On paper this cannot be edited later: the DSL can check it against the trail (Audit trail, "Check a printed sheet"). */}
          {report.auditMark ? <p className="audit-mark">{formatAuditMark(report.auditMark)}</p> : null}
        </>
      ) : null}

      {signingOut ? (
        <SignOutDialog visit={signingOut} onConfirm={(reason) => signOut(signingOut, reason)} onClose={() => setSigningOut(null)} />
      ) : null}
    </>
  );
}
