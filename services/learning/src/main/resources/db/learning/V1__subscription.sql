-- A subscription to a learning feed. Lists (units, incident types) as |a|b|c|. A deleted subscription keeps its row
-- (the audit of what was sent to whom) and is hidden from its owner.
CREATE TABLE subscription (
    subscription_id    VARCHAR(36) PRIMARY KEY,
    owner              VARCHAR(200) NOT NULL,
    audience           VARCHAR(20) NOT NULL,
    name               VARCHAR(200),
    units              TEXT NOT NULL,
    incident_types     TEXT NOT NULL,
    minimum_severity   VARCHAR(40),
    cross_sector_only  BOOLEAN NOT NULL,
    cadence            VARCHAR(10) NOT NULL,
    channel            VARCHAR(10) NOT NULL,
    target             VARCHAR(320),
    paused             BOOLEAN NOT NULL DEFAULT FALSE,
    deleted            BOOLEAN NOT NULL DEFAULT FALSE,
    created_at         TIMESTAMPTZ NOT NULL,
    updated_at         TIMESTAMPTZ NOT NULL,
    revision           INT NOT NULL
);

CREATE INDEX subscription_by_owner ON subscription (owner, created_at) WHERE NOT deleted;
