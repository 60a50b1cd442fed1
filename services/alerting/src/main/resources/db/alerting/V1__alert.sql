CREATE TABLE alert (
    alert_id          VARCHAR(200) PRIMARY KEY,
    kind              VARCHAR(40)  NOT NULL,
    report_id         VARCHAR(64),
    overall_severity  VARCHAR(40)  NOT NULL,
    incident_location VARCHAR(40)  NOT NULL,
    event_date        DATE,
    headline          TEXT         NOT NULL,
    reason            TEXT         NOT NULL,
    raised_at         TIMESTAMPTZ  NOT NULL
);

CREATE INDEX alert_by_location ON alert (incident_location, raised_at DESC);
