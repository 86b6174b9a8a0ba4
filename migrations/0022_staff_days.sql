-- Staff days (nursery §4, school §4): each member of staff signs in when they arrive for work and out when
-- they leave, at the kiosk with their PIN or at the console they unlocked. The roll call counts them, and a
-- setting that keeps staff phones in the safe sees whose phone is not in. One row per day on site, kept for
-- good like the visitors' book: it holds no name (the staff account does), so retention has nothing to remove.

CREATE TABLE staff_days (
  id             INTEGER PRIMARY KEY,
  staff_id       INTEGER NOT NULL REFERENCES staff (id),
  signed_in_at   TEXT NOT NULL CHECK (signed_in_at GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]T*Z'),
  signed_in_how  TEXT NOT NULL CHECK (signed_in_how IN ('console', 'kiosk')),
  signed_out_at  TEXT CHECK (signed_out_at GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]T*Z'),
  -- 'not_signed_out': they never signed out, and the day was closed when they next signed in (signed_out_at
  -- is then when it was closed, not when they left: the record says they did not say).
  signed_out_how TEXT CHECK (signed_out_how IN ('console', 'kiosk', 'not_signed_out')),
  CHECK ((signed_out_at IS NULL) = (signed_out_how IS NULL)),
  CHECK (signed_out_at IS NULL OR signed_out_at >= signed_in_at)
) STRICT;

-- Nobody is signed in twice at once: at most one open day per member of staff.
CREATE UNIQUE INDEX staff_days_one_open ON staff_days (staff_id) WHERE signed_out_at IS NULL;
-- Who was in on a given day, newest first, for the staff on site page and reports.
CREATE INDEX staff_days_by_time ON staff_days (signed_in_at);
-- A member of staff's own devices (receipts owned by them): whether their phone is in the safe, and what
-- they took out at break, read for everyone on site at each refresh.
CREATE INDEX receipts_by_staff_owner ON receipts (staff_owner) WHERE staff_owner IS NOT NULL;

CREATE TRIGGER staff_days_never_deleted BEFORE DELETE ON staff_days
BEGIN
  SELECT RAISE(ABORT, 'staff days are never deleted');
END;

-- Signing out is the one change, made once; who and when they signed in never change.
CREATE TRIGGER staff_days_sign_out_once BEFORE UPDATE ON staff_days
WHEN NOT (
  OLD.signed_out_at IS NULL AND NEW.signed_out_at IS NOT NULL
  AND NEW.id IS OLD.id AND NEW.staff_id IS OLD.staff_id AND NEW.signed_in_at IS OLD.signed_in_at AND NEW.signed_in_how IS OLD.signed_in_how
)
BEGIN
  SELECT RAISE(ABORT, 'a staff day can only be signed out, once');
END;
