import type { DeviceUseMarker } from '../../shared/domain/exceptions.js';
import { timeOrDateTime } from '../lib/format.js';

/** "Notes only." reads as "Notes only" before the semicolon that joins it to the areas. */
function withoutEndStop(text: string): string {
  return text.replace(/[.;,\s]+$/u, '');
}

/**
 * Beside a visitor's name: their device use is approved (and within what limits), so staff do not
 * challenge them wrongly; or approval has ended while they are here, so the device should be handed in.
 * An icon and words carry the state, never colour alone.
 */
export function DeviceUseTag({ marker }: { marker: DeviceUseMarker }) {
  if (marker.endedBecause) {
    return (
      <p className="device-use device-use-ended">
        <span className="device-use-icon" aria-hidden="true">⚠</span>
        <span>Approval ended ({marker.endedBecause}): device should be in the safe</span>
      </p>
    );
  }
  if (!marker.approved) {
    return (
      <p className="device-use device-use-pending">
        <span className="device-use-icon" aria-hidden="true">…</span>
        <span>Device use approved, not yet in force</span>
      </p>
    );
  }
  return (
    <p className="device-use device-use-approved">
      <span className="device-use-icon" aria-hidden="true">✓</span>
      <span>
        Device use approved: {withoutEndStop(marker.permittedUse)}; {marker.permittedAreas}
        {marker.validUntil ? <span className="device-use-until"> (until {timeOrDateTime(marker.validUntil)})</span> : null}
      </span>
    </p>
  );
}
