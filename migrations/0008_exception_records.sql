-- Each approval gets its own unguessable code, printed as a QR on the exception record, so any member of
-- staff can scan the visitor's paper record and see whether the approval is genuine and still in force.
ALTER TABLE device_exceptions ADD COLUMN record_token TEXT
  CHECK (record_token IS NULL OR (length(record_token) = 26 AND record_token NOT GLOB '*[^A-Z2-7]*'));
CREATE UNIQUE INDEX device_exceptions_by_record_token ON device_exceptions (record_token) WHERE record_token IS NOT NULL;

CREATE TRIGGER device_exceptions_record_token_fixed BEFORE UPDATE OF record_token ON device_exceptions
WHEN OLD.record_token IS NOT NULL
BEGIN
  SELECT RAISE(ABORT, 'an approved exception can only be revoked, once');
END;
