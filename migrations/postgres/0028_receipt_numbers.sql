-- Receipt numbers, gap-free per year across every desk: migrations/0028_receipt_numbers.sql on PostgreSQL, with
-- the same table, trigger names and words (the reasons are written there). custody-repo.ts nextReceiptSeq runs
-- the same upsert on both engines. Here it is correct with desks writing at once because of the lock it takes:
-- the row lock on the year's counter (for a year's first receipt, the primary key's lock on the new year), held
-- to commit. A second desk's upsert waits for it, and under READ COMMITTED then adds one to the committed value;
-- a rolled-back log releases the lock with its increment undone, so no number is skipped or taken twice.

CREATE TABLE receipt_numbers (
  year     integer PRIMARY KEY,
  last_seq integer NOT NULL CHECK (last_seq >= 1)
);

-- Empty on a new database. A copy of an existing log must write each receipt after taking its number as the
-- app does (the trigger below refuses any other order), which leaves each year's counter at its max(seq).
INSERT INTO receipt_numbers (year, last_seq) SELECT year, max(seq) FROM receipts GROUP BY year;

-- A trigger's WHEN cannot read another table on PostgreSQL, so this one has its own function, as the
-- baseline's do. It reads the counter row this transaction has just locked and moved.
CREATE FUNCTION receipts_numbered_in_turn() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.seq IS DISTINCT FROM (SELECT last_seq FROM receipt_numbers WHERE year = NEW.year) THEN
    RAISE EXCEPTION '%', TG_ARGV[0] USING ERRCODE = 'P0001';
  END IF;
  RETURN NEW;
END
$$;
CREATE TRIGGER receipts_numbered_in_turn BEFORE INSERT ON receipts FOR EACH ROW
EXECUTE FUNCTION receipts_numbered_in_turn('a receipt must have the next receipt number of its year');

CREATE TRIGGER receipt_numbers_count_up_by_one BEFORE UPDATE ON receipt_numbers FOR EACH ROW
WHEN (NEW.year IS DISTINCT FROM OLD.year OR NEW.last_seq IS DISTINCT FROM OLD.last_seq + 1)
EXECUTE FUNCTION refuse('receipt numbers only count up, one at a time');
CREATE TRIGGER receipt_numbers_never_deleted BEFORE DELETE ON receipt_numbers FOR EACH ROW
EXECUTE FUNCTION refuse('receipt numbers only count up, one at a time');
