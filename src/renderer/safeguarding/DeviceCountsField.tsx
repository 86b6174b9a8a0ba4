import { useId } from 'react';
import { DEVICE_KINDS, DEVICE_KIND_LABELS, MAX_DEVICES_PER_KIND, describeDevices } from '../../shared/domain/devices.js';
import { FieldError } from '../components/TextField.js';
import { chosenDevices, type DeviceCounts } from './exception-model.js';

interface DeviceCountsFieldProps {
  counts: DeviceCounts;
  onChange: (kind: keyof DeviceCounts, count: number) => void;
  error?: string | undefined;
}

/** Which devices the visitor may keep, with how many of each: a "−" and "+" beside each kind. */
export function DeviceCountsField({ counts, onChange, error }: DeviceCountsFieldProps) {
  const id = useId();
  const errorId = `${id}-error`;
  const chosen = chosenDevices(counts);
  return (
    <fieldset className={['choices', 'device-counts', error ? 'field-invalid' : ''].filter(Boolean).join(' ')}
      aria-describedby={error ? errorId : undefined}>
      <legend className="field-label">Devices they may keep</legend>
      <ul className="device-count-list">
        {DEVICE_KINDS.map((kind) => {
          const label = DEVICE_KIND_LABELS[kind];
          const n = counts[kind];
          return (
            <li key={kind} className={n > 0 ? 'device-count device-count-on' : 'device-count'}>
              <span className="device-count-label" id={`${id}-${kind}`}>{label}</span>
              <button type="button" className="btn btn-secondary btn-count" disabled={n === 0}
                aria-label={`One fewer: ${label.toLowerCase()}`} onClick={() => onChange(kind, n - 1)}>
                <span aria-hidden="true">−</span>
              </button>
              <span className="device-count-value" aria-hidden="true">{n}</span>
              <button type="button" className="btn btn-secondary btn-count" disabled={n >= MAX_DEVICES_PER_KIND}
                aria-label={`One more: ${label.toLowerCase()}`} onClick={() => onChange(kind, n + 1)}>
                <span aria-hidden="true">+</span>
              </button>
            </li>
          );
        })}
      </ul>
      <p className="device-count-summary" role="status">
        {chosen.length > 0 ? `Approving ${describeDevices(chosen)}.` : 'No devices chosen yet.'}
      </p>
      {error ? <FieldError id={errorId} message={error} /> : null}
    </fieldset>
  );
}
