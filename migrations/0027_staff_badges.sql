-- Staff badges (issue 14, staff days): an administrator issues a member of staff a badge with a QR code, and
-- scanning it at the kiosk signs them in or out of work in place of choosing their name and typing their PIN.
--
-- Only a SHA-256 hash of the code is kept, never the code: a copy of the database (a backup on a USB stick)
-- must not be enough to print a badge that works. The code is 128 random bits (the alphabet of every code
-- Safe Hands prints), so a plain hash cannot be reversed by trying codes, and needs no salt or slow hash
-- as a 4-digit PIN does; being unsalted, it is looked up by index like any other scanned code.
--
-- A badge is never deleted: a replaced one stays, ended, so scanning it again says it was replaced rather
-- than "not recognised", and the audit trail shows which badge was in use when. The row holds no name (the
-- staff account does), so retention has nothing to remove from it.

CREATE TABLE staff_badges (
  id         INTEGER PRIMARY KEY,
  staff_id   INTEGER NOT NULL REFERENCES staff (id),
  -- Lower-case hex SHA-256 of the code as normaliseScanCode reads it (26 characters, A-Z and 2-7).
  code_hash  TEXT NOT NULL UNIQUE CHECK (length(code_hash) = 64 AND code_hash NOT GLOB '*[^0-9a-f]*'),
  issued_at  TEXT NOT NULL CHECK (issued_at GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]T*Z'),
  issued_by  INTEGER NOT NULL REFERENCES staff (id),
  -- When it stopped working: a new badge replaced it, or the account was deactivated.
  ended_at   TEXT CHECK (ended_at GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]T*Z'),
  ended_by   INTEGER REFERENCES staff (id),
  ended_why  TEXT CHECK (ended_why IN ('replaced', 'deactivated')),
  CHECK ((ended_at IS NULL) = (ended_by IS NULL) AND (ended_at IS NULL) = (ended_why IS NULL)),
  CHECK (ended_at IS NULL OR ended_at >= issued_at)
) STRICT;

-- At most one badge works for each member of staff: issuing a new one ends the old in the same transaction.
CREATE UNIQUE INDEX staff_badges_one_current ON staff_badges (staff_id) WHERE ended_at IS NULL;

CREATE TRIGGER staff_badges_never_deleted BEFORE DELETE ON staff_badges
BEGIN
  SELECT RAISE(ABORT, 'staff badges are never deleted');
END;

-- Ending it is the one change, made once; whose it is, its code and when it was issued never change.
CREATE TRIGGER staff_badges_end_once BEFORE UPDATE ON staff_badges
WHEN NOT (
  OLD.ended_at IS NULL AND NEW.ended_at IS NOT NULL
  AND NEW.id IS OLD.id AND NEW.staff_id IS OLD.staff_id AND NEW.code_hash IS OLD.code_hash
  AND NEW.issued_at IS OLD.issued_at AND NEW.issued_by IS OLD.issued_by
)
BEGIN
  SELECT RAISE(ABORT, 'a staff badge can only be ended, once');
END;
