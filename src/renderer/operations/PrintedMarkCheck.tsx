import { Alert } from '../components/Alert.js';
import { BigButton } from '../components/BigButton.js';
import { TextField } from '../components/TextField.js';
import { useAuditMarkStore } from './audit-mark-store.js';

/**
 * Roll calls, reports and the end-of-day page carry the newest audit entry and a check code at their foot.
 * Paper cannot be edited: typing them in here shows whether the trail still holds that entry as it was.
 */
export function PrintedMarkCheck() {
  const s = useAuditMarkStore();
  return (
    <section className="card console-section" aria-labelledby="audit-mark-heading">
      <h2 id="audit-mark-heading">Check a printed sheet</h2>
      <p className="muted">
        Roll calls, reports and the end-of-day page say at the bottom “Audit trail: entry …, check code …”. Type them in to
        check the trail still holds that entry as it was when the sheet was printed.
      </p>
      <form className="audit-mark-form" onSubmit={(e) => { e.preventDefault(); void s.check(); }}>
        <TextField label="Entry number" value={s.entry} onChange={s.setEntry} inputMode="numeric" error={s.fieldErrors.entry} />
        <TextField label="Check code" value={s.code} onChange={s.setCode} autoCapitalize="characters" error={s.fieldErrors.code} />
        <BigButton type="submit" variant="secondary" disabled={s.checking}>{s.checking ? 'Checking…' : 'Check this sheet'}</BigButton>
      </form>
      <div role="status" className="notice-slot">
        {s.result?.holds ? <p className="notice"><span aria-hidden="true">✓ </span>{s.result.message}</p> : null}
      </div>
      {s.result && !s.result.holds ? <Alert>{s.result.message}</Alert> : null}
      {s.error ? <Alert>{s.error}</Alert> : null}
    </section>
  );
}
