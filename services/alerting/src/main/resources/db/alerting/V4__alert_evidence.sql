-- A cluster alert names its incident type, its reports (the evidence, |a|b|c| in event-date order) and its last day.
ALTER TABLE alert ADD COLUMN incident_type VARCHAR(60);
ALTER TABLE alert ADD COLUMN report_ids TEXT NOT NULL DEFAULT '';
ALTER TABLE alert ADD COLUMN last_event_date DATE;
