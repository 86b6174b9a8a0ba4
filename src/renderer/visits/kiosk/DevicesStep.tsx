import { DEVICE_KINDS, DEVICE_KIND_LABELS, MAX_DEVICES_PER_KIND, describeDevices } from '../../../shared/domain/devices.js';
import { BigButton } from '../../components/BigButton.js';
import { DeviceTile } from '../../components/DeviceTile.js';
import { declaredDevices, useKioskStore } from '../kiosk-store.js';
import { InviteDeviceNote } from './InviteNotes.js';
import { StepFrame } from './StepFrame.js';

export function DevicesStep() {
  const devices = useKioskStore((s) => s.devices);
  const busy = useKioskStore((s) => s.busy);
  const error = useKioskStore((s) => s.error);
  const addDevice = useKioskStore((s) => s.addDevice);
  const removeDevice = useKioskStore((s) => s.removeDevice);
  const submitSignIn = useKioskStore((s) => s.submitSignIn);
  const back = useKioskStore((s) => s.back);
  const chosen = declaredDevices(devices);

  let label = chosen.length > 0 ? 'Continue' : 'I have none of these';
  if (busy) label = 'Signing you in…';

  return (
    <StepFrame
      title="Do you have any of these with you?"
      lead="Tap each one you have with you. Tap again if you have more than one."
      error={error}
      onBack={back}
      actions={<BigButton onClick={() => void submitSignIn()} disabled={busy}>{label}</BigButton>}
    >
      <InviteDeviceNote />
      <div className="device-grid">
        {DEVICE_KINDS.map((kind) => (
          <DeviceTile
            key={kind}
            kind={kind}
            label={DEVICE_KIND_LABELS[kind]}
            count={devices[kind]}
            max={MAX_DEVICES_PER_KIND}
            onAdd={() => addDevice(kind)}
            onRemove={() => removeDevice(kind)}
          />
        ))}
      </div>
      <p className="device-summary" role="status">
        {chosen.length > 0 ? `You have chosen ${describeDevices(chosen)}.` : 'Nothing chosen yet.'}
      </p>
    </StepFrame>
  );
}
