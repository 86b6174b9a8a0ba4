import { pupilNameText } from '../../shared/contract/index.js';
import { DEVICE_KINDS, DEVICE_KIND_LABELS } from '../../shared/domain/devices.js';
import { maxLengthOf } from '../../shared/validation.js';
import { DateTimeField } from '../components/DateTimeField.js';
import { SelectField } from '../components/SelectField.js';
import { TextField } from '../components/TextField.js';
import { todayUk } from '../lib/uk-clock.js';
import type { PupilDeviceAnswers } from './pupil-device-model.js';

interface PupilFieldsProps {
  form: PupilDeviceAnswers;
  fields: Record<string, string>;
  // A method, so either form's own setField (for its fuller draft) is taken.
  setField<K extends keyof PupilDeviceAnswers>(field: K, value: PupilDeviceAnswers[K]): void;
}

const KIND_OPTIONS = DEVICE_KINDS.map((value) => ({ value, label: DEVICE_KIND_LABELS[value] }));

/** A field of the command's contract, for its longest answer. */
type ContractField = Parameters<typeof maxLengthOf>[0];

interface PupilDeviceFieldsProps extends PupilFieldsProps {
  shape: { classGroup: ContractField; deviceDescription: ContractField };
  classHint: string;
  descriptionHint: string;
}

/** The pupil (name and class) and their device (kind and description), two to a row. */
export function PupilDeviceFields({ form, fields, setField, shape, classHint, descriptionHint }: PupilDeviceFieldsProps) {
  return (
    <>
      <div className="field-pair">
        <TextField label="Pupil's name" hint="As the school writes it, in full." value={form.pupilName} maxLength={maxLengthOf(pupilNameText)}
          onChange={(v) => setField('pupilName', v)} error={fields.pupilName} autoCapitalize="words" />
        <TextField label="Class or year group" hint={classHint} value={form.classGroup} maxLength={maxLengthOf(shape.classGroup)}
          onChange={(v) => setField('classGroup', v)} error={fields.classGroup} />
      </div>
      <div className="field-pair">
        <SelectField label="Kind of device" value={form.deviceKind} options={KIND_OPTIONS} placeholder="Choose…"
          onChange={(v) => setField('deviceKind', v)} error={fields.deviceKind} />
        <TextField label="Description" hint={descriptionHint} value={form.deviceDescription}
          maxLength={maxLengthOf(shape.deviceDescription)} onChange={(v) => setField('deviceDescription', v)} error={fields.deviceDescription} />
      </div>
    </>
  );
}

/** The first and last day; the last cannot be chosen before today, when it would never be in force. */
export function PupilDaysFields({ form, fields, setField }: PupilFieldsProps) {
  return (
    <div className="field-pair">
      <DateTimeField label="First day" type="date" value={form.validFrom} onChange={(v) => setField('validFrom', v)} error={fields.validFrom} />
      <DateTimeField label="Last day" type="date" hint="Often the last day of the school year." value={form.validUntil} min={todayUk()}
        onChange={(v) => setField('validUntil', v)} error={fields.validUntil} />
    </div>
  );
}
