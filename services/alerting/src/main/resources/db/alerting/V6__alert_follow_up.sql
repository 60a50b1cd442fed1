-- The follow-up of an alert (who acknowledged it, what was done, how it was resolved) and its audit trail. Each step is
-- a row written in the same transaction as the alert's new follow-up state; the relay publishes the rows not yet on
-- uth.alert-events.v1 (an outbox), so a step is never on the topic without being in the table, nor the other way for long.
ALTER TABLE alert ADD COLUMN follow_up VARCHAR(20) NOT NULL DEFAULT 'OPEN';
UPDATE alert SET follow_up = 'WITHDRAWN' WHERE status = 'WITHDRAWN';
CREATE TABLE alert_event (
    alert_id    VARCHAR(200) NOT NULL REFERENCES alert (alert_id),
    sequence    INT          NOT NULL,
    action      VARCHAR(30)  NOT NULL,
    from_status VARCHAR(20)  NOT NULL,
    to_status   VARCHAR(20)  NOT NULL,
    actor       VARCHAR(200) NOT NULL,
    note        TEXT,
    at          TIMESTAMPTZ  NOT NULL,
    published   BOOLEAN      NOT NULL DEFAULT FALSE,
    PRIMARY KEY (alert_id, sequence)
);
CREATE INDEX alert_event_unpublished ON alert_event (at) WHERE NOT published;
