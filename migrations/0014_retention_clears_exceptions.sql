-- Retention reaches the free text of device exceptions and custody corrections: what staff typed there
-- (conditions, risk notes, permitted use and areas, why it was revoked, what a device looked like) can name
-- the visitor, so once the visitor's details are removed it goes too. Everything else stays fixed: who
-- approved what, for which visit or booking, which devices, the risk checklist as ticked, and every date.

-- An approval can still only be revoked, once; the one other change allowed is retention replacing its
-- free text. purpose_detail is now fixed like the rest (nothing ever changed it, and nothing should).
DROP TRIGGER device_exceptions_revoke_only;
CREATE TRIGGER device_exceptions_revoke_only BEFORE UPDATE ON device_exceptions
WHEN NOT (
  NEW.visit_id IS OLD.visit_id AND NEW.booking_id IS OLD.booking_id AND NEW.purpose IS OLD.purpose
  AND NEW.devices_json IS OLD.devices_json AND NEW.risk_checklist_json IS OLD.risk_checklist_json
  AND NEW.valid_from IS OLD.valid_from AND NEW.valid_until IS OLD.valid_until
  AND NEW.approved_by IS OLD.approved_by AND NEW.approved_at IS OLD.approved_at
  AND (
    (OLD.revoked_at IS NULL AND NEW.purpose_detail IS OLD.purpose_detail AND NEW.permitted_use IS OLD.permitted_use
      AND NEW.permitted_areas IS OLD.permitted_areas AND NEW.conditions IS OLD.conditions AND NEW.risk_notes IS OLD.risk_notes)
    OR
    (NEW.revoked_at IS OLD.revoked_at AND NEW.revoked_by IS OLD.revoked_by AND NEW.record_token IS OLD.record_token
      AND NEW.purpose_detail IS (CASE WHEN OLD.purpose_detail IS NULL THEN NULL ELSE 'Removed' END)
      AND NEW.permitted_use = 'Removed' AND NEW.permitted_areas = 'Removed' AND NEW.conditions IS NULL AND NEW.risk_notes IS NULL
      AND NEW.revoke_reason IS (CASE WHEN OLD.revoke_reason IS NULL THEN NULL ELSE 'Removed' END))
  )
)
BEGIN
  SELECT RAISE(ABORT, 'an approved exception can only be revoked, once');
END;

-- A correction is still never changed, except that retention may replace what it says, keeping which item,
-- the bag or slot, when and by whom.
DROP TRIGGER custody_corrections_append_only_update;
CREATE TRIGGER custody_corrections_append_only_update BEFORE UPDATE ON custody_corrections
WHEN NOT (
  NEW.item_id IS OLD.item_id AND NEW.bag_slot IS OLD.bag_slot AND NEW.at IS OLD.at AND NEW.by_staff IS OLD.by_staff
  AND NEW.description IS NULL AND NEW.marks IS NULL AND NEW.reason = 'Removed'
)
BEGIN
  SELECT RAISE(ABORT, 'custody records are never changed');
END;
