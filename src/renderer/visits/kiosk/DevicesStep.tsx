import { DEVICE_KINDS, DEVICE_KIND_LABELS, MAX_DEVICES_PER_KIND, describeDevices } from '../../../shared/domain/devices.js';
import { BigButton } from '../../components/BigButton.js';
import { DeviceTile } from '../../components/DeviceTile.js';
import { declaredDevices, useKioskStore } from '../kiosk-store.js';
import { InviteDeviceNote, useInviteApproved } from './InviteNotes.js';
import { signInAndAsk, startKeepRequest } from '../keep-device.js';
import { yourDevice } from '../../../shared/domain/exception-requests.js';
import './keep-device.css';
import { StepFrame } from './StepFrame.js';

export function DevicesStep() {
  const devices = useKioskStore((s) => s.devices);
  const busy = useKioskStore((s) => s.busy);
  const error = useKioskStore((s) => s.error);
  const addDevice = useKioskStore((s) => s.addDevice);
  const removeDevice = useKioskStore((s) => s.removeDevice);
  const keepRequest = useKioskStore((s) => s.keepRequest);
  const approved = useInviteApproved();
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
      actions={<BigButton onClick={() => void signInAndAsk()} disabled={busy}>{label}</BigButton>}
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
      {/* A visitor whose device use the DSL approved in advance has nothing to ask. */}
      {approved ? null : (
        <div className="callout keep-device-offer">
          <p>
            {keepRequest.status === 'ready' && keepRequest.kind
              ? `You are asking to keep ${yourDevice(keepRequest.kind)}. The DSL will decide once you are signed in.`
              : 'Need a device for your work here, such as taking notes?'}
          </p>
          <BigButton variant="secondary" onClick={startKeepRequest} disabled={busy}>I need to keep a device for my work</BigButton>
        </div>
      )}
    </StepFrame>
  );
}
