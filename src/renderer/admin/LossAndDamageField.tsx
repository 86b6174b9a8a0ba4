import { commandSchemas } from '../../shared/contract/index.js';
import { DEFAULT_LOSS_AND_DAMAGE } from '../../shared/domain/loss-and-damage.js';
import { maxLengthOf } from '../../shared/validation.js';
import { BigButton } from '../components/BigButton.js';
import { TextAreaField } from '../components/TextAreaField.js';

const MAX = maxLengthOf(commandSchemas['settings.update'].input.shape.lossAndDamage);

/**
 * What the setting accepts for devices in its safe. The policies disclaim loss, theft and damage on site;
 * this line says what holds for what the office locks away. Printed on every receipt and shown to visitors
 * with the expectations; Safe Hands' own wording is one tap away.
 */
export function LossAndDamageField({ value, error, onChange }: { value: string; error?: string | undefined; onChange: (value: string) => void }) {
  return (
    <>
      <h3>Loss and damage</h3>
      <TextAreaField
        label="What we accept for devices in the safe"
        hint="Printed on every receipt and shown to visitors under the expectations."
        rows={4}
        maxLength={MAX}
        value={value}
        onChange={onChange}
        error={error}
      />
      {value !== DEFAULT_LOSS_AND_DAMAGE ? (
        <p>
          <BigButton variant="quiet" className="btn-small" onClick={() => onChange(DEFAULT_LOSS_AND_DAMAGE)}>Use the suggested wording</BigButton>
        </p>
      ) : null}
    </>
  );
}
