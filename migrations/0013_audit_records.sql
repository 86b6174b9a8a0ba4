-- Each audit entry carries the content hashes of the rows its change wrote (db/record-changes.ts), so a
-- row edited later by another program no longer matches its newest entry. Null in entries made before.
ALTER TABLE audit_log ADD COLUMN records_json TEXT;
