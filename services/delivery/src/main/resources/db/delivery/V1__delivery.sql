-- Deliveries waiting to go out, going out, delivered or given up on. One row per event, channel and target: the key
-- makes a repeated enqueue (a replay, a resend) a no-op, so nobody is told twice by the queue itself.
CREATE TABLE delivery (
    delivery_id  VARCHAR(600) PRIMARY KEY,
    event_id     VARCHAR(250) NOT NULL,
    channel      VARCHAR(10)  NOT NULL,
    target       VARCHAR(320) NOT NULL,
    subject      TEXT,
    body         TEXT         NOT NULL,
    state        VARCHAR(10)  NOT NULL,
    tries        INT          NOT NULL DEFAULT 0,
    next_try_at  TIMESTAMPTZ  NOT NULL,
    last_error   TEXT,
    created_at   TIMESTAMPTZ  NOT NULL,
    delivered_at TIMESTAMPTZ
);
CREATE INDEX delivery_due ON delivery (next_try_at) WHERE state = 'PENDING';
CREATE INDEX delivery_by_event ON delivery (event_id);
