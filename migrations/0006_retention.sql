-- Retention: personal data is removed after the setting's retention period, leaving counts and the structure
-- of custody and audit records. The audit trail itself holds no visitor's personal details (ids only).

-- Why a declared handover was closed without anything being handed in.
ALTER TABLE handovers ADD COLUMN note TEXT;

-- When a visitor's personal details were removed under the retention policy.
ALTER TABLE visitors ADD COLUMN anonymised_at TEXT;

-- Each purge: what was removed, for the statistics that remain.
CREATE TABLE retention_runs (
  id                 INTEGER PRIMARY KEY,
  run_at             TEXT NOT NULL,
  cutoff             TEXT NOT NULL,
  visitors_removed   INTEGER NOT NULL,
  visits_cleared     INTEGER NOT NULL,
  bookings_cleared   INTEGER NOT NULL,
  custody_cleared    INTEGER NOT NULL
) STRICT;

CREATE INDEX visitors_by_last_sign_in ON visitors (last_signed_in_at) WHERE anonymised_at IS NULL;

-- A custody record still changes only once when the item leaves the safe; the one later change allowed is
-- retention removing the personal details from a closed record, with everything else left as it was.
DROP TRIGGER custody_items_close_once;
CREATE TRIGGER custody_items_close_once BEFORE UPDATE ON custody_items
WHEN NOT (
  NEW.kind IS OLD.kind AND NEW.bag_slot IS OLD.bag_slot AND NEW.reason IS OLD.reason AND NEW.receipt_id IS OLD.receipt_id
  AND NEW.logged_at IS OLD.logged_at AND NEW.logged_by IS OLD.logged_by
  AND (
    (OLD.state = 'in_safe' AND NEW.description IS OLD.description AND NEW.marks IS OLD.marks
      AND NEW.confiscation_reason IS OLD.confiscation_reason)
    OR
    (OLD.state <> 'in_safe' AND NEW.state IS OLD.state AND NEW.closed_at IS OLD.closed_at AND NEW.closed_by IS OLD.closed_by
      AND NEW.closed_to = 'Removed' AND NEW.closed_note IS NULL AND NEW.description IS NULL AND NEW.marks IS NULL
      AND NEW.confiscation_reason IS NULL)
  )
)
BEGIN
  SELECT RAISE(ABORT, 'a custody record can only change once, when the item leaves the safe');
END;

-- A saved roll call never changes, except that retention may replace its names, keeping the counts.
DROP TRIGGER roll_calls_never_changed;
CREATE TRIGGER roll_calls_never_changed BEFORE UPDATE ON roll_calls
WHEN NOT (
  NEW.people_json = '[]' AND NEW.note IS NULL AND NEW.taken_at IS OLD.taken_at AND NEW.taken_by IS OLD.taken_by
  AND NEW.on_site IS OLD.on_site AND NEW.accounted IS OLD.accounted
)
BEGIN
  SELECT RAISE(ABORT, 'a saved roll call is never changed');
END;
