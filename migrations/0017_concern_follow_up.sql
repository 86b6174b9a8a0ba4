-- What happens after a concern is raised, as both settings' policies ask (nursery §7, school §8; allegations
-- against staff, nursery §4 and school §4): whether the parents or carers were told, the LADO referral and
-- any police contact when it is about a member of staff, and the debrief once it is closed. Each is its own
-- record beside the concern, written once and never changed or deleted (a LADO referral gets its outcome
-- added once, later). Like concerns, they are safeguarding records kept under the child protection policy,
-- so retention leaves them alone.

-- One line of the concern's record of telling the parents or carers: either they were told (when, and who
-- told them, as staff typed it), or the DSL decided not to tell them, and why. Newest last; a later line
-- can follow an earlier one (told after all, once it was safe to).
CREATE TABLE concern_parents_informed (
  id            INTEGER PRIMARY KEY,
  concern_id    INTEGER NOT NULL REFERENCES concerns (id),
  informed      INTEGER NOT NULL CHECK (informed IN (0, 1)),
  informed_on   TEXT CHECK (informed_on GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
  informed_time TEXT CHECK (informed_time GLOB '[0-2][0-9]:[0-5][0-9]'),
  informed_by   TEXT CHECK (length(informed_by) BETWEEN 1 AND 120),
  who_was_told  TEXT CHECK (length(who_was_told) BETWEEN 1 AND 200),
  reason        TEXT CHECK (length(reason) BETWEEN 1 AND 2000),
  recorded_at   TEXT NOT NULL,
  recorded_by   INTEGER NOT NULL REFERENCES staff (id),
  CHECK (
    (informed = 1 AND informed_on IS NOT NULL AND informed_by IS NOT NULL AND reason IS NULL)
    OR (informed = 0 AND reason IS NOT NULL AND informed_on IS NULL AND informed_time IS NULL AND informed_by IS NULL AND who_was_told IS NULL)
  )
) STRICT;
CREATE INDEX concern_parents_informed_by_concern ON concern_parents_informed (concern_id, id);

CREATE TRIGGER concern_parents_informed_never_changed BEFORE UPDATE ON concern_parents_informed
BEGIN
  SELECT RAISE(ABORT, 'safeguarding records are never changed');
END;
CREATE TRIGGER concern_parents_informed_never_deleted BEFORE DELETE ON concern_parents_informed
BEGIN
  SELECT RAISE(ABORT, 'safeguarding records are never deleted');
END;

-- What was learnt, written by the DSL once the concern is closed: one per concern.
CREATE TABLE concern_debriefs (
  id              INTEGER PRIMARY KEY,
  concern_id      INTEGER NOT NULL UNIQUE REFERENCES concerns (id),
  lessons_learnt  TEXT NOT NULL CHECK (length(lessons_learnt) BETWEEN 1 AND 4000),
  practice_change TEXT CHECK (length(practice_change) BETWEEN 1 AND 2000),
  recorded_at     TEXT NOT NULL,
  recorded_by     INTEGER NOT NULL REFERENCES staff (id)
) STRICT;

CREATE TRIGGER concern_debriefs_after_closing BEFORE INSERT ON concern_debriefs
WHEN (SELECT status FROM concerns WHERE id = NEW.concern_id) IS NOT 'closed'
BEGIN
  SELECT RAISE(ABORT, 'a debrief is recorded only once the concern is closed');
END;
CREATE TRIGGER concern_debriefs_never_changed BEFORE UPDATE ON concern_debriefs
BEGIN
  SELECT RAISE(ABORT, 'safeguarding records are never changed');
END;
CREATE TRIGGER concern_debriefs_never_deleted BEFORE DELETE ON concern_debriefs
BEGIN
  SELECT RAISE(ABORT, 'safeguarding records are never deleted');
END;

-- The referral to the Local Authority Designated Officer of a concern about a member of staff: one per
-- concern. The outcome is added once, when the LADO gives it, and cannot be earlier than the referral.
CREATE TABLE concern_lado_referrals (
  id                  INTEGER PRIMARY KEY,
  concern_id          INTEGER NOT NULL UNIQUE REFERENCES concerns (id),
  referred_on         TEXT NOT NULL CHECK (referred_on GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
  lado_reference      TEXT NOT NULL CHECK (length(lado_reference) BETWEEN 1 AND 40),
  recorded_at         TEXT NOT NULL,
  recorded_by         INTEGER NOT NULL REFERENCES staff (id),
  outcome             TEXT CHECK (outcome IN ('substantiated', 'unsubstantiated', 'unfounded', 'false', 'malicious', 'below_threshold')),
  outcome_on          TEXT CHECK (outcome_on GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
  outcome_note        TEXT CHECK (length(outcome_note) BETWEEN 1 AND 2000),
  outcome_recorded_at TEXT,
  outcome_recorded_by INTEGER REFERENCES staff (id),
  CHECK (
    (outcome IS NULL AND outcome_on IS NULL AND outcome_note IS NULL AND outcome_recorded_at IS NULL AND outcome_recorded_by IS NULL)
    OR (outcome IS NOT NULL AND outcome_on >= referred_on AND outcome_recorded_at IS NOT NULL AND outcome_recorded_by IS NOT NULL)
  )
) STRICT;

CREATE TRIGGER concern_lado_referrals_about_staff BEFORE INSERT ON concern_lado_referrals
WHEN (SELECT about_type FROM concerns WHERE id = NEW.concern_id) IS NOT 'staff'
BEGIN
  SELECT RAISE(ABORT, 'a LADO referral is only for a concern about a member of staff');
END;
CREATE TRIGGER concern_lado_referrals_outcome_once BEFORE UPDATE ON concern_lado_referrals
WHEN NOT (
  OLD.outcome IS NULL AND NEW.concern_id IS OLD.concern_id AND NEW.referred_on IS OLD.referred_on
  AND NEW.lado_reference IS OLD.lado_reference AND NEW.recorded_at IS OLD.recorded_at AND NEW.recorded_by IS OLD.recorded_by
)
BEGIN
  SELECT RAISE(ABORT, 'a LADO referral is never changed; its outcome is added once');
END;
CREATE TRIGGER concern_lado_referrals_never_deleted BEFORE DELETE ON concern_lado_referrals
BEGIN
  SELECT RAISE(ABORT, 'safeguarding records are never deleted');
END;

-- Each contact with the police about the concern (where illegal content or an offence is suspected).
CREATE TABLE concern_police_contacts (
  id           INTEGER PRIMARY KEY,
  concern_id   INTEGER NOT NULL REFERENCES concerns (id),
  contacted_on TEXT NOT NULL CHECK (contacted_on GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
  police_force TEXT NOT NULL CHECK (length(police_force) BETWEEN 1 AND 80),
  officer      TEXT NOT NULL CHECK (length(officer) BETWEEN 1 AND 120),
  reference    TEXT NOT NULL CHECK (length(reference) BETWEEN 1 AND 40),
  recorded_at  TEXT NOT NULL,
  recorded_by  INTEGER NOT NULL REFERENCES staff (id)
) STRICT;
CREATE INDEX concern_police_contacts_by_concern ON concern_police_contacts (concern_id, id);

CREATE TRIGGER concern_police_contacts_never_changed BEFORE UPDATE ON concern_police_contacts
BEGIN
  SELECT RAISE(ABORT, 'safeguarding records are never changed');
END;
CREATE TRIGGER concern_police_contacts_never_deleted BEFORE DELETE ON concern_police_contacts
BEGIN
  SELECT RAISE(ABORT, 'safeguarding records are never deleted');
END;
