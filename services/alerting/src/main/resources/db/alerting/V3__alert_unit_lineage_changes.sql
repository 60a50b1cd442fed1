-- An alert is on the lists of its incident location and every unit above it ("my hospital"), kept as |a|b|c| so one
-- LIKE finds the alerts of a unit; raised_at keeps the first raise, updated_at the latest change.
ALTER TABLE alert ADD COLUMN responsible_unit VARCHAR(40);
ALTER TABLE alert ADD COLUMN lineage TEXT NOT NULL DEFAULT '';
ALTER TABLE alert ADD COLUMN updated_at TIMESTAMPTZ;
UPDATE alert SET lineage = '|' || incident_location || '|', updated_at = raised_at;
