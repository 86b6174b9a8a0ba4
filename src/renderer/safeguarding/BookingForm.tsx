import { useRef } from 'react';
import { commandSchemas } from '../../shared/contract/index.js';
import { nameBoxes } from '../../shared/domain/names.js';
import { VISITOR_TYPES, VISITOR_TYPE_LABELS } from '../../shared/domain/visitors.js';
import { maxLengthOf } from '../../shared/validation.js';
import { Alert } from '../components/Alert.js';
import { BigButton } from '../components/BigButton.js';
import { CheckField } from '../components/CheckField.js';
import { SelectField } from '../components/SelectField.js';
import { TextField } from '../components/TextField.js';
import { useFocusFirstError } from '../components/useFocusFirstError.js';
import { PageHeading } from '../components/PageHeading.js';
import { useBookingStore } from './booking-store.js';
import { DateTimeField } from '../components/DateTimeField.js';
import { todayUk } from '../lib/uk-clock.js';

const BOOKING = commandSchemas['booking.create'].input.shape;

const TYPE_OPTIONS = VISITOR_TYPES.map((value) => ({ value, label: VISITOR_TYPE_LABELS[value] }));

/** An expected visitor, booked ahead so they can sign in with one scan of their invitation. */
export function BookingForm() {
  const form = useBookingStore((s) => s.form);
  const busy = useBookingStore((s) => s.busy);
  const error = useBookingStore((s) => s.formError);
  const fields = useBookingStore((s) => s.fieldErrors);
  const setField = useBookingStore((s) => s.setField);
  const submit = useBookingStore((s) => s.submit);
  const cancelForm = useBookingStore((s) => s.cancelForm);
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstError(formRef, error);
  if (!form) return null;
  return (
    <>
      <div className="console-heading"><PageHeading>Book a visitor</PageHeading></div>
      {error ? <Alert>{error}</Alert> : null}
      <form
        ref={formRef}
        className="form card booking-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <div className="field-pair">
          {nameBoxes(form).map(({ field, label }) => (
            <TextField key={field} label={label} value={form[field]} maxLength={maxLengthOf(BOOKING[field])} onChange={(v) => setField(field, v)}
              error={fields[field]} autoCapitalize="words" />
          ))}
        </div>
        <div className="name-choices">
          <CheckField compact label="Only one name" checked={form.oneName} onChange={(on) => setField('oneName', on)} />
          {form.oneName ? null : (
            <CheckField compact label="Family name written first" hint="For example 王芳 or Nagy Ferenc"
              checked={form.familyNameFirst} onChange={(on) => setField('familyNameFirst', on)} />
          )}
        </div>
        <div className="field-pair">
          <TextField label="Organisation (optional)" value={form.organisation} maxLength={maxLengthOf(BOOKING.organisation)}
            onChange={(v) => setField('organisation', v)} error={fields.organisation} autoCapitalize="words" />
          <SelectField label="Kind of visitor" value={form.visitorType} options={TYPE_OPTIONS} placeholder="Choose…"
            onChange={(v) => setField('visitorType', v)} error={fields.visitorType} />
        </div>
        <TextField label="Who they are visiting" hint="A person, a class or the reason for the visit." value={form.host}
          maxLength={maxLengthOf(BOOKING.host)} onChange={(v) => setField('host', v)} error={fields.host} />
        <div className="field-pair">
          <DateTimeField label="Date" type="date" value={form.expectedDate} min={todayUk()}
            onChange={(v) => setField('expectedDate', v)} error={fields.expectedDate} />
          <DateTimeField label="Expected time (optional)" type="time" value={form.expectedTime}
            onChange={(v) => setField('expectedTime', v)} error={fields.expectedTime} />
        </div>
        <div className="form-actions">
          <BigButton type="submit" disabled={busy}>{busy ? 'Booking…' : 'Book the visit'}</BigButton>
          <BigButton variant="quiet" onClick={cancelForm}>Cancel</BigButton>
        </div>
      </form>
    </>
  );
}
