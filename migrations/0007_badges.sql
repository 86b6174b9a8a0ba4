-- Visitor badges: each visit gets its own unguessable code, printed as a QR the visitor scans to sign out.
ALTER TABLE visits ADD COLUMN badge_token TEXT CHECK (badge_token IS NULL OR (length(badge_token) = 26 AND badge_token NOT GLOB '*[^A-Z2-7]*'));
CREATE UNIQUE INDEX visits_by_badge_token ON visits (badge_token) WHERE badge_token IS NOT NULL;
