-- Device exceptions approved by the DSL, pre-booked visits with invites, and checks on visiting professionals.

CREATE TABLE bookings (
  id             INTEGER PRIMARY KEY,
  first_name     TEXT NOT NULL,
  last_name      TEXT NOT NULL,
  organisation   TEXT,
  visitor_type   TEXT NOT NULL,
  host           TEXT NOT NULL,
  -- The UK calendar day the visitor is expected, and optionally the time.
  expected_date  TEXT NOT NULL CHECK (expected_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  expected_time  TEXT,
  invite_token   TEXT NOT NULL UNIQUE CHECK (length(invite_token) = 26 AND invite_token NOT GLOB '*[^A-Z2-7]*'),
  status         TEXT NOT NULL DEFAULT 'expected' CHECK (status IN ('expected', 'arrived', 'cancelled')),
  visit_id       INTEGER UNIQUE REFERENCES visits (id),
  created_at     TEXT NOT NULL,
  created_by     INTEGER NOT NULL REFERENCES staff (id),
  cancel_reason  TEXT,
  CHECK ((status = 'arrived') = (visit_id IS NOT NULL)),
  CHECK (status <> 'cancelled' OR cancel_reason IS NOT NULL)
) STRICT;
CREATE INDEX bookings_by_day ON bookings (expected_date, expected_time);

CREATE TABLE device_exceptions (
  id                  INTEGER PRIMARY KEY,
  visit_id            INTEGER REFERENCES visits (id),
  booking_id          INTEGER REFERENCES bookings (id),
  purpose             TEXT NOT NULL CHECK (purpose IN ('inspection', 'local_authority', 'multi_agency', 'medical', 'other')),
  purpose_detail      TEXT,
  devices_json        TEXT NOT NULL,
  permitted_use       TEXT NOT NULL,
  permitted_areas     TEXT NOT NULL,
  conditions          TEXT,
  risk_checklist_json TEXT NOT NULL,
  risk_notes          TEXT,
  valid_from          TEXT NOT NULL,
  -- NULL: for this visit only, ending when the visitor signs out.
  valid_until         TEXT,
  approved_by         INTEGER NOT NULL REFERENCES staff (id),
  approved_at         TEXT NOT NULL,
  revoked_at          TEXT,
  revoked_by          INTEGER REFERENCES staff (id),
  revoke_reason       TEXT,
  CHECK ((visit_id IS NULL) <> (booking_id IS NULL)),
  CHECK (valid_until IS NULL OR valid_until > valid_from),
  CHECK (purpose <> 'other' OR purpose_detail IS NOT NULL),
  CHECK ((revoked_at IS NULL) = (revoked_by IS NULL) AND (revoked_at IS NULL) = (revoke_reason IS NULL))
) STRICT;
CREATE INDEX device_exceptions_by_visit ON device_exceptions (visit_id) WHERE visit_id IS NOT NULL;
CREATE INDEX device_exceptions_by_booking ON device_exceptions (booking_id) WHERE booking_id IS NOT NULL;

CREATE TRIGGER device_exceptions_never_deleted BEFORE DELETE ON device_exceptions
BEGIN
  SELECT RAISE(ABORT, 'safeguarding records are never deleted');
END;

-- An approval is fixed once made; only a revocation is added to it, once.
CREATE TRIGGER device_exceptions_revoke_only BEFORE UPDATE ON device_exceptions
WHEN OLD.revoked_at IS NOT NULL
  OR NEW.visit_id IS NOT OLD.visit_id OR NEW.booking_id IS NOT OLD.booking_id OR NEW.purpose IS NOT OLD.purpose
  OR NEW.devices_json IS NOT OLD.devices_json OR NEW.permitted_use IS NOT OLD.permitted_use
  OR NEW.permitted_areas IS NOT OLD.permitted_areas OR NEW.conditions IS NOT OLD.conditions
  OR NEW.risk_checklist_json IS NOT OLD.risk_checklist_json OR NEW.risk_notes IS NOT OLD.risk_notes
  OR NEW.valid_from IS NOT OLD.valid_from OR NEW.valid_until IS NOT OLD.valid_until
  OR NEW.approved_by IS NOT OLD.approved_by OR NEW.approved_at IS NOT OLD.approved_at
BEGIN
  SELECT RAISE(ABORT, 'an approved exception can only be revoked, once');
END;

-- Visiting professionals: photo ID checked, and the employer's DBS assurance seen (never the certificate).
ALTER TABLE visits ADD COLUMN photo_id_checked_at TEXT;
ALTER TABLE visits ADD COLUMN dbs_assurance_seen_at TEXT;
ALTER TABLE visits ADD COLUMN checks_recorded_by INTEGER REFERENCES staff (id);
ALTER TABLE visits ADD COLUMN booking_id INTEGER REFERENCES bookings (id);
