-- A confiscated pupil's device leaves the safe only in two recorded ways (school policy, learners' section):
-- released to a named parent or carer (who, their relationship, how their identity was checked), at the end
-- of the day unless the DSL or headteacher agreed to an earlier release with a reason; or handed to the
-- police (the officer, force, reference number and time). One row per item, written in the same
-- transaction that closes the custody item, never deleted, and changed only by retention removing names.

CREATE TABLE confiscation_releases (
  id                 INTEGER PRIMARY KEY,
  item_id            INTEGER NOT NULL UNIQUE REFERENCES custody_items (id),
  released_at        TEXT NOT NULL,
  released_by        INTEGER NOT NULL REFERENCES staff (id),
  parent_name        TEXT NOT NULL CHECK (length(parent_name) BETWEEN 1 AND 120),
  relationship       TEXT NOT NULL CHECK (relationship IN ('mother', 'father', 'step_parent', 'grandparent', 'foster_carer', 'carer', 'other')),
  -- Only for 'other', as the office typed it ("aunt").
  relationship_other TEXT CHECK (length(relationship_other) BETWEEN 1 AND 60),
  identity_check     TEXT NOT NULL CHECK (identity_check IN ('known_to_staff', 'photo_id', 'collection_password', 'other')),
  identity_note      TEXT CHECK (length(identity_note) BETWEEN 1 AND 300),
  -- Before the end of the school day: the DSL or headteacher who agreed (having typed their own PIN), and why.
  early_agreed_by    INTEGER REFERENCES staff (id),
  early_reason       TEXT CHECK (length(early_reason) BETWEEN 1 AND 300),
  note               TEXT CHECK (length(note) BETWEEN 1 AND 300),
  CHECK ((relationship = 'other') = (relationship_other IS NOT NULL)),
  CHECK (identity_check <> 'other' OR identity_note IS NOT NULL),
  CHECK ((early_agreed_by IS NULL) = (early_reason IS NULL))
) STRICT;

CREATE TABLE police_handovers (
  id               INTEGER PRIMARY KEY,
  item_id          INTEGER NOT NULL UNIQUE REFERENCES custody_items (id),
  handed_at        TEXT NOT NULL,
  handed_by        INTEGER NOT NULL REFERENCES staff (id),
  officer_name     TEXT NOT NULL CHECK (length(officer_name) BETWEEN 1 AND 120),
  -- The shoulder or collar number, when the officer gave one.
  officer_number   TEXT CHECK (length(officer_number) BETWEEN 1 AND 20),
  police_force     TEXT NOT NULL CHECK (length(police_force) BETWEEN 1 AND 80),
  police_reference TEXT NOT NULL CHECK (length(police_reference) BETWEEN 1 AND 40),
  note             TEXT CHECK (length(note) BETWEEN 1 AND 300)
) STRICT;

-- Written only for a confiscated item still in the safe: so an item has at most one of the two records, and
-- never one for a device that went home with its owner.
CREATE TRIGGER confiscation_releases_of_confiscated BEFORE INSERT ON confiscation_releases
WHEN (SELECT reason = 'confiscated' AND state = 'in_safe' FROM custody_items WHERE id = NEW.item_id) IS NOT 1
BEGIN
  SELECT RAISE(ABORT, 'only a confiscated device still in the safe can be released to a parent or carer');
END;
CREATE TRIGGER police_handovers_of_confiscated BEFORE INSERT ON police_handovers
WHEN (SELECT reason = 'confiscated' AND state = 'in_safe' FROM custody_items WHERE id = NEW.item_id) IS NOT 1
BEGIN
  SELECT RAISE(ABORT, 'only a confiscated device still in the safe can be handed to the police');
END;

-- And the other way round: a confiscated item leaves the safe only once one of those records exists.
CREATE TRIGGER custody_items_confiscated_leave_on_record BEFORE UPDATE OF state ON custody_items
WHEN OLD.reason = 'confiscated' AND OLD.state = 'in_safe' AND NEW.state IS NOT 'in_safe'
  AND NOT EXISTS (SELECT 1 FROM confiscation_releases WHERE item_id = OLD.id)
  AND NOT EXISTS (SELECT 1 FROM police_handovers WHERE item_id = OLD.id)
BEGIN
  SELECT RAISE(ABORT, 'a confiscated device leaves the safe only released to a parent or carer, or handed to the police');
END;

CREATE TRIGGER confiscation_releases_never_deleted BEFORE DELETE ON confiscation_releases
BEGIN
  SELECT RAISE(ABORT, 'custody records are never deleted');
END;
CREATE TRIGGER police_handovers_never_deleted BEFORE DELETE ON police_handovers
BEGIN
  SELECT RAISE(ABORT, 'custody records are never deleted');
END;

-- The one change allowed: retention removing the words that name people (the parent or carer, what was typed
-- about them, why it was early, the note) once it removes the pupil's name from the custody item, keeping
-- the relationship, how identity was checked, who agreed to an early release and every time.
CREATE TRIGGER confiscation_releases_only_names_removed BEFORE UPDATE ON confiscation_releases
WHEN NOT (
  NEW.id IS OLD.id AND NEW.item_id IS OLD.item_id AND NEW.released_at IS OLD.released_at AND NEW.released_by IS OLD.released_by
  AND NEW.relationship IS OLD.relationship AND NEW.identity_check IS OLD.identity_check AND NEW.early_agreed_by IS OLD.early_agreed_by
  AND NEW.parent_name = 'Removed'
  AND NEW.relationship_other IS (CASE WHEN OLD.relationship_other IS NULL THEN NULL ELSE 'Removed' END)
  AND NEW.identity_note IS (CASE WHEN OLD.identity_note IS NULL THEN NULL ELSE 'Removed' END)
  AND NEW.early_reason IS (CASE WHEN OLD.early_reason IS NULL THEN NULL ELSE 'Removed' END)
  AND NEW.note IS NULL
)
BEGIN
  SELECT RAISE(ABORT, 'a release to a parent or carer is never changed');
END;

-- Likewise for the police: the officer's name, number and the note go; the force, reference and time stay.
CREATE TRIGGER police_handovers_only_names_removed BEFORE UPDATE ON police_handovers
WHEN NOT (
  NEW.id IS OLD.id AND NEW.item_id IS OLD.item_id AND NEW.handed_at IS OLD.handed_at AND NEW.handed_by IS OLD.handed_by
  AND NEW.police_force IS OLD.police_force AND NEW.police_reference IS OLD.police_reference
  AND NEW.officer_name = 'Removed' AND NEW.officer_number IS NULL AND NEW.note IS NULL
)
BEGIN
  SELECT RAISE(ABORT, 'a handover to the police is never changed');
END;

-- Retention removes the names from a closed custody item, but the rule it must follow (migration 0006) wants
-- the note and the reason for confiscation emptied, which the item's own CHECKs forbid for a handed-on item
-- (it always says why it was handed on) and a confiscated one (always why it was taken): so a run that
-- reached either failed whole, and every confiscated device released above is both. Those two now become
-- 'Removed' instead of empty; everything else is as before.
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
      AND NEW.closed_to = 'Removed' AND NEW.closed_note IS (CASE WHEN OLD.state = 'handed_on' THEN 'Removed' ELSE NULL END)
      AND NEW.description IS NULL AND NEW.marks IS NULL
      AND NEW.confiscation_reason IS (CASE WHEN OLD.reason = 'confiscated' THEN 'Removed' ELSE NULL END))
  )
)
BEGIN
  SELECT RAISE(ABORT, 'a custody record can only change once, when the item leaves the safe');
END;
