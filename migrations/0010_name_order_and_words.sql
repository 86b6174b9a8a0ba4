-- Names the way visitors write them, found by any word of the surname.

-- 王芳 writes her family name first; every screen and print shows a name in the order its owner gave.
-- Someone with only one name keeps it in first_name, with last_name ''.
ALTER TABLE visitors ADD COLUMN family_name_first INTEGER NOT NULL DEFAULT 0 CHECK (family_name_first IN (0, 1));
ALTER TABLE bookings ADD COLUMN family_name_first INTEGER NOT NULL DEFAULT 0 CHECK (family_name_first IN (0, 1));

-- Each visitor's folded surname (or only name) from each of its words to the end: "osuilleabhain" and
-- "suilleabhain" for Ó Súilleabháin, so "sui" finds her as "ó s" does. Written in the same transaction as
-- the visitor, and removed with the name when retention removes it. The last sign-in is copied here so the
-- kiosk reads the newest matches of a three-letter group straight off the index, as visitors_by_prefix_recent
-- did for the start of the surname alone. The rows are filled from the existing names by code that runs in
-- this migration's transaction (src/main/db/migration-steps.ts): SQL alone cannot fold accents.
CREATE TABLE visitor_name_words (
  visitor_id        INTEGER NOT NULL REFERENCES visitors (id),
  word              TEXT NOT NULL,
  -- The word's first three characters: the kiosk's lookup groups.
  word_prefix       TEXT NOT NULL,
  last_signed_in_at TEXT,
  PRIMARY KEY (visitor_id, word)
) STRICT;
CREATE INDEX visitor_name_words_by_prefix_recent ON visitor_name_words (word_prefix, last_signed_in_at DESC, visitor_id DESC, word);

-- The start-of-surname search they served is replaced by the words above.
DROP INDEX visitors_by_prefix_recent;
DROP INDEX visitors_by_last_name_key;
ALTER TABLE visitors DROP COLUMN last_name_prefix;
ALTER TABLE visitors DROP COLUMN last_name_key;
