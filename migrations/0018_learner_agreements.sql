-- Pupils' devices (the school policy's section on learners): a child may bring a device into school only with
-- the headteacher's prior agreement. This adds the role that gives it and the agreements themselves.

-- The headteacher or a member of the leadership team. 1 for yes, NULL (never 0) for no: a row's content hash
-- in the audit trail covers its columns that are not null, so a column every account had as 0 would make
-- every staff row sealed before this version look edited outside Safe Hands.
ALTER TABLE staff ADD COLUMN is_head INTEGER CHECK (is_head IS NULL OR is_head = 1);

-- One agreement: which pupil (as the office writes the name, and the folded words it is found by at hand-in),
-- which device and why, for which days, and who agreed. It is ended early with a reason, never deleted.
CREATE TABLE learner_agreements (
  id                 INTEGER PRIMARY KEY,
  pupil_name         TEXT NOT NULL CHECK (pupil_name <> ''),
  -- pupilKey() in src/shared/domain/learners.ts; 'removed:<id>' once retention has removed the name.
  pupil_key          TEXT NOT NULL CHECK (pupil_key <> ''),
  class_group        TEXT NOT NULL,
  device_kind        TEXT NOT NULL CHECK (device_kind IN ('phone', 'smart_watch', 'tablet', 'fitness_tracker', 'e_reader', 'camera', 'laptop', 'other')),
  device_description TEXT NOT NULL,
  reason             TEXT NOT NULL,
  conditions         TEXT,
  -- UK calendar days, both included.
  valid_from         TEXT NOT NULL CHECK (valid_from GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  valid_until        TEXT NOT NULL CHECK (valid_until GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  agreed_by          INTEGER NOT NULL REFERENCES staff (id),
  recorded_at        TEXT NOT NULL,
  recorded_by        INTEGER NOT NULL REFERENCES staff (id),
  ended_at           TEXT,
  ended_by           INTEGER REFERENCES staff (id),
  end_reason         TEXT,
  CHECK (valid_until >= valid_from),
  CHECK ((ended_at IS NULL) = (ended_by IS NULL) AND (ended_at IS NULL) = (end_reason IS NULL))
) STRICT;
CREATE INDEX learner_agreements_by_pupil ON learner_agreements (pupil_key);

CREATE TRIGGER learner_agreements_never_deleted BEFORE DELETE ON learner_agreements
BEGIN
  SELECT RAISE(ABORT, 'pupil device agreements are never deleted');
END;

-- What was agreed is fixed. Two changes are allowed: ending it early, once; and retention replacing the
-- words that name the pupil (name, class, description, reason, conditions, why it ended) once the agreement
-- ended longer ago than the retention period, keeping the device kind, the days and who agreed.
CREATE TRIGGER learner_agreements_end_once BEFORE UPDATE ON learner_agreements
WHEN NOT (
  NEW.id IS OLD.id AND NEW.device_kind IS OLD.device_kind AND NEW.valid_from IS OLD.valid_from AND NEW.valid_until IS OLD.valid_until
  AND NEW.agreed_by IS OLD.agreed_by AND NEW.recorded_at IS OLD.recorded_at AND NEW.recorded_by IS OLD.recorded_by
  AND (
    (OLD.ended_at IS NULL AND NEW.pupil_name IS OLD.pupil_name AND NEW.pupil_key IS OLD.pupil_key AND NEW.class_group IS OLD.class_group
      AND NEW.device_description IS OLD.device_description AND NEW.reason IS OLD.reason AND NEW.conditions IS OLD.conditions)
    OR
    (NEW.ended_at IS OLD.ended_at AND NEW.ended_by IS OLD.ended_by
      AND NEW.pupil_name = 'Removed' AND NEW.pupil_key = 'removed:' || OLD.id AND NEW.class_group = 'Removed'
      AND NEW.device_description = 'Removed' AND NEW.reason = 'Removed' AND NEW.conditions IS NULL
      AND NEW.end_reason IS (CASE WHEN OLD.end_reason IS NULL THEN NULL ELSE 'Removed' END))
  )
)
BEGIN
  SELECT RAISE(ABORT, 'a pupil device agreement can only be ended, once');
END;
