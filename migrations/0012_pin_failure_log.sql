-- When each wrong PIN for an account was typed, kept for a day. An account now locks when it has had too many
-- wrong PINs within the last 24 hours, however they were spread out, so the guesses anyone gets at one
-- account in a day are bounded (a lock for a few minutes after a handful in a row let a guesser carry on all
-- day, and let anyone at the kiosk lock the DSL out in seconds). Rows older than a day are removed as new
-- ones come; staff.failed_pin_count keeps the count of those left.
CREATE TABLE staff_pin_failures (
  id        INTEGER PRIMARY KEY,
  staff_id  INTEGER NOT NULL REFERENCES staff (id),
  failed_at TEXT NOT NULL
) STRICT;
CREATE INDEX staff_pin_failures_by_staff ON staff_pin_failures (staff_id, failed_at);
-- The old count was of wrong PINs in a row, with no times: the new one starts from the log, empty.
UPDATE staff SET failed_pin_count = 0;
