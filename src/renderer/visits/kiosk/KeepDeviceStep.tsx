import { useRef } from 'react';
import { commandSchemas } from '../../../shared/contract/index.js';
import { DEVICE_KINDS, DEVICE_KIND_LABELS } from '../../../shared/domain/devices.js';
import { maxLengthOf } from '../../../shared/validation.js';
import { BigButton } from '../../components/BigButton.js';
import { ChoiceCards } from '../../components/ChoiceCards.js';
import { TextAreaField } from '../../components/TextAreaField.js';
import { useFocusFirstError } from '../../components/useFocusFirstError.js';
import { askToKeepDevice, chooseKeepDevice, setKeepPurpose } from '../keep-device.js';
import { useKioskStore } from '../kiosk-store.js';
import { StepFrame } from './StepFrame.js';
import './keep-device.css';

const DEVICES = DEVICE_KINDS.map((value) => ({ value, label: DEVICE_KIND_LABELS[value] }));
const PURPOSE_MAX = maxLengthOf(commandSchemas['exceptionRequest.request'].input.shape.purpose);

/**
 * "I need to keep a device for my work": which device and what for. The DSL decides; the visitor is told
 * plainly that until then the device goes in the safe, and why.
 */
export function KeepDeviceStep() {
  const request = useKioskStore((s) => s.keepRequest);
  const fields = useKioskStore((s) => s.fieldErrors);
  const error = useKioskStore((s) => s.error);
  const busy = useKioskStore((s) => s.busy);
  const back = useKioskStore((s) => s.back);
  const bodyRef = useRef<HTMLDivElement>(null);
  useFocusFirstError(bodyRef, error);

  return (
    <StepFrame
      title="Keeping a device for your work"
      lead="Tell us which device you need and what for. The Designated Safeguarding Lead (DSL) will decide."
      error={error}
      onBack={back}
      actions={
        <BigButton onClick={() => void askToKeepDevice()} disabled={busy}>{busy ? 'Signing you in…' : 'Ask the DSL and sign in'}</BigButton>
      }
    >
      <div ref={bodyRef} className="keep-device-form">
      <ChoiceCards legend="Which device do you need to keep?" choices={DEVICES} value={request.kind} onChange={chooseKeepDevice}
        error={fields.deviceKind} />
      <TextAreaField label="What do you need it for?" value={request.purpose} onChange={setKeepPurpose} maxLength={PURPOSE_MAX}
        hint='For example: "Taking notes in the review meeting" or "Photos of the boiler for my report".' error={fields.purpose}
        className="keep-device-purpose" />
      <div className="callout keep-device-until">
        <h2 className="callout-title">Until the DSL decides</h2>
        <p>
          Your device goes in the office safe with anything else you have brought. Our policy lets visitors use a
          device only once the DSL has agreed, before it is used. If the DSL agrees, the office will give it back to you.
        </p>
      </div>
      </div>
    </StepFrame>
  );
}
