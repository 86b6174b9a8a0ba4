-- The safeguarding leaflet (school §6: the school offers visitors a current safeguarding leaflet as they sign
-- in). The setting's own words, versioned like the expectations: every save by the DSL is a new
-- version, and a version is never changed or deleted, so what a visitor was handed can always be read again.
-- A setting with no version has no leaflet, and the kiosk offers none.

CREATE TABLE leaflet_versions (
  id         INTEGER PRIMARY KEY,
  version    INTEGER NOT NULL UNIQUE CHECK (version >= 1),
  title      TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 160),
  -- The expectations' light markup: "### " headings, "- " list items, paragraphs between blank lines.
  body       TEXT NOT NULL CHECK (length(body) BETWEEN 1 AND 20000),
  created_at TEXT NOT NULL CHECK (created_at GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]T*Z'),
  created_by INTEGER NOT NULL REFERENCES staff (id)
) STRICT;

-- Versions count up one at a time, so "version 3" always follows "version 2" and none is skipped or reused.
CREATE TRIGGER leaflet_versions_in_order BEFORE INSERT ON leaflet_versions
WHEN NEW.version IS NOT (SELECT coalesce(max(version), 0) + 1 FROM leaflet_versions)
BEGIN
  SELECT RAISE(ABORT, 'a new leaflet version must follow the newest one');
END;

CREATE TRIGGER leaflet_versions_never_changed BEFORE UPDATE ON leaflet_versions
BEGIN
  SELECT RAISE(ABORT, 'a published leaflet is never changed: publish a new version instead');
END;

CREATE TRIGGER leaflet_versions_never_deleted BEFORE DELETE ON leaflet_versions
BEGIN
  SELECT RAISE(ABORT, 'published leaflets are never deleted');
END;

-- A leaflet printed at the kiosk for a visitor who asked for one as they signed in. One per visit at most (the
-- UNIQUE), so the public kiosk cannot be used to keep the office's A4 printer busy. It names nobody: the visit
-- does, and retention removes the name there.
CREATE TABLE leaflet_prints (
  id                 INTEGER PRIMARY KEY,
  visit_id           INTEGER NOT NULL UNIQUE REFERENCES visits (id),
  leaflet_version_id INTEGER NOT NULL REFERENCES leaflet_versions (id),
  printed_at         TEXT NOT NULL CHECK (printed_at GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]T*Z')
) STRICT;
-- How many visitors were handed each version, for the DSL's list of versions.
CREATE INDEX leaflet_prints_by_version ON leaflet_prints (leaflet_version_id);

CREATE TRIGGER leaflet_prints_never_changed BEFORE UPDATE ON leaflet_prints
BEGIN
  SELECT RAISE(ABORT, 'a leaflet print is never changed');
END;

CREATE TRIGGER leaflet_prints_never_deleted BEFORE DELETE ON leaflet_prints
BEGIN
  SELECT RAISE(ABORT, 'leaflet prints are never deleted');
END;
