-- Searches of a pupil's confiscated device (school policy, learners' section): a member of the leadership
-- team may search a confiscated phone or device with the consent of the learner or a parent or carer, and
-- content may be deleted, or its deletion requested, if it breaks the school's policies. Each search is one
-- row: which confiscated item, who searched it and when, whose consent and when it was given, what was
-- looked at, what was found, and what happened to the content. A search is a record of what was done: it is
-- never changed or deleted, except that retention removes the words that can name people.
CREATE TABLE learner_searches (
  id                   INTEGER PRIMARY KEY,
  item_id              INTEGER NOT NULL REFERENCES custody_items (id),
  -- The clock's time when the searcher recorded it, and their own (unlocked) account.
  searched_at          TEXT NOT NULL,
  searched_by          INTEGER NOT NULL REFERENCES staff (id),
  consent_from         TEXT NOT NULL CHECK (consent_from IN ('learner', 'parent')),
  consent_name         TEXT NOT NULL CHECK (consent_name <> ''),
  -- How a parent or carer is related to the pupil ("mother", "foster carer"); none when the pupil consented.
  consent_relationship TEXT CHECK (consent_relationship <> ''),
  -- As typed on the form (UK day and time, to the minute), stored as the instant it stands for.
  consent_given_at     TEXT NOT NULL,
  looked_at            TEXT NOT NULL CHECK (looked_at <> ''),
  found                TEXT NOT NULL CHECK (found <> ''),
  content_action       TEXT NOT NULL CHECK (content_action IN ('none', 'deleted', 'deletion_requested')),
  -- What was deleted, or what the pupil was asked to delete; nothing when no content was touched.
  content_detail       TEXT CHECK (content_detail <> ''),
  -- Who else was present (good practice, not required).
  witness              TEXT CHECK (witness <> ''),
  CHECK ((consent_from = 'parent') = (consent_relationship IS NOT NULL)),
  CHECK ((content_action = 'none') = (content_detail IS NULL)),
  -- Consent comes first: the search is recorded at the time it was done, after consent was given.
  CHECK (consent_given_at <= searched_at)
) STRICT;
CREATE INDEX learner_searches_by_item ON learner_searches (item_id);
CREATE INDEX learner_searches_by_time ON learner_searches (searched_at);

-- Only a confiscated device, while the school holds it, and with consent given no earlier than the minute it
-- was logged (the form takes consent to the minute; the item's time has seconds).
CREATE TRIGGER learner_searches_of_confiscated_only BEFORE INSERT ON learner_searches
WHEN NOT EXISTS (
  SELECT 1 FROM custody_items i
  WHERE i.id = NEW.item_id AND i.reason = 'confiscated' AND i.state = 'in_safe'
    AND NEW.consent_given_at >= substr(i.logged_at, 1, 16) AND NEW.searched_at >= i.logged_at
)
BEGIN
  SELECT RAISE(ABORT, 'only a confiscated device still held by the school can be searched, with consent given after it was logged');
END;

CREATE TRIGGER learner_searches_never_deleted BEFORE DELETE ON learner_searches
BEGIN
  SELECT RAISE(ABORT, 'searches of pupils'' devices are never deleted');
END;

-- The one change allowed: retention replacing the words that can name people (whoever consented and their
-- relationship, what was looked at and found, what was deleted, who else was there) once the device has left
-- the school. Kept: which item, who searched and when, whose consent (pupil or parent) and when, and what was
-- done with the content.
CREATE TRIGGER learner_searches_never_changed BEFORE UPDATE ON learner_searches
WHEN NOT (
  NEW.id IS OLD.id AND NEW.item_id IS OLD.item_id AND NEW.searched_at IS OLD.searched_at AND NEW.searched_by IS OLD.searched_by
  AND NEW.consent_from IS OLD.consent_from AND NEW.consent_given_at IS OLD.consent_given_at AND NEW.content_action IS OLD.content_action
  AND NEW.consent_name = 'Removed'
  AND NEW.consent_relationship IS (CASE WHEN OLD.consent_relationship IS NULL THEN NULL ELSE 'Removed' END)
  AND NEW.looked_at = 'Removed' AND NEW.found = 'Removed'
  AND NEW.content_detail IS (CASE WHEN OLD.content_detail IS NULL THEN NULL ELSE 'Removed' END)
  AND NEW.witness IS (CASE WHEN OLD.witness IS NULL THEN NULL ELSE 'Removed' END)
  AND (SELECT state FROM custody_items WHERE id = OLD.item_id) <> 'in_safe'
)
BEGIN
  SELECT RAISE(ABORT, 'a search of a pupil''s device is never changed');
END;
