-- Device custody: what is in the office safe, whose it is, and how it left.

-- One receipt per handover the office confirms; its token is what the printed QR code carries.
CREATE TABLE receipts (
  id            INTEGER PRIMARY KEY,
  year          INTEGER NOT NULL,
  seq           INTEGER NOT NULL CHECK (seq > 0),
  number        TEXT NOT NULL UNIQUE,
  -- 128+ bits of randomness as 26 upper-case base32 characters, so any USB scanner types it right.
  token         TEXT NOT NULL UNIQUE CHECK (length(token) = 26 AND token NOT GLOB '*[^A-Z2-7]*'),
  owner_type    TEXT NOT NULL CHECK (owner_type IN ('visitor', 'staff', 'learner')),
  visit_id      INTEGER REFERENCES visits (id),
  staff_owner   INTEGER REFERENCES staff (id),
  learner_name  TEXT,
  learner_group TEXT,
  handover_id   INTEGER UNIQUE REFERENCES handovers (id),
  created_at    TEXT NOT NULL,
  created_by    INTEGER NOT NULL REFERENCES staff (id),
  print_count   INTEGER NOT NULL DEFAULT 0 CHECK (print_count >= 0),
  UNIQUE (year, seq),
  CHECK (
    (owner_type = 'visitor' AND visit_id IS NOT NULL AND staff_owner IS NULL AND learner_name IS NULL) OR
    (owner_type = 'staff' AND staff_owner IS NOT NULL AND visit_id IS NULL AND learner_name IS NULL) OR
    (owner_type = 'learner' AND learner_name IS NOT NULL AND visit_id IS NULL AND staff_owner IS NULL)
  )
) STRICT;
CREATE INDEX receipts_by_visit ON receipts (visit_id) WHERE visit_id IS NOT NULL;

-- Each device in custody is in exactly one state; once it has left the safe its record never changes.
CREATE TABLE custody_items (
  id                  INTEGER PRIMARY KEY,
  receipt_id          INTEGER NOT NULL REFERENCES receipts (id),
  kind                TEXT NOT NULL,
  description         TEXT,
  marks               TEXT,
  bag_slot            TEXT NOT NULL,
  reason              TEXT NOT NULL CHECK (reason IN ('visitor', 'staff_own', 'learner_day', 'confiscated')),
  confiscation_reason TEXT,
  state               TEXT NOT NULL DEFAULT 'in_safe' CHECK (state IN ('in_safe', 'returned', 'handed_on')),
  logged_at           TEXT NOT NULL,
  logged_by           INTEGER NOT NULL REFERENCES staff (id),
  closed_at           TEXT,
  closed_by           INTEGER REFERENCES staff (id),
  -- Returned to whom, or handed on to whom (e.g. "PC 1234, Kent Police").
  closed_to           TEXT,
  -- Why it was handed on, or a note on a return (e.g. "receipt lost, identity checked").
  closed_note         TEXT,
  CHECK ((state = 'in_safe') = (closed_at IS NULL)),
  CHECK (state = 'in_safe' OR (closed_by IS NOT NULL AND closed_to IS NOT NULL)),
  CHECK (state <> 'handed_on' OR closed_note IS NOT NULL),
  CHECK (reason <> 'confiscated' OR confiscation_reason IS NOT NULL)
) STRICT;
CREATE INDEX custody_items_by_receipt ON custody_items (receipt_id);
CREATE INDEX custody_items_in_safe ON custody_items (logged_at) WHERE state = 'in_safe';

CREATE TRIGGER custody_items_never_deleted BEFORE DELETE ON custody_items
BEGIN
  SELECT RAISE(ABORT, 'custody records are never deleted');
END;

CREATE TRIGGER receipts_never_deleted BEFORE DELETE ON receipts
BEGIN
  SELECT RAISE(ABORT, 'custody records are never deleted');
END;

-- The only change a custody item allows: leaving the safe, once. A correction is a new record.
CREATE TRIGGER custody_items_close_once BEFORE UPDATE ON custody_items
WHEN OLD.state <> 'in_safe'
  OR NEW.kind IS NOT OLD.kind OR NEW.description IS NOT OLD.description OR NEW.marks IS NOT OLD.marks
  OR NEW.bag_slot IS NOT OLD.bag_slot OR NEW.reason IS NOT OLD.reason OR NEW.receipt_id IS NOT OLD.receipt_id
  OR NEW.logged_at IS NOT OLD.logged_at OR NEW.logged_by IS NOT OLD.logged_by
  OR NEW.confiscation_reason IS NOT OLD.confiscation_reason
BEGIN
  SELECT RAISE(ABORT, 'a custody record can only change once, when the item leaves the safe');
END;

-- Corrections to what was written when an item was logged (a wrong colour, a wrong bag number).
CREATE TABLE custody_corrections (
  id          INTEGER PRIMARY KEY,
  item_id     INTEGER NOT NULL REFERENCES custody_items (id),
  description TEXT,
  marks       TEXT,
  bag_slot    TEXT NOT NULL,
  reason      TEXT NOT NULL,
  at          TEXT NOT NULL,
  by_staff    INTEGER NOT NULL REFERENCES staff (id)
) STRICT;
CREATE INDEX custody_corrections_by_item ON custody_corrections (item_id, id);

CREATE TRIGGER custody_corrections_append_only_update BEFORE UPDATE ON custody_corrections
BEGIN
  SELECT RAISE(ABORT, 'custody records are never changed');
END;

CREATE TRIGGER custody_corrections_append_only_delete BEFORE DELETE ON custody_corrections
BEGIN
  SELECT RAISE(ABORT, 'custody records are never deleted');
END;

-- The sign-out guard: a visitor with items in the safe who asked to leave, and a staff override.
ALTER TABLE visits ADD COLUMN collection_requested_at TEXT;
ALTER TABLE visits ADD COLUMN sign_out_override_reason TEXT;
ALTER TABLE visits ADD COLUMN sign_out_override_by INTEGER REFERENCES staff (id);
