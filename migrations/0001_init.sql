-- Safe Hands: the foundation schema. Forward-only: once shipped this file is never edited (its checksum is
-- recorded on every database it was applied to); later changes go in new numbered files.

-- Key/value settings; each value is JSON validated by its own schema when read.
CREATE TABLE settings (
  key         TEXT PRIMARY KEY,
  value_json  TEXT NOT NULL,
  updated_at  TEXT NOT NULL
) STRICT;

CREATE TABLE staff (
  id               INTEGER PRIMARY KEY,
  display_name     TEXT NOT NULL,
  pin_hash         TEXT NOT NULL,
  is_office        INTEGER NOT NULL DEFAULT 1 CHECK (is_office IN (0, 1)),
  is_dsl           INTEGER NOT NULL DEFAULT 0 CHECK (is_dsl IN (0, 1)),
  is_admin         INTEGER NOT NULL DEFAULT 0 CHECK (is_admin IN (0, 1)),
  active           INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  failed_pin_count INTEGER NOT NULL DEFAULT 0,
  locked_until     TEXT,
  created_at       TEXT NOT NULL
) STRICT;

-- Each save of the expectations text is a new version; acknowledgements point at the version shown.
CREATE TABLE policy_versions (
  id           INTEGER PRIMARY KEY,
  version      INTEGER NOT NULL UNIQUE,
  title        TEXT NOT NULL,
  summary_json TEXT NOT NULL,
  full_text    TEXT NOT NULL,
  review_due   TEXT NOT NULL,
  created_at   TEXT NOT NULL,
  created_by   INTEGER REFERENCES staff (id)
) STRICT;

CREATE TABLE visitors (
  id               INTEGER PRIMARY KEY,
  first_name       TEXT NOT NULL,
  last_name        TEXT NOT NULL,
  -- Folded surname (lower case, no accents or punctuation) for the returning-visitor search.
  last_name_key    TEXT NOT NULL,
  -- Folded "first|last|organisation", so the same person signing in as new is not stored twice.
  identity_key     TEXT NOT NULL,
  organisation     TEXT,
  created_at       TEXT NOT NULL,
  -- Kept with each sign-in so the kiosk lists the most recent visitors first without scanning visits.
  last_signed_in_at TEXT
) STRICT;
CREATE INDEX visitors_by_last_name_key ON visitors (last_name_key);
CREATE INDEX visitors_by_identity_key ON visitors (identity_key);

CREATE TABLE acknowledgements (
  id                INTEGER PRIMARY KEY,
  visitor_id        INTEGER NOT NULL REFERENCES visitors (id),
  policy_version_id INTEGER NOT NULL REFERENCES policy_versions (id),
  acknowledged_at   TEXT NOT NULL
) STRICT;
CREATE INDEX acknowledgements_by_visitor ON acknowledgements (visitor_id, id);

CREATE TABLE visits (
  id                 INTEGER PRIMARY KEY,
  visitor_id         INTEGER NOT NULL REFERENCES visitors (id),
  visitor_type       TEXT NOT NULL,
  visiting           TEXT NOT NULL,
  -- The acknowledgement that covers this visit: made on this visit, or an earlier one still in force.
  acknowledgement_id INTEGER NOT NULL REFERENCES acknowledgements (id),
  signed_in_at       TEXT NOT NULL,
  signed_out_at      TEXT,
  sign_out_method    TEXT CHECK (sign_out_method IN ('kiosk', 'staff', 'automatic')),
  CHECK (signed_out_at IS NULL OR signed_out_at >= signed_in_at)
) STRICT;
CREATE INDEX visits_by_visitor ON visits (visitor_id, signed_in_at);
-- Who is on site now: a partial index keeps this small however long the history grows.
CREATE INDEX visits_on_site ON visits (signed_in_at) WHERE signed_out_at IS NULL;

-- What a visitor said at the kiosk they brought: a pending handover until the office logs it.
CREATE TABLE handovers (
  id          INTEGER PRIMARY KEY,
  visit_id    INTEGER NOT NULL UNIQUE REFERENCES visits (id),
  status      TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'logged', 'not_handed_in')),
  declared_at TEXT NOT NULL
) STRICT;
CREATE INDEX handovers_pending ON handovers (declared_at) WHERE status = 'pending';

CREATE TABLE handover_declared_items (
  handover_id INTEGER NOT NULL REFERENCES handovers (id),
  kind        TEXT NOT NULL,
  quantity    INTEGER NOT NULL CHECK (quantity BETWEEN 1 AND 9),
  PRIMARY KEY (handover_id, kind)
) STRICT;

-- Append-only, hash-chained record of every change a person made.
CREATE TABLE audit_log (
  id          INTEGER PRIMARY KEY,
  at          TEXT NOT NULL,
  actor_staff INTEGER REFERENCES staff (id),
  actor_label TEXT NOT NULL,
  action      TEXT NOT NULL,
  entity      TEXT NOT NULL,
  entity_id   INTEGER,
  detail_json TEXT NOT NULL,
  prev_hash   TEXT NOT NULL,
  hash        TEXT NOT NULL UNIQUE
) STRICT;

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
  SELECT RAISE(ABORT, 'the audit trail is append-only');
END;

CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
  SELECT RAISE(ABORT, 'the audit trail is append-only');
END;
