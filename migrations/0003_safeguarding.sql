-- Safeguarding: the expectations' annual review, and concerns raised by staff and reviewed by the DSL.

-- A review of the expectations that did not change the text: who reviewed it, and when the next is due.
CREATE TABLE policy_reviews (
  id                INTEGER PRIMARY KEY,
  policy_version_id INTEGER NOT NULL REFERENCES policy_versions (id),
  reviewed_at       TEXT NOT NULL,
  reviewed_by       INTEGER NOT NULL REFERENCES staff (id),
  note              TEXT NOT NULL,
  next_review_due   TEXT NOT NULL
) STRICT;
CREATE INDEX policy_reviews_by_version ON policy_reviews (policy_version_id, id);

CREATE TABLE concerns (
  id            INTEGER PRIMARY KEY,
  about_type    TEXT NOT NULL CHECK (about_type IN ('visitor', 'staff', 'learner', 'parent_carer', 'other')),
  about_name    TEXT NOT NULL,
  visit_id      INTEGER REFERENCES visits (id),
  location      TEXT NOT NULL,
  what_happened TEXT NOT NULL,
  action_taken  TEXT NOT NULL,
  raised_at     TEXT NOT NULL,
  raised_by     INTEGER NOT NULL REFERENCES staff (id),
  status        TEXT NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'reviewed', 'closed')),
  outcome       TEXT,
  reviewed_at   TEXT,
  reviewed_by   INTEGER REFERENCES staff (id),
  CHECK (status = 'new' OR (outcome IS NOT NULL AND reviewed_at IS NOT NULL AND reviewed_by IS NOT NULL))
) STRICT;
CREATE INDEX concerns_open ON concerns (raised_at) WHERE status <> 'closed';
CREATE INDEX concerns_by_raiser ON concerns (raised_by, raised_at);

CREATE TRIGGER concerns_never_deleted BEFORE DELETE ON concerns
BEGIN
  SELECT RAISE(ABORT, 'safeguarding records are never deleted');
END;
