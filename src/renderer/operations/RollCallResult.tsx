import { useEffect, useRef } from 'react';
import type { RollCallRecord } from '../../shared/contract/index.js';
import { formatTime } from '../../shared/domain/time.js';

/** The finished roll call: the people still to find, first and large, or a plain "everyone". */
export function RollCallResult({ record }: { record: RollCallRecord }) {
  const ref = useRef<HTMLElement>(null);
  // The answer is what the person came for: take them (and a screen reader) straight to it.
  useEffect(() => {
    ref.current?.focus();
    ref.current?.scrollIntoView?.({ block: 'start' });
  // Each finish is a new record (one the disk refused has no id), so each takes them to its answer.
  }, [record]);
  const missing = record.missing.length + record.missingStaff.length;
  const taken = `Roll call finished at ${formatTime(record.takenAt)} by ${record.takenBy}: ${record.accounted} of ${record.onSite} accounted for.`;
  if (missing === 0) {
    return (
      <section ref={ref} tabIndex={-1} className="rollcall-result rollcall-result-ok" aria-labelledby="rollcall-result-heading">
        <h2 id="rollcall-result-heading"><span aria-hidden="true">✓ </span>Everyone is accounted for</h2>
        <p>{taken}</p>
      </section>
    );
  }
  return (
    <section ref={ref} tabIndex={-1} className="rollcall-result rollcall-result-missing" aria-labelledby="rollcall-result-heading">
      <h2 id="rollcall-result-heading">
        <span aria-hidden="true">! </span>Still missing: {missing === 1 ? '1 person' : `${missing} people`}
      </h2>
      {record.missing.length > 0 ? (
        <ul className="rollcall-missing" aria-label="Still missing">
          {record.missing.map((name, i) => <li key={`${name}-${i}`}>{name}</li>)}
        </ul>
      ) : null}
      {/* Staff apart, as on the lists: the person taking the roll call knows who to ask about whom. */}
      {record.missingStaff.length > 0 ? (
        <>
          <h3 className="rollcall-missing-heading">Staff</h3>
          <ul className="rollcall-missing" aria-label="Staff still missing">
            {record.missingStaff.map((name, i) => <li key={`${name}-${i}`}>{name}</li>)}
          </ul>
        </>
      ) : null}
      <p>{taken} Tick people as they are found and finish again.</p>
    </section>
  );
}
