import type { OnSiteVisit } from '../../shared/contract/index.js';
import type { VisitorType } from '../../shared/domain/visitors.js';
import { formatTime } from '../../shared/domain/time.js';
import { useTodayStore } from '../console/today-store.js';
import { CheckField } from '../components/CheckField.js';
import { fullName } from '../../shared/domain/names.js';

/** Visitors whose photo ID and employer's DBS assurance the office checks on arrival. */
const PROFESSIONAL_TYPES: readonly VisitorType[] = ['visiting_professional', 'inspector', 'local_authority'];

export function needsChecks(visit: OnSiteVisit): boolean {
  return PROFESSIONAL_TYPES.includes(visit.visitorType);
}

/** Two ticks for a visiting professional: photo ID checked, DBS assurance seen (never the certificate itself). */
export function VisitChecks({ visit }: { visit: OnSiteVisit }) {
  const saving = useTodayStore((s) => s.checksSaving === visit.visitId);
  const error = useTodayStore((s) => (s.checksError?.visitId === visit.visitId ? s.checksError.message : null));
  const record = useTodayStore((s) => s.recordChecks);
  if (!needsChecks(visit)) return null;
  const photo = visit.photoIdCheckedAt !== null;
  const dbs = visit.dbsAssuranceSeenAt !== null;
  const name = fullName(visit);
  return (
    <div className="visit-checks" role="group" aria-label={`Checks for ${name}`}>
      <CheckField
        compact
        label="Photo ID checked"
        hint={visit.photoIdCheckedAt ? `at ${formatTime(visit.photoIdCheckedAt)}` : undefined}
        checked={photo}
        disabled={saving}
        onChange={(checked) => void record(visit, { photoIdChecked: checked, dbsAssuranceSeen: dbs })}
      />
      <CheckField
        compact
        label="DBS assurance seen"
        hint={visit.dbsAssuranceSeenAt ? `at ${formatTime(visit.dbsAssuranceSeenAt)}` : undefined}
        checked={dbs}
        disabled={saving}
        onChange={(checked) => void record(visit, { photoIdChecked: photo, dbsAssuranceSeen: checked })}
      />
      {error ? <p className="field-error"><span className="field-error-mark" aria-hidden="true">!</span>{error}</p> : null}
    </div>
  );
}
