-- One order over every alert's steps, for the live stream and its reconnection (SSE Last-Event-ID): steps are written
-- under one advisory lock, so a step with a higher event_no is never committed before one with a lower.
ALTER TABLE alert_event ADD COLUMN event_no BIGSERIAL;
CREATE UNIQUE INDEX alert_event_order ON alert_event (event_no);
