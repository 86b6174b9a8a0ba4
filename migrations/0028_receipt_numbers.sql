-- Receipt numbers, gap-free per year across every desk (issue 15; docs/postgres-plan.md section 4). The next
-- number used to be max(seq) + 1 read from receipts, which is only right while one connection writes: two
-- desks on one shared database could both read the same max and print the same number. Now each year has one
-- counter row, and custody-repo.ts nextReceiptSeq takes a number with a single statement that adds one to it
-- (or starts the year at 1) and keeps it locked until the transaction ends. A log that fails rolls the
-- increment back with everything else, so no number is skipped; a second desk waits for the row and counts on
-- from what was committed. The same file, with the same names, is migrations/postgres/0028_receipt_numbers.sql.

-- The last number taken in each year (a year with no receipt yet has no row).
CREATE TABLE receipt_numbers (
  year     INTEGER PRIMARY KEY,
  last_seq INTEGER NOT NULL CHECK (last_seq >= 1)
) STRICT;

-- Counting on from the receipts already written: they were numbered max + 1 and are never deleted, so each
-- year's numbers run 1..max with none missing.
INSERT INTO receipt_numbers (year, last_seq) SELECT year, max(seq) FROM receipts GROUP BY year;

-- A receipt carries the number just taken for its year, and no other: one written with a number made up by
-- anything but nextReceiptSeq (a skipped number, an old one, a year never counted) is refused. That also
-- leaves receipts' own CHECK (seq > 0) with nothing to refuse, as last_seq is at least 1.
CREATE TRIGGER receipts_numbered_in_turn BEFORE INSERT ON receipts
WHEN NEW.seq IS NOT (SELECT last_seq FROM receipt_numbers WHERE year = NEW.year)
BEGIN
  SELECT RAISE(ABORT, 'a receipt must have the next receipt number of its year');
END;

-- The counter only ever moves as nextReceiptSeq moves it: up by one. Every desk takes its numbers from this
-- one row, so a row set back or deleted would stop every desk logging anything into the safe (each next number
-- already belongs to a receipt, and each failed try rolls back), and a row set forward would skip numbers.
--
-- Not in the audit sealing (record-changes.ts SEALED_TABLES): nobody writes this table as a record of what
-- happened; it is the receipts' own max(seq) kept where it can be locked, and the receipts are sealed. Sealing
-- also keys rows by an id column, which a counter keyed by its year does not have.
CREATE TRIGGER receipt_numbers_count_up_by_one BEFORE UPDATE ON receipt_numbers
WHEN NEW.year IS NOT OLD.year OR NEW.last_seq IS NOT OLD.last_seq + 1
BEGIN
  SELECT RAISE(ABORT, 'receipt numbers only count up, one at a time');
END;

CREATE TRIGGER receipt_numbers_never_deleted BEFORE DELETE ON receipt_numbers
BEGIN
  SELECT RAISE(ABORT, 'receipt numbers only count up, one at a time');
END;
