import { learnerOwner, type OnSiteVisit, type StaffSummary } from '../../shared/contract/index.js';
import { maxLengthOf } from '../../shared/validation.js';
import { ChoiceCards } from '../components/ChoiceCards.js';
import { SelectField } from '../components/SelectField.js';
import { TextAreaField } from '../components/TextAreaField.js';
import { TextField } from '../components/TextField.js';
import { AgreementAtHandIn } from '../learners/AgreementAtHandIn.js';
import type { OwnerChoice, PupilDraft, PupilField, PupilReason } from './custody-log-store.js';
import { fullName } from '../../shared/domain/names.js';

interface OwnerFieldsProps {
  ownerType: OwnerChoice | '';
  visitId: number | null;
  staffId: number | null;
  pupil: PupilDraft;
  onSite: readonly OnSiteVisit[];
  staff: readonly StaffSummary[];
  fieldErrors: Record<string, string>;
  onOwnerType: (type: OwnerChoice) => void;
  onVisit: (visitId: number | null) => void;
  onStaff: (staffId: number | null) => void;
  onPupil: (field: PupilField, value: string) => void;
}

const OWNER_CHOICES = [
  { value: 'visitor', label: 'Visitor on site' },
  { value: 'staff', label: 'Staff member' },
  { value: 'learner', label: 'Pupil' },
] as const;

const REASON_CHOICES = [
  { value: 'learner_day', label: 'Held for the day', hint: 'Handed in for the school day' },
  { value: 'confiscated', label: 'Confiscated', hint: 'Taken by staff, with a reason' },
] as const;

function visitLabel(v: OnSiteVisit): string {
  return v.organisation ? `${fullName(v)} · ${v.organisation}` : fullName(v);
}

/** Whose items these are, when they did not come through the kiosk. */
export function OwnerFields(props: OwnerFieldsProps) {
  const { ownerType, visitId, staffId, pupil, onSite, staff, fieldErrors } = props;
  return (
    <section className="form-section" aria-labelledby="owner-heading">
      <h2 id="owner-heading">Whose items?</h2>
      <ChoiceCards<OwnerChoice>
        legend="Whose items are these?"
        choices={OWNER_CHOICES}
        value={ownerType === '' ? null : ownerType}
        onChange={props.onOwnerType}
        error={fieldErrors.owner}
      />
      {ownerType === 'visitor' ? (
        onSite.length === 0 ? (
          <p className="empty">Nobody is signed in at the moment. Visitors must sign in at the kiosk first.</p>
        ) : (
          <SelectField
            label="Which visitor?"
            placeholder="Choose a visitor"
            value={visitId === null ? '' : String(visitId)}
            options={onSite.map((v) => ({ value: String(v.visitId), label: visitLabel(v) }))}
            onChange={(v) => props.onVisit(v === '' ? null : Number(v))}
            error={fieldErrors['owner.visitId']}
          />
        )
      ) : null}
      {ownerType === 'staff' ? (
        <SelectField
          label="Which staff member?"
          placeholder="Choose a staff member"
          value={staffId === null ? '' : String(staffId)}
          options={staff.map((s) => ({ value: String(s.id), label: s.displayName }))}
          onChange={(v) => props.onStaff(v === '' ? null : Number(v))}
          error={fieldErrors['owner.staffId']}
        />
      ) : null}
      {ownerType === 'learner' ? (
        <>
          <div className="field-pair">
            <TextField label="Pupil's name" value={pupil.name} maxLength={maxLengthOf(learnerOwner.shape.name)}
              onChange={(v) => props.onPupil('name', v)} error={fieldErrors['owner.name']} />
            <TextField label="Class or year group (optional)" value={pupil.group} maxLength={maxLengthOf(learnerOwner.shape.group)}
              onChange={(v) => props.onPupil('group', v)} error={fieldErrors['owner.group']} />
          </div>
          <AgreementAtHandIn pupilName={pupil.name} />
          <ChoiceCards<PupilReason>
            legend="Why is the office holding it?"
            layout="pair"
            choices={REASON_CHOICES}
            value={pupil.reason === '' ? null : pupil.reason}
            onChange={(v) => props.onPupil('reason', v)}
            error={fieldErrors['owner.reason']}
          />
          {pupil.reason === 'confiscated' ? (
            <TextAreaField label="Reason for confiscation" value={pupil.confiscationReason} maxLength={maxLengthOf(learnerOwner.shape.confiscationReason)}
              onChange={(v) => props.onPupil('confiscationReason', v)} error={fieldErrors['owner.confiscationReason']} />
          ) : null}
        </>
      ) : null}
    </section>
  );
}
