-- The revision last published on uth.learning-subscriptions.v1: a row whose revision is ahead is the relay's to send.
ALTER TABLE subscription ADD COLUMN published_revision INT NOT NULL DEFAULT 0;
CREATE INDEX subscription_unpublished ON subscription (updated_at) WHERE published_revision < revision;
