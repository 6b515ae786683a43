-- The relay records what Kafka refused: transient refusals are retried, a permanent refusal (e.g. a record too
-- large for the broker) parks the event so the events after it keep flowing. dataref: the CloudEvents claim-check
-- link of a thin notification.
ALTER TABLE outbox_event ADD COLUMN attempts   INTEGER NOT NULL DEFAULT 0;
ALTER TABLE outbox_event ADD COLUMN last_error TEXT;
ALTER TABLE outbox_event ADD COLUMN parked_at  TIMESTAMP(6) WITH TIME ZONE;
ALTER TABLE outbox_event ADD COLUMN dataref    VARCHAR(2000);
DROP INDEX outbox_event_pending;
CREATE INDEX outbox_event_pending ON outbox_event (position) WHERE published_at IS NULL AND parked_at IS NULL;
CREATE INDEX outbox_event_parked ON outbox_event (position) WHERE parked_at IS NOT NULL;
-- Retention deletes published events and old inbox marks by age.
CREATE INDEX outbox_event_published ON outbox_event (published_at) WHERE published_at IS NOT NULL;
CREATE INDEX inbox_event_processed ON inbox_event (processed_at);
