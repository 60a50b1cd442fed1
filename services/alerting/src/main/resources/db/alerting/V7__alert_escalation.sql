-- An alert not acknowledged in time goes further up: escalation_level says who has it (0 the responsible unit's risk
-- managers, 1 also its management, 2 also the regional team), escalate_at when it goes up next (NULL: it will not,
-- because it was acknowledged, withdrawn, or is at the top). A step's recipients are kept with it, for the audit.
ALTER TABLE alert ADD COLUMN cross_sector BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE alert ADD COLUMN escalation_level INT NOT NULL DEFAULT 0;
ALTER TABLE alert ADD COLUMN escalate_at TIMESTAMPTZ;
CREATE INDEX alert_escalation_due ON alert (escalate_at) WHERE escalate_at IS NOT NULL;
ALTER TABLE alert_event ADD COLUMN escalation_level INT NOT NULL DEFAULT 0;
ALTER TABLE alert_event ADD COLUMN recipients TEXT NOT NULL DEFAULT '';
