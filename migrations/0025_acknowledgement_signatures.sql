-- A signature drawn with a finger on the kiosk's expectations screen, when the setting asks for one. It is kept
-- beside the acknowledgement it was drawn for rather than in it: acknowledgements stay as they were (no
-- column that is null in every row before this version), and the one change a signature ever has (retention
-- removing it with the visitor's details) is allowed here without opening acknowledgements to updates.
CREATE TABLE acknowledgement_signatures (
  -- The acknowledgement's own id: one signature per acknowledgement, and the audit trail seals rows by id.
  id         INTEGER PRIMARY KEY REFERENCES acknowledgements (id),
  -- An SVG path of whole-number moves and lines (src/shared/domain/signature.ts, checked in full there); here
  -- at least its characters, so no markup or script can be stored whatever wrote the row. NULL once removed.
  strokes    TEXT CHECK (strokes IS NULL OR (length(strokes) BETWEEN 8 AND 16000 AND strokes GLOB 'M*' AND strokes NOT GLOB '*[^0-9ML ]*')),
  signed_at  TEXT NOT NULL CHECK (signed_at GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]T*Z'),
  -- When retention removed the strokes with the visitor's details; the row stays, saying a signature was given.
  removed_at TEXT CHECK (removed_at IS NULL OR removed_at GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]T*Z'),
  CHECK ((strokes IS NULL) = (removed_at IS NOT NULL))
) STRICT;

-- Drawn as the visitor agreed: written in the same transaction as its acknowledgement, at the same instant.
CREATE TRIGGER acknowledgement_signatures_with_acknowledgement BEFORE INSERT ON acknowledgement_signatures
WHEN NEW.strokes IS NULL OR NEW.signed_at IS NOT (SELECT acknowledged_at FROM acknowledgements WHERE id = NEW.id)
BEGIN
  SELECT RAISE(ABORT, 'a signature is kept with the acknowledgement it was drawn for, as it is made');
END;

CREATE TRIGGER acknowledgement_signatures_never_deleted BEFORE DELETE ON acknowledgement_signatures
BEGIN
  SELECT RAISE(ABORT, 'signatures are never deleted');
END;

-- A signature never changes; retention may remove its strokes once, keeping when it was drawn.
CREATE TRIGGER acknowledgement_signatures_removed_only BEFORE UPDATE ON acknowledgement_signatures
WHEN NOT (
  NEW.id IS OLD.id AND NEW.signed_at IS OLD.signed_at AND OLD.strokes IS NOT NULL AND NEW.strokes IS NULL AND NEW.removed_at IS NOT NULL
)
BEGIN
  SELECT RAISE(ABORT, 'a signature is never changed');
END;
