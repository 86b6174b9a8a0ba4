-- Roll calls taken during an evacuation (or a drill): who was on site, who was accounted for, who took it.
CREATE TABLE roll_calls (
  id           INTEGER PRIMARY KEY,
  taken_at     TEXT NOT NULL,
  taken_by     INTEGER NOT NULL REFERENCES staff (id),
  note         TEXT,
  people_json  TEXT NOT NULL,
  on_site      INTEGER NOT NULL CHECK (on_site >= 0),
  accounted    INTEGER NOT NULL CHECK (accounted >= 0 AND accounted <= on_site)
) STRICT;

CREATE TRIGGER roll_calls_never_changed BEFORE UPDATE ON roll_calls
BEGIN
  SELECT RAISE(ABORT, 'a saved roll call is never changed');
END;
