import { BigButton } from '../../components/BigButton.js';
import { useKioskStore } from '../kiosk-store.js';
import './leaflet-offer.css';

/**
 * The safeguarding leaflet (school §6: visitors are offered one as they sign in), on the last sign-in step
 * when the setting has one. One tap prints it on the office's A4 printer; the kiosk allows one per visit.
 */
export function LeafletOffer() {
  const leaflet = useKioskStore((s) => s.leaflet);
  const printLeaflet = useKioskStore((s) => s.printLeaflet);
  return (
    <div className="callout leaflet-offer">
      <p>A safeguarding leaflet is available: ask at the office or print one here.</p>
      {leaflet === 'none' ? <BigButton variant="secondary" onClick={() => void printLeaflet()}>Print a leaflet</BigButton> : null}
      <p role="status" className="leaflet-offer-status">
        {leaflet === 'printing' ? 'Your leaflet is printing…' : null}
        {leaflet === 'printed' ? 'Your leaflet is printing in the office. Please collect it there.' : null}
        {leaflet === 'failed' ? 'Your leaflet could not be printed here. Please ask at the office for one.' : null}
      </p>
    </div>
  );
}
