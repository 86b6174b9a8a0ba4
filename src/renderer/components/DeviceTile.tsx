import type { DeviceKind } from '../../shared/domain/devices.js';
import { DevicePicture } from './DevicePicture.js';

interface DeviceTileProps {
  kind: DeviceKind;
  label: string;
  count: number;
  max: number;
  onAdd: () => void;
  onRemove: () => void;
}

/**
 * One picture tile. The tile itself adds one; the separate "−" button (a sibling, never nested inside the
 * tile's button) takes one away. The count is in the accessible name so a screen reader hears the state.
 */
export function DeviceTile({ kind, label, count, max, onAdd, onRemove }: DeviceTileProps) {
  const atMax = count >= max;
  const name = count === 0 ? label : `${label}, ${count} selected${atMax ? ' (the most you can add)' : ''}`;
  return (
    <div className={['device-tile', count > 0 ? 'device-tile-selected' : ''].filter(Boolean).join(' ')}>
      <button
        type="button"
        className="device-tile-add"
        aria-label={name}
        onClick={() => {
          if (!atMax) onAdd();
        }}
      >
        <DevicePicture kind={kind} />
        <span className="device-tile-label">{label}</span>
        {count > 0 ? (
          <span className="device-tile-count" aria-hidden="true">
            <span className="device-tile-tick">✓</span> {count}
          </span>
        ) : null}
      </button>
      {count > 0 ? (
        <button
          type="button"
          className="device-tile-remove"
          aria-label={`Remove one ${label.toLowerCase()}`}
          onClick={onRemove}
        >
          <span aria-hidden="true">−</span>
        </button>
      ) : null}
    </div>
  );
}
