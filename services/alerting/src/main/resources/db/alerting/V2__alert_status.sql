-- A reclassification can withdraw an alert; withdrawn alerts stay listed, marked, for the record.
ALTER TABLE alert ADD COLUMN status VARCHAR(20) NOT NULL DEFAULT 'ACTIVE';
