import { ChoiceCards } from '../components/ChoiceCards.js';
import { DateTimeField } from '../components/DateTimeField.js';

interface ValidityFieldProps {
  until: 'visit' | 'time';
  time: string;
  /** "today", or the booked day ("Mon, 23 Nov 2026"). */
  dayLabel: string;
  onUntil: (until: 'visit' | 'time') => void;
  onTime: (time: string) => void;
  error?: string | undefined;
}

/** How long the approval lasts: this visit (the default), or until a time on the day of the visit. */
export function ValidityField({ until, time, dayLabel, onUntil, onTime, error }: ValidityFieldProps) {
  return (
    <div className="validity">
      <ChoiceCards
        legend="Approved until"
        layout="pair"
        choices={[
          { value: 'visit', label: 'Until they sign out', hint: 'This visit only' },
          { value: 'time', label: `Until a time ${dayLabel}` },
        ]}
        value={until}
        onChange={onUntil}
      />
      {until === 'time' ? (
        <DateTimeField label="Time the approval ends" type="time" value={time} onChange={onTime} error={error}
          hint="After this time the device should go in the safe." className="field-narrow" />
      ) : null}
    </div>
  );
}
