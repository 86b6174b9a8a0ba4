-- A receipt the printer never took can be written out by hand for its owner: staff write the receipt number
-- on paper, give it to them, and record it ("Written by hand and given"). Who did it and when. The receipt is
-- then no longer listed as not printed, and it can still be reprinted later (print_count counts only what
-- the printer took). Null for every receipt before this version, and for any never given by hand.
ALTER TABLE receipts ADD COLUMN given_by_hand_at TEXT;
ALTER TABLE receipts ADD COLUMN given_by_hand_by INTEGER REFERENCES staff (id);
