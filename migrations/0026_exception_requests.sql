-- A visitor asks at the kiosk to keep a device for their work (school §6, nursery §5: use is permitted only
-- once it has been discussed with the headteacher or DSL, before use). The request waits for the DSL, who
-- either approves it with the approval form (a device exception, migration 0004) or declines it with a
-- reason. Until then the device goes into the safe like anyone else's. A request is decided once and never
-- deleted; one whose visitor signed out before a decision simply stays undecided (it lapsed with the visit).

CREATE TABLE exception_requests (
  id             INTEGER PRIMARY KEY,
  visit_id       INTEGER NOT NULL REFERENCES visits (id),
  device_kind    TEXT NOT NULL CHECK (device_kind IN ('phone', 'smart_watch', 'tablet', 'fitness_tracker', 'e_reader', 'camera', 'laptop', 'other')),
  -- What the visitor says it is for, in their words; 'Removed' once retention has removed the visitor's details.
  purpose        TEXT NOT NULL CHECK (purpose <> ''),
  requested_at   TEXT NOT NULL,
  -- NULL while it waits for the DSL.
  decision       TEXT CHECK (decision IS NULL OR decision IN ('approved', 'declined')),
  -- The approval that closed it; only for an approved request.
  exception_id   INTEGER REFERENCES device_exceptions (id),
  -- Why the DSL said no; only for a declined request.
  decline_reason TEXT CHECK (decline_reason IS NULL OR decline_reason <> ''),
  decided_by     INTEGER REFERENCES staff (id),
  decided_at     TEXT,
  CHECK ((decision IS NULL) = (decided_by IS NULL) AND (decision IS NULL) = (decided_at IS NULL)),
  CHECK ((coalesce(decision, '') = 'approved') = (exception_id IS NOT NULL)),
  CHECK ((coalesce(decision, '') = 'declined') = (decline_reason IS NOT NULL))
) STRICT;
-- One request waiting per visit (the kiosk refuses a second with a message; this holds it against a race).
CREATE UNIQUE INDEX exception_requests_one_open_per_visit ON exception_requests (visit_id) WHERE decision IS NULL;
CREATE INDEX exception_requests_by_visit ON exception_requests (visit_id);
-- An approval closes at most one request.
CREATE UNIQUE INDEX exception_requests_by_exception ON exception_requests (exception_id) WHERE exception_id IS NOT NULL;

CREATE TRIGGER exception_requests_never_deleted BEFORE DELETE ON exception_requests
BEGIN
  SELECT RAISE(ABORT, 'safeguarding records are never deleted');
END;

-- A request is recorded waiting: a decision is only ever added to it.
CREATE TRIGGER exception_requests_start_open BEFORE INSERT ON exception_requests
WHEN NEW.decision IS NOT NULL
BEGIN
  SELECT RAISE(ABORT, 'a request to keep a device is recorded before it is decided');
END;

-- Two changes are allowed: the decision, once; and retention replacing the visitor's words (what for, and
-- why it was declined) once the visitor's details are removed, keeping the device, the dates and who decided.
CREATE TRIGGER exception_requests_decided_once BEFORE UPDATE ON exception_requests
WHEN NOT (
  NEW.id IS OLD.id AND NEW.visit_id IS OLD.visit_id AND NEW.device_kind IS OLD.device_kind AND NEW.requested_at IS OLD.requested_at
  AND (
    (OLD.decision IS NULL AND NEW.decision IS NOT NULL AND NEW.purpose IS OLD.purpose)
    OR
    (NEW.decision IS OLD.decision AND NEW.exception_id IS OLD.exception_id AND NEW.decided_by IS OLD.decided_by
      AND NEW.decided_at IS OLD.decided_at AND NEW.purpose = 'Removed'
      AND NEW.decline_reason IS (CASE WHEN OLD.decline_reason IS NULL THEN NULL ELSE 'Removed' END))
  )
)
BEGIN
  SELECT RAISE(ABORT, 'a request to keep a device is decided once, and never changed');
END;

-- The approval that closes a request is one made for the same visit.
CREATE TRIGGER exception_requests_approved_for_its_visit BEFORE UPDATE OF exception_id ON exception_requests
WHEN NEW.exception_id IS NOT NULL
  AND NOT EXISTS (SELECT 1 FROM device_exceptions e WHERE e.id = NEW.exception_id AND e.visit_id = NEW.visit_id)
BEGIN
  SELECT RAISE(ABORT, 'an approval closes only a request made during the same visit');
END;
