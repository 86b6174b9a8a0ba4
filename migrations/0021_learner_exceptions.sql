-- Pupils' devices in exceptional circumstances (the school policy's learners' section): a pupil who needs a
-- device during the day, for example a phone that reads a glucose monitor, keeps it once the headteacher or
-- the DSL has approved it, and once the written agreement (expectations, permitted use, sanctions for misuse)
-- has been signed by the pupil and a parent or carer. Until then it is not in force.

CREATE TABLE learner_exceptions (
  id                     INTEGER PRIMARY KEY,
  pupil_name             TEXT NOT NULL CHECK (pupil_name <> ''),
  -- pupilKey() in src/shared/domain/learners.ts, as for agreements; 'removed:<id>' once retention has removed the name.
  pupil_key              TEXT NOT NULL CHECK (pupil_key <> ''),
  class_group            TEXT NOT NULL,
  device_kind            TEXT NOT NULL CHECK (device_kind IN ('phone', 'smart_watch', 'tablet', 'fitness_tracker', 'e_reader', 'camera', 'laptop', 'other')),
  device_description     TEXT NOT NULL,
  -- Why (such as medical monitoring), what the pupil may use it for, what is expected of them, and what
  -- happens if they misuse it: the written agreement they and a parent or carer sign says all four.
  reason                 TEXT NOT NULL,
  permitted_use          TEXT NOT NULL,
  expectations           TEXT NOT NULL,
  sanctions              TEXT NOT NULL,
  -- UK calendar days, both included.
  valid_from             TEXT NOT NULL CHECK (valid_from GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  valid_until            TEXT NOT NULL CHECK (valid_until GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  -- The headteacher or DSL who approved it, having typed their own PIN.
  approved_by            INTEGER NOT NULL REFERENCES staff (id),
  recorded_at            TEXT NOT NULL,
  recorded_by            INTEGER NOT NULL REFERENCES staff (id),
  -- The signed agreement: the UK day it was signed, the pupil's name as they signed it, the parent or
  -- carer who signed and how they are related, and who at the office recorded it, when.
  signed_on              TEXT CHECK (signed_on IS NULL OR signed_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  signed_by_learner      TEXT CHECK (signed_by_learner IS NULL OR signed_by_learner <> ''),
  signed_by_parent       TEXT CHECK (signed_by_parent IS NULL OR signed_by_parent <> ''),
  parent_relationship    TEXT CHECK (parent_relationship IS NULL OR parent_relationship <> ''),
  signatures_recorded_at TEXT,
  signatures_recorded_by INTEGER REFERENCES staff (id),
  ended_at               TEXT,
  ended_by               INTEGER REFERENCES staff (id),
  end_reason             TEXT,
  CHECK (valid_until >= valid_from),
  CHECK ((signed_on IS NULL) = (signed_by_learner IS NULL) AND (signed_on IS NULL) = (signed_by_parent IS NULL)
    AND (signed_on IS NULL) = (parent_relationship IS NULL) AND (signed_on IS NULL) = (signatures_recorded_at IS NULL)
    AND (signed_on IS NULL) = (signatures_recorded_by IS NULL)),
  -- Never signed before it was written down, nor recorded as signed before it was recorded. (A UK day is
  -- never earlier than the UTC day of the same moment, so the UTC date of recorded_at is a safe floor.)
  CHECK (signed_on IS NULL OR (signed_on >= substr(recorded_at, 1, 10) AND signatures_recorded_at >= recorded_at)),
  CHECK ((ended_at IS NULL) = (ended_by IS NULL) AND (ended_at IS NULL) = (end_reason IS NULL))
) STRICT;
CREATE INDEX learner_exceptions_by_pupil ON learner_exceptions (pupil_key);

CREATE TRIGGER learner_exceptions_never_deleted BEFORE DELETE ON learner_exceptions
BEGIN
  SELECT RAISE(ABORT, 'pupil device exceptions are never deleted');
END;

-- What was approved is fixed. Three changes are allowed: recording the signatures, once; ending it, once;
-- and retention replacing the words that name the pupil (and the names they and their parent signed with)
-- once it finished longer ago than the retention period, keeping the device kind, the days, who approved,
-- the day it was signed, and who recorded and ended it.
CREATE TRIGGER learner_exceptions_fixed BEFORE UPDATE ON learner_exceptions
WHEN NOT (
  NEW.id IS OLD.id AND NEW.device_kind IS OLD.device_kind AND NEW.valid_from IS OLD.valid_from AND NEW.valid_until IS OLD.valid_until
  AND NEW.approved_by IS OLD.approved_by AND NEW.recorded_at IS OLD.recorded_at AND NEW.recorded_by IS OLD.recorded_by
  AND (
    (NEW.pupil_name IS OLD.pupil_name AND NEW.pupil_key IS OLD.pupil_key AND NEW.class_group IS OLD.class_group
      AND NEW.device_description IS OLD.device_description AND NEW.reason IS OLD.reason AND NEW.permitted_use IS OLD.permitted_use
      AND NEW.expectations IS OLD.expectations AND NEW.sanctions IS OLD.sanctions
      AND (OLD.signed_on IS NULL OR (NEW.signed_on IS OLD.signed_on AND NEW.signed_by_learner IS OLD.signed_by_learner
        AND NEW.signed_by_parent IS OLD.signed_by_parent AND NEW.parent_relationship IS OLD.parent_relationship
        AND NEW.signatures_recorded_at IS OLD.signatures_recorded_at AND NEW.signatures_recorded_by IS OLD.signatures_recorded_by))
      AND (OLD.ended_at IS NULL OR (NEW.ended_at IS OLD.ended_at AND NEW.ended_by IS OLD.ended_by AND NEW.end_reason IS OLD.end_reason)))
    OR
    (NEW.signed_on IS OLD.signed_on AND NEW.parent_relationship IS OLD.parent_relationship
      AND NEW.signatures_recorded_at IS OLD.signatures_recorded_at AND NEW.signatures_recorded_by IS OLD.signatures_recorded_by
      AND NEW.ended_at IS OLD.ended_at AND NEW.ended_by IS OLD.ended_by
      AND NEW.pupil_name = 'Removed' AND NEW.pupil_key = 'removed:' || OLD.id AND NEW.class_group = 'Removed'
      AND NEW.device_description = 'Removed' AND NEW.reason = 'Removed' AND NEW.permitted_use = 'Removed'
      AND NEW.expectations = 'Removed' AND NEW.sanctions = 'Removed'
      AND NEW.signed_by_learner IS (CASE WHEN OLD.signed_by_learner IS NULL THEN NULL ELSE 'Removed' END)
      AND NEW.signed_by_parent IS (CASE WHEN OLD.signed_by_parent IS NULL THEN NULL ELSE 'Removed' END)
      AND NEW.end_reason IS (CASE WHEN OLD.end_reason IS NULL THEN NULL ELSE 'Removed' END))
  )
)
BEGIN
  SELECT RAISE(ABORT, 'a pupil device exception can only be signed once and ended once');
END;
