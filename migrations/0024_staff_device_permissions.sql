-- A member of staff's permission to use their own phone or device (nursery §4, school §4): staff keep their
-- devices put away during teaching (or in the office safe), unless the headteacher has given written
-- permission, for example in an emergency, or for remote learning when no school equipment is available and
-- a formal risk assessment has been done. The headteacher (or a leader) approves it by typing their own PIN;
-- the member of staff signs the printed permission, and it is not in force until the office has recorded
-- that signature. The member of staff is named by their account (never removed), so the row holds no name.

CREATE TABLE staff_device_permissions (
  id                     INTEGER PRIMARY KEY,
  staff_id               INTEGER NOT NULL REFERENCES staff (id),
  device_kind            TEXT NOT NULL CHECK (device_kind IN ('phone', 'smart_watch', 'tablet', 'fitness_tracker', 'e_reader', 'camera', 'laptop', 'other')),
  device_description     TEXT NOT NULL CHECK (device_description <> ''),
  purpose                TEXT NOT NULL CHECK (purpose IN ('lessons', 'remote_learning', 'other')),
  purpose_detail         TEXT CHECK (purpose_detail IS NULL OR purpose_detail <> ''),
  permitted_use          TEXT NOT NULL CHECK (permitted_use <> ''),
  -- Where on site it may be used ("Year 6 classroom and the staffroom").
  permitted_areas        TEXT NOT NULL CHECK (permitted_areas <> ''),
  conditions             TEXT CHECK (conditions IS NULL OR conditions <> ''),
  -- The UK day the formal risk assessment was done: the school policy asks for one before remote learning
  -- on a personal device.
  risk_assessed_on       TEXT CHECK (risk_assessed_on IS NULL OR risk_assessed_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  -- UK calendar days, both included; no last day means until it is ended.
  valid_from             TEXT NOT NULL CHECK (valid_from GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  valid_until            TEXT CHECK (valid_until IS NULL OR valid_until GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  -- The headteacher or leader who approved it, having typed their own PIN; never the member of staff themselves.
  approved_by            INTEGER NOT NULL REFERENCES staff (id),
  recorded_at            TEXT NOT NULL,
  recorded_by            INTEGER NOT NULL REFERENCES staff (id),
  -- The member of staff's signature on the printed permission: the UK day they dated it, and who at the
  -- office recorded it, when.
  signed_on              TEXT CHECK (signed_on IS NULL OR signed_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  signature_recorded_at  TEXT,
  signature_recorded_by  INTEGER REFERENCES staff (id),
  ended_at               TEXT,
  ended_by               INTEGER REFERENCES staff (id),
  end_reason             TEXT,
  -- When retention replaced the words (below): the marker, since a word typed could be "Removed" itself.
  details_removed_at     TEXT,
  CHECK (approved_by <> staff_id),
  CHECK (purpose <> 'other' OR purpose_detail IS NOT NULL),
  CHECK (purpose <> 'remote_learning' OR risk_assessed_on IS NOT NULL),
  CHECK (valid_until IS NULL OR valid_until >= valid_from),
  CHECK ((signed_on IS NULL) = (signature_recorded_at IS NULL) AND (signed_on IS NULL) = (signature_recorded_by IS NULL)),
  -- Never signed before it was written down (a UK day is never earlier than the UTC day of the same moment).
  CHECK (signed_on IS NULL OR (signed_on >= substr(recorded_at, 1, 10) AND signature_recorded_at >= recorded_at)),
  CHECK ((ended_at IS NULL) = (ended_by IS NULL) AND (ended_at IS NULL) = (end_reason IS NULL))
) STRICT;
-- Whose permissions are in force, read for everyone signed in at each refresh of Staff on site and Today.
CREATE INDEX staff_device_permissions_by_staff ON staff_device_permissions (staff_id);

CREATE TRIGGER staff_device_permissions_never_deleted BEFORE DELETE ON staff_device_permissions
BEGIN
  SELECT RAISE(ABORT, 'staff device permissions are never deleted');
END;

-- What was approved is fixed. Three changes are allowed: recording the signature, once; ending it, once; and
-- retention replacing the words typed about it (which can name pupils or the member of staff's own
-- circumstances) once it finished longer ago than the retention period, keeping who, which kind of device,
-- what for, the days, the risk assessment's day, and who approved, recorded, signed for and ended it.
CREATE TRIGGER staff_device_permissions_fixed BEFORE UPDATE ON staff_device_permissions
WHEN NOT (
  NEW.id IS OLD.id AND NEW.staff_id IS OLD.staff_id AND NEW.device_kind IS OLD.device_kind AND NEW.purpose IS OLD.purpose
  AND NEW.risk_assessed_on IS OLD.risk_assessed_on AND NEW.valid_from IS OLD.valid_from AND NEW.valid_until IS OLD.valid_until
  AND NEW.approved_by IS OLD.approved_by AND NEW.recorded_at IS OLD.recorded_at AND NEW.recorded_by IS OLD.recorded_by
  AND (
    (NEW.details_removed_at IS OLD.details_removed_at AND NEW.device_description IS OLD.device_description
      AND NEW.purpose_detail IS OLD.purpose_detail AND NEW.permitted_use IS OLD.permitted_use
      AND NEW.permitted_areas IS OLD.permitted_areas AND NEW.conditions IS OLD.conditions
      AND (OLD.signed_on IS NULL OR (NEW.signed_on IS OLD.signed_on AND NEW.signature_recorded_at IS OLD.signature_recorded_at
        AND NEW.signature_recorded_by IS OLD.signature_recorded_by))
      AND (OLD.ended_at IS NULL OR (NEW.ended_at IS OLD.ended_at AND NEW.ended_by IS OLD.ended_by AND NEW.end_reason IS OLD.end_reason)))
    OR
    (OLD.details_removed_at IS NULL AND NEW.details_removed_at IS NOT NULL
      AND NEW.signed_on IS OLD.signed_on AND NEW.signature_recorded_at IS OLD.signature_recorded_at
      AND NEW.signature_recorded_by IS OLD.signature_recorded_by
      AND NEW.ended_at IS OLD.ended_at AND NEW.ended_by IS OLD.ended_by
      AND NEW.device_description = 'Removed' AND NEW.permitted_use = 'Removed' AND NEW.permitted_areas = 'Removed'
      AND NEW.purpose_detail IS (CASE WHEN OLD.purpose_detail IS NULL THEN NULL ELSE 'Removed' END)
      AND NEW.conditions IS (CASE WHEN OLD.conditions IS NULL THEN NULL ELSE 'Removed' END)
      AND NEW.end_reason IS (CASE WHEN OLD.end_reason IS NULL THEN NULL ELSE 'Removed' END))
  )
)
BEGIN
  SELECT RAISE(ABORT, 'a staff device permission can only be signed once and ended once');
END;
