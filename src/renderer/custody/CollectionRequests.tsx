import type { OnSiteVisit } from '../../shared/contract/index.js';
import { formatTime } from '../../shared/domain/time.js';
import { BigButton } from '../components/BigButton.js';
import { countItems } from '../lib/format.js';
import { fullName } from '../../shared/domain/names.js';

interface CollectionRequestsProps {
  visits: readonly OnSiteVisit[];
  onCollect: (visit: OnSiteVisit) => void;
  onOverride: (visit: OnSiteVisit) => void;
}

/** Visitors the kiosk sent to the office for their things: first on the page, in words as well as colour. */
export function CollectionRequests({ visits, onCollect, onOverride }: CollectionRequestsProps) {
  return (
    <section className="card console-section attention" aria-labelledby="collect-requests-heading">
      <h2 id="collect-requests-heading"><span aria-hidden="true">⚠ </span>Wants to collect their items</h2>
      <p className="section-count">
        {visits.length === 1 ? '1 visitor is waiting at the office' : `${visits.length} visitors are waiting at the office`}
      </p>
      <ul className="request-list">
        {visits.map((v) => {
          const name = fullName(v);
          return (
            <li key={v.visitId} className="request">
              <div className="request-who">
                <span className="request-name">{name}</span>
                {v.organisation ? <span className="muted"> · {v.organisation}</span> : null}
                <p className="request-detail">
                  Asked at {formatTime(v.collectionRequestedAt ?? v.signedInAt)} · {countItems(v.itemsInSafe)} in the safe
                </p>
              </div>
              <div className="request-actions">
                <BigButton onClick={() => onCollect(v)}>
                  Collect{' '}<span className="visually-hidden">items for {name}</span>
                </BigButton>
                <BigButton variant="secondary" onClick={() => onOverride(v)}>
                  Sign out without items…{' '}<span className="visually-hidden">({name})</span>
                </BigButton>
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
